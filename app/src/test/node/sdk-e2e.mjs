// Drives a running server through the client SDK exactly as an SDK user would, one step per line.
// Usage: node sdk-e2e.mjs <baseUrl> <path-to-sdk.mjs>
// Env: VOIP_SUPERADMIN_EMAIL, VOIP_SUPERADMIN_PASSWORD. Exits 1 on the first failing step, naming it.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { httpRejection, step } from './sdk-steps.mjs';

const [baseUrl, sdkPath] = process.argv.slice(2);
if (!baseUrl || !sdkPath) {
  console.error('usage: node sdk-e2e.mjs <baseUrl> <path-to-sdk.mjs>');
  process.exit(2);
}
const { VoIPClient, HttpError } = await import(pathToFileURL(resolve(sdkPath)).href);
const rejectsWith = httpRejection(HttpError);

const superadminEmail = process.env.VOIP_SUPERADMIN_EMAIL;
const superadminPassword = process.env.VOIP_SUPERADMIN_PASSWORD;
const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const subdomain = `sdk${unique}`;
const adminEmail = `admin@${subdomain}.example`;
const adminPassword = 'admin-password-42';
const sipPassword = 'secure-sip-password';

/** Expects the call to fail with HttpError of this status, in the API's error shape; returns the error. */
async function rejects(promise, status) {
  const e = await rejectsWith(promise, status);
  assert.equal(typeof e.body.error, 'string', 'an error body carries a sentence');
  assert.equal(typeof e.body.code, 'string', 'an error body carries a code');
  return e;
}

const superadmin = new VoIPClient({ apiUrl: baseUrl });
const admin = new VoIPClient({ apiUrl: baseUrl });
const user = new VoIPClient({ apiUrl: baseUrl });
let tenantId;
let extensionId;
let apiKeyId;
let readonlyKey;
let regeneratedKey;

await step('superadminLogin', async () => {
  const r = await superadmin.superadminLogin({ email: superadminEmail, password: superadminPassword });
  assert.equal(typeof r.token, 'string');
  assert.equal(r.tenant, null);
  assert.equal(superadmin.token, r.token);
});

await step('createTenant', async () => {
  const r = await superadmin.createTenant({ companyName: 'SDK Test Co', subdomain, adminEmail, adminPassword });
  assert.equal(r.tenant.companyName, 'SDK Test Co');
  assert.equal(r.tenant.subdomain, subdomain);
  assert.match(r.tenant.id, /^[0-9a-f-]{36}$/);
  assert.equal(r.admin.email, adminEmail);
  assert.ok(!JSON.stringify(r).includes(adminPassword), 'the admin password is never echoed');
  tenantId = r.tenant.id;
  return tenantId;
});

await step('adminLogin', async () => {
  const r = await admin.adminLogin({ email: adminEmail, password: adminPassword });
  assert.equal(r.tenant.id, tenantId);
  assert.equal(r.tenant.subdomain, subdomain);
  assert.equal(r.tenant.companyName, 'SDK Test Co');
  assert.equal(admin.tenantId, tenantId);
});

await step('createExtension', async () => {
  const r = await admin.createExtension({
    extension: '2001', password: sipPassword, displayName: 'Alice Johnson',
    voicemailEnabled: true, voicemailPin: '1234', recordingEnabled: true,
  });
  assert.equal(r.extension.extension, '2001');
  assert.equal(r.extension.display_name, 'Alice Johnson');
  assert.equal(r.extension.voicemail_enabled, true);
  assert.equal(r.extension.recording_enabled, true);
  assert.equal(r.sip.username, '2001');
  assert.equal(typeof r.sip.domain, 'string');
  assert.ok(r.sip.domain.startsWith(subdomain), `sip.domain ${r.sip.domain} belongs to the tenant`);
  assert.equal(typeof r.sip.server, 'string');
  assert.ok(r.sip.server.length > 0);
  assert.ok(!JSON.stringify(r).includes(sipPassword), 'the SIP password is not in the create answer');
  extensionId = r.extension.id;
  return extensionId;
});

await step('listExtensions', async () => {
  const r = await admin.listExtensions();
  assert.ok(Array.isArray(r.extensions));
  assert.equal(r.extensions.length, 1);
  const e = r.extensions[0];
  for (const field of ['id', 'extension', 'display_name', 'presence', 'voicemail_enabled', 'status', 'crm_user_id']) {
    assert.ok(field in e, `field ${field} in ${JSON.stringify(e)}`);
  }
  assert.equal(e.extension, '2001');
  assert.equal(e.status, 'active');
  assert.equal(e.presence, 'available');
  assert.equal(e.crm_user_id, null);
  assert.ok(!JSON.stringify(r).includes(sipPassword));
});

