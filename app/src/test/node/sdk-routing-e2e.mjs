// Drives every routing resource through the client SDK as its users do, then tries the call flows the
// README shows from the sandbox: DID → schedule → ring group → voicemail, an after-hours call, an IVR
// key choosing a queue, and a blocked caller; then webhooks (listWebhooks, getWebhook, createWebhook,
// deleteWebhook). One step per line.
// Usage: node sdk-routing-e2e.mjs <baseUrl> <path-to-sdk.mjs>
// Env: VOIP_SUPERADMIN_EMAIL, VOIP_SUPERADMIN_PASSWORD. Exits 1 on the first failing step, naming it.
// Routes the SDK has no method for (IVR menus, queue agents, the sandbox, GET /api/dids/{id}) go
// through the SDK's own client.request(method, path, body), as its methods do.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { eventually, httpRejection, step } from './sdk-steps.mjs';

const [baseUrl, sdkPath] = process.argv.slice(2);
if (!baseUrl || !sdkPath) {
  console.error('usage: node sdk-routing-e2e.mjs <baseUrl> <path-to-sdk.mjs>');
  process.exit(2);
}
const { VoIPClient, HttpError } = await import(pathToFileURL(resolve(sdkPath)).href);
const rejectsWith = httpRejection(HttpError);
const started = Date.now();
const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const subdomain = `route${unique}`;
const otherSubdomain = `other${unique}`;
const adminPassword = 'admin-password-42';
// DIDs are unique on the whole platform: numbers of this run only.
const didBase = 1_000_000 + Math.floor(Math.random() * 8_000_000);
let nextDid = 0;
const newDidNumber = () => `+1555${didBase + 10 * nextDid++}`;
const caller = `+1555765${String(Math.floor(Math.random() * 9000) + 1000)}`;
const spammer = '+15557659999';
const UUID = /^[0-9a-f-]{36}$/;

/** Expects HttpError of this status in the API's error shape ({error, code}); returns the error. */
async function rejects(promise, status, code) {
  const e = await rejectsWith(promise, status, code);
  assert.equal(typeof e.body.error, 'string', `an error body carries a sentence: ${JSON.stringify(e.body)}`);
  assert.equal(typeof e.body.code, 'string', `an error body carries a code: ${JSON.stringify(e.body)}`);
  return e;
}

const superadmin = new VoIPClient({ apiUrl: baseUrl });
const admin = new VoIPClient({ apiUrl: baseUrl });
const otherAdmin = new VoIPClient({ apiUrl: baseUrl });
const anonymous = new VoIPClient({ apiUrl: baseUrl });

/** The sandbox's trail of a call, once it holds `action`. */
const routeUntil = (callUuid, action, what) => eventually(async () => {
  const r = await admin.request('GET', `/api/sandbox/calls/${callUuid}/route`);
  assert.equal(r.callUuid, callUuid);
  return r.route.some((s) => s.action === action) ? r.route : null;
}, what ?? `route step ${action}`);
const actions = (route) => route.map((s) => s.action);
const sandboxCall = async (from, to) => {
  const r = await admin.request('POST', '/api/sandbox/calls', { from, to });
  assert.equal(typeof r.message, 'string');
  assert.match(r.callUuid, UUID);
  return r.callUuid;
};
const hangupLegs = async (callUuid) => {
  for (const leg of (await admin.getActiveCalls()).activeCalls.filter((l) => l.call_uuid === callUuid)) {
    await admin.hangup(leg.uuid).catch((e) => { if (!(e instanceof HttpError && e.status === 400)) throw e; });
  }
};

