// Drives live calls on the simulated switch through the client SDK, one step per line.
// Usage: node sdk-calls-e2e.mjs <baseUrl> <path-to-sdk.mjs>
// Env: VOIP_SUPERADMIN_EMAIL, VOIP_SUPERADMIN_PASSWORD. Exits 1 on the first failing step, naming it.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { eventually, httpRejection, step } from './sdk-steps.mjs';

const [baseUrl, sdkPath] = process.argv.slice(2);
const { VoIPClient, HttpError } = await import(pathToFileURL(resolve(sdkPath)).href);
const rejects = httpRejection(HttpError);
const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const subdomain = `calls${unique}`;

const superadmin = new VoIPClient({ apiUrl: baseUrl });
const voip = new VoIPClient({ apiUrl: baseUrl });
const legsOf = async (callUuid) => (await voip.getActiveCalls()).activeCalls.filter((c) => c.call_uuid === callUuid);
const connected = async (callUuid) => {
  const legs = await legsOf(callUuid);
  return legs.length === 2 && legs.every((l) => l.answered && l.status === 'active') ? legs : null;
};
const recordOf = async (callUuid) => (await voip.listCalls({ limit: 500 })).calls.find((c) => c.call_uuid === callUuid);

await step('a tenant with extensions 1001-1003', async () => {
  await superadmin.superadminLogin({ email: process.env.VOIP_SUPERADMIN_EMAIL, password: process.env.VOIP_SUPERADMIN_PASSWORD });
  await superadmin.createTenant({ companyName: 'Calls Co', subdomain, adminEmail: `admin@${subdomain}.example`, adminPassword: 'admin-password-42' });
  await voip.adminLogin({ email: `admin@${subdomain}.example`, password: 'admin-password-42' });
  for (const n of ['1001', '1002', '1003']) {
    await voip.createExtension({ extension: n, password: `sip-pass-${n}`, displayName: `User ${n}` });
  }
});

let callUuid;
await step('originate: click-to-call from 1001 to 1002', async () => {
  const r = await voip.originate({ fromExtension: '1001', toNumber: '1002' });
  assert.equal(r.message, 'Call originated successfully');
  callUuid = r.callUuid;
  const legs = await eventually(() => connected(callUuid), 'both legs answered');
  assert.deepEqual(legs.map((l) => l.extension).sort(), ['1001', '1002']);
  assert.ok(legs.every((l) => l.direction === 'internal' && typeof l.started_at === 'string'));
  return callUuid;
});

await step('holdCall and resume', async () => {
  assert.equal((await voip.holdCall(callUuid, true)).message, 'Call placed on hold');
  await eventually(async () => (await legsOf(callUuid)).find((l) => l.uuid === callUuid && l.on_hold && l.status === 'held'), 'held');
  assert.equal((await voip.holdCall(callUuid, false)).message, 'Call resumed');
  await eventually(async () => (await legsOf(callUuid)).find((l) => l.uuid === callUuid && !l.on_hold), 'resumed');
});

await step('parkCall takes slot 701 and getParkedCalls shows it', async () => {
  const r = await voip.parkCall(callUuid);
  assert.equal(r.slot, '701');
  const parked = await eventually(async () => (await voip.getParkedCalls()).parkedCalls.find((p) => p.slot === '701'), 'parked call');
  assert.equal(typeof parked.uuid, 'string');
});

await step('1003 dials 701 and picks the parked call up', async () => {
  await voip.originate({ fromExtension: '1003', toNumber: '701' });
  await eventually(async () => (await voip.getParkedCalls()).parkedCalls.length === 0, 'slot 701 free again');
});

await step('hangup every leg leaves one completed call record', async () => {
  for (const leg of (await voip.getActiveCalls()).activeCalls) {
    await voip.hangup(leg.uuid).catch((e) => { if (!(e instanceof HttpError && e.status === 400)) throw e; });
  }
  const record = await eventually(() => recordOf(callUuid), 'the call record');
  assert.equal(record.status, 'completed');
  assert.equal(record.direction, 'internal');
  assert.equal(typeof record.duration_seconds, 'number');
  assert.equal(typeof record.billsec, 'number');
  assert.ok('forwarded_to' in record && 'was_voicemail' in record && 'cdn_url' in record && 'audio_url' in record);
  const again = await voip.getCall(record.id);
  assert.equal(again.call.id, record.id);
});

await step('a busy destination is a missed call with cause USER_BUSY', async () => {
  const { callUuid: busy } = await voip.originate({ fromExtension: '1001', toNumber: '+15550100486' });
  const record = await eventually(() => recordOf(busy), 'the busy call record');
  assert.equal(record.status, 'missed');
  assert.equal(record.hangup_cause, 'USER_BUSY');
  assert.equal(record.direction, 'outbound');
});