await step('getExtension', async () => {
  const r = await admin.getExtension(extensionId);
  assert.equal(r.extension.id, extensionId);
  assert.equal(r.extension.display_name, 'Alice Johnson');
});

await step('updateExtension', async () => {
  const r = await admin.updateExtension(extensionId, { displayName: 'Alice J.', status: 'disabled' });
  assert.equal(typeof r.message, 'string');
  const fetched = await admin.getExtension(extensionId);
  assert.equal(fetched.extension.display_name, 'Alice J.');
  assert.equal(fetched.extension.status, 'disabled');
});

await step('updateCrmMapping', async () => {
  const r = await admin.updateCrmMapping(extensionId, { crmUserId: 'crm-alice', crmMetadata: { team: 'sales' } });
  assert.equal(typeof r.message, 'string');
  assert.equal(r.extension.crm_user_id, 'crm-alice');
  assert.deepEqual(r.extension.crm_metadata, { team: 'sales' });
});

await step('setPresence', async () => {
  const r = await admin.setPresence(extensionId, 'busy');
  assert.deepEqual(r, { ok: true, extension: '2001', status: 'busy' });
  assert.equal((await admin.getExtension(extensionId)).extension.presence, 'busy');
});

await step('getSipCredentials by id', async () => {
  const r = await admin.getSipCredentials(extensionId);
  const c = r.sipCredentials;
  assert.equal(c.extension, '2001');
  assert.equal(c.displayName, 'Alice J.');
  assert.equal(c.password, sipPassword);
  assert.ok(c.sipDomain.startsWith(subdomain));
  assert.equal(typeof c.wsUri, 'string');
  assert.equal(typeof c.registrar, 'string');
});

await step('getSipCredentials by number', async () => {
  const r = await admin.getSipCredentials('2001', { byNumber: true, tenantId });
  assert.equal(r.sipCredentials.extension, '2001');
  assert.equal(r.sipCredentials.password, sipPassword);
});

await step('login refused while the extension is disabled', async () => {
  await rejects(new VoIPClient({ apiUrl: baseUrl }).login({ username: '2001', password: sipPassword, tenantId }), 403);
});

await step('login after re-enabling', async () => {
  await admin.updateExtension(extensionId, { status: 'active' });
  const r = await user.login({ username: '2001', password: sipPassword, tenantId });
  assert.equal(typeof r.token, 'string');
  assert.equal(r.user.extension, '2001');
  assert.equal(r.user.tenantId, tenantId);
  assert.equal(r.user.role, 'user');
  assert.equal(user.tenantId, tenantId);
});

await step('login with a wrong password', async () => {
  await rejects(new VoIPClient({ apiUrl: baseUrl }).login({ username: '2001', password: 'wrong-password', tenantId }), 401);
});

await step('me', async () => {
  const r = await user.me();
  assert.equal(r.user.extension, '2001');
  assert.equal(r.user.role, 'user');
  assert.equal(r.tenant.id, tenantId);
});

await step('getTurnCredentials', async () => {
  const r = await user.getTurnCredentials();
  assert.ok(Array.isArray(r.urls) && r.urls.length > 0, `urls: ${JSON.stringify(r.urls)}`);
  assert.ok(r.urls.every((u) => /^turns?:/.test(u)));
  assert.match(r.username, /^\d+:.+/);
  const expiry = Number(r.username.split(':')[0]);
  assert.ok(Math.abs(expiry - (Date.now() / 1000 + r.ttl)) < 60, 'username starts with the expiry time');
  assert.equal(typeof r.credential, 'string');
  assert.ok(r.ttl > 0);
});

await step('a user sees only its own extension', async () => {
  const r = await user.listExtensions();
  assert.deepEqual(r.extensions.map((e) => e.id), [extensionId]);
  await rejects(user.createExtension({ extension: '2099', password: 'abcdefgh', displayName: 'No' }), 403);
});

await step('createApiKey', async () => {
  const r = await admin.createApiKey({ name: 'reporting', role: 'readonly', scopes: ['extensions:read'] });
  assert.equal(r.apiKey.name, 'reporting');
  assert.equal(r.apiKey.role, 'readonly');
  assert.deepEqual(r.apiKey.scopes, ['extensions:read']);
  assert.equal(r.apiKey.status, 'active');
  assert.match(r.apiKey.key, /^csk_live_/);
  apiKeyId = r.apiKey.id;
  readonlyKey = r.apiKey.key;
  return apiKeyId;
});