let tenantId;
await step('a tenant with extensions 1001-1003 (1003 with voicemail), and another tenant', async () => {
  await superadmin.superadminLogin({ email: process.env.VOIP_SUPERADMIN_EMAIL, password: process.env.VOIP_SUPERADMIN_PASSWORD });
  tenantId = (await superadmin.createTenant({ companyName: 'Routing Co', subdomain, adminEmail: `admin@${subdomain}.example`, adminPassword })).tenant.id;
  await superadmin.createTenant({ companyName: 'Other Co', subdomain: otherSubdomain, adminEmail: `admin@${otherSubdomain}.example`, adminPassword });
  await admin.adminLogin({ email: `admin@${subdomain}.example`, password: adminPassword });
  await otherAdmin.adminLogin({ email: `admin@${otherSubdomain}.example`, password: adminPassword });
  await admin.createExtension({ extension: '1001', password: 'sip-pass-1001', displayName: 'Alice' });
  await admin.createExtension({ extension: '1002', password: 'sip-pass-1002', displayName: 'Bob' });
  await admin.createExtension({ extension: '1003', password: 'sip-pass-1003', displayName: 'Reception', voicemailEnabled: true, voicemailPin: '1234' });
  return tenantId;
});

// ---- schedules ----
const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
let openSchedule;
let closedSchedule;
await step('createSchedule → { schedule }', async () => {
  const { schedule } = await admin.createSchedule({
    name: 'Always open',
    timezone: 'America/Chicago',
    schedules: everyDay.map((day) => ({ day, enabled: true, startTime: '00:00', endTime: '00:00' })),
    holidays: [{ date: '2099-12-25', name: 'Christmas Day' }],
    afterHoursAction: 'voicemail',
    afterHoursTarget: '1003',
  });
  assert.match(schedule.id, UUID);
  assert.equal(schedule.tenant_id, tenantId);
  assert.equal(schedule.name, 'Always open');
  assert.equal(schedule.timezone, 'America/Chicago');
  assert.equal(schedule.schedules.length, 7);
  assert.deepEqual(schedule.schedules[0], { day: 'monday', enabled: true, startTime: '00:00', endTime: '00:00' });
  assert.deepEqual(schedule.holidays, [{ date: '2099-12-25', name: 'Christmas Day' }]);
  assert.equal(schedule.after_hours_action, 'voicemail');
  assert.equal(schedule.after_hours_target, '1003');
  openSchedule = schedule;
  const closed = await admin.createSchedule({ name: 'Never open', timezone: 'UTC', schedules: [], afterHoursAction: 'voicemail', afterHoursTarget: '1003' });
  closedSchedule = closed.schedule;
  return openSchedule.id;
});

await step('createSchedule with an invalid timezone is 400', async () => {
  const e = await rejects(admin.createSchedule({ name: 'Bad zone', timezone: 'Mars/Olympus', afterHoursAction: 'hangup' }), 400);
  assert.ok(JSON.stringify(e.body).includes('timezone'), JSON.stringify(e.body));
});

await step('createSchedule with a taken name is 400', async () => {
  await rejects(admin.createSchedule({ name: 'Always open', timezone: 'UTC' }), 400, 'DUPLICATE');
});

await step('listSchedules and getSchedule', async () => {
  const { schedules } = await admin.listSchedules();
  assert.deepEqual(schedules.map((s) => s.name), ['Always open', 'Never open']);
  const { schedule } = await admin.getSchedule(openSchedule.id);
  assert.deepEqual(schedule, openSchedule);
});

