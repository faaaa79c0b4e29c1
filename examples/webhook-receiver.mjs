// A webhook receiver that checks every delivery the way a CRM should, with nothing but Node (20+).
//   WEBHOOK_SECRET=whsec_... PORT=8443 node examples/webhook-receiver.mjs
// It verifies both signatures the server sends — X-Webhook-Signature (sha256=<hex HMAC of the raw
// body keyed by the secret as shown>) and Standard Webhooks' webhook-signature (v1,<base64 HMAC of
// "<webhook-id>.<webhook-timestamp>.<body>" keyed by the bytes the whsec_ secret encodes) — refuses
// deliveries older than five minutes, drops repeats by X-Webhook-Id, and prints one JSON line per
// event. During a secret rotation each header carries one signature per secret: any one matching is enough.
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

const secret = process.env.WEBHOOK_SECRET;
const port = Number(process.env.PORT ?? 8443);
if (!secret) {
  console.error('Set WEBHOOK_SECRET to the secret the create response showed');
  process.exit(2);
}
const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
const seen = new Set();

const same = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function legacyValid(header, body) {
  const expected = 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
  return (header ?? '').split(',').some((candidate) => same(candidate.trim(), expected));
}

function standardValid(id, timestamp, header, body) {
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
  const expected = createHmac('sha256', key).update(signed).digest('base64');
  return (header ?? '').split(' ').some((candidate) => same(candidate.replace(/^v1,/, ''), expected));
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const id = req.headers['webhook-id'];
    const timestamp = Number(req.headers['webhook-timestamp']);
    const fresh = Math.abs(Date.now() / 1000 - timestamp) <= 300;
    if (!fresh || !legacyValid(req.headers['x-webhook-signature'], body)
        || !standardValid(id, timestamp, req.headers['webhook-signature'], body)) {
      console.log(JSON.stringify({ verified: false, id }));
      res.writeHead(401).end();
      return;
    }
    const event = JSON.parse(body);
    if (!seen.has(event.id)) {
      seen.add(event.id);
      console.log(JSON.stringify({ verified: true, id: event.id, event: event.event, call: event.data?.call_id }));
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
  });
}).listen(port, '127.0.0.1', () => console.log(JSON.stringify({ listening: port })));
