// Step helpers shared by the SDK scripts: named steps that stop the script on the first failure,
// expected HTTP errors, and polling for what the server reaches asynchronously.
import assert from 'node:assert/strict';

/** Runs one named step; prints ok (with the detail it returns) or FAIL, and exits 1 on failure. */
export async function step(name, body) {
  try {
    const detail = await body();
    console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  }
}

/**
 * A check that a call fails with the SDK's HttpError of `status` (and error `code`, when given);
 * it returns the error.
 */
export function httpRejection(HttpError) {
  return async function rejects(promise, status, code) {
    try {
      const result = await promise;
      assert.fail(`expected HttpError ${status}, got success: ${JSON.stringify(result).slice(0, 300)}`);
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      assert.ok(e instanceof HttpError, `expected HttpError, got ${e}`);
      assert.equal(e.status, status, `expected ${status}: ${e.message}`);
      if (code) assert.equal(e.body?.code, code, JSON.stringify(e.body));
      return e;
    }
  };
}

/** Polls until `probe` returns a truthy value (10 s at most). */
export async function eventually(probe, what) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
