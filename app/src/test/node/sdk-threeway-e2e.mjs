// Drives three-way calling on the simulated switch through the client SDK, following the SDK's
// own examples (addCallParticipant → wait for the answer → mergeCalls → swapCallParticipant →
// mergeCalls again → mute/kick; mergeDirectCalls for a desk phone's two calls).
// Usage: node sdk-threeway-e2e.mjs <baseUrl> <path-to-sdk.mjs>
// Env: VOIP_SUPERADMIN_EMAIL, VOIP_SUPERADMIN_PASSWORD. Exits 1 on the first failing step, naming it.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { eventually, httpRejection, step } from './sdk-steps.mjs';

const [baseUrl, sdkPath] = process.argv.slice(2);
const { VoIPClient, HttpError } = await import(pathToFileURL(resolve(sdkPath)).href);
const rejects = httpRejection(HttpError);
const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const subdomain = `threeway${unique}`;

const superadmin = new VoIPClient({ apiUrl: baseUrl });
const voip = new VoIPClient({ apiUrl: baseUrl });
const active = async () => (await voip.getActiveCalls()).activeCalls;
const leg = async (uuid) => (await active()).find((c) => c.uuid === uuid);
/**
 * Originates from the agent's extension and waits until both legs are answered and bridged to each
 * other (what add-participant needs, as docs/api.md says); returns the agent's leg and the other.
 */
async function call(agent, other) {
  const { callUuid } = await voip.originate({ fromExtension: agent, toNumber: other });
  const legs = await eventually(async () => {
    const both = (await active()).filter((c) => c.call_uuid === callUuid);
    return both.length === 2 && both.every((l) => l.answered && l.status === 'active' && l.bridged_to) ? both : null;
  }, 'both legs answered and bridged');
  return { mine: callUuid, theirs: legs.find((l) => l.uuid !== callUuid).uuid };
}

await step('a tenant with extensions 1001-1004', async () => {
  await superadmin.superadminLogin({ email: process.env.VOIP_SUPERADMIN_EMAIL, password: process.env.VOIP_SUPERADMIN_PASSWORD });
  await superadmin.createTenant({ companyName: 'Three Way Co', subdomain, adminEmail: `admin@${subdomain}.example`, adminPassword: 'admin-password-42' });
  await voip.adminLogin({ email: `admin@${subdomain}.example`, password: 'admin-password-42' });
  for (const n of ['1001', '1002', '1003', '1004']) {
    await voip.createExtension({ extension: n, password: `sip-pass-${n}`, displayName: `User ${n}` });
  }
});

let currentCallUuid, customerLeg, newCallUuid, originalBridgedLeg, conferenceName, participants;
await step('a two-party call: 1001 (the agent) talks to 1002', async () => {
  ({ mine: currentCallUuid, theirs: customerLeg } = await call('1001', '1002'));
  return currentCallUuid;
});

await step('addCallParticipant holds the other party and dials the third one', async () => {
  ({ newCallUuid, originalBridgedLeg } = await voip.addCallParticipant(currentCallUuid, { toNumber: '+17865559999' }));
  assert.equal(originalBridgedLeg, customerLeg);
  assert.equal((await leg(customerLeg)).on_hold, true);
  return newCallUuid;
});

await step('mergeCalls before person B answered is refused with INVALID_STATE', async () => {
  // The simulated phone answers after a second (the test server's VOIP_SIM_ANSWER_MS): B still rings.
  assert.equal((await leg(newCallUuid))?.answered, false);
  await rejects(voip.mergeCalls({ callUuidA: currentCallUuid, callUuidB: newCallUuid }), 400, 'INVALID_STATE');
});