await step('transfer (blind) sends the other party to 1003', async () => {
  const { callUuid: call } = await voip.originate({ fromExtension: '1001', toNumber: '1002' });
  await eventually(() => connected(call), 'connected');
  assert.equal(typeof (await voip.transfer(call, { targetExtension: '1003', type: 'blind' })).message, 'string');
  await eventually(async () => (await legsOf(call)).some((l) => l.extension === '1003' && l.answered), '1003 answered');
  for (const leg of await legsOf(call)) await voip.hangup(leg.uuid).catch(() => {});
  const record = await eventually(() => recordOf(call), 'the transferred call record');
  assert.equal(record.forwarded_to, '1003');
});

await step('eavesdropCall rings the supervisor and returns a spyUuid', async () => {
  const { callUuid: call } = await voip.originate({ fromExtension: '1001', toNumber: '1002' });
  await eventually(() => connected(call), 'connected');
  const r = await voip.eavesdropCall(call, '1003', 'whisper');
  assert.equal(typeof r.spyUuid, 'string');
  await eventually(async () => (await voip.getActiveCalls()).activeCalls.some((l) => l.uuid === r.spyUuid), 'spy leg');
  await voip.hangup(r.spyUuid);
  await voip.hangup(call);
});

await step('transferToConference, listConferences, getConference, muteConferenceMember, kickFromConference', async () => {
  const { callUuid: call } = await voip.originate({ fromExtension: '1001', toNumber: '1002' });
  await eventually(() => connected(call), 'connected');
  const { conferenceName } = await voip.transferToConference(call, 'sales-huddle');
  assert.equal(conferenceName, 'sales-huddle');
  const listed = await eventually(async () => (await voip.listConferences()).conferences.find((c) => c.name === conferenceName), 'the conference');
  assert.equal(listed.memberCount, 1);
  const { conference } = await voip.getConference(conferenceName);
  assert.equal(typeof conference.runTime, 'string');
  const member = conference.members[0];
  assert.equal(typeof (await voip.muteConferenceMember(conferenceName, member.memberId, true)).message, 'string');
  assert.equal(typeof (await voip.kickFromConference(conferenceName, member.memberId)).message, 'string');
  for (const leg of await legsOf(call)) await voip.hangup(leg.uuid).catch(() => {});
});

await step('getCallStats and exportCalls', async () => {
  const { stats } = await voip.getCallStats('today');
  assert.equal(stats.period, 'today');
  assert.ok(stats.total >= 3 && stats.internal >= 2 && stats.outbound >= 1, JSON.stringify(stats));
  const csv = await voip.exportCalls({ dateFrom: new Date().toISOString().slice(0, 10) });
  assert.equal(typeof csv, 'string');
  assert.match(csv.split(/\r?\n/)[0], /^id,call_uuid,/);
  assert.ok(csv.includes(callUuid));
});

await step('getDashboardStats, getCallsByDay and getTopExtensions report the calls above', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const { pagination } = await voip.listCalls({ dateFrom: today, limit: 1 });
  const { dashboard } = await voip.getDashboardStats();
  assert.equal(dashboard.extensions, 3);
  assert.equal(dashboard.dids, 0);
  assert.ok(dashboard.callsToday >= pagination.total && dashboard.callsThisMonth >= dashboard.callsToday, JSON.stringify(dashboard));
  const { callsByDay } = await voip.getCallsByDay();
  const days = Object.keys(callsByDay);
  assert.equal(days.length, 7);
  assert.equal(days[6], today);
  assert.deepEqual(days, [...days].sort());
  const day = callsByDay[today];
  assert.ok(day.total >= 3 && day.internal >= 2 && day.outbound >= 1, JSON.stringify(day));
  assert.equal(day.total, day.inbound + day.outbound + day.internal);
  assert.equal(typeof day.totalDuration, 'number');
  for (const d of days.slice(0, 6)) assert.deepEqual(callsByDay[d], { total: 0, inbound: 0, outbound: 0, internal: 0, totalDuration: 0 });
  const { callsByDay: month } = await voip.getCallsByDay(30);
  assert.equal(Object.keys(month).length, 30);
  const { topExtensions } = await voip.getTopExtensions(7, 2);
  assert.ok(topExtensions.length >= 1 && topExtensions.length <= 2, JSON.stringify(topExtensions));
  for (const e of topExtensions) {
    assert.ok(['1001', '1002', '1003'].includes(e.extension), JSON.stringify(e));
    assert.equal(typeof e.totalCalls, 'number');
    assert.equal(typeof e.totalDuration, 'number');
  }
  assert.ok(topExtensions.every((e, i) => i === 0 || topExtensions[i - 1].totalCalls >= e.totalCalls));
  await rejects(voip.getCallsByDay(367), 400, 'VALIDATION_FAILED');
  await rejects(voip.getTopExtensions(7, 101), 400, 'VALIDATION_FAILED');
});

await step('the SDK-documented errors', async () => {
  await rejects(voip.hangup('00000000-0000-0000-0000-000000000000'), 400);
  await rejects(voip.originate({ fromExtension: '9999', toNumber: '1002' }), 400);
  await rejects(voip.originate({ fromExtension: '1001', toNumber: 'not-a-number' }), 400);
  await rejects(voip.holdCall('00000000-0000-0000-0000-000000000000', true), 400);
});

console.log('all SDK call steps passed');