await step('a readonly key lists but cannot create', async () => {
  const keyed = new VoIPClient({ apiUrl: baseUrl, apiKey: readonlyKey });
  const r = await keyed.listExtensions();
  assert.deepEqual(r.extensions.map((e) => e.extension), ['2001']);
  await rejects(keyed.createExtension({ extension: '2002', password: 'abcdefgh', displayName: 'Nope' }), 403);
});

await step('listApiKeys', async () => {
  const r = await admin.listApiKeys();
  const k = r.apiKeys.find((x) => x.id === apiKeyId);
  assert.ok(k, 'the new key is listed');
  assert.equal(k.name, 'reporting');
  assert.ok(!('key' in k), 'the full key is never listed');
  assert.ok(k.keyPreview.startsWith('csk_live_'), k.keyPreview);
  assert.ok(k.keyPreview.endsWith(readonlyKey.slice(-8)), k.keyPreview);
  assert.ok(!k.keyPreview.includes(readonlyKey.slice(9, -8)), 'the preview masks the key');
  assert.ok(!JSON.stringify(r).includes(readonlyKey));
  for (const field of ['role', 'scopes', 'status', 'createdAt', 'lastUsedAt', 'expiresAt']) {
    assert.ok(field in k, `field ${field}`);
  }
});

await step('getApiKeyDetail', async () => {
  const r = await admin.getApiKeyDetail(apiKeyId);
  assert.equal(r.apiKey.id, apiKeyId);
  assert.ok(!('key' in r.apiKey));
});

await step('regenerateApiKey', async () => {
  const r = await admin.regenerateApiKey(apiKeyId);
  assert.match(r.apiKey.key, /^csk_live_/);
  assert.notEqual(r.apiKey.key, readonlyKey);
  regeneratedKey = r.apiKey.key;
  await rejects(new VoIPClient({ apiUrl: baseUrl, apiKey: readonlyKey }).listExtensions(), 401);
  const renewed = await new VoIPClient({ apiUrl: baseUrl, apiKey: regeneratedKey }).listExtensions();
  assert.equal(renewed.extensions.length, 1);
});

await step('revokeApiKey', async () => {
  const keyed = new VoIPClient({ apiUrl: baseUrl, apiKey: regeneratedKey });
  await keyed.listExtensions();
  await admin.revokeApiKey(apiKeyId);
  await rejects(keyed.listExtensions(), 401);
  assert.equal((await admin.getApiKeyDetail(apiKeyId)).apiKey.status, 'revoked');
});

await step('listTenants', async () => {
  const r = await superadmin.listTenants();
  const t = r.tenants.find((x) => x.id === tenantId);
  assert.ok(t, 'the new tenant is listed');
  assert.equal(t.companyName, 'SDK Test Co');
  assert.equal(t.subdomain, subdomain);
  assert.equal(t.status, 'active');
});

await step('superadmin createExtension without a tenant', async () => {
  const e = await rejects(superadmin.createExtension({ extension: '2002', password: 'abcdefgh', displayName: 'X' }), 400);
  assert.match(e.body.error, /tenantId/);
});

await step('superadmin createExtension with options.tenantId', async () => {
  const r = await superadmin.createExtension({ extension: '2002', password: 'second-sip-pass', displayName: 'Carol' }, { tenantId });
  assert.equal(r.extension.extension, '2002');
  assert.equal(r.extension.tenant_id, tenantId);
  const listed = await admin.listExtensions();
  assert.deepEqual(listed.extensions.map((x) => x.extension).sort(), ['2001', '2002']);
});

await step("the SDK's example: createExtension 3001 with password 'pass123'", async () => {
  const r = await superadmin.createExtension({ extension: '3001', password: 'pass123', displayName: 'Bob' }, { tenantId });
  assert.equal(r.extension.extension, '3001');
  assert.equal(r.extension.display_name, 'Bob');
  const c = await admin.getSipCredentials(r.extension.id);
  assert.equal(c.sipCredentials.password, 'pass123');
});

await step('getTenant', async () => {
  const r = await superadmin.getTenant(tenantId);
  assert.equal(r.tenant.id, tenantId);
  assert.equal(r.tenant.subdomain, subdomain);
});

await step('updateTenant', async () => {
  const r = await superadmin.updateTenant(tenantId, { companyName: 'SDK Test Co (renamed)' });
  assert.equal(typeof r.message, 'string');
  assert.equal((await superadmin.getTenant(tenantId)).tenant.companyName, 'SDK Test Co (renamed)');
});

await step('deleteTenant', async () => {
  const r = await superadmin.deleteTenant(tenantId);
  assert.equal(typeof r.message, 'string');
  await rejects(superadmin.getTenant(tenantId), 404);
  const listed = await superadmin.listTenants();
  assert.ok(!listed.tenants.some((x) => x.id === tenantId));
});

console.log('all SDK steps passed');