await step('getScheduleStatus → isOpen, schedule, timezone, currentTime', async () => {
  const open = await admin.getScheduleStatus(openSchedule.id);
  assert.equal(open.isOpen, true);
  assert.equal(open.schedule, 'Always open');
  assert.equal(open.timezone, 'America/Chicago');
  assert.match(open.currentTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  assert.ok(Math.abs(Date.parse(open.currentTime) - Date.now()) < 60_000, open.currentTime);
  const closed = await admin.getScheduleStatus(closedSchedule.id);
  assert.equal(closed.isOpen, false);
  assert.equal(closed.timezone, 'UTC');
  return `${open.currentTime}`;
});

await step('updateSchedule changes the fields sent', async () => {
  const r = await admin.updateSchedule(closedSchedule.id, { name: 'Closed', timezone: 'Europe/Berlin' });
  assert.equal(typeof r.message, 'string');
  assert.equal(r.schedule.name, 'Closed');
  assert.equal(r.schedule.timezone, 'Europe/Berlin');
  assert.equal(r.schedule.after_hours_target, '1003');
  assert.equal((await admin.getScheduleStatus(closedSchedule.id)).isOpen, false);
  await rejects(admin.updateSchedule(closedSchedule.id, { timezone: 'GMT+2' }), 400);
});

// ---- ring groups ----
let ringGroup;
await step('createRingGroup → { ringGroup } with members[].delay_seconds', async () => {
  const r = await admin.createRingGroup({
    name: 'Sales Team', strategy: 'simultaneous', ringTimeout: 5,
    noAnswerAction: 'voicemail', noAnswerTarget: '1003',
    members: [{ extension: '1001', priority: 1, delaySeconds: 0 }, { extension: '1002', priority: 2, delaySeconds: 3 }],
  });
  ringGroup = r.ringGroup;
  assert.match(ringGroup.id, UUID);
  assert.equal(ringGroup.tenant_id, tenantId);
  assert.equal(ringGroup.strategy, 'simultaneous');
  assert.equal(ringGroup.ring_timeout, 5);
  assert.equal(ringGroup.no_answer_action, 'voicemail');
  assert.equal(ringGroup.no_answer_target, '1003');
  assert.deepEqual(ringGroup.members, [
    { extension: '1001', priority: 1, delay_seconds: 0 },
    { extension: '1002', priority: 2, delay_seconds: 3 },
  ]);
  return ringGroup.id;
});

await step('createRingGroup refuses a duplicate name, an unknown member and a ringTimeout under 5 s', async () => {
  await rejects(admin.createRingGroup({ name: 'Sales Team', members: [] }), 400, 'DUPLICATE');
  const e = await rejects(admin.createRingGroup({ name: 'Ghosts', members: [{ extension: '4242' }] }), 400);
  assert.ok(JSON.stringify(e.body).includes('members[0].extension'), JSON.stringify(e.body));
  await rejects(admin.createRingGroup({ name: 'Hasty', ringTimeout: 4, members: [] }), 400);
});

await step('listRingGroups, getRingGroup and updateRingGroup', async () => {
  const { ringGroups } = await admin.listRingGroups();
  assert.deepEqual(ringGroups.map((g) => g.id), [ringGroup.id]);
  assert.equal(ringGroups[0].members[1].delay_seconds, 3);
  assert.deepEqual((await admin.getRingGroup(ringGroup.id)).ringGroup, ringGroup);
  const r = await admin.updateRingGroup(ringGroup.id, { members: [{ extension: '1001' }, { extension: '1002' }] });
  assert.equal(typeof r.message, 'string');
  assert.deepEqual(r.ringGroup.members, [
    { extension: '1001', priority: 1, delay_seconds: 0 },
    { extension: '1002', priority: 1, delay_seconds: 0 },
  ]);
  assert.equal(r.ringGroup.ring_timeout, 5, 'fields not sent stay');
  ringGroup = r.ringGroup;
});

// ---- paging groups ----
let pagingGroup;
await step('createPagingGroup → { pagingGroup } with extension_code', async () => {
  const r = await admin.createPagingGroup({
    name: 'All Employees', description: 'Broadcast to all office phones', extensionCode: '*801',
    members: [{ extension: '1001' }, { extension: '1002' }, { extension: '1003' }],
  });
  pagingGroup = r.pagingGroup;
  assert.match(pagingGroup.id, UUID);
  assert.equal(pagingGroup.tenant_id, tenantId);
  assert.equal(pagingGroup.extension_code, '*801');
  assert.equal(pagingGroup.description, 'Broadcast to all office phones');
  assert.deepEqual(pagingGroup.members, [{ extension: '1001' }, { extension: '1002' }, { extension: '1003' }]);
});

await step('createPagingGroup with a taken extension code is 400', async () => {
  const e = await rejects(admin.createPagingGroup({ name: 'Warehouse', extensionCode: '*801', members: [{ extension: '1002' }] }), 400, 'DUPLICATE');
  assert.ok(e.body.error.includes('All Employees'), `the answer names the group that has the code: ${e.body.error}`);
  await rejects(admin.createPagingGroup({ name: 'Warehouse', extensionCode: '801', members: [] }), 400);
});

await step('listPagingGroups and getPagingGroup', async () => {
  const { pagingGroups } = await admin.listPagingGroups();
  assert.deepEqual(pagingGroups.map((g) => [g.name, g.extension_code, g.members.length]), [['All Employees', '*801', 3]]);
  assert.deepEqual((await admin.getPagingGroup(pagingGroup.id)).pagingGroup, pagingGroup);
});

await step('broadcastPaging pages the online members', async () => {
  const r = await admin.broadcastPaging(pagingGroup.id, '1001');
  assert.match(r.jobId, UUID);
  assert.equal(r.groupName, 'All Employees');
  assert.equal(typeof r.conferenceName, 'string');
  assert.equal(r.membersTotal, 2, 'the caller is not paged');
  assert.equal(r.membersOnline, 2);
  assert.equal(r.membersContacted, 2);
  assert.deepEqual(r.results, [{ extension: '1002', status: 'online' }, { extension: '1003', status: 'online' }]);
  await eventually(async () => (await admin.listConferences()).conferences.some((c) => c.name === r.conferenceName), 'the page room');
  await admin.hangup(r.jobId);
  await eventually(async () => !(await admin.listConferences()).conferences.some((c) => c.name === r.conferenceName), 'the page to end');
  await rejects(admin.broadcastPaging(pagingGroup.id, '4242'), 400);
  return r.conferenceName;
});

// ---- queues and IVR menus ----
let queue;
await step('createQueue → { queue } and listQueues', async () => {
  const r = await admin.createQueue({ name: 'Support', strategy: 'ring-all', agents: [{ extension: '1002' }] });
  queue = r.queue;
  assert.match(queue.id, UUID);
  assert.equal(queue.strategy, 'ring-all');
  assert.deepEqual(queue.agents.map((a) => [a.extension, a.status]), [['1002', 'logged_out']]);
  const { queues } = await admin.listQueues();
  assert.deepEqual(queues.map((q) => q.id), [queue.id]);
  assert.equal(queues[0].agents.length, 1);
});

await step('an agent logs in (client.request POST /api/queues/{id}/agents/1002/login)', async () => {
  const r = await admin.request('POST', `/api/queues/${queue.id}/agents/1002/login`);
  assert.equal(typeof r.message, 'string');
  assert.deepEqual([r.agent.extension, r.agent.status], ['1002', 'available']);
  await rejects(admin.request('POST', `/api/queues/${queue.id}/agents/1002/unpause`), 400, 'INVALID_STATE');
});

let menu;
await step('an IVR menu whose key 2 chooses the queue (client.request POST /api/ivr-menus)', async () => {
  const r = await admin.request('POST', '/api/ivr-menus', {
    name: 'Main', greeting: 'Thanks for calling. For support, press 2.',
    options: [{ digit: '2', action: 'queue', target: 'Support' }],
    timeoutAction: 'voicemail', timeoutTarget: '1003',
  });
  menu = r.ivrMenu;
  assert.match(menu.id, UUID);
  assert.deepEqual(menu.options, [{ digit: '2', action: 'queue', target: queue.id }], 'a queue named is stored as its id');
  assert.deepEqual([menu.timeout_action, menu.timeout_target], ['voicemail', '1003']);
  assert.equal((await admin.request('GET', '/api/ivr-menus')).ivrMenus.length, 1);
});

await step('an IVR menu named as a no-answer or after-hours target is stored as its id', async () => {
  const { ringGroup: overflow } = await admin.createRingGroup({ name: 'Overflow', noAnswerAction: 'ivr', noAnswerTarget: 'Main', members: [{ extension: '1001' }] });
  assert.deepEqual([overflow.no_answer_action, overflow.no_answer_target], ['ivr', menu.id]);
  await admin.deleteRingGroup(overflow.id);
  await rejects(admin.createRingGroup({ name: 'Overflow', noAnswerAction: 'queue', noAnswerTarget: '00000000-0000-0000-0000-000000000001', members: [] }), 400);
  const { schedule } = await admin.updateSchedule(closedSchedule.id, { afterHoursAction: 'ivr', afterHoursTarget: 'Main' });
  assert.deepEqual([schedule.after_hours_action, schedule.after_hours_target], ['ivr', menu.id]);
  await rejects(admin.updateSchedule(closedSchedule.id, { afterHoursAction: 'ivr', afterHoursTarget: 'Nowhere' }), 400);
});

// ---- DIDs ----
let salesDid;
let menuDid;
await step('createDid → { did } routed to the ring group, following the open schedule', async () => {
  const number = newDidNumber();
  const written = `+1 (555) ${number.slice(5, 8)}-${number.slice(8)}`;
  const r = await admin.createDid({ number: written, inboundRoute: 'ring_group', routeTarget: 'Sales Team', scheduleId: openSchedule.id });
  salesDid = r.did;
  assert.match(salesDid.id, UUID);
  assert.equal(salesDid.number, number, `${written} is stored as E.164`);
  assert.equal(salesDid.tenant_id, tenantId);
  assert.equal(salesDid.inbound_route, 'ring_group');
  assert.equal(salesDid.route_target, ringGroup.id);
  assert.equal(salesDid.schedule_id, openSchedule.id);
  assert.equal(salesDid.emergency_caller_id, false);
  assert.equal(salesDid.status, 'active');
  menuDid = (await admin.createDid({ number: newDidNumber(), inboundRoute: 'ivr', routeTarget: 'Main' })).did;
  assert.equal(menuDid.route_target, menu.id, 'a menu named is stored as its id');
  return salesDid.number;
});

await step('createDid with a number already assigned is 400', async () => {
  await rejects(admin.createDid({ number: salesDid.number, inboundRoute: 'extension', routeTarget: '1001' }), 400, 'DUPLICATE');
});

await step('listDids and updateDid', async () => {
  const { dids } = await admin.listDids();
  assert.deepEqual(dids.map((d) => d.number).sort(), [salesDid.number, menuDid.number].sort());
  const r = await admin.updateDid(menuDid.id, { emergencyCallerId: true });
  assert.equal(typeof r.message, 'string');
  assert.equal(r.did.emergency_caller_id, true);
  assert.equal(r.did.inbound_route, 'ivr', 'fields not sent stay');
  assert.equal((await admin.request('GET', `/api/dids/${menuDid.id}`)).did.emergency_caller_id, true);
});

// ---- the flows, tried from the sandbox ----
await step('a call to the DID in opening hours rings the group, then leaves a voicemail', async () => {
  const call = await sandboxCall(caller, salesDid.number);
  const route = await routeUntil(call, 'voicemail', 'voicemail after the 5 s ring timeout');
  assert.deepEqual(actions(route), ['ring', 'no_answer', 'voicemail']);
  assert.equal(route[0].detail, '1001,1002');
  assert.equal(route[2].detail, '1003');
  assert.ok(route.every((s) => typeof s.at === 'string'));
  return `${((Date.parse(route[2].at) - Date.parse(route[0].at)) / 1000).toFixed(1)} s of ringing`;
});

await step('once the schedule is closed, the same DID takes the after-hours route', async () => {
  await admin.updateSchedule(openSchedule.id, { schedules: [] });
  assert.equal((await admin.getScheduleStatus(openSchedule.id)).isOpen, false);
  const call = await sandboxCall(caller, salesDid.number);
  assert.deepEqual(actions(await routeUntil(call, 'voicemail')), ['voicemail']);
});

await step('an IVR key chooses the queue, whose agent answers', async () => {
  const call = await sandboxCall(caller, menuDid.number);
  await routeUntil(call, 'ivr');
  const sent = await admin.request('POST', `/api/sandbox/calls/${call}/dtmf`, { digits: '2' });
  assert.equal(typeof sent.message, 'string');
  const route = await routeUntil(call, 'queue');
  assert.deepEqual(actions(route).slice(0, 3), ['ivr', 'key', 'queue']);
  assert.deepEqual(route.slice(0, 3).map((s) => s.detail), ['Main', '2', 'Support']);
  const agentLeg = await eventually(async () => (await admin.getActiveCalls()).activeCalls
    .find((l) => l.call_uuid === call && l.extension === '1002'), "the agent's ringing leg");
  await admin.request('POST', `/api/sandbox/calls/${agentLeg.uuid}/answer`);
  assert.deepEqual(actions(await routeUntil(call, 'answered')), ['ivr', 'key', 'queue', 'answered']);
  await hangupLegs(call);
});

// ---- blocklist ----
let blocked;
await step('blockNumber → { blocked }, listBlockedNumbers and checkBlocked', async () => {
  const r = await admin.blockNumber({ number: spammer, reason: 'Spam caller', direction: 'inbound' });
  blocked = r.blocked;
  assert.match(blocked.id, UUID);
  assert.equal(blocked.number, spammer);
  assert.equal(blocked.reason, 'Spam caller');
  assert.equal(blocked.direction, 'inbound');
  assert.equal(typeof blocked.created_at, 'string');
  assert.deepEqual((await admin.listBlockedNumbers()).blocked.map((b) => b.id), [blocked.id]);
  const check = await admin.checkBlocked(spammer);
  assert.equal(check.blocked, true);
  assert.equal(check.entry.id, blocked.id);
  assert.equal(check.entry.reason, 'Spam caller');
  await rejects(admin.blockNumber({ number: spammer }), 400);
  await rejects(admin.blockNumber({ number: 'not-a-number' }), 400);
});

await step('a blocked caller is refused before anything rings', async () => {
  const call = await sandboxCall(spammer, salesDid.number);
  const route = await routeUntil(call, 'rejected');
  assert.equal(route.length, 1);
  assert.ok(route[0].detail.startsWith('blocked'), route[0].detail);
});

await step('unblockNumber, then checkBlocked → { blocked: false, entry: null }', async () => {
  assert.equal(typeof (await admin.unblockNumber(blocked.id)).message, 'string');
  assert.deepEqual(await admin.checkBlocked(spammer), { blocked: false, entry: null });
  assert.deepEqual((await admin.listBlockedNumbers()).blocked, []);
});

// ---- trunks (superadmin) ----
let trunk;
await step('createTrunk and listTrunks as the superadmin: password masked, gatewayStatus', async () => {
  const r = await superadmin.createTrunk({
    name: `Carrier ${unique}`, provider: 'Example Carrier', proxy: 'sip.carrier.example:5060',
    username: 'acct-1', password: 'trunk-secret-1', transport: 'udp', codecs: ['PCMU', 'PCMA'], register: true,
  });
  trunk = r.trunk;
  assert.match(trunk.id, UUID);
  assert.equal(trunk.password, 'trunk-secret-1', 'the create response alone carries the password');
  assert.equal(trunk.tenant_id, null, 'no tenantId: a global trunk');
  const { trunks } = await superadmin.listTrunks();
  const listed = trunks.find((t) => t.id === trunk.id);
  assert.ok(listed, 'the new trunk is listed');
  assert.equal(listed.password, '********');
  assert.ok(!JSON.stringify(trunks).includes('trunk-secret-1'), 'no listed trunk shows the password');
  assert.equal(listed.status, 'active');
  assert.equal(listed.gatewayStatus.status, 'UP');
  return `gatewayStatus ${JSON.stringify(listed.gatewayStatus)}`;
});

// ---- webhooks ----
// No call is placed while a webhook exists: nothing is delivered to the example receiver.
let webhook;
await step('createWebhook → { webhook } with its secret, once', async () => {
  const r = await admin.createWebhook({
    name: 'CRM Call Logger', url: 'https://my-crm.example.com/api/webhooks/voip',
    events: ['call.start', 'call.end', 'call.answer'], headers: { 'X-Custom-Header': 'value' }, maxRetries: 3,
  });
  webhook = r.webhook;
  assert.match(webhook.id, UUID);
  assert.equal(webhook.tenant_id, tenantId);
  assert.equal(webhook.name, 'CRM Call Logger');
  assert.equal(webhook.url, 'https://my-crm.example.com/api/webhooks/voip');
  assert.deepEqual(webhook.events, ['call.start', 'call.end', 'call.answer']);
  assert.equal(webhook.active, true);
  assert.equal(webhook.hasSecret, true);
  assert.deepEqual(webhook.headers, { 'X-Custom-Header': 'value' });
  assert.equal(webhook.max_retries, 3);
  assert.equal(webhook.retry_delay_seconds, 60, 'the default delay');
  assert.match(webhook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'a generated secret: whsec_ and 32 bytes in base64');
  return webhook.id;
});

await step('listWebhooks → { webhooks, supportedEvents }, never the secret', async () => {
  const { webhooks, supportedEvents } = await admin.listWebhooks();
  assert.deepEqual(webhooks.map((w) => w.id), [webhook.id]);
  assert.equal(webhooks[0].hasSecret, true);
  assert.equal('secret' in webhooks[0], false);
  for (const event of ['call.start', 'call.end', 'call.answer', 'voicemail.received', 'recording.ready',
    'presence.change', 'queue.agent.login']) {
    assert.ok(supportedEvents.includes(event), `supportedEvents names ${event}`);
  }
  return `${supportedEvents.length} events`;
});

await step('getWebhook → { webhook } without the secret', async () => {
  const r = await admin.getWebhook(webhook.id);
  const { secret, ...shown } = webhook;
  assert.equal(r.webhook.secret, undefined);
  assert.ok(!JSON.stringify(r).includes(secret));
  assert.deepEqual(r.webhook, shown);
});

await step('createWebhook refuses a duplicate name, an unknown event and a non-http URL with 400', async () => {
  await rejects(admin.createWebhook({ name: 'crm call logger', url: 'https://my-crm.example.com/x', events: ['call.end'] }), 400, 'DUPLICATE');
  const unknown = await rejects(admin.createWebhook({ name: 'Other', url: 'https://my-crm.example.com/x', events: ['call.exploded'] }), 400, 'VALIDATION_FAILED');
  assert.equal(unknown.body.details[0].field, 'events');
  const ftp = await rejects(admin.createWebhook({ name: 'Other', url: 'ftp://my-crm.example.com/x', events: ['call.end'] }), 400, 'VALIDATION_FAILED');
  assert.equal(ftp.body.details[0].field, 'url');
});

await step('a superadmin creates a webhook with options.tenantId, and needs one', async () => {
  await rejects(superadmin.createWebhook({ name: 'Platform', url: 'https://ops.example.com/hooks', events: ['call.end'] }), 400, 'TENANT_REQUIRED');
  const r = await superadmin.createWebhook({ name: 'Platform', url: 'https://ops.example.com/hooks', events: ['call.end'] }, { tenantId });
  assert.equal(r.webhook.tenant_id, tenantId);
  assert.equal(typeof r.webhook.secret, 'string');
  assert.equal(typeof (await admin.deleteWebhook(r.webhook.id)).message, 'string');
});

await step("another tenant's webhook is 404; deleteWebhook → { message }", async () => {
  await rejects(otherAdmin.getWebhook(webhook.id), 404, 'NOT_FOUND');
  await rejects(otherAdmin.deleteWebhook(webhook.id), 404, 'NOT_FOUND');
  assert.deepEqual((await otherAdmin.listWebhooks()).webhooks, []);
  assert.equal(typeof (await admin.deleteWebhook(webhook.id)).message, 'string');
  await rejects(admin.getWebhook(webhook.id), 404, 'NOT_FOUND');
  assert.deepEqual((await admin.listWebhooks()).webhooks, []);
});

// ---- the SDK-documented errors ----
await step('401 without a key', async () => {
  await rejects(anonymous.listRingGroups(), 401);
  await rejects(anonymous.listSchedules(), 401);
  await rejects(anonymous.checkBlocked(spammer), 401);
  await rejects(anonymous.listWebhooks(), 401);
});

await step('403 listTrunks and createTrunk for a tenant admin', async () => {
  await rejects(admin.listTrunks(), 403);
  await rejects(admin.createTrunk({ name: 'Mine', proxy: 'sip.carrier.example' }), 403);
});

await step("404 for another tenant's ids", async () => {
  await rejects(otherAdmin.getRingGroup(ringGroup.id), 404);
  await rejects(otherAdmin.updateRingGroup(ringGroup.id, { name: 'Taken over' }), 404);
  await rejects(otherAdmin.getPagingGroup(pagingGroup.id), 404);
  await rejects(otherAdmin.broadcastPaging(pagingGroup.id, '1001'), 404);
  await rejects(otherAdmin.getSchedule(openSchedule.id), 404);
  await rejects(otherAdmin.getScheduleStatus(openSchedule.id), 404);
  await rejects(otherAdmin.deleteSchedule(openSchedule.id), 404);
  await rejects(otherAdmin.updateDid(salesDid.id, { status: 'inactive' }), 404);
  await rejects(otherAdmin.deleteDid(salesDid.id), 404);
  await rejects(otherAdmin.request('GET', `/api/ivr-menus/${menu.id}`), 404);
  assert.deepEqual((await otherAdmin.listRingGroups()).ringGroups, []);
  assert.deepEqual((await otherAdmin.listDids()).dids, []);
});

await step('a superadmin acts in a tenant with options.tenantId', async () => {
  await rejects(superadmin.createSchedule({ name: 'Nowhere', timezone: 'UTC' }), 400, 'TENANT_REQUIRED');
  const { schedule } = await superadmin.createSchedule({ name: 'Made by the platform', timezone: 'UTC' }, { tenantId });
  assert.equal(schedule.tenant_id, tenantId);
  assert.ok((await admin.listSchedules()).schedules.some((s) => s.id === schedule.id));
  await admin.deleteSchedule(schedule.id);
});

// ---- clean-up, in the order references allow ----
await step('a ring group a DID routes to cannot be deleted', async () => {
  const e = await rejects(admin.deleteRingGroup(ringGroup.id), 400, 'IN_USE');
  assert.ok(e.body.error.includes(salesDid.number), e.body.error);
});

await step('a schedule a DID follows cannot be deleted until the DID drops it', async () => {
  const e = await rejects(admin.deleteSchedule(openSchedule.id), 400, 'IN_USE');
  assert.ok(e.body.error.includes(salesDid.number), e.body.error);
  const r = await admin.updateDid(salesDid.id, { scheduleId: null });
  assert.equal(r.did.schedule_id, null);
  assert.equal(r.did.route_target, ringGroup.id, 'fields not sent stay');
  assert.equal(typeof (await admin.deleteSchedule(openSchedule.id)).message, 'string');
});

await step('deleteDid, deleteSchedule, deleteRingGroup, deletePagingGroup', async () => {
  assert.equal(typeof (await admin.deleteDid(salesDid.id)).message, 'string');
  assert.equal(typeof (await admin.deleteDid(menuDid.id)).message, 'string');
  assert.deepEqual((await admin.listDids()).dids, []);
  assert.equal(typeof (await admin.deleteSchedule(closedSchedule.id)).message, 'string');
  assert.deepEqual((await admin.listSchedules()).schedules, []);
  await rejects(admin.getSchedule(openSchedule.id), 404);
  assert.equal(typeof (await admin.deleteRingGroup(ringGroup.id)).message, 'string');
  await rejects(admin.getRingGroup(ringGroup.id), 404);
  assert.equal(typeof (await admin.deletePagingGroup(pagingGroup.id)).message, 'string');
  assert.deepEqual((await admin.listPagingGroups()).pagingGroups, []);
  await superadmin.request('DELETE', `/api/trunks/${trunk.id}`);
  assert.ok(!(await superadmin.listTrunks()).trunks.some((t) => t.id === trunk.id));
});

console.log(`all SDK routing steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