await step('wait for person B to answer (polling), then mergeCalls', async () => {
  await eventually(async () => (await leg(newCallUuid))?.answered, 'person B answered');
  ({ conferenceName, participants } = await voip.mergeCalls({
    callUuidA: currentCallUuid,
    callUuidB: newCallUuid,
    bridgedLegA: originalBridgedLeg,
  }));
  assert.match(conferenceName, /^[A-Za-z0-9_-]+$/);
  assert.equal(participants.length, 3);
  participants.forEach((p) => {
    assert.equal(typeof p.memberId, 'string');
    assert.equal(typeof p.callerIdNumber, 'string');
    assert.equal(p.muted, false);
    assert.equal(p.status, 'active');
  });
  assert.deepEqual(participants.map((p) => p.uuid).sort(), [currentCallUuid, customerLeg, newCallUuid].sort());
  return conferenceName;
});

const customer = () => participants.find((p) => p.uuid === customerLeg);
const manager = () => participants.find((p) => p.uuid === newCallUuid);

await step('swapCallParticipant: talk privately with B while the customer holds', async () => {
  const swapped = await voip.swapCallParticipant({ conferenceName, keepUuid: manager().uuid, holdUuid: customer().uuid });
  assert.equal(swapped.conferenceName, conferenceName);
  assert.equal(swapped.activeUuid, manager().uuid);
  assert.equal(swapped.heldUuid, customer().uuid);
});

await step('mergeCalls again brings everybody back (Rejoin All)', async () => {
  const rejoined = await voip.mergeCalls({ callUuidA: currentCallUuid, callUuidB: manager().uuid });
  assert.equal(rejoined.conferenceName, conferenceName);
  assert.ok(rejoined.participants.every((p) => p.status === 'active'));
});

await step('muteConferenceMember and kickFromConference back to a two-party call', async () => {
  await voip.muteConferenceMember(conferenceName, manager().memberId, true);
  const { conference } = await voip.getConference(conferenceName);
  assert.equal(conference.members.find((m) => m.memberId === manager().memberId).muted, true);
  await voip.kickFromConference(conferenceName, customer().memberId);
  await eventually(async () => !(await leg(customerLeg)), 'the customer gone');
  await eventually(async () => {
    try { await voip.getConference(conferenceName); return false; } catch (e) { return e.status === 404; }
  }, 'the conference closed');
  await voip.hangup(currentCallUuid);
});

await step('mergeDirectCalls: a desk phone held call A, dialled call B, merges them', async () => {
  const first = await call('1004', '1002');
  await voip.holdCall(first.mine, true);
  await eventually(async () => (await leg(first.mine))?.on_hold, 'held');
  const second = await call('1004', '1003');
  // The desk phone's own calls: one held, one active.
  const { activeCalls } = await voip.getActiveCalls();
  const mine = activeCalls.filter((c) => c.extension === '1004');
  const heldCall = mine.find((c) => c.on_hold);
  const activeCall = mine.find((c) => !c.on_hold && c.uuid !== heldCall?.uuid);
  assert.ok(heldCall && activeCall);
  const { conferenceName: merged, participants: joined } = await voip.mergeDirectCalls({
    callUuidA: heldCall.uuid,
    callUuidB: activeCall.uuid,
  });
  assert.deepEqual(joined.map((p) => p.uuid).sort(), [first.mine, first.theirs, second.theirs].sort());
  await voip.muteConferenceMember(merged, joined[1].memberId, true);
  await voip.kickFromConference(merged, joined[2].memberId);
  await voip.hangup(first.mine);
  return merged;
});

await step('the documented 400s', async () => {
  const { mine } = await call('1001', '1002');
  await rejects(voip.addCallParticipant(mine, {}), 400);
  await rejects(voip.addCallParticipant(mine, { toNumber: '+17865559999', toExtension: '1003' }), 400);
  await rejects(voip.addCallParticipant('00000000-0000-0000-0000-000000000000', { toExtension: '1003' }), 400);
  await rejects(voip.swapCallParticipant({ conferenceName: 'no-such-room', keepUuid: mine, holdUuid: mine }), 400);
  await rejects(voip.mergeDirectCalls({ callUuidA: mine, callUuidB: '00000000-0000-0000-0000-000000000000' }), 400);
  await voip.hangup(mine);
});

console.log('all SDK three-way steps passed');
