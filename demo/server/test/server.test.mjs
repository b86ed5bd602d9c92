// Tests of the reference intake server, against real SQLite files and upload directories in a temp dir.
// Run: cd /work/main && node --test demo/server/test/
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { importBundled, rootDir } from '../run.mjs';
import { FORM, intakeHarness, ORIGIN, TOKEN } from '../intake-harness.mjs';

const ID = '11010519491231002X';
const NAME = '张小明';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);

/** `start(overrides)`: a server on a free port with its own database and upload dir (demo/server/intake-harness.mjs). */
const { tmp, start, server } = intakeHarness('test');
let mod;
let schema;
let multipart;

before(async () => {
  mod = await server();
  // The shared form rules and the multipart reader, bundled on their own to test them directly.
  schema = await importBundled('src/schema/request-form.ts', tmp);
  multipart = await importBundled('demo/server/multipart.ts', tmp);
});

function person(overrides = {}) {
  return {
    applicantType: 'naturalPerson',
    fields: {
      name: NAME,
      idType: 'residentId',
      idNumber: ID,
      mobile: '13800138000',
      email: 'zhang@example.cn',
      description: '请公开2026年本县道路改造项目的招标文件。',
      carrier: ['electronic'],
      delivery: 'email',
      declaration: 'true',
      ...overrides,
    },
  };
}

function postJson(base, body, key = randomUUID(), headers = {}) {
  const h = { 'Content-Type': 'application/json', ...headers };
  if (key) h['Idempotency-Key'] = key;
  return fetch(`${base}/api/requests`, { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The members `keys` of `o`. */
const pick = (o, ...keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));

function multipartBody(submission, files = []) {
  const fd = new FormData();
  fd.append('applicantType', submission.applicantType);
  for (const [k, v] of Object.entries(submission.fields)) {
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  }
  for (const f of files) fd.append(f.field, new Blob([f.data], { type: f.type ?? 'application/octet-stream' }), f.name);
  return fd;
}

function postMultipart(base, submission, files, key = randomUUID(), headers = {}) {
  return fetch(`${base}/api/requests`, { method: 'POST', headers: { 'Idempotency-Key': key, ...headers }, body: multipartBody(submission, files) });
}

const staff = (base, path, init = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, ...(init.headers ?? {}) } });

function lookup(base, queryCode, name) {
  const q = new URLSearchParams({ queryCode, name });
  return fetch(`${base}/api/requests/status?${q}`);
}

function setStatus(base, id, body) {
  return staff(base, `/api/staff/requests/${id}/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function rowCount(dbPath, where = '1=1', ...params) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) AS n FROM requests WHERE ${where}`).get(...params).n;
  } finally {
    db.close();
  }
}

/* ------------------------------------------------------------------------ shared rules */

describe('request-form rules (src/schema/request-form.ts)', () => {
  test('parseRequestForm: strict root, tolerant fields, endpoints resolved against the feed URL', () => {
    const json = JSON.parse(readFileSync(FORM, 'utf8'));
    const r = schema.parseRequestForm(json, 'https://gov.example.cn/feeds/form.json');
    assert.equal(r.ok, true);
    assert.equal(r.form, r.data);
    assert.equal(r.form.submit.endpoint, 'https://gov.example.cn/api/requests');
    assert.equal(r.form.status.endpoint, 'https://gov.example.cn/api/requests/status');
    assert.equal(schema.findField(r.form, 'signature'), undefined, 'unknown type skipped');
    assert.ok(r.warnings.some((w) => w.path === 'sections[0].fields[8].type'));

    assert.deepEqual(
      { ok: false, error: 'schemaVersion' },
      (({ ok, error }) => ({ ok, error }))(schema.parseRequestForm({ ...json, schemaVersion: 2 }, 'https://x/')),
    );
    assert.equal(schema.parseRequestForm({ schemaVersion: 1 }, 'https://x/').error, 'invalidRoot');
    assert.equal(schema.parseRequestForm([], 'https://x/').error, 'invalidRoot');
    const noName = schema.parseRequestForm(
      { schemaVersion: 1, sections: [{ id: 's', fields: [{ type: 'text', label: 'x' }, { name: 'description', type: 'textarea', label: 'd' }] }], submit: { mode: 'api', endpoint: 'javascript:alert(1)' } },
      'https://x/f.json',
    );
    assert.equal(noName.ok, true);
    assert.equal(noName.form.sections[0].fields.length, 1);
    assert.equal(noName.form.submit.mode, 'print', 'a javascript: endpoint is never used');

    // Field names that are Object.prototype properties would be read from it wherever answers are looked up.
    const reserved = schema.parseRequestForm({ ...json, sections: [{ id: 's', title: 'S', fields: [
      { name: 'description', type: 'textarea', label: 'd' }, { name: 'constructor', type: 'text', label: 'c' },
      { name: '__proto__', type: 'checkbox', label: 'p' }, { name: 'toString', type: 'text', label: 't' },
    ] }] }, 'https://x/f.json');
    assert.deepEqual(reserved.form.sections[0].fields.map((f) => f.name), ['description']);
    assert.equal(reserved.warnings.filter((w) => /is reserved; field skipped/.test(w.message)).length, 3);

    // A pattern that backtracks catastrophically ((a+)+b: 10 s per keystroke at 30 characters) is refused, with a
    // warning; ordinary patterns (an area code, a bounded group) are kept.
    const patterns = ['(a+)+b', '(\\w*\\s?)*', '(x)\\1', '0\\d{2,3}-\\d{7,8}', '(\\d{3}-)?\\d{4}', '\\d+(-\\d+)*', '[A-Za-z]+( [A-Za-z]+)*'];
    const form = schema.parseRequestForm({ ...json, sections: [{ id: 's', title: 'S', fields: [
      { name: 'description', type: 'textarea', label: 'd' },
      ...patterns.map((pattern, i) => ({ name: `f${i}`, type: 'text', label: `f${i}`, pattern })),
    ] }] }, 'https://x/f.json');
    const kept = form.form.sections[0].fields.slice(1).map((f) => f.pattern ?? null);
    assert.deepEqual(kept, [null, null, null, ...patterns.slice(3)], 'a literal between the repeats (-, a space) keeps a pattern safe');
    for (const [pattern, risky] of [['((a+))+', true], ['(a+|b)*', true], ['(.*a){20}', true], ['(\\.\\w+)+', false], ['([+-]?\\d)*', false], ['(jpg|png)+', false],
      // Branches that may begin alike split one text in exponentially many ways.
      ['(a|aa)+', true], ['(a|aa)+b', true], ['(ab|a)*c', true], ['(\\d|\\d\\d)*', true], ['(.|x)+', true], ['(?:x|[^y])+', true],
      ['(\\d|-)+', false], ['(a|aa)', false], ['(a|aa){2}', false], ['x(a|b|c)+', false],
      // The literal text a branch begins with decides: a shared start is fine when neither is the start of the other.
      ['(?:\\.pdf|\\.png)+', false], ['(ab|ac)+', false], ['(ab|a)+', true], ['(a+b|ac)+', true], ['(x\\d|x)+', true], ['(a|)+', true]]) {
      assert.equal(schema.riskyPattern(pattern), risky, pattern);
    }
    assert.ok(form.warnings.some((w) => w.path === 'sections[0].fields[1].pattern' && /very long to match/.test(w.message)));
    const start = performance.now();
    const typed = schema.checkAnswers(form.form, { applicantType: 'naturalPerson', fields: { description: 'x', f0: `${'a'.repeat(40)}!` } });
    assert.ok(performance.now() - start < 2000, 'no catastrophic backtracking'); // (minutes when catastrophic; 2 s leaves room for a busy machine)
    // (a|aa)+b against 40 a's and no b takes minutes; refused, so checking the answer is instant.
    const alt = schema.parseRequestForm({ ...json, sections: [{ id: 's', title: 'S', fields: [
      { name: 'description', type: 'textarea', label: 'd' }, { name: 'code', type: 'text', label: 'c', pattern: '(a|aa)+b' },
    ] }] }, 'https://x/f.json');
    assert.equal(alt.form.sections[0].fields[1].pattern, undefined);
    const t0 = performance.now();
    schema.checkAnswers(alt.form, { applicantType: 'naturalPerson', fields: { description: 'x', code: 'a'.repeat(40) } });
    assert.ok(performance.now() - t0 < 2000, 'no catastrophic backtracking on overlapping alternatives');
    assert.deepEqual(typed, {});
  });

  test('rules: a working-day count over 366 is refused with a warning and the jurisdiction default is kept; addWorkingDays never runs for ever', async () => {
    const json = JSON.parse(readFileSync(FORM, 'utf8'));
    const parse = (rules) => schema.parseRequestForm({ ...json, jurisdiction: 'CN-OGI-2007', rules }, 'https://x/f.json');
    const huge = parse({ replyWorkingDays: 2000000000, extensionWorkingDays: 367 });
    assert.equal(huge.ok, true);
    const paths = huge.warnings.map((w) => w.path);
    assert.ok(paths.includes('rules.replyWorkingDays') && paths.includes('rules.extensionWorkingDays'), paths.join(', '));
    assert.match(huge.warnings.find((w) => w.path === 'rules.replyWorkingDays').message, /366/);
    assert.deepEqual(
      (({ replyWorkingDays, extensionWorkingDays }) => ({ replyWorkingDays, extensionWorkingDays }))(schema.resolveRules(huge.form)),
      { replyWorkingDays: 15, extensionWorkingDays: 15 },
    );
    const most = parse({ replyWorkingDays: 366, extensionWorkingDays: 1 });
    assert.deepEqual(most.warnings.filter((w) => w.path.startsWith('rules')), []);
    assert.equal(schema.resolveRules(most.form).replyWorkingDays, 366);

    // addWorkingDays itself, on a count no feed can give now (a caller's mistake): a RangeError at once, not a frozen
    // process. Run in a worker, so that a loop that never ends fails this test instead of hanging the whole run.
    const wd = join(tmp, 'working-days.mjs');
    await build({ entryPoints: [join(rootDir, 'src/rules/working-days.ts')], bundle: true, platform: 'node', format: 'esm', outfile: wd, logLevel: 'warning' });
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(`import(${JSON.stringify(pathToFileURL(wd).href)}).then((m) => {
      const { parentPort } = require('node:worker_threads');
      const tryIt = (n) => { try { return m.addWorkingDays('2026-09-01', n); } catch (e) { return e.name; } };
      parentPort.postMessage([tryIt(2000000000), tryIt(20), tryIt(732)]);
    });`, { eval: true });
    const answer = await Promise.race([
      new Promise((resolve) => worker.once('message', resolve)),
      new Promise((resolve) => setTimeout(() => resolve('still counting after 3 s'), 3000)),
    ]);
    await worker.terminate();
    // 20 and 732 (the most a feed can give: 366 + 366 extension) still count as before.
    assert.deepEqual(answer, ['RangeError', '2026-09-29', '2029-06-21']);
  });

  test('visibleFields and checkAnswers', () => {
    const form = schema.parseRequestForm(JSON.parse(readFileSync(FORM, 'utf8')), 'https://x/f.json').form;
    const names = (t) => schema.visibleFields(form, t).map((f) => f.name);
    assert.ok(names('naturalPerson').includes('idNumber'));
    assert.ok(!names('naturalPerson').includes('orgName'));
    assert.ok(names('organisation').includes('uscc'));

    assert.deepEqual(schema.checkAnswers(form, person()), {});
    // description is always required, even though the feed does not say so
    assert.deepEqual(schema.checkAnswers(form, person({ description: '  ' })), { description: { code: 'required' } });
    // maxLength counts code points: 200 × 𠀀 (outside the BMP, 2 UTF-16 units each) is fine, 201 is not
    assert.deepEqual(schema.checkAnswers(form, person({ description: '𠀀'.repeat(200) })), {});
    assert.deepEqual(schema.checkAnswers(form, person({ description: '𠀀'.repeat(201) })), { description: { code: 'tooLong' } });
    assert.deepEqual(schema.checkAnswers(form, person({ indexNo: 'abc' })), { indexNo: { code: 'pattern' } });
    assert.deepEqual(schema.checkAnswers(form, person({ indexNo: '006991234/2013-00123' })), {});
    assert.deepEqual(schema.checkAnswers(form, person({ delivery: 'fax' })), { delivery: { code: 'option' } });
    assert.deepEqual(schema.checkAnswers(form, person({ carrier: ['paper', 'cd'] })), { carrier: { code: 'option' } });
    assert.deepEqual(schema.checkAnswers(form, person({ idNumber: '110105194912310021' })), { idNumber: { code: 'checksum' } });
    // requiredWhen: an answer by e-mail needs an address; by post it does not
    assert.deepEqual(schema.checkAnswers(form, person({ email: '' })), { email: { code: 'required' } });
    assert.deepEqual(schema.checkAnswers(form, person({ email: '', delivery: 'post' })), {});
    // validatorWhen: a passport number is not checked as a resident ID number
    assert.deepEqual(schema.checkAnswers(form, person({ idType: 'passport', idNumber: 'E12345678' })), {});
    assert.deepEqual(schema.checkAnswers(form, person({ nickname: 'x' })), { nickname: { code: 'unknownField' } });
    // hidden fields are ignored
    assert.deepEqual(schema.checkAnswers(form, person({ orgName: 'x', uscc: 'nonsense' })), {});
    assert.deepEqual(schema.checkAnswers(form, person({ declaration: 'false' })), { declaration: { code: 'required' } });
    assert.deepEqual(schema.checkAnswers(form, { ...person(), applicantType: 'alien' }).applicantType, { code: 'option' });
    const withFile = (f) => schema.checkAnswers(form, person({ idProof: f }));
    assert.deepEqual(withFile({ name: 'id.pdf', size: 1000, type: 'application/pdf' }), {});
    assert.deepEqual(withFile({ name: 'id.exe', size: 1000, type: '' }), { idProof: { code: 'fileType' } });
    assert.deepEqual(withFile({ name: 'id.pdf', size: 300 * 1024 }), { idProof: { code: 'fileSize' } });
    assert.deepEqual(withFile([{ name: 'a.pdf', size: 1 }, { name: 'b.pdf', size: 1 }]), { idProof: { code: 'invalidValue' } });
    const clean = schema.cleanSubmission(form, person({ idNumber: ' 11010519491231002x ', orgName: 'hidden' }));
    assert.equal(clean.fields.idNumber, ID);
    assert.equal(clean.fields.orgName, undefined);
  });
});

describe('multipart parser (demo/server/multipart.ts)', () => {
  test('same parts whatever the chunking; CRLF and boundary look-alikes inside bodies survive', async () => {
    const fd = new FormData();
    fd.append('applicantType', 'naturalPerson');
    fd.append('description', '第一行\r\n--不是分隔线\r\n\r\n最后');
    fd.append('carrier', 'paper');
    fd.append('carrier', 'email');
    const tricky = Buffer.concat([PDF, Buffer.from('\r\n--'), Buffer.alloc(70, 0x2d), Buffer.from('\r\n')]);
    fd.append('idProof', new Blob([tricky]), 'C:\\Users\\张\\证件"1".pdf');
    fd.append('empty', new Blob([]), '');
    const res = new Response(fd);
    const boundary = multipart.boundaryOf(res.headers.get('content-type'));
    assert.ok(boundary);
    const body = Buffer.from(await res.arrayBuffer());
    const parse = (sizes) => {
      const parts = [];
      let cur;
      const p = new multipart.MultipartParser(boundary, {
        onPartStart: (info) => { cur = { ...info, data: [] }; },
        onPartData: (c) => cur.data.push(Buffer.from(c)),
        onPartEnd: () => parts.push({ ...cur, data: Buffer.concat(cur.data) }),
      }, { maxHeaderBytes: 16384, maxParts: 100 });
      let i = 0;
      for (let k = 0; i < body.length; k++) {
        const n = sizes(k);
        p.write(body.subarray(i, i + n));
        i += n;
      }
      p.end();
      return parts;
    };
    const whole = parse(() => body.length);
    assert.deepEqual(whole.map((x) => x.name), ['applicantType', 'description', 'carrier', 'carrier', 'idProof', 'empty']);
    assert.equal(whole[1].data.toString(), '第一行\r\n--不是分隔线\r\n\r\n最后');
    assert.deepEqual(whole[4].data, tricky);
    assert.equal(whole[4].filename, '证件"1".pdf');
    assert.ok(whole[5].filename === '' || whole[5].filename === undefined); // undici leaves an empty filename out
    assert.equal(whole[5].data.length, 0);
    for (const sizes of [() => 1, (k) => (k % 7) + 1, (k) => [3, 64, 2, 1000][k % 4]]) {
      assert.deepEqual(parse(sizes), whole);
    }
    const truncated = new multipart.MultipartParser(boundary, { onPartStart() {}, onPartData() {}, onPartEnd() {} }, { maxHeaderBytes: 16384, maxParts: 100 });
    truncated.write(body.subarray(0, body.length - 10));
    assert.throws(() => truncated.end(), { reason: 'truncated' });
    const many = new multipart.MultipartParser(boundary, { onPartStart() {}, onPartData() {}, onPartEnd() {} }, { maxHeaderBytes: 16384, maxParts: 3 });
    assert.throws(() => many.write(body), { reason: 'tooManyParts' });
  });
});

/* ------------------------------------------------------------------------ submissions */

describe('POST /api/requests', () => {
  let s;
  before(async () => {
    s = await start();
  });

  test('JSON submission → 201 receipt; due date counts working days across 国庆 with 调休', async () => {
    const res = await postJson(s.base, person());
    assert.equal(res.status, 201);
    const r = await res.json();
    assert.match(r.requestId, /^[0-9a-f-]{36}$/);
    assert.match(r.queryCode, /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8,10}$/);
    assert.equal(r.receivedAt, '2026-09-17T17:00:00.000Z');
    // Received Fri 18 Sep (Beijing time). Sun 20 Sep is worked (调休), 1–7 Oct are off, Sat 10 Oct is worked:
    // 20 working days end on Wed 21 Oct. (Counting from the UTC date, 17 Sep, would give 20 Oct.)
    assert.equal(r.dueDate, '2026-10-21');
    assert.equal(r.status, 'received');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
  });

  test('invalid ID number → 422 with fields.idNumber', async () => {
    const res = await postJson(s.base, person({ idNumber: '110105194912310021' }));
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.equal(body.error.code, 'invalidFields');
    assert.equal(typeof body.error.message, 'string');
    assert.equal(body.error.fields.idNumber, 'checksum');
  });

  test('several problems at once, unknown fields, wrong JSON shapes', async () => {
    const res = await postJson(s.base, person({ mobile: '12345', carrier: [], nickname: 'x', delivery: { a: 1 } }));
    assert.equal(res.status, 422);
    const { error } = await res.json();
    assert.deepEqual(error.fields, { mobile: 'length', carrier: 'required', nickname: 'unknownField', delivery: 'invalidValue' });
    assert.equal((await postJson(s.base, '{"applicantType":')).status, 400);
    assert.equal((await postJson(s.base, { applicantType: 'naturalPerson', fields: [] })).status, 400);
    const wrongType = await fetch(`${s.base}/api/requests`, {
      method: 'POST', headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': randomUUID() }, body: 'x',
    });
    assert.equal(wrongType.status, 415);
  });

  test('a value nested 100,000 arrays deep → 422 invalidValue for that field, not 500 (the value check recursed until the stack ran out)', async () => {
    for (const depth of [2, 100, 100000]) {
      const deep = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
      const res = await postJson(s.base, JSON.stringify(person()).replace(/"description":"[^"]*"/, `"description":${deep}`));
      assert.equal(res.status, 422, `depth ${depth}`);
      assert.deepEqual((await res.json()).error.fields, { description: 'invalidValue' }, `depth ${depth}`);
    }
    assert.ok(!s.logs.some((l) => l.startsWith('internal error')), s.logs.join('\n'));
  });

  test('a field named __proto__ is refused as unknownField like any other unknown name, in JSON and multipart', async () => {
    // Assigned into a plain object it set the object's prototype (or nothing), so it vanished without a word.
    const json = JSON.stringify(person()).replace('"name":', '"__proto__":["a","b"],"name":');
    let res = await postJson(s.base, json);
    assert.equal(res.status, 422);
    assert.deepEqual((await res.json()).error.fields, JSON.parse('{"__proto__":"unknownField"}'));
    const fd = multipartBody(person());
    fd.append('__proto__', 'a');
    fd.append('__proto__', 'b');
    res = await fetch(`${s.base}/api/requests`, { method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: fd });
    assert.equal(res.status, 422);
    assert.deepEqual((await res.json()).error.fields, JSON.parse('{"__proto__":"unknownField"}'));
  });

  test('missing or malformed Idempotency-Key → 400', async () => {
    const res = await postJson(s.base, person(), null);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'idempotencyKeyMissing');
    const bad = await postJson(s.base, person(), 'not-a-uuid');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, 'idempotencyKeyInvalid');
  });

  test('Idempotency-Key: the nil UUID and non-random versions → 400 idempotencyKeyNotRandom; case does not make a new key', async () => {
    // A guessable key would let anyone read another applicant's receipt from the 200 replay or the 422 answer.
    const refused = [
      '00000000-0000-0000-0000-000000000000', // nil
      'ffffffff-ffff-ffff-ffff-ffffffffffff', // max
      '6ba7b810-9dad-11d1-80b4-00c04fd430c8', // v1 (time and MAC)
      '6fa459ea-ee8a-3ca4-894e-db77e160355e', // v3 (MD5 of a name)
      '886313e1-3b8a-5372-9b90-0c9aee199e5d', // v5 (SHA-1 of a name)
      '12345678-1234-4234-1234-123456789abc', // v4 version digit but not the RFC 9562 variant
    ];
    for (const key of refused) {
      const res = await postJson(s.base, person(), key);
      assert.equal(res.status, 400, key);
      assert.equal((await res.json()).error.code, 'idempotencyKeyNotRandom', key);
    }
    assert.equal(rowCount(s.options.dbPath, 'idempotency_key IN (' + refused.map(() => '?').join(',') + ')', ...refused), 0);
    // v7 (time-ordered with 74 random bits) is accepted, as is v4 in either case: upper case is the same key.
    const v7 = await postJson(s.base, person({ purpose: 'v7' }), '01932c07-209c-7e41-a3f5-9b6d3c2e8f10');
    assert.equal(v7.status, 201);
    const key = randomUUID();
    const first = await postJson(s.base, person({ purpose: 'case' }), key.toUpperCase());
    assert.equal(first.status, 201);
    const again = await postJson(s.base, person({ purpose: 'case' }), key);
    assert.equal(again.status, 200, 'the lower-case form of a stored key is a retry, not a new application');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(rowCount(s.options.dbPath, 'idempotency_key = ?', key), 1, 'stored in lower case');
  });

  test('a retried submission (same key, same body) is stored once and answers the same receipt', async () => {
    const key = randomUUID();
    const first = await postJson(s.base, person({ purpose: 'retry test' }), key);
    assert.equal(first.status, 201);
    const a = await first.json();
    // e.g. the client saw a 503 from a proxy or lost the connection, and sends the same application again
    const again = await postJson(s.base, person({ purpose: 'retry test' }), key);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const b = await again.json();
    assert.deepEqual(b, a);
    assert.equal(rowCount(s.options.dbPath, 'idempotency_key = ?', key), 1);
  });

  test('simultaneous retries of one application: one 201, the rest 200 with the same receipt', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postJson(s.base, person({ purpose: 'burst' }), key)));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 201]);
    const codes = new Set(await Promise.all(answers.map(async (r) => (await r.json()).queryCode)));
    assert.equal(codes.size, 1);
    assert.equal(rowCount(s.options.dbPath, 'idempotency_key = ?', key), 1);
  });

  test('the same key with a different body → 422 idempotencyKeyReused with the stored receipt, nothing stored', async () => {
    const key = randomUUID();
    const first = await postJson(s.base, person({ purpose: 'one' }), key);
    assert.equal(first.status, 201);
    const stored = await first.json();
    const before = rowCount(s.options.dbPath);
    const res = await postJson(s.base, person({ purpose: 'two' }), key);
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.equal(body.error.code, 'idempotencyKeyReused');
    // The earlier application's receipt, so the applicant who changed answers after a lost answer gets its query code.
    assert.deepEqual(body.receipt, stored);
    assert.equal(rowCount(s.options.dbPath), before);
  });

  test('hidden fields are not stored; normalized values are', async () => {
    const res = await postJson(s.base, person({ idNumber: '11010519491231002x', orgName: '不该保存的单位' }));
    assert.equal(res.status, 201);
    const { requestId } = await res.json();
    const one = await (await staff(s.base, `/api/staff/requests/${requestId}`)).json();
    assert.equal(one.fields.idNumber, ID);
    assert.equal(one.fields.orgName, undefined);
  });

  test('JSON body over 1 MiB → 413 payloadTooLarge, saying the answers’ text is too large (error.limit: text), not the attachments it has none of', async () => {
    const res = await postJson(s.base, person({ description: 'x'.repeat(1100 * 1024) }));
    assert.equal(res.status, 413);
    const { error } = await res.json();
    assert.equal(error.code, 'payloadTooLarge');
    assert.equal(error.limit, 'text');
  });
});

describe('multipart submissions and attachments', () => {
  let s;
  before(async () => {
    s = await start({ limits: { multipartBytes: 1024 * 1024 } });
  });
  const files = () => readdirSync(s.options.uploadDir).filter((f) => !f.endsWith('.tmp'));

  test('a PDF attachment is stored on disk under a random name and served to staff', async () => {
    const res = await postMultipart(s.base, person(), [{ field: 'idProof', name: '身份证.pdf', data: PDF, type: 'application/pdf' }]);
    assert.equal(res.status, 201, await res.clone().text());
    const r = await res.json();
    const stored = files();
    assert.equal(stored.length, 1);
    assert.match(stored[0], /^[0-9a-f]{32}$/);
    assert.deepEqual(readFileSync(join(s.options.uploadDir, stored[0])), PDF);

    const one = await (await staff(s.base, `/api/staff/requests/${r.requestId}`)).json();
    assert.equal(one.fields.idNumber, ID);
    assert.deepEqual(one.fields.carrier, ['electronic']);
    assert.equal(one.attachments.length, 1);
    const att = one.attachments[0];
    assert.equal(att.name, '身份证.pdf');
    assert.equal(att.mediaType, 'application/pdf');
    assert.equal(att.size, PDF.length);
    const dl = await staff(s.base, att.href);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('content-type'), 'application/pdf');
    assert.match(dl.headers.get('content-disposition'), /^attachment;/);
    assert.deepEqual(Buffer.from(await dl.arrayBuffer()), PDF);
    assert.equal((await fetch(`${s.base}${att.href}`)).status, 401, 'attachments need the staff token');
  });

  test('the download names the applicant\'s file in a Content-Disposition that follows RFC 8187, also for 申请(1).pdf', async () => {
    // encodeURIComponent leaves ' ( ) * unescaped, which are not attr-chars: Windows names copies "name (1).pdf".
    const name = "申请书 (1) - O'Brien*.pdf";
    const res = await postMultipart(s.base, person(), [{ field: 'idProof', name, data: PDF }]);
    assert.equal(res.status, 201, await res.clone().text());
    const one = await (await staff(s.base, `/api/staff/requests/${(await res.json()).requestId}`)).json();
    const cd = (await staff(s.base, one.attachments[0].href)).headers.get('content-disposition');
    const ext = /filename\*=UTF-8''(.*)$/.exec(cd)?.[1];
    assert.match(ext, /^[A-Za-z0-9!#$&+\-.^_`|~%]+$/, cd);
    assert.equal(decodeURIComponent(ext), name);
    assert.match(cd, /^attachment; filename="attachment\.pdf"; /);
  });

  test('a PNG photo saved as .jpg is accepted where PNG is, and stored and served as PNG', async () => {
    const res = await postMultipart(s.base, person(), [{ field: 'idProof', name: '身份证.jpg', data: PNG, type: 'image/jpeg' }]);
    assert.equal(res.status, 201, await res.clone().text());
    const one = await (await staff(s.base, `/api/staff/requests/${(await res.json()).requestId}`)).json();
    assert.equal(one.attachments[0].mediaType, 'image/png');
    assert.equal((await staff(s.base, one.attachments[0].href)).headers.get('content-type'), 'image/png');
  });

  test('a file that cannot be written (upload directory gone, disk full) fails that request with 503; the server lives on', async () => {
    // Serialise a real multipart body, then send it in two parts with a pause, so the write fails while it arrives.
    const req = new Request('http://x/', { method: 'POST', body: multipartBody(person(), [{ field: 'idProof', name: 'id.pdf', data: PDF }]) });
    const body = Buffer.from(await req.arrayBuffer());
    const moved = `${s.options.uploadDir}-moved`;
    rmSync(moved, { recursive: true, force: true });
    const { renameSync, mkdirSync } = await import('node:fs');
    renameSync(s.options.uploadDir, moved);
    try {
      const status = await new Promise((resolve, reject) => {
        const r = httpRequest(`${s.base}/api/requests`, {
          method: 'POST',
          headers: { 'Content-Type': req.headers.get('content-type'), 'Content-Length': body.length, 'Idempotency-Key': randomUUID() },
        }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        r.on('error', reject);
        r.write(body.subarray(0, 600));
        setTimeout(() => r.end(body.subarray(600)), 300);
      });
      assert.equal(status, 503);
      assert.equal((await fetch(`${s.base}/api/health`)).status, 200, 'the server still answers');
    } finally {
      rmSync(s.options.uploadDir, { recursive: true, force: true });
      renameSync(moved, s.options.uploadDir);
      mkdirSync(s.options.uploadDir, { recursive: true });
    }
  });

  test('retrying a multipart submission stores one application and one file', async () => {
    const key = randomUUID();
    const before = files().length;
    const a = await postMultipart(s.base, person(), [{ field: 'supportingDocs', name: 'a.pdf', data: PDF }], key);
    const b = await postMultipart(s.base, person(), [{ field: 'supportingDocs', name: 'a.pdf', data: PDF }], key);
    assert.equal(a.status, 201);
    assert.equal(b.status, 200);
    assert.equal((await a.json()).queryCode, (await b.json()).queryCode);
    assert.equal(files().length, before + 1);
    assert.equal(rowCount(s.options.dbPath, 'idempotency_key = ?', key), 1);
  });

  test('wrong file types are refused and leave no file behind', async () => {
    const before = files().length;
    let res = await postMultipart(s.base, person(), [{ field: 'idProof', name: 'tool.exe', data: Buffer.from('MZ...') }]);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.idProof, 'fileType');
    // a PNG renamed to .pdf for a field that takes PDF only: the extension is allowed, the content is not
    res = await postMultipart(s.base, person(), [{ field: 'supportingDocs', name: 'scan.pdf', data: PNG, type: 'application/pdf' }]);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.supportingDocs, 'fileContent');
    // a text file renamed to .pdf
    res = await postMultipart(s.base, person(), [{ field: 'idProof', name: 'fake.pdf', data: Buffer.from('not a pdf'), type: 'application/pdf' }]);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.idProof, 'fileContent');
    // a real PNG named .png is fine for idProof (.pdf,.jpg,.png) but not for supportingDocs (.pdf)
    res = await postMultipart(s.base, person(), [{ field: 'supportingDocs', name: 'scan.png', data: PNG }]);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.supportingDocs, 'fileType');
    // a file for a field that is no file field / does not exist
    res = await postMultipart(s.base, person(), [{ field: 'secret', name: 'x.pdf', data: PDF }]);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.secret, 'unknownField');
    assert.equal(files().length, before);
  });

  test('Word, GIF and text files where the form accepts them: content that is not what the name says is refused, and a program is refused under any name', async () => {
    // The demo form takes .doc and .docx for supportingDocs; an agency may add .gif, .txt and the like. Only
    // .pdf/.png/.jpg were checked: a Windows program renamed 申请书.docx was stored and offered to staff as a Word file.
    const form = JSON.parse(readFileSync(FORM, 'utf8'));
    const docs = form.sections.flatMap((x) => x.fields).find((f) => f.name === 'supportingDocs');
    docs.accept = '.pdf,.doc,.docx,.gif,.txt';
    const feed = join(tmp, 'form-office-types.json');
    writeFileSync(feed, JSON.stringify(form));
    const t = await start({ formFeedPath: feed });
    const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]), Buffer.alloc(300, 0)]);
    const DOCX = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(300, 7)]);
    const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100, 1)]);
    const send = (name, data) => postMultipart(t.base, person(), [{ field: 'supportingDocs', name, data, type: 'application/octet-stream' }]);
    const refused = async (name, data) => {
      const res = await send(name, data);
      assert.equal(res.status, 422, name);
      assert.equal((await res.json()).error.fields.supportingDocs, 'fileContent', name);
    };
    await refused('申请书.docx', EXE);
    await refused('说明.txt', EXE);
    await refused('说明.doc', EXE);
    await refused('scan.gif', PNG);
    await refused('scan.docx', Buffer.from('just some text'));
    const stored = async (name, data, mediaType) => {
      const res = await send(name, data);
      assert.equal(res.status, 201, `${name}: ${await res.clone().text()}`);
      const one = await (await staff(t.base, `/api/staff/requests/${(await res.json()).requestId}`)).json();
      assert.equal(one.attachments[0].mediaType, mediaType, name);
    };
    await stored('申请书.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await stored('scan.gif', GIF, 'image/gif');
    await stored('说明.txt', Buffer.from('MZ 大厦 3 层：申请材料说明'), 'text/plain');
    // A .doc is not checked beyond that: Word opens OLE, RTF, and the HTML many systems export under .doc.
    await stored('旧文件.doc', Buffer.from('<html><body>导出的文件</body></html>'), 'application/msword');
    assert.equal(readdirSync(t.options.uploadDir).length, 4, 'refused files leave nothing behind');
  });

  test('a file over the field maxSizeMB → 422 fileSize; a body over the limit → 413', async () => {
    const before = files().length;
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300 * 1024, 0x41)]);
    let res = await postMultipart(s.base, person(), [{ field: 'idProof', name: 'big.pdf', data: big }]);
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.idProof, 'fileSize');
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1200 * 1024, 0x41)]);
    res = await postMultipart(s.base, person(), [{ field: 'idProof', name: 'huge.pdf', data: huge }]);
    assert.equal(res.status, 413);
    assert.deepEqual(pick((await res.json()).error, 'code', 'limit'), { code: 'payloadTooLarge', limit: 'body' });
    // the same without Content-Length (chunked): refused while streaming
    const status = await new Promise((resolve, reject) => {
      const boundary = 'xTESTx';
      const req = httpRequest(`${s.base}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Idempotency-Key': randomUUID(), 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (r) => {
        r.resume();
        resolve(r.statusCode);
      });
      req.on('error', reject);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="idProof"; filename="x.pdf"\r\n\r\n%PDF-`);
      for (let i = 0; i < 12; i++) req.write(Buffer.alloc(100 * 1024, 0x41));
      req.end(`\r\n--${boundary}--\r\n`);
    });
    assert.equal(status, 413);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(files().length, before);
  });

  test('empty file inputs (filename="" as browsers send them, or no filename as undici does) are ignored', async () => {
    const b = 'BoUnDaRy42';
    const parts = [];
    const sub = person();
    parts.push(['applicantType', sub.applicantType]);
    for (const [k, v] of Object.entries(sub.fields)) for (const x of [v].flat()) parts.push([k, x]);
    let body = parts.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    body += `--${b}\r\nContent-Disposition: form-data; name="idProof"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`;
    body += `--${b}\r\nContent-Disposition: form-data; name="supportingDocs"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`;
    body += `--${b}--\r\n`;
    const before = files().length;
    const res = await fetch(`${s.base}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${b}`, 'Idempotency-Key': randomUUID() },
      body,
    });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(files().length, before);
  });

  test('a file part with content but an empty file name is refused, not counted as a file and then dropped', async () => {
    // Browsers send filename="" only for an empty file input, with no content. With content, it passed the checks where
    // a field accepts a media type (image/*: the sniffed PNG fitted), then was never written: a required proof of
    // identity was "given" and the application stored without it.
    const form = JSON.parse(readFileSync(FORM, 'utf8'));
    const idProof = form.sections.flatMap((x) => x.fields).find((f) => f.name === 'idProof');
    Object.assign(idProof, { accept: 'image/*', required: true });
    const feed = join(tmp, 'form-image-any.json');
    writeFileSync(feed, JSON.stringify(form));
    const t = await start({ formFeedPath: feed });
    const b = 'NoName42';
    let body = `--${b}\r\nContent-Disposition: form-data; name="applicantType"\r\n\r\nnaturalPerson\r\n`;
    for (const [k, v] of Object.entries(person().fields)) for (const x of [v].flat()) body += `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`;
    const data = Buffer.concat([
      Buffer.from(body),
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="idProof"; filename=""\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const res = await fetch(`${t.base}/api/requests`, {
      method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${b}`, 'Idempotency-Key': randomUUID() }, body: data,
    });
    assert.equal(res.status, 422);
    assert.equal((await res.json()).error.fields.idProof, 'invalidValue');
    assert.equal(rowCount(t.options.dbPath), 0);
  });

  test('a text value larger than the server takes (256 KiB) → 422 invalidFields for that field in the server’s words, not 413 payloadTooLarge (the form reads that as attachments too large)', async () => {
    const before = files().length;
    const rows = rowCount(s.options.dbPath);
    const res = await postMultipart(s.base, person({ description: '请公开'.repeat(30 * 1024) }), [{ field: 'idProof', name: 'id.pdf', data: PDF }]);
    assert.equal(res.status, 422);
    const { error } = await res.json();
    assert.equal(error.code, 'invalidFields');
    assert.deepEqual(Object.keys(error.fields), ['description']);
    assert.match(error.fields.description, /256 KiB/);
    assert.match(error.message, /description/);
    assert.equal(files().length, before, 'the attachment is not kept');
    assert.equal(rowCount(s.options.dbPath), rows);
    // The contract says so where it lists the 422 answer.
    const spec = readFileSync(join(rootDir, 'demo/server/openapi.yaml'), 'utf8');
    assert.match(responseText(spec, '/api/requests', 'post', 422), /256 KiB/);
  });

  test('text values together over 1 MiB → 413 payloadTooLarge saying so (error.limit: text), not the body’s limit, which is mostly the attachments’', async () => {
    const t = await start({ limits: { jsonBytes: 300 * 1024 } });
    const before = readdirSync(t.options.uploadDir).length;
    // Two answers under the 256 KiB of one, over the 300 KiB of all: with an attachment far under the body's 25 MiB.
    const res = await postMultipart(t.base, person({ description: '甲'.repeat(60 * 1024), purpose: '乙'.repeat(60 * 1024) }), [{ field: 'idProof', name: 'id.pdf', data: PDF }]);
    assert.equal(res.status, 413);
    assert.deepEqual(pick((await res.json()).error, 'code', 'limit'), { code: 'payloadTooLarge', limit: 'text' });
    assert.equal(readdirSync(t.options.uploadDir).length, before, 'the attachment is not kept');
    // The contract names both.
    const spec = readFileSync(join(rootDir, 'demo/server/openapi.yaml'), 'utf8');
    assert.match(responseText(spec, '/api/requests', 'post', 413), /error\.limit`[^]*`text`[^]*`body`/);
  });

  test('the server’s own field words are in the applicant’s language (Accept-Language, which the element sets from its own): Chinese by default, English when asked', async () => {
    const long = person({ description: '请公开'.repeat(30 * 1024) });
    const words = async (lang) => {
      const res = await postMultipart(s.base, long, [], randomUUID(), lang === undefined ? {} : { 'Accept-Language': lang });
      assert.equal(res.status, 422);
      return [res.headers.get('content-language'), (await res.json()).error.fields.description];
    };
    const zh = ['zh-CN', '内容过长：每项填写内容最多 256 KiB（约 8.7 万个汉字），请删减后再提交。'];
    const en = ['en', 'Too long: this server takes at most 256 KiB of text per answer.'];
    assert.deepEqual(await words('zh-CN'), zh);
    assert.deepEqual(await words('en'), en);
    // By weight and primary tag; neither Chinese nor English (or nothing said: fetch sends `*`): Chinese.
    assert.deepEqual(await words('en-GB,en;q=0.9,zh;q=0.5'), en);
    assert.deepEqual(await words('fr;q=1, zh-TW;q=0.8, en;q=0.7'), zh);
    assert.deepEqual(await words('en;q=0, zh;q=0.1'), zh);
    assert.deepEqual(await words('de-DE'), zh);
    assert.deepEqual(await words(undefined), zh);
    // The contract says so.
    const spec = readFileSync(join(rootDir, 'demo/server/openapi.yaml'), 'utf8');
    assert.match(operationText(spec, '/api/requests', 'post'), /Accept-Language/);
  });

  test('malformed multipart → 400', async () => {
    const res = await fetch(`${s.base}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=abc', 'Idempotency-Key': randomUUID() },
      body: '--abc\r\nContent-Disposition: form-data; name="applicantType"\r\n\r\nnaturalPerson\r\n--abc',
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'invalidMultipart');
  });
});

/* ------------------------------------------------------------------------ limits and CORS */

describe('rate limits and CORS', () => {
  test('submissions and status lookups over the limit → 429 with Retry-After', async () => {
    const s = await start({ rateLimit: { submitPerMinute: 3, statusPerMinute: 2 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await postJson(s.base, person({ purpose: `n${i}` }))).status);
    assert.deepEqual(codes, [201, 201, 201, 429]);
    const limited = await postJson(s.base, person());
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '20');
    assert.equal((await limited.json()).error.code, 'rateLimited');
    const looks = [];
    for (let i = 0; i < 3; i++) looks.push((await lookup(s.base, 'ABCDEFGHJK', 'x')).status);
    assert.deepEqual(looks, [404, 404, 429]);
    // a minute later the buckets are full again
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    assert.equal((await postJson(s.base, person({ purpose: 'later' }))).status, 201);
  });

  test('a full table of buckets forgets refilled buckets first, then the least indebted: fresh addresses do not reset a limit', async () => {
    const { TokenBucketLimiter } = await importBundled('demo/server/rate-limit.ts', tmp);
    let now = 0;
    const limiter = new TokenBucketLimiter(2, () => now, 10);
    // The abuser spends its burst and is refused; then (its oldest-first bucket at the head of the table) it fills
    // the table from fresh addresses, each spending one request.
    assert.deepEqual([0, 1, 2].map(() => limiter.take('abuser').ok), [true, true, false]);
    for (let i = 0; i < 30; i++) assert.equal(limiter.take(`fresh-${i}`).ok, true);
    assert.ok(limiter.size <= 10);
    assert.equal(limiter.take('abuser').ok, false, 'the indebted bucket was kept');
    // Buckets that refilled completely go before any in debt, whatever their age.
    const l2 = new TokenBucketLimiter(2, () => now, 4);
    l2.take('old-full');
    now += 60_000; // refilled
    l2.take('a'); l2.take('a'); l2.take('b'); l2.take('c'); // a is empty, b and c half
    l2.take('d');
    assert.equal(l2.size, 4);
    assert.equal(l2.take('a').ok, false, 'a kept, in debt');
    // When it is not enough, the most indebted stay: a (empty) over b, c, d (one token left each).
    for (let i = 0; i < 10; i++) l2.take(`n${i}`);
    assert.equal(l2.take('a').ok, false);
  });

  test('behind one proxy, the address it saw counts: entries a client writes into X-Forwarded-For do not reset the limit', async () => {
    const s = await start({ rateLimit: { submitPerMinute: 1000, statusPerMinute: 2 }, trustProxy: 1 });
    const look = (fwd) => fetch(`${s.base}/api/requests/status?queryCode=ABCDEFGHJK&name=x`, { headers: { 'X-Forwarded-For': fwd } });
    const forged = [];
    for (let i = 0; i < 3; i++) forged.push((await look(`10.0.0.${i}, 203.0.113.9`)).status);
    assert.deepEqual(forged, [404, 404, 429], 'the right-most entry (the proxy\'s view) is the client');
    assert.equal((await look('203.0.113.10')).status, 404, 'another client has its own bucket');
  });

  test('IPv6 clients are limited per /64 (one subscriber\'s network): rotating the interface identifier gives no new bucket', async () => {
    // An ISP gives every subscriber at least a /64, and privacy extensions change the low 64 bits by themselves: keyed by
    // the full address, a client had 2^64 fresh buckets, and the submission and lookup limits none at all.
    const s = await start({ rateLimit: { submitPerMinute: 1000, statusPerMinute: 2 }, trustProxy: 1 });
    const look = (fwd) => fetch(`${s.base}/api/requests/status?queryCode=ABCDEFGHJK&name=x`, { headers: { 'X-Forwarded-For': fwd } });
    const rotated = [];
    for (const a of ['2001:db8:aa:1::1', '2001:DB8:AA:1:0:0:0:2', '[2001:db8:aa:1:ffff:1:2:3]:5678']) rotated.push((await look(a)).status);
    assert.deepEqual(rotated, [404, 404, 429], 'addresses in one /64 share a bucket, however they are written');
    assert.equal((await look('2001:db8:aa:2::1')).status, 404, 'the next /64 is another subscriber');
    // IPv4 clients stay per address, also when a dual-stack socket or proxy writes them IPv4-mapped.
    assert.deepEqual([(await look('198.51.100.7')).status, (await look('::ffff:198.51.100.7')).status, (await look('198.51.100.7:4711')).status], [404, 404, 429]);
    assert.equal((await look('::ffff:198.51.100.8')).status, 404, 'IPv4-mapped addresses are not lumped into one /64');
  });

  test('CORS: configured origins only; preflight allows Idempotency-Key and Content-Type', async () => {
    const s = await start();
    const pre = await fetch(`${s.base}/api/requests`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(pre.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    assert.match(pre.headers.get('access-control-allow-headers'), /Content-Type/);
    assert.match(pre.headers.get('access-control-allow-methods'), /POST/);
    const evil = await fetch(`${s.base}/api/requests`, {
      method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const post = await postJson(s.base, person(), randomUUID(), { Origin: ORIGIN });
    assert.equal(post.status, 201);
    assert.equal(post.headers.get('access-control-allow-origin'), ORIGIN);
    const staffPre = await fetch(`${s.base}/api/staff/requests`, {
      method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(staffPre.status, 403, 'the staff API is never open to browsers on other origins');
  });
});

describe('HTTP details: Allow, OPTIONS on unknown paths, the upload directory mode', () => {
  test('405 Allow names HEAD with GET, and OPTIONS where preflights are answered (the public API)', async () => {
    const s = await start();
    const allow = async (path, method) => {
      const res = await fetch(`${s.base}${path}`, { method });
      assert.equal(res.status, 405, `${method} ${path}`);
      return res.headers.get('allow');
    };
    assert.equal(await allow('/api/requests', 'PUT'), 'POST, OPTIONS');
    assert.equal(await allow('/api/requests/status', 'POST'), 'GET, HEAD, OPTIONS');
    assert.equal(await allow('/api/health', 'DELETE'), 'GET, HEAD, OPTIONS');
    assert.equal(await allow('/api/staff/requests', 'POST'), 'GET, HEAD', 'no preflight is ever answered on the staff API');
    assert.equal(await allow(`/api/staff/requests/${randomUUID()}/status`, 'GET'), 'POST');
    // What Allow promises is served.
    assert.equal((await fetch(`${s.base}/api/health`, { method: 'HEAD' })).status, 200);
  });

  test('a request Node\'s HTTP parser refuses (headers over 16 KiB, a bad Content-Length, a NUL in a header) → the JSON error shape too, and a log line without request data', async () => {
    const s = await start();
    const raw = (text) => new Promise((resolve) => {
      const socket = connect(Number(new URL(s.base).port), '127.0.0.1');
      let data = '';
      socket.on('data', (c) => (data += c.toString('latin1')));
      socket.on('error', () => {});
      socket.on('close', () => resolve(data));
      socket.end(text);
    });
    const request = (headers) => `POST /api/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n{}`;
    for (const [headers, status, code] of [
      [`Content-Length: 2\r\nX-Pad: ${'x'.repeat(20000)}\r\n`, 431, 'headersTooLarge'],
      ['Content-Length: -1\r\n', 400, 'badRequest'],
      [`Content-Length: 2\r\nIdempotency-Key: ${randomUUID()}\u0000\r\n`, 400, 'badRequest'],
    ]) {
      const answer = await raw(request(headers));
      const [head, body] = answer.split('\r\n\r\n');
      assert.match(head, new RegExp(`^HTTP/1.1 ${status} `), answer);
      assert.match(head, /\r\nContent-Type: application\/json; charset=utf-8\r\n/i);
      assert.match(head, /\r\nX-Content-Type-Options: nosniff\r\n/i);
      assert.equal(JSON.parse(body).error.code, code);
      assert.equal(typeof JSON.parse(body).error.message, 'string');
    }
    assert.deepEqual(s.logs.filter((l) => l.includes('(unparsed)')), ['- (unparsed) 431 HPE_HEADER_OVERFLOW', '- (unparsed) 400 HPE_INVALID_CONTENT_LENGTH', '- (unparsed) 400 HPE_INVALID_HEADER_TOKEN']);
    assert.equal((await fetch(`${s.base}/api/health`)).status, 200);
  });

  test('OPTIONS on an unknown path → 404 notFound, not 403 corsRefused', async () => {
    const s = await start();
    for (const headers of [{}, { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' }, { Origin: 'https://evil.example' }]) {
      const res = await fetch(`${s.base}/api/nothing-here`, { method: 'OPTIONS', headers });
      assert.equal(res.status, 404, JSON.stringify(headers));
      assert.equal((await res.json()).error.code, 'notFound');
    }
  });

  test('upload files of no application (a request cut off mid-upload, rows deleted without their files) → a startup warning with how many; nothing is deleted', async () => {
    const first = await start();
    const res = await postMultipart(first.base, person(), [{ field: 'idProof', name: '身份证.pdf', data: PDF, type: 'application/pdf' }]);
    assert.equal(res.status, 201, await res.clone().text());
    const { uploadDir, dbPath } = first.options;
    const [kept] = readdirSync(uploadDir);
    // Two left by a request cut off an hour ago, one being written by another server now, and a file of the operator's.
    const hourAgo = new Date(Date.now() - 3600_000);
    const cut = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'];
    for (const f of [...cut, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'README.txt']) writeFileSync(join(uploadDir, f), 'x');
    for (const f of [...cut, kept, 'README.txt']) utimesSync(join(uploadDir, f), hourAgo, hourAgo);
    const again = await start({ uploadDir, dbPath });
    const warnings = again.logs.filter((l) => l.includes('belong to no application'));
    assert.deepEqual(warnings, [`warning: 2 file(s) in the upload directory ${uploadDir} belong to no application (a request cut off while its files were written, or rows deleted without their files): ${cut.join(', ')}; check and delete them`]);
    assert.equal(readdirSync(uploadDir).length, 5, 'nothing deleted');
    assert.ok(!first.logs.some((l) => l.includes('belong to no application')), first.logs.join('\n'));
  });

  test('an existing upload directory open to other users → a startup warning (the mode is left as it is)', async () => {
    const dir = mkdtempSync(join(tmp, 'wide-'));
    const uploadDir = join(dir, 'uploads');
    const { mkdirSync, statSync } = await import('node:fs');
    mkdirSync(uploadDir);
    chmodSync(uploadDir, 0o755);
    const s = await start({ uploadDir });
    assert.ok(s.logs.includes(`warning: the upload directory ${uploadDir} is open to other users (mode 0755); chmod 700 it`), s.logs.join('\n'));
    assert.equal(statSync(uploadDir).mode & 0o777, 0o755);
    // One the server creates, or one already 0700, gives no warning.
    const fresh = await start();
    assert.equal(statSync(fresh.options.uploadDir).mode & 0o777, 0o700);
    chmodSync(uploadDir, 0o700);
    const tight = await start({ uploadDir, dbPath: join(dir, 'db2', 'intake.sqlite') });
    for (const logs of [fresh.logs, tight.logs]) assert.ok(!logs.some((l) => l.includes('upload directory')), logs.join('\n'));
  });
});

/* ------------------------------------------------------------------------ status lookup */

describe('GET /api/requests/status', () => {
  let s;
  let receipt;
  before(async () => {
    s = await start();
    receipt = await (await postJson(s.base, person())).json();
  });

  test('right code and name → status with history, due date and overdue flag', async () => {
    const res = await lookup(s.base, receipt.queryCode, NAME);
    assert.equal(res.status, 200);
    const a = await res.json();
    assert.deepEqual(a, {
      queryCode: receipt.queryCode,
      status: 'received',
      outcome: null,
      receivedAt: '2026-09-17T17:00:00.000Z',
      dueDate: '2026-10-21',
      overdue: false,
      history: [{ status: 'received', at: '2026-09-17T17:00:00.000Z' }],
    });
    // typed loosely: lower case, spaces, a hyphen; the name with full-width spaces around it
    const loose = `${receipt.queryCode.slice(0, 5).toLowerCase()}-${receipt.queryCode.slice(5)}`;
    assert.equal((await lookup(s.base, loose, `\u3000${NAME} `)).status, 200);
  });

  test('wrong name and unknown code give the same 404', async () => {
    const wrong = await lookup(s.base, receipt.queryCode, '李四');
    const unknown = await lookup(s.base, 'ZZZZZZZZZZ', NAME);
    const bogus = await lookup(s.base, 'not a code at all', NAME);
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(bogus.status, 404);
    const [w, u, b] = [await wrong.text(), await unknown.text(), await bogus.text()];
    assert.equal(w, u);
    assert.equal(w, b);
    assert.equal((await fetch(`${s.base}/api/requests/status?queryCode=${receipt.queryCode}`)).status, 400);
  });

  test('names cannot be tried one after another against a known query code, from any number of addresses', async () => {
    // Whoever has seen a receipt's query code could try common names (60 a minute per address, more with several)
    // until one matched, and so learn whose application it is. Now ten wrong names per code and hour, from all
    // addresses together; then the code answers 429 whatever the name, and an unknown code behaves the same.
    const t = await start({ rateLimit: { submitPerMinute: 1000, statusPerMinute: 1000 }, trustProxy: 1 });
    const r = await (await postJson(t.base, person())).json();
    const from = (i, code, name) => fetch(`${t.base}/api/requests/status?${new URLSearchParams({ queryCode: code, name })}`, { headers: { 'X-Forwarded-For': `203.0.113.${i}` } });
    const tries = async (code) => {
      const out = [];
      for (let i = 0; i < 11; i++) out.push((await from(i, code, `王${i}`)).status);
      return out;
    };
    assert.deepEqual(await tries(r.queryCode), [...Array(10).fill(404), 429]);
    const locked = await from(50, r.queryCode, NAME);
    assert.equal(locked.status, 429, 'the right name too, so a lock tells nothing');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.deepEqual(await tries('ZZZZZZZZZZ'), [...Array(10).fill(404), 429], 'an unknown code answers the same');
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 60_000); // a wrong name is forgiven every 6 minutes
    assert.equal((await from(60, r.queryCode, NAME)).status, 200);
    assert.equal((await from(61, r.queryCode, NAME)).status, 200, 'right names are never counted');
  });

  test('a name with a middle dot (买买提·艾力) is found however the dot is typed, or without it', async () => {
    const r = await (await postJson(s.base, person({ name: '买买提·艾力' }))).json();
    for (const typed of ['买买提·艾力', '买买提•艾力', '买买提・艾力', '买买提．艾力', '买买提.艾力', '买买提艾力']) {
      assert.equal((await lookup(s.base, r.queryCode, typed)).status, 200, typed);
    }
    assert.equal((await lookup(s.base, r.queryCode, '买买提')).status, 404);
    // An application stored before the dots were ignored (its digest kept the dot) is still found with the dot.
    const { createHash } = await import('node:crypto');
    const db = new Database(s.options.dbPath);
    db.prepare('UPDATE requests SET lookup_names = ? WHERE id = ?')
      .run(JSON.stringify([createHash('sha256').update('买买提·艾力').digest('hex')]), r.requestId);
    db.close();
    assert.equal((await lookup(s.base, r.queryCode, '买买提·艾力')).status, 200);
  });

  test('an organisation is found by its name', async () => {
    const org = {
      applicantType: 'organisation',
      fields: {
        orgName: '测试科技有限公司', uscc: '91110000600037341L', mobile: '13900139000', description: '请公开……',
        carrier: ['paper'], delivery: 'post', declaration: 'on',
      },
    };
    const res = await postJson(s.base, org);
    assert.equal(res.status, 201);
    const r = await res.json();
    assert.equal((await lookup(s.base, r.queryCode, '测试科技有限公司')).status, 200);
    assert.equal((await lookup(s.base, r.queryCode, NAME)).status, 404);
  });

  test('overdue once the due date has passed', async () => {
    const t = s.clock.now;
    s.clock.now = new Date('2026-10-21T15:59:00Z'); // 23:59 on the due date, Beijing time
    assert.equal((await (await lookup(s.base, receipt.queryCode, NAME)).json()).overdue, false);
    s.clock.now = new Date('2026-10-21T16:00:00Z'); // 00:00 the day after
    assert.equal((await (await lookup(s.base, receipt.queryCode, NAME)).json()).overdue, true);
    s.clock.now = t;
  });
});

/* ------------------------------------------------------------------------ staff API */

describe('staff API', () => {
  let s;
  let receipt;
  before(async () => {
    s = await start();
    receipt = await (await postJson(s.base, person({ description: '=HYPERLINK("http://evil.example","点击")' }))).json();
    await postJson(s.base, { applicantType: 'organisation', fields: {
      orgName: '+测试公司', uscc: '91110000600037341L', mobile: '13900139000', description: '@SUM(1,2)',
      carrier: ['paper', 'email'], delivery: 'post', declaration: 'true' } });
  });

  test('without or with a wrong token → 401; no token configured → 503', async () => {
    const none = await fetch(`${s.base}/api/staff/requests`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate'), /^Bearer/);
    assert.equal((await none.json()).error.code, 'unauthorized');
    const wrong = await fetch(`${s.base}/api/staff/requests`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
    assert.equal(wrong.status, 401);
    const disabled = await start({ staffToken: undefined });
    const res = await fetch(`${disabled.base}/api/staff/requests`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 503);
    assert.equal((await res.json()).error.code, 'staffApiDisabled');
    assert.ok(disabled.logs.some((l) => l.includes('staff API disabled')));
  });

  test('list, filtered by status', async () => {
    const all = await (await staff(s.base, '/api/staff/requests')).json();
    assert.equal(all.total, 2);
    assert.equal(all.items.length, 2);
    assert.equal(all.items[0].requestId, receipt.requestId);
    assert.equal(all.items[0].applicantName, NAME);
    const none = await (await staff(s.base, '/api/staff/requests?status=answered')).json();
    assert.equal(none.total, 0);
    assert.equal((await staff(s.base, '/api/staff/requests?status=lost')).status, 400);
    // Paging values that are not whole numbers are rounded, not a 500 from SQLite.
    for (const q of ['limit=1.5', 'offset=2.5', 'offset=1e20', 'limit=-3&offset=-1']) {
      const res = await staff(s.base, `/api/staff/requests?${q}`);
      assert.equal(res.status, 200, q);
    }
    const one = await (await staff(s.base, '/api/staff/requests?limit=1.5')).json();
    assert.equal(one.items.length, 1);
  });

  test('extended moves the due date by extensionWorkingDays, once', async () => {
    const res = await setStatus(s.base, receipt.requestId, { status: 'extended', note: '需要调取档案，延期答复。' });
    assert.equal(res.status, 200);
    const v = await res.json();
    assert.equal(v.status, 'extended');
    assert.equal(v.dueDate, '2026-11-18'); // 20 working days after 21 Oct
    assert.equal(v.receiptDueDate, '2026-10-21');
    const a = await (await lookup(s.base, receipt.queryCode, NAME)).json();
    assert.equal(a.dueDate, '2026-11-18');
    assert.equal(a.status, 'extended');
    assert.deepEqual(a.history.at(-1), { status: 'extended', at: '2026-09-17T17:00:00.000Z', note: '需要调取档案，延期答复。' });
  });

  test('status changes are validated against the status and outcome values', async () => {
    const bad = async (body) => (await (await setStatus(s.base, receipt.requestId, body)).json()).error.fields;
    assert.deepEqual(await bad({ status: 'lost' }), { status: 'option' });
    assert.deepEqual(await bad({ status: 'answered' }), { outcome: 'required' });
    assert.deepEqual(await bad({ status: 'answered', outcome: 'withheld.unknown' }), { outcome: 'option' });
    assert.deepEqual(await bad({ status: 'extended', outcome: 'granted' }), { outcome: 'invalidValue' });
    assert.equal((await setStatus(s.base, randomUUID(), { status: 'received' })).status, 404);
  });

  test('answered with an outcome; final afterwards', async () => {
    s.clock.now = new Date('2026-11-02T03:00:00Z');
    const res = await setStatus(s.base, receipt.requestId, { status: 'answered', outcome: 'withheld.thirdPartyRights', note: '涉及第三方商业秘密。' });
    assert.equal(res.status, 200);
    const a = await (await lookup(s.base, receipt.queryCode, NAME)).json();
    assert.equal(a.status, 'answered');
    assert.equal(a.outcome, 'withheld.thirdPartyRights');
    assert.deepEqual(a.history.map((h) => h.status), ['received', 'extended', 'answered']);
    assert.equal(a.overdue, false);
    assert.equal((await setStatus(s.base, receipt.requestId, { status: 'received' })).status, 409);
    const answered = await (await staff(s.base, '/api/staff/requests?status=answered')).json();
    assert.equal(answered.total, 1);
  });

  test('补正: a corrected application starts the reply period again (条例 Art. 30)', async () => {
    const r = await (await postJson(s.base, person({ purpose: 'correction' }))).json();
    assert.equal((await setStatus(s.base, r.requestId, { status: 'correctionRequested', note: '请补充文号。' })).status, 200);
    s.clock.now = new Date('2026-11-10T02:00:00Z'); // Tue 10 Nov
    const v = await (await setStatus(s.base, r.requestId, { status: 'received', note: '已收到补正材料。' })).json();
    assert.equal(v.dueDate, '2026-12-08');
  });

  test('CSV export: BOM, header, every application, formula injection neutralised', async () => {
    const res = await staff(s.base, '/api/staff/requests.csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition'), /attachment/);
    const buf = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines.length, 4); // header + 3 applications
    assert.match(lines[0], /^"requestId","queryCode","receivedAt","receivedAtLocal","dueDate","status","outcome","overdue","applicantType",/);
    // The day of receipt as the agency counts it (Asia/Shanghai), beside the UTC instant.
    const [, , utc, local] = lines[1].split(',').map((c) => c.slice(1, -1));
    const shanghai = new Date(Date.parse(utc) + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ');
    assert.equal(local, shanghai);
    assert.match(lines[0], /"证件号码 \(idNumber\)"/);
    assert.ok(text.includes(`"${NAME}"`));
    // An 18-digit ID number keeps its digits in Excel and WPS (a tab makes it text; quoting alone does not).
    assert.ok(text.includes(`"\t${ID}"`), 'ID number as text');
    assert.ok(!text.includes(`,"${ID}"`));
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""点击"")"`), 'formula prefixed and quotes doubled');
    assert.ok(text.includes(`"'+测试公司"`));
    assert.ok(text.includes(`"'@SUM(1,2)"`));
    assert.ok(!/(^|,)"[=+\-@]/m.test(text), 'no cell starts with a formula character');
    assert.ok(text.includes('"paper; email"'));
    assert.ok(text.includes('"withheld.thirdPartyRights"'));
    const filtered = await (await staff(s.base, '/api/staff/requests.csv?status=answered')).text();
    assert.equal(filtered.trimEnd().split('\r\n').length, 2);
  });

  test('补正 pending: the reply period stands still, so it is neither extended nor consulted on; it ends by the correction, an answer or a withdrawal', async () => {
    const r = await (await postJson(s.base, person({ purpose: 'correction pending' }))).json();
    assert.equal((await setStatus(s.base, r.requestId, { status: 'correctionRequested' })).status, 200);
    for (const status of ['extended', 'consultingThirdParty']) {
      const res = await setStatus(s.base, r.requestId, { status });
      assert.equal(res.status, 409, status);
      assert.equal((await res.json()).error.code, 'correctionPending');
    }
    // A note while waiting repeats the status; 申请人无正当理由逾期不补正 is an answer.
    assert.equal((await setStatus(s.base, r.requestId, { status: 'correctionRequested', note: '已电话提醒。' })).status, 200);
    assert.equal((await setStatus(s.base, r.requestId, { status: 'answered', outcome: 'other.noCorrection' })).status, 200);
  });
});

describe('bidirectional controls ("Trojan Source") in answers and notes', () => {
  test('are not stored, nor shown to staff or applicants: the JSON, the status history and the CSV export hold the text in written order; "\u202E=…" is a formula too', async () => {
    const s = await start();
    const RLO = '\u202E';
    const r = await (await postJson(s.base, person({ name: `张${RLO}小明`, description: `=1+1${RLO} 请公开2026年道路文件`, purpose: `${RLO}=HYPERLINK("x")` }))).json();
    assert.ok(r.requestId);
    const one = await (await staff(s.base, `/api/staff/requests/${r.requestId}`)).json();
    assert.equal(one.fields.name, '张小明');
    assert.equal(one.applicantName, '张小明');
    assert.equal(one.fields.description, '=1+1 请公开2026年道路文件');
    assert.equal((await setStatus(s.base, r.requestId, { status: 'extended', note: `需要调取档案${RLO} 延期 20 个工作日\u2066` })).status, 200);
    // Found by the name as typed, with or without the control.
    assert.equal((await lookup(s.base, r.queryCode, `张${RLO}小明`)).status, 200);
    const a = await (await lookup(s.base, r.queryCode, '张小明')).json();
    assert.equal(a.history.at(-1).note, '需要调取档案 延期 20 个工作日');
    const csv = await (await staff(s.base, '/api/staff/requests.csv')).text();
    assert.ok(!/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(csv), 'no bidi control in the CSV');
    assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`), 'formula after a control prefixed');
    assert.ok(!/(^|,)"[=+\-@]/m.test(csv), 'no cell starts with a formula character');
  });

  test('an answer of controls only is empty: a required name of U+200F U+061C → 422 required, as in the browser, not stored as an application without a name', async () => {
    // The form rules saw two characters and passed; the controls were then dropped, and the application was stored with
    // an empty name, which no status lookup can match.
    const s = await start();
    for (const body of [person({ name: '\u200F\u061C' }), person({ name: '\u202E \u2066' }), person({ description: '\u202E\u202C', carrier: ['\u200Eelectronic'] })]) {
      const res = await postJson(s.base, body);
      assert.equal(res.status, 422, JSON.stringify(body.fields));
      const { fields } = (await res.json()).error;
      assert.deepEqual(fields, body.fields.name !== NAME ? { name: 'required' } : { description: 'required' }, JSON.stringify(body.fields));
    }
    assert.equal(rowCount(s.options.dbPath), 0);
    // Text around a control still counts, as before.
    assert.equal((await postJson(s.base, person({ name: '\u200F张小明' }))).status, 201);
  });
});

describe('two server processes on one database file', () => {
  test('an extension recorded by one while the other is deciding its own is not recorded twice', async () => {
    // Instance A reads the application, then calls now() (the day of the change) before it writes. The hook runs
    // there, between A's read and A's write: it is instance B's extension arriving at that moment, on its own
    // connection, as B's server would write it (BEGIN IMMEDIATE, read, check, write). Before A's read-check-write was
    // one write transaction, B's write went in and A then wrote a second extension from its stale read.
    const clock = new Date('2026-09-17T17:00:00Z');
    let hook = null;
    const a = await start({ rateLimit: false, now: () => { const h = hook; hook = null; h?.(); return clock; } });
    const b = await start({ dbPath: a.options.dbPath, uploadDir: a.options.uploadDir });
    const r = await (await postJson(a.base, person())).json();
    let other;
    hook = () => {
      const db = new Database(a.options.dbPath, { timeout: 0 });
      try {
        db.exec('BEGIN IMMEDIATE');
        const row = db.prepare('SELECT extended FROM requests WHERE id = ?').get(r.requestId);
        if (row.extended === 0) {
          db.prepare("UPDATE requests SET status = 'extended', extended = 1, due_date = '2026-11-18' WHERE id = ?").run(r.requestId);
          db.prepare("INSERT INTO request_history (request_id, status, at, \"by\") VALUES (?, 'extended', ?, 'staff')")
            .run(r.requestId, clock.toISOString());
        }
        db.exec('COMMIT');
        other = 'written';
      } catch (e) {
        other = e.code; // SQLITE_BUSY: B waits for A's transaction (busy timeout), then reads A's extension
      } finally {
        db.close();
      }
    };
    const first = await setStatus(a.base, r.requestId, { status: 'extended' });
    assert.equal(hook, null, 'the hook ran');
    assert.equal(first.status, 200);
    const extensions = () => {
      const db = new Database(a.options.dbPath, { readonly: true });
      try {
        return db.prepare("SELECT count(*) AS n FROM request_history WHERE request_id = ? AND status = 'extended'").get(r.requestId).n;
      } finally {
        db.close();
      }
    };
    assert.equal(extensions(), 1, 'one extension recorded, not one by each instance');
    assert.equal(other, 'SQLITE_BUSY', 'A holds the write lock from its read to its write');
    assert.equal((await first.json()).dueDate, '2026-11-18');
    // B, a real server on the same file, now gets its turn: it reads A's extension, so 'extended' again is a note
    // while extended and the due date does not move a second time.
    const second = await setStatus(b.base, r.requestId, { status: 'extended', note: '再次延期？' });
    assert.equal(second.status, 200);
    assert.equal((await second.json()).dueDate, '2026-11-18');
  });
});

/* ------------------------------------------------------------------------ named staff tokens and audit */

const WANG = 'wang-token-0123456789abcdef0123456789abcdef';
const LI = 'li-token-fedcba9876543210fedcba9876543210';

/** Where an INTAKE_STAFF_TOKENS file is written for a test; its path. */
function tokenFile(text) {
  const path = join(mkdtempSync(join(tmp, 'tokens-')), 'staff-tokens');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

/** A port nothing listens on (a moment ago). */
async function freePort() {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Runs `node demo/server/run.mjs` with `env` until it prints that it listens (resolves { child, output, base }) or
 * exits (resolves { code, output }); gives up after 30 s.
 */
async function runServer(env) {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const dir = mkdtempSync(join(tmp, 'run-'));
  const child = spawn(process.execPath, [join(rootDir, 'demo/server/run.mjs')], {
    env: {
      PATH: process.env.PATH, INTAKE_PORT: String(port), INTAKE_DB: join(dir, 'intake.sqlite'),
      INTAKE_UPLOAD_DIR: join(dir, 'uploads'), INTAKE_FORM_FEED: FORM, ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server neither started nor stopped within 30 s:\n${output}`));
    }, 30_000);
    const read = (chunk) => {
      output += chunk;
      if (output.includes('intake server listening on')) {
        clearTimeout(timer);
        resolve({ child, get output() { return output; }, base: `http://127.0.0.1:${port}`, dbPath: join(dir, 'intake.sqlite') });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const as = (token) => ({ Authorization: `Bearer ${token}` });

function setStatusAs(base, token, id, body) {
  return fetch(`${base}/api/staff/requests/${id}/status`, {
    method: 'POST',
    headers: { ...as(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('named staff tokens (INTAKE_STAFF_TOKENS) and who recorded each status change', () => {
  test('INTAKE_STAFF_TOKENS file: two named tokens and INTAKE_STAFF_TOKEN each work and are recorded as by; logs name the staff member, never a token', async () => {
    const file = tokenFile(`\uFEFF# disclosure office\r\n\r\nwang   ${WANG}\r\n  李明\t${LI}  \r\n# zhao left in May: line deleted\r\n`);
    const run = await runServer({ INTAKE_STAFF_TOKEN: TOKEN, INTAKE_STAFF_TOKENS: file });
    assert.ok(run.child, run.output);
    try {
      const r = await (await postJson(run.base, person())).json();
      assert.equal((await setStatusAs(run.base, WANG, r.requestId, { status: 'consultingThirdParty', note: '已征求第三方意见。' })).status, 200);
      assert.equal((await setStatusAs(run.base, LI, r.requestId, { status: 'received' })).status, 200);
      const res = await setStatusAs(run.base, TOKEN, r.requestId, { status: 'answered', outcome: 'granted' });
      assert.equal(res.status, 200);
      const changed = await res.json();
      assert.deepEqual(changed.history.map((h) => [h.status, h.by]), [
        ['received', null], ['consultingThirdParty', 'wang'], ['received', '李明'], ['answered', 'staff'],
      ]);
      assert.equal(changed.history[1].note, '已征求第三方意见。');
      assert.equal(changed.statusBy, 'staff');
      const one = await (await fetch(`${run.base}/api/staff/requests/${r.requestId}`, { headers: as(LI) })).json();
      assert.deepEqual(one.history, changed.history);
      const list = await (await fetch(`${run.base}/api/staff/requests`, { headers: as(WANG) })).json();
      assert.equal(list.items[0].statusBy, 'staff');
      assert.equal((await fetch(`${run.base}/api/staff/requests`, { headers: as(`${WANG}x`) })).status, 401);
      // Stored as well as answered.
      const db = new Database(run.dbPath, { readonly: true });
      assert.deepEqual(db.prepare('SELECT "by" FROM request_history ORDER BY id').all().map((x) => x.by), [null, 'wang', '李明', 'staff']);
      db.close();
      await new Promise((resolve) => setTimeout(resolve, 100)); // the last log lines
      const out = run.output;
      assert.match(out, /staff API: tokens of staff, wang, 李明/);
      assert.match(out, /^POST \/api\/staff\/requests\/:id\/status 200 \d+\.\dms staff=wang$/m);
      assert.match(out, /^POST \/api\/staff\/requests\/:id\/status 200 \d+\.\dms staff=李明$/m);
      assert.match(out, /^GET \/api\/staff\/requests 401 \d+\.\dms$/m, 'a refused token: no name');
      for (const secret of [WANG, LI, TOKEN, WANG.slice(0, 16), NAME, r.requestId]) assert.ok(!out.includes(secret), `output contains ${secret}`);
    } finally {
      run.child.kill();
      await new Promise((resolve) => run.child.once('exit', resolve));
    }
  });

  test('a revoked token (its line deleted, server restarted) → 401; the others still work, the history keeps its name', async () => {
    const s = await start({ staffToken: undefined, staffTokens: { wang: WANG, 李明: LI } });
    const r = await (await postJson(s.base, person())).json();
    assert.equal((await setStatusAs(s.base, WANG, r.requestId, { status: 'extended', note: '延期。' })).status, 200);
    await s.close();
    const again = await start({ dbPath: s.options.dbPath, uploadDir: s.options.uploadDir, staffToken: undefined, staffTokens: { 李明: LI } });
    const refused = await fetch(`${again.base}/api/staff/requests/${r.requestId}`, { headers: as(WANG) });
    assert.equal(refused.status, 401);
    assert.equal((await refused.json()).error.code, 'unauthorized');
    assert.equal((await setStatusAs(again.base, WANG, r.requestId, { status: 'withdrawn' })).status, 401);
    assert.equal((await fetch(`${again.base}/api/staff/requests/${r.requestId}`, { headers: as(TOKEN) })).status, 401, 'INTAKE_STAFF_TOKEN unset: its old token too');
    const view = await (await fetch(`${again.base}/api/staff/requests/${r.requestId}`, { headers: as(LI) })).json();
    assert.deepEqual(view.history.map((h) => h.by), [null, 'wang']);
    assert.ok(!again.logs.join('\n').includes(WANG));
  });

  test('bad INTAKE_STAFF_TOKENS entries stop the start with a message naming the entry, never the token', async () => {
    const other = 'other-token-0123456789abcdef0123456789abcd';
    const cases = [
      [`wang ${WANG}\nli ${LI}\nwang ${other}\n`, /^INTAKE_STAFF_TOKENS line 3 \(wang\): the name is already given to INTAKE_STAFF_TOKENS line 1 \(wang\)/],
      [`wang ${WANG}\nWang ${other}\n`, /^INTAKE_STAFF_TOKENS line 2 \(Wang\): the name is already given to INTAKE_STAFF_TOKENS line 1 \(wang\)/],
      [`wang ${WANG}\nli ${WANG}\n`, /^INTAKE_STAFF_TOKENS line 2 \(li\): the same token as INTAKE_STAFF_TOKENS line 1 \(wang\)/],
      [`staff ${other}\n`, /^INTAKE_STAFF_TOKENS line 1 \(staff\): the name is already given to INTAKE_STAFF_TOKEN \(staff\)/],
      [`wang ${TOKEN}\n`, /^INTAKE_STAFF_TOKENS line 1 \(wang\): the same token as INTAKE_STAFF_TOKEN \(staff\)/],
      [`# ok\nw@ng ${WANG}\n`, /^INTAKE_STAFF_TOKENS line 2: the name is not valid/],
      [`${'x'.repeat(25)} ${WANG}\n`, /^INTAKE_STAFF_TOKENS line 1: the name is not valid/],
      [`.wang ${WANG}\n`, /^INTAKE_STAFF_TOKENS line 1: the name is not valid/], // README: the first a letter, digit or 汉字
      [`wang ${WANG}\n${LI}\n`, /^INTAKE_STAFF_TOKENS line 2: expected a name and a token separated by spaces, found one word/],
      [`wang=${WANG}\n`, /^INTAKE_STAFF_TOKENS line 1: expected a name and a token/],
      [`${WANG} wang # swapped\n`, /^INTAKE_STAFF_TOKENS line 1: expected a name and a token separated by spaces, found 4 words/],
      [`${LI.slice(0, 12)} wang\n`, /^INTAKE_STAFF_TOKENS line 1: the token is shorter than 16 characters/],
      [`wang ${WANG}令\n`, /^INTAKE_STAFF_TOKENS line 1 \(wang\): the token may contain only printable ASCII/],
    ];
    for (const [text, expected] of cases) {
      const env = { INTAKE_STAFF_TOKEN: TOKEN, INTAKE_STAFF_TOKENS: tokenFile(text) };
      assert.throws(() => mod.staffTokensFromEnv(env), (error) => {
        assert.equal(error.name, 'StaffTokenError');
        assert.match(error.message, expected);
        for (const secret of [WANG, LI, TOKEN, other, WANG.slice(0, 12), LI.slice(0, 12)]) {
          assert.ok(!error.message.includes(secret), `${error.message} contains a token`);
        }
        return true;
      }, text);
    }
    // A list of tokens in the variable instead of a file's path: not repeated in the message.
    assert.throws(() => mod.staffTokensFromEnv({ INTAKE_STAFF_TOKENS: `wang=${WANG},li=${LI}` }), (error) => {
      assert.match(error.message, /^INTAKE_STAFF_TOKENS: the file it names cannot be read \(ENOENT\).*looks like a list of tokens/);
      assert.ok(!error.message.includes(WANG) && !error.message.includes(LI));
      return true;
    });
    // In code, the same checks: createIntakeServer throws before opening anything.
    assert.throws(() => mod.createIntakeServer({ dbPath: join(tmp, 'never', 'x.sqlite'), uploadDir: join(tmp, 'never', 'up'), formFeedPath: FORM,
      staffToken: WANG, staffTokens: { li: WANG } }), /^StaffTokenError: staffTokens entry 1 \(li\): the same token as staffToken \(staff\)/);
    // Names may be Chinese, pinyin with . _ -; a clean file gives every entry, INTAKE_STAFF_TOKEN first as staff.
    const good = mod.staffTokensFromEnv({ INTAKE_STAFF_TOKEN: TOKEN, INTAKE_STAFF_TOKENS: tokenFile(`李明 ${LI}\nzhang.san_2-a ${WANG}\n`) });
    assert.deepEqual(good.map((t) => t.name), ['staff', '李明', 'zhang.san_2-a']);

    // The real start: the server stops with exit code 1 and the message, without a stack trace or the token.
    const run = await runServer({ INTAKE_STAFF_TOKENS: tokenFile(`wang ${WANG}\nli ${WANG}\n`) });
    if (run.child) run.child.kill();
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /intake server not started: INTAKE_STAFF_TOKENS line 2 \(li\): the same token as INTAKE_STAFF_TOKENS line 1 \(wang\)/);
    assert.ok(!run.output.includes(WANG), 'no token in the output');
    assert.ok(!/\n\s+at /.test(run.output), 'no stack trace');
  });

  test('each short token draws a warning naming its holder; so does a token file other users may read', async () => {
    const s = await start({ staffToken: 'short-one', staffTokens: { wang: 'short-two', 李明: LI } });
    const text = s.logs.join('\n');
    assert.match(text, /warning: the staff token of staff is short/);
    assert.match(text, /warning: the staff token of wang is short/);
    assert.ok(!/token of 李明 is short/.test(text));
    assert.ok(!text.includes('short-one') && !text.includes('short-two') && !text.includes(LI));
    const file = tokenFile(`wang ${WANG}\n`);
    const warned = [];
    mod.staffTokensFromEnv({ INTAKE_STAFF_TOKENS: file }, (l) => warned.push(l));
    assert.deepEqual(warned, [], 'mode 0600: no warning');
    chmodSync(file, 0o644);
    mod.staffTokensFromEnv({ INTAKE_STAFF_TOKENS: file }, (l) => warned.push(l));
    assert.deepEqual(warned, [`warning: the INTAKE_STAFF_TOKENS file ${file} is open to other users (mode 0644); chmod 600 it`]);
  });

  test('a database made before names were recorded gets the by column; its old history entries have by null', async () => {
    const dir = mkdtempSync(join(tmp, 'old-db-'));
    const dbPath = join(dir, 'intake.sqlite');
    // The schema of user_version 1, before request_history.by.
    const old = new Database(dbPath);
    old.exec(`
      CREATE TABLE requests (id TEXT PRIMARY KEY, query_code TEXT NOT NULL UNIQUE, idempotency_key TEXT NOT NULL UNIQUE,
        body_hash TEXT NOT NULL, applicant_type TEXT NOT NULL, applicant_name TEXT NOT NULL, lookup_names TEXT NOT NULL,
        fields TEXT NOT NULL, received_at TEXT NOT NULL, receipt_due_date TEXT NOT NULL, due_date TEXT NOT NULL,
        time_zone TEXT NOT NULL, extended INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, outcome TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE request_history (id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE, status TEXT NOT NULL, outcome TEXT, at TEXT NOT NULL, note TEXT);
      CREATE TABLE attachments (id TEXT PRIMARY KEY, request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        field TEXT NOT NULL, original_name TEXT NOT NULL, stored_name TEXT NOT NULL UNIQUE, media_type TEXT NOT NULL,
        size INTEGER NOT NULL, sha256 TEXT NOT NULL);
      PRAGMA user_version = 1;`);
    const id = randomUUID();
    const oldKey = randomUUID(); // stored in upper case, as the version before keys were lower-cased kept it
    const { createHash } = await import('node:crypto');
    old.prepare(`INSERT INTO requests VALUES (?, 'EARLY23456', ?, 'x', 'naturalPerson', ?, ?, ?, '2026-09-01T02:00:00.000Z',
      '2026-09-29', '2026-10-29', 'Asia/Shanghai', 1, 'extended', NULL, '2026-09-10T02:00:00.000Z')`)
      .run(id, oldKey.toUpperCase(), NAME, JSON.stringify([createHash('sha256').update(NAME).digest('hex')]), JSON.stringify({ name: NAME, description: '旧申请' }));
    old.prepare(`INSERT INTO request_history (request_id, status, outcome, at, note) VALUES (?, 'received', NULL, '2026-09-01T02:00:00.000Z', NULL),
      (?, 'extended', NULL, '2026-09-10T02:00:00.000Z', '延期答复。')`).run(id, id);
    old.close();

    const s = await start({ dbPath, uploadDir: join(dir, 'uploads'), staffTokens: { wang: WANG } });
    const db = new Database(dbPath, { readonly: true });
    assert.ok(db.prepare('PRAGMA table_info(request_history)').all().some((c) => c.name === 'by'), 'column added');
    assert.equal(db.pragma('user_version', { simple: true }), 4);
    assert.ok(db.prepare('PRAGMA table_info(request_history)').all().some((c) => c.name === 'decided_on'), 'decided_on added');
    assert.equal(db.prepare('SELECT idempotency_key AS k FROM requests WHERE id = ?').get(id).k, oldKey, 'key lower-cased');
    db.close();
    const before = await (await staff(s.base, `/api/staff/requests/${id}`)).json();
    assert.deepEqual(before.history, [
      { status: 'received', at: '2026-09-01T02:00:00.000Z', by: null },
      { status: 'extended', at: '2026-09-10T02:00:00.000Z', note: '延期答复。', by: null },
    ]);
    assert.equal(before.statusBy, null);
    assert.equal((await setStatusAs(s.base, WANG, id, { status: 'answered', outcome: 'granted' })).status, 200);
    await s.close();
    // Opening it again (the column is there now) changes nothing.
    const again = await start({ dbPath, uploadDir: join(dir, 'uploads') });
    const after = await (await staff(again.base, `/api/staff/requests/${id}`)).json();
    assert.deepEqual(after.history.map((h) => h.by), [null, null, 'wang']);
    assert.equal((await lookup(again.base, 'EARLY23456', NAME)).status, 200, 'the old application is still found by its applicant');
  });

  test('the applicant\'s status answer never names staff (no by in its history)', async () => {
    const s = await start({ staffTokens: { wang: WANG, 李明: LI } });
    const r = await (await postJson(s.base, person())).json();
    await setStatusAs(s.base, WANG, r.requestId, { status: 'consultingThirdParty', note: '已征求第三方意见。' });
    await setStatusAs(s.base, LI, r.requestId, { status: 'received' });
    const staffView = await (await staff(s.base, `/api/staff/requests/${r.requestId}`)).json();
    assert.deepEqual(staffView.history.map((h) => h.by), [null, 'wang', '李明'], 'staff see who did it');
    const res = await lookup(s.base, r.queryCode, NAME);
    assert.equal(res.status, 200);
    const text = await res.text();
    const answer = JSON.parse(text);
    assert.deepEqual(answer.history, [
      { status: 'received', at: '2026-09-17T17:00:00.000Z' },
      { status: 'consultingThirdParty', at: '2026-09-17T17:00:00.000Z', note: '已征求第三方意见。' },
      { status: 'received', at: '2026-09-17T17:00:00.000Z' },
    ]);
    assert.ok(!('statusBy' in answer));
    for (const word of ['"by"', 'statusBy', 'wang', '李明', 'staff']) assert.ok(!text.includes(word), `status answer contains ${word}`);
  });

  test('CSV export: a statusBy column, after applicantType, with who recorded the current status', async () => {
    const s = await start({ staffTokens: { wang: WANG } });
    const a = await (await postJson(s.base, person())).json();
    await postJson(s.base, person({ purpose: 'second' }));
    await setStatusAs(s.base, WANG, a.requestId, { status: 'extended' });
    const lines = (await (await staff(s.base, '/api/staff/requests.csv')).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.match(lines[0], /^"requestId","queryCode","receivedAt","receivedAtLocal","dueDate","status","outcome","overdue","applicantType","statusBy",/);
    const col = (line) => line.split(',')[9];
    assert.equal(col(lines[1]), '"wang"');
    assert.equal(col(lines[2]), '""', 'not changed by staff since the submission');
  });
});


/* --------------------------------------------------------------- paused reply period */

describe('reply period paused (条例 Art. 30, 33)', () => {
  let s;
  before(async () => {
    s = await start();
  });

  test('征求第三方意见: the consultation does not count in the reply period (条例 Art. 33)', async () => {
    s.clock.now = new Date('2026-11-10T02:00:00Z'); // Tue 10 Nov, Beijing: due 8 Dec
    const r = await (await postJson(s.base, person({ purpose: 'consultation' }))).json();
    assert.equal(r.dueDate, '2026-12-08');
    s.clock.now = new Date('2026-11-12T02:00:00Z'); // Thu 12 Nov: consultation begins
    assert.equal((await setStatus(s.base, r.requestId, { status: 'consultingThirdParty', note: '已向第三方发出征求意见书。' })).status, 200);
    s.clock.now = new Date('2026-11-19T02:00:00Z'); // a note during the consultation does not restart it
    assert.equal((await setStatus(s.base, r.requestId, { status: 'consultingThirdParty', note: '第三方已签收。' })).status, 200);
    s.clock.now = new Date('2026-11-26T02:00:00Z'); // Thu 26 Nov: the answer is in; 10 working days since 12 Nov
    const v = await (await setStatus(s.base, r.requestId, { status: 'received', note: '已收到第三方意见。' })).json();
    assert.equal(v.dueDate, '2026-12-22'); // 8 Dec + 10 working days
    assert.equal(v.receiptDueDate, '2026-12-08');
    s.clock.now = new Date('2026-12-21T02:00:00Z');
    assert.equal((await (await lookup(s.base, r.queryCode, NAME)).json()).overdue, false);
    s.clock.now = new Date('2026-12-23T02:00:00Z');
    assert.equal((await (await lookup(s.base, r.queryCode, NAME)).json()).overdue, true);
  });

  test('a US-FOIA form: consulting a third party does not stop the reply period (as <request-status> shows it); the due date stays, and passes', async () => {
    const form = JSON.parse(readFileSync(FORM, 'utf8'));
    const feed = join(tmp, 'form-us-foia.json');
    writeFileSync(feed, JSON.stringify({ ...form, jurisdiction: 'US-FOIA' }));
    const t = await start({ formFeedPath: feed });
    t.clock.now = new Date('2026-11-10T15:00:00Z'); // Tue 10 Nov, Washington
    const r = await (await postJson(t.base, person({ purpose: 'FOIA consultation' }))).json();
    const due = r.dueDate;
    t.clock.now = new Date('2026-11-12T15:00:00Z');
    assert.equal((await setStatus(t.base, r.requestId, { status: 'consultingThirdParty', note: 'Consulting the submitter.' })).status, 200);
    t.clock.now = new Date(`${due}T15:00:00Z`);
    assert.equal((await (await lookup(t.base, r.queryCode, NAME)).json()).overdue, false, 'on the due date');
    t.clock.now = new Date(new Date(`${due}T15:00:00Z`).getTime() + 2 * 86_400_000);
    const late = await (await lookup(t.base, r.queryCode, NAME)).json();
    assert.deepEqual([late.status, late.dueDate, late.overdue], ['consultingThirdParty', due, true]);
    const ended = await (await setStatus(t.base, r.requestId, { status: 'received', note: 'The submitter answered.' })).json();
    assert.deepEqual([ended.dueDate, ended.overdue], [due, true], 'its end moves nothing');
  });

  test('extended after the due date → 409 extensionAfterDueDate, unless decidedOn names a day within the period', async () => {
    // 条例 Art. 33: the extension is decided (and the applicant told) within the reply period. Recorded afterwards it
    // moved the due date and cleared the overdue flag of an application already late.
    const t = await start();
    const submitOne = async (purpose) => (await (await postJson(t.base, person({ purpose }))).json()).requestId;
    const [late, onTime, lastDay, bad] = [await submitOne('late'), await submitOne('on time'), await submitOne('last day'), await submitOne('bad')];
    const due = (await (await staff(t.base, `/api/staff/requests/${late}`)).json()).dueDate;
    assert.equal(due, '2026-10-21');
    t.clock.now = new Date('2026-10-21T15:00:00Z'); // 23:00 on 21 Oct in Beijing: the last day of the period
    let res = await setStatus(t.base, lastDay, { status: 'extended' });
    assert.equal(res.status, 200, 'on the due date itself');
    assert.equal((await res.json()).dueDate, '2026-11-18');
    t.clock.now = new Date('2026-10-21T17:00:00Z'); // 01:00 on 22 Oct in Beijing: the day after
    res = await setStatus(t.base, late, { status: 'extended', note: '延期答复。' });
    assert.equal(res.status, 409);
    assert.equal((await res.json()).error.code, 'extensionAfterDueDate');
    let v = await (await staff(t.base, `/api/staff/requests/${late}`)).json();
    assert.deepEqual([v.status, v.dueDate, v.extended, v.overdue, v.history.length], ['received', '2026-10-21', false, true, 1]);
    // Decided after the due date: still refused.
    res = await setStatus(t.base, late, { status: 'extended', decidedOn: '2026-10-22' });
    assert.equal(res.status, 409);
    assert.equal((await res.json()).error.code, 'extensionAfterDueDate');
    // Not a date, in the future, before receipt, or with another status: invalid.
    for (const body of [
      { status: 'extended', decidedOn: '2026-02-30' }, { status: 'extended', decidedOn: '20.10.2026' }, { status: 'extended', decidedOn: 20261020 },
      { status: 'extended', decidedOn: '2026-10-23' }, { status: 'extended', decidedOn: '2026-09-17' }, { status: 'received', decidedOn: '2026-10-20' },
    ]) {
      res = await setStatus(t.base, bad, body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.deepEqual((await res.json()).error.fields, { decidedOn: 'invalidValue' }, JSON.stringify(body));
    }
    // Approved on 20 Oct, recorded on 22 Oct: accepted, and the decision date kept in the staff history.
    res = await setStatus(t.base, onTime, { status: 'extended', decidedOn: '2026-10-20', note: '延期答复。' });
    assert.equal(res.status, 200);
    v = await res.json();
    assert.deepEqual([v.status, v.dueDate, v.extended, v.overdue], ['extended', '2026-11-18', true, false]);
    assert.deepEqual(v.history.at(-1), { status: 'extended', at: '2026-10-21T17:00:00.000Z', note: '延期答复。', by: 'staff', decidedOn: '2026-10-20' });
  });

  test('an extended application: notes while extended, and back to extended after a consultation, without a second extension', async () => {
    // Repeating `extended` (to record a note) answered 409 alreadyExtended, and so did going back to `extended` when a
    // consultation ended: staff had to set `received`, and the applicant saw an extended application as merely received.
    s.clock.now = new Date('2026-11-10T02:00:00Z'); // Tue 10 Nov, Beijing: due 8 Dec
    const r = await (await postJson(s.base, person({ purpose: 'extended, then consulted' }))).json();
    assert.equal(r.dueDate, '2026-12-08');
    let v = await (await setStatus(s.base, r.requestId, { status: 'extended', note: '延期答复。' })).json();
    assert.equal(v.dueDate, '2027-01-05'); // 20 working days after 8 Dec
    s.clock.now = new Date('2026-11-11T02:00:00Z');
    let res = await setStatus(s.base, r.requestId, { status: 'extended', note: '已调取档案。' });
    assert.equal(res.status, 200, 'a note while extended');
    v = await res.json();
    assert.equal(v.status, 'extended');
    assert.equal(v.dueDate, '2027-01-05', 'the note extends nothing');
    assert.deepEqual(v.history.at(-1), { status: 'extended', at: '2026-11-11T02:00:00.000Z', note: '已调取档案。', by: 'staff' });
    s.clock.now = new Date('2026-11-12T02:00:00Z'); // Thu 12 Nov: consultation begins
    assert.equal((await setStatus(s.base, r.requestId, { status: 'consultingThirdParty' })).status, 200);
    s.clock.now = new Date('2026-11-26T02:00:00Z'); // Thu 26 Nov: 10 working days later
    res = await setStatus(s.base, r.requestId, { status: 'extended', note: '已收到第三方意见。' });
    assert.equal(res.status, 200, 'back to extended when the consultation ends');
    v = await res.json();
    assert.equal(v.status, 'extended');
    assert.equal(v.extended, true);
    assert.equal(v.dueDate, '2027-01-19', 'moved by the consultation only: 5 Jan + 10 working days');
    const a = await (await lookup(s.base, r.queryCode, NAME)).json();
    assert.equal(a.status, 'extended');
    assert.equal(a.dueDate, '2027-01-19');
    // A second extension (extended again after it was set back to received) is still refused.
    assert.equal((await setStatus(s.base, r.requestId, { status: 'received' })).status, 200);
    res = await setStatus(s.base, r.requestId, { status: 'extended' });
    assert.equal(res.status, 409);
    assert.equal((await res.json()).error.code, 'alreadyExtended');
  });

  test('while a consultation or a correction is pending, the application is not overdue', async () => {
    s.clock.now = new Date('2026-11-10T02:00:00Z');
    const a = await (await postJson(s.base, person({ purpose: 'paused' }))).json();
    const b = await (await postJson(s.base, person({ purpose: 'paused 2' }))).json();
    s.clock.now = new Date('2026-12-01T02:00:00Z');
    await setStatus(s.base, a.requestId, { status: 'consultingThirdParty' });
    await setStatus(s.base, b.requestId, { status: 'correctionRequested' });
    s.clock.now = new Date('2026-12-09T02:00:00Z'); // the day after the recorded due date
    for (const r of [a, b]) {
      const view = await (await lookup(s.base, r.queryCode, NAME)).json();
      assert.equal(view.dueDate, '2026-12-08');
      assert.equal(view.overdue, false, view.status);
    }
  });

  test('a consultation or a correction request begun after the due date does not hide that the reply is late (a period that has ended cannot be stopped)', async () => {
    s.clock.now = new Date('2026-11-10T02:00:00Z'); // due 8 Dec
    const a = await (await postJson(s.base, person({ purpose: 'late pause' }))).json();
    const b = await (await postJson(s.base, person({ purpose: 'late pause 2' }))).json();
    s.clock.now = new Date('2026-12-09T02:00:00Z'); // Wed 9 Dec: late
    assert.equal((await (await lookup(s.base, a.queryCode, NAME)).json()).overdue, true);
    await setStatus(s.base, a.requestId, { status: 'consultingThirdParty' });
    await setStatus(s.base, b.requestId, { status: 'correctionRequested' });
    s.clock.now = new Date('2026-12-10T02:00:00Z'); // a note during the consultation: its start stays 9 Dec
    assert.equal((await setStatus(s.base, a.requestId, { status: 'consultingThirdParty', note: '第三方已签收。' })).status, 200);
    for (const r of [a, b]) {
      const view = await (await lookup(s.base, r.queryCode, NAME)).json();
      assert.equal(view.overdue, true, view.status);
      const one = await (await staff(s.base, `/api/staff/requests/${r.requestId}`)).json();
      assert.equal(one.overdue, true, `staff view, ${view.status}`);
    }
    const csv = await (await staff(s.base, '/api/staff/requests.csv?status=consultingThirdParty')).text();
    assert.ok(csv.includes(`"${a.queryCode}"`) && /"yes"/.test(csv), 'CSV overdue column');
    // Its end does not move the due date either: the period it would have stopped had ended.
    s.clock.now = new Date('2026-12-15T02:00:00Z');
    const ended = await (await setStatus(s.base, a.requestId, { status: 'received', note: '已收到第三方意见。' })).json();
    assert.equal(ended.dueDate, '2026-12-08');
    assert.equal(ended.overdue, true);
    // Begun on the due date itself (8 Dec), the period was still running: stopped, not overdue.
    s.clock.now = new Date('2026-11-10T02:00:00Z');
    const c = await (await postJson(s.base, person({ purpose: 'pause on the last day' }))).json();
    s.clock.now = new Date('2026-12-08T09:00:00Z'); // 17:00 Beijing on 8 Dec
    await setStatus(s.base, c.requestId, { status: 'consultingThirdParty' });
    s.clock.now = new Date('2026-12-15T02:00:00Z');
    assert.equal((await (await lookup(s.base, c.queryCode, NAME)).json()).overdue, false);
  });
});

describe('a correction or clarification asked of the applicant, per jurisdiction', () => {
  // The same walk under each form: received Tue 10 Nov (due 8 Dec, 20 working days), a correction asked on Tue 17 Nov
  // (working day 5), the answer in on Tue 1 Dec (10 working days later). Each server dates in its own time zone; 15:00Z
  // is the same calendar day in Beijing, New York and London.
  const feedFor = (jurisdiction) => {
    const feed = join(tmp, `form-correction-${jurisdiction}.json`);
    writeFileSync(feed, JSON.stringify({ ...JSON.parse(readFileSync(FORM, 'utf8')), jurisdiction }));
    return feed;
  };
  async function walk(jurisdiction) {
    const t = await start({ formFeedPath: feedFor(jurisdiction) });
    t.clock.now = new Date('2026-11-10T15:00:00Z');
    const r = await (await postJson(t.base, person({ purpose: `correction under ${jurisdiction}` }))).json();
    assert.equal(r.dueDate, '2026-12-08', jurisdiction);
    t.clock.now = new Date('2026-11-17T15:00:00Z'); // working day 5
    assert.equal((await setStatus(t.base, r.requestId, { status: 'correctionRequested', note: 'Please name the project.' })).status, 200);
    t.clock.now = new Date('2026-11-24T15:00:00Z'); // a note while waiting does not move the day the clock stopped
    assert.equal((await setStatus(t.base, r.requestId, { status: 'correctionRequested', note: 'Reminder sent.' })).status, 200);
    t.clock.now = new Date('2026-12-01T15:00:00Z'); // the answer is in
    const v = await (await setStatus(t.base, r.requestId, { status: 'received', note: 'The answer is in.' })).json();
    return { t, r, v };
  }

  test('US-FOIA: the request for information tolls the 20 days, and the answer resumes them (5 U.S.C. 552(a)(6)(A)(ii)): due 8 Dec + the 10 working days paused, not 20 days from the answer', async () => {
    const { t, r, v } = await walk('US-FOIA');
    // 5 days used before the request, 15 left after the answer: 1 Dec + 15 working days = 22 Dec (a restart gave 29 Dec).
    assert.deepEqual([v.status, v.dueDate, v.receiptDueDate, v.extended, v.overdue], ['received', '2026-12-22', '2026-12-08', false, false]);
    t.clock.now = new Date('2026-12-22T15:00:00Z');
    let a = await (await lookup(t.base, r.queryCode, NAME)).json();
    assert.deepEqual([a.dueDate, a.overdue], ['2026-12-22', false], 'on the due date');
    t.clock.now = new Date('2026-12-23T15:00:00Z');
    a = await (await lookup(t.base, r.queryCode, NAME)).json();
    assert.deepEqual([a.dueDate, a.overdue], ['2026-12-22', true], 'the day after');
  });

  test('US-FOIA: an extended application stays extended through the tolling, and its extended due date moves on by the days paused', async () => {
    const t = await start({ formFeedPath: feedFor('US-FOIA') });
    t.clock.now = new Date('2026-11-10T15:00:00Z');
    const r = await (await postJson(t.base, person({ purpose: 'extended, then tolled' }))).json();
    let v = await (await setStatus(t.base, r.requestId, { status: 'extended' })).json();
    assert.equal(v.dueDate, '2027-01-05'); // the fixture's 20 extension days after 8 Dec
    t.clock.now = new Date('2026-11-17T15:00:00Z');
    await setStatus(t.base, r.requestId, { status: 'correctionRequested' });
    t.clock.now = new Date('2026-12-01T15:00:00Z');
    v = await (await setStatus(t.base, r.requestId, { status: 'received' })).json();
    assert.deepEqual([v.dueDate, v.extended], ['2027-01-19', true]); // 5 Jan + 10 working days
    const res = await setStatus(t.base, r.requestId, { status: 'extended' });
    assert.equal((await res.json()).error?.code, 'alreadyExtended', 'still one extension');
  });

  test('US-FOIA: the answer to a request for information asked during an extension can be recorded as extended again (the requester reads "Time limit extended", not "Received"): the extended due date moves on by the days paused, no second extension; a CN or UK correction still starts over from received', async () => {
    const t = await start({ formFeedPath: feedFor('US-FOIA') });
    t.clock.now = new Date('2026-11-10T15:00:00Z');
    const r = await (await postJson(t.base, person({ purpose: 'extended, tolled, back to extended' }))).json();
    await setStatus(t.base, r.requestId, { status: 'extended' }); // due 5 Jan
    t.clock.now = new Date('2026-11-17T15:00:00Z');
    await setStatus(t.base, r.requestId, { status: 'correctionRequested' });
    t.clock.now = new Date('2026-12-01T15:00:00Z');
    const res = await setStatus(t.base, r.requestId, { status: 'extended', note: 'The answer is in.' });
    assert.equal(res.status, 200);
    const v = await res.json();
    assert.deepEqual([v.status, v.dueDate, v.extended, v.overdue], ['extended', '2027-01-19', true, false]); // 5 Jan + 10 working days
    const a = await (await lookup(t.base, r.queryCode, NAME)).json();
    assert.deepEqual([a.status, a.dueDate], ['extended', '2027-01-19']);
    // A note while extended moves nothing; a second extension is still refused after a received.
    t.clock.now = new Date('2026-12-08T15:00:00Z');
    assert.equal((await (await setStatus(t.base, r.requestId, { status: 'extended', note: 'Search under way.' })).json()).dueDate, '2027-01-19');
    await setStatus(t.base, r.requestId, { status: 'received' });
    assert.equal((await (await setStatus(t.base, r.requestId, { status: 'extended' })).json()).error?.code, 'alreadyExtended');
    // Not extended before the request for information: the answer is `received`; `extended` now would be an extension
    // counted from a period that is not running.
    const b = await (await postJson(t.base, person({ purpose: 'tolled, not extended' }))).json();
    await setStatus(t.base, b.requestId, { status: 'correctionRequested' });
    assert.equal((await (await setStatus(t.base, b.requestId, { status: 'extended' })).json()).error?.code, 'correctionPending');
    // UK (and CN): the answer starts the period again and ends the extension, so back to `extended` is refused.
    const u = await start({ formFeedPath: feedFor('UK-FOIA') });
    u.clock.now = new Date('2026-11-10T15:00:00Z');
    const c = await (await postJson(u.base, person({ purpose: 'UK extended then correction' }))).json();
    await setStatus(u.base, c.requestId, { status: 'extended' });
    await setStatus(u.base, c.requestId, { status: 'correctionRequested' });
    assert.equal((await (await setStatus(u.base, c.requestId, { status: 'extended' })).json()).error?.code, 'correctionPending');
  });

  test('US-FOIA: a request for information made after the due date tolls nothing (the period had ended); the answer moves nothing', async () => {
    const t = await start({ formFeedPath: feedFor('US-FOIA') });
    t.clock.now = new Date('2026-11-10T15:00:00Z');
    const r = await (await postJson(t.base, person({ purpose: 'tolled too late' }))).json();
    t.clock.now = new Date('2026-12-09T15:00:00Z');
    await setStatus(t.base, r.requestId, { status: 'correctionRequested' });
    t.clock.now = new Date('2026-12-15T15:00:00Z');
    const v = await (await setStatus(t.base, r.requestId, { status: 'received' })).json();
    assert.deepEqual([v.dueDate, v.overdue], ['2026-12-08', true]);
  });

  test('CN-OGI-2019: the corrected application starts the 20 working days again (条例 Art. 30): due 1 Dec + 20 = 29 Dec', async () => {
    const { v } = await walk('CN-OGI-2019');
    assert.deepEqual([v.status, v.dueDate, v.receiptDueDate, v.overdue], ['received', '2026-12-29', '2026-12-08', false]);
  });

  test('UK-FOIA: the 20 working days count from the day the further information arrives (FOIA 2000 s.1(3), s.10(6)(b)): 29 Dec', async () => {
    const { v } = await walk('UK-FOIA');
    assert.deepEqual([v.status, v.dueDate, v.receiptDueDate, v.overdue], ['received', '2026-12-29', '2026-12-08', false]);
  });
});

describe('the agency\'s own time zone (rules.timeZone)', () => {
  test('a US agency in Honolulu: a request sent at 23:30 there on Thursday 19 November is received that day (New York says Friday): due 17 Dec, overdue from midnight in Honolulu, the CSV\'s local time Honolulu\'s', async () => {
    const feed = join(tmp, 'form-honolulu.json');
    const form = JSON.parse(readFileSync(FORM, 'utf8'));
    writeFileSync(feed, JSON.stringify({ ...form, jurisdiction: 'US-FOIA', rules: { ...form.rules, timeZone: 'Pacific/Honolulu' } }));
    const t = await start({ formFeedPath: feed });
    t.clock.now = new Date('2026-11-20T09:30:00Z'); // 23:30 Thu 19 Nov in Honolulu, 04:30 Fri 20 Nov in New York
    const r = await (await postJson(t.base, person({ purpose: 'Honolulu, late at night' }))).json();
    assert.equal(r.dueDate, '2026-12-17', '19 Nov + 20 working days (from New York\'s 20 Nov it was 18 Dec)');
    const csv = await (await staff(t.base, '/api/staff/requests.csv')).text();
    assert.ok(csv.includes('2026-11-19 23:30:00'), 'received, local time: Honolulu\'s');
    t.clock.now = new Date('2026-12-18T09:59:00Z'); // 23:59 on 17 Dec in Honolulu, 18 Dec in New York
    assert.equal((await (await lookup(t.base, r.queryCode, NAME)).json()).overdue, false);
    t.clock.now = new Date('2026-12-18T10:01:00Z'); // 00:01 on 18 Dec in Honolulu
    assert.equal((await (await lookup(t.base, r.queryCode, NAME)).json()).overdue, true);
  });

  test('an unknown rules.timeZone is ignored as the element ignores it: the jurisdiction\'s zone (New York) dates receipt', async () => {
    const feed = join(tmp, 'form-bad-zone.json');
    const form = JSON.parse(readFileSync(FORM, 'utf8'));
    writeFileSync(feed, JSON.stringify({ ...form, jurisdiction: 'US-FOIA', rules: { ...form.rules, timeZone: 'America/Springfield' } }));
    const t = await start({ formFeedPath: feed });
    t.clock.now = new Date('2026-11-20T09:30:00Z');
    const r = await (await postJson(t.base, person({ purpose: 'unknown zone' }))).json();
    assert.equal(r.dueDate, '2026-12-18');
  });
});

/* ------------------------------------------------------------------------ demo samples */

describe('demo sample applications (seed.ts, added by npm start)', () => {
  test('the US FOIA office\'s samples (INTAKE_SEED_DEMO=us-foia) go through a server of the FOIA form, without a proof of identity, and show their states', async () => {
    const dir = mkdtempSync(join(tmp, 'seed-foia-'));
    const paths = { dbPath: join(dir, 'intake.sqlite'), uploadDir: join(dir, 'uploads'), formFeedPath: join(rootDir, 'demo/feeds/request-form-us-foia.json') };
    const today = new Date('2026-11-26T16:00:00Z');
    assert.equal(await mod.seedDemo({ ...paths, today, samples: mod.US_FOIA_SAMPLES }), 3);
    assert.equal(await mod.seedDemo({ ...paths, today, samples: mod.US_FOIA_SAMPLES }), 0, 'a second run adds nothing');
    const s = await start({ ...paths, now: () => today });
    const view = async (code, name) => (await lookup(s.base, code, name)).json();
    const answered = await view('USAMPLE234', 'Jane Roe');
    assert.deepEqual([answered.status, answered.outcome], ['answered', 'partiallyGranted']);
    assert.deepEqual(((v) => [v.status, v.overdue])(await view('USAMPLE235', 'John Doe')), ['received', false]);
    const extended = await view('USAMPLE236', 'Ann Smith');
    assert.deepEqual([extended.status, extended.overdue], ['extended', false]);
    const db = new Database(paths.dbPath, { readonly: true });
    assert.deepEqual([db.prepare('SELECT COUNT(*) AS n FROM requests').get().n, db.prepare('SELECT COUNT(*) AS n FROM attachments').get().n], [3, 0]);
    db.close();
    await s.close();
  });

  test('every sample goes through the server and shows its state on the status API; seeding twice adds nothing', async () => {
    const dir = mkdtempSync(join(tmp, 'seed-'));
    const paths = { dbPath: join(dir, 'intake.sqlite'), uploadDir: join(dir, 'uploads'), formFeedPath: join(rootDir, 'demo/feeds/request-form.json') };
    const today = new Date('2026-11-26T04:00:00Z');
    const lines = [];
    assert.equal(await mod.seedDemo({ ...paths, today, log: (l) => lines.push(l) }), mod.DEMO_SAMPLES.length);
    assert.match(lines.join('\n'), /SAMPLE2345/);
    assert.equal(await mod.seedDemo({ ...paths, today }), 0, 'a second run adds nothing');
    // A database that lost one sample (or a run cut short) gets only the missing one back.
    const cut = new Database(paths.dbPath);
    const gone = cut.prepare("SELECT id FROM requests WHERE query_code = 'SAMPLE2349'").get().id;
    cut.prepare('DELETE FROM attachments WHERE request_id = ?').run(gone);
    cut.prepare('DELETE FROM request_history WHERE request_id = ?').run(gone);
    cut.prepare('DELETE FROM requests WHERE id = ?').run(gone);
    cut.close();
    assert.equal(await mod.seedDemo({ ...paths, today }), 1);

    const s = await start({ ...paths, now: () => today });
    const view = async (code) => {
      const sample = mod.DEMO_SAMPLES.find((x) => x.queryCode === code);
      const res = await lookup(s.base, code, sample.name);
      assert.equal(res.status, 200, code);
      return res.json();
    };
    const answered = await view('SAMPLE2345');
    assert.equal(answered.status, 'answered');
    assert.equal(answered.outcome, 'granted');
    assert.deepEqual(answered.history.map((h) => h.status), ['received', 'answered']);
    assert.equal(answered.receivedAt, '2026-09-27T02:00:00.000Z', '60 days before, at 10:00 in Beijing');

    const fresh = await view('SAMPLE2346');
    assert.deepEqual([fresh.status, fresh.overdue], ['received', false]);

    const paused = await view('SAMPLE2347');
    assert.deepEqual([paused.status, paused.overdue], ['consultingThirdParty', false]);

    const correction = await view('SAMPLE2348'); // an organisation, found by its name
    assert.equal(correction.status, 'correctionRequested');

    const extended = await view('SAMPLE2349');
    assert.equal(extended.status, 'extended');
    assert.ok(extended.dueDate > '2026-12-15', `extended by 20 working days: ${extended.dueDate}`);
    assert.equal(extended.overdue, false);

    const late = await view('SAMPLE234A');
    assert.deepEqual([late.status, late.overdue], ['received', true]);
    assert.ok(late.dueDate < '2026-11-26', late.dueDate);

    assert.equal((await lookup(s.base, 'SAMPLE2345', '李四')).status, 404, 'the name is still checked');
    const db = new Database(paths.dbPath, { readonly: true });
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM requests').get().n, mod.DEMO_SAMPLES.length);
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM attachments').get().n, mod.DEMO_SAMPLES.length, 'each with its proof of identity');
    db.close();
    await s.close();

    // A month later the samples are dated again (else "within the period" would show as overdue), files included.
    const later = new Date('2026-12-26T04:00:00Z');
    const stored = () => {
      const d = new Database(paths.dbPath, { readonly: true });
      const names = d.prepare('SELECT stored_name FROM attachments').all().map((r) => r.stored_name);
      d.close();
      return names;
    };
    const before = stored();
    assert.equal(await mod.seedDemo({ ...paths, today: later }), mod.DEMO_SAMPLES.length);
    const again = await start({ ...paths, now: () => later });
    const res = await lookup(again.base, 'SAMPLE2346', '李四');
    assert.deepEqual(((a) => [a.status, a.overdue, a.receivedAt])(await res.json()), ['received', false, '2026-12-23T02:00:00.000Z']);
    const db2 = new Database(paths.dbPath, { readonly: true });
    assert.equal(db2.prepare('SELECT COUNT(*) AS n FROM requests').get().n, mod.DEMO_SAMPLES.length, 'replaced, not added');
    db2.close();
    const files = readdirSync(paths.uploadDir);
    assert.ok(before.every((f) => !files.includes(f)), 'the old files are gone');
    assert.ok(stored().every((f) => files.includes(f)), 'the new ones are there');
  });

  test('the demo status page lists every sample with its name and state', () => {
    const page = readFileSync(join(rootDir, 'demo/pages/status.html'), 'utf8');
    for (const x of mod.DEMO_SAMPLES) assert.ok(page.includes(`<td>${x.queryCode}</td><td>${x.name}</td><td>${x.shows}</td>`), x.queryCode);
  });
});

/* ------------------------------------------------------------------------ logs */

describe('logs', () => {
  test('log lines carry method, route, status and duration, never personal data', async () => {
    const s = await start();
    const r = await (await postJson(s.base, person())).json();
    await postMultipart(s.base, person(), [{ field: 'idProof', name: 'zhang-id.pdf', data: PDF }]);
    await postJson(s.base, person({ idNumber: '110105194912310021' }));
    await postJson(s.base, '{"name":"' + NAME + '", broken');
    await lookup(s.base, r.queryCode, NAME);
    await lookup(s.base, r.queryCode, '李四');
    await setStatus(s.base, r.requestId, { status: 'extended', note: `${NAME}的申请延期` });
    await staff(s.base, '/api/staff/requests.csv');
    await fetch(`${s.base}/api/${encodeURIComponent(ID)}?name=${encodeURIComponent(NAME)}`);
    const text = s.logs.join('\n');
    assert.ok(s.logs.some((l) => /^POST \/api\/requests 201 \d+\.\dms$/.test(l)), text);
    assert.ok(s.logs.some((l) => /^GET \/api\/requests\/status 404 /.test(l)));
    assert.ok(s.logs.some((l) => /^GET \(unmatched\) 404 /.test(l)));
    for (const secret of [NAME, '张', ID, ID.slice(0, 10), '110105194912310021', r.queryCode, '13800138000', 'zhang', '道路改造', r.requestId, '李四']) {
      assert.ok(!text.includes(secret), `log contains ${secret}`);
    }
  });

  test('warns when due dates will soon run past the holiday calendar (only weekends count after its last date)', async () => {
    // The test form lists 2026-09-20 … 2026-10-10.
    const june = await start({ now: () => new Date('2026-06-01T02:00:00Z') });
    await fetch(`${june.base}/api/request-form.json`);
    assert.deepEqual(june.logs.filter((l) => l.includes('rules.calendar')), [], 'in June the calendar covers the next 90 days');
    // A server left running: on a later day, the same feed (unchanged) draws the warning once that day, not never.
    const clock = { now: new Date('2026-06-01T02:00:00Z') };
    const running = await start({ now: () => clock.now });
    await fetch(`${running.base}/api/request-form.json`);
    assert.deepEqual(running.logs.filter((l) => l.includes('rules.calendar')), []);
    clock.now = new Date('2026-08-01T02:00:00Z');
    await fetch(`${running.base}/api/request-form.json`);
    await postJson(running.base, person());
    const later = running.logs.filter((l) => l.includes('rules.calendar'));
    assert.equal(later.length, 1, running.logs.join('\n'));
    assert.match(later[0], /the last date listed is 2026-10-10/);
    const s = await start(); // 17 September: a due date may fall after 10 October
    await fetch(`${s.base}/api/request-form.json`);
    const warned = s.logs.filter((l) => l.includes('rules.calendar'));
    assert.equal(warned.length, 1, s.logs.join('\n'));
    assert.match(warned[0], /the last date listed is 2026-10-10; due dates after it count only weekends/);
  });

  test('a client that goes away mid-upload is logged as aborted with no status, not as a 200 or an internal error', async () => {
    const s = await start();
    await new Promise((resolve) => {
      const r = httpRequest(`${s.base}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=xyz', 'Content-Length': 100000, 'Idempotency-Key': randomUUID() },
      });
      r.on('error', () => resolve());
      r.write('--xyz\r\nContent-Disposition: form-data; name="applicantType"\r\n\r\nnaturalPerson\r\n');
      setTimeout(() => {
        r.destroy();
        resolve();
      }, 100);
    });
    const line = await new Promise((resolve) => {
      const t = setInterval(() => {
        const l = s.logs.find((x) => x.startsWith('POST /api/requests'));
        if (l) {
          clearInterval(t);
          resolve(l);
        }
      }, 20);
    });
    assert.match(line, /^POST \/api\/requests - aborted \d+\.\dms$/);
    assert.ok(!s.logs.some((l) => l.startsWith('internal error')), s.logs.join('\n'));
  });

  test('written data: WAL mode, 0600 database and upload files; the form feed is served', async () => {
    const s = await start();
    await postMultipart(s.base, person(), [{ field: 'idProof', name: 'a.pdf', data: PDF }]);
    const db = new Database(s.options.dbPath, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
    const { statSync } = await import('node:fs');
    const [f] = readdirSync(s.options.uploadDir);
    assert.equal(statSync(join(s.options.uploadDir, f)).mode & 0o777, 0o600);
    assert.equal(statSync(s.options.dbPath).mode & 0o777, 0o600);
    const feed = await fetch(`${s.base}/api/request-form.json`);
    assert.equal(feed.status, 200);
    assert.equal((await feed.json()).agency.name, '测试县人民政府办公室');
  });

  test('a missing form feed answers 503 formUnavailable, and the server keeps running', async () => {
    const missing = join(tmp, 'nope.json');
    const s = await start({ formFeedPath: missing });
    const res = await postJson(s.base, person());
    assert.equal(res.status, 503);
    assert.equal((await res.json()).error.code, 'formUnavailable');
    writeFileSync(missing, readFileSync(FORM));
    assert.equal((await postJson(s.base, person())).status, 201, 'the form is read again once it exists');
  });
});

/* ------------------------------------------------------------------------ the contract (openapi.yaml) */

/** The text of one operation (`path`, `method`) of openapi.yaml, found by indentation (no YAML parser needed). */
function operationText(spec, path, method) {
  const lines = spec.split('\n');
  const p = lines.indexOf(`  ${path}:`);
  assert.ok(p >= 0, `openapi.yaml has no path ${path}`);
  let m = p + 1;
  while (m < lines.length && lines[m] !== `    ${method}:`) {
    assert.ok(/^ {4,}|^$/.test(lines[m]), `openapi.yaml: ${path} has no ${method}`);
    m++;
  }
  const out = [];
  for (let j = m + 1; j < lines.length && (lines[j] === '' || /^ {6,}/.test(lines[j])); j++) out.push(lines[j]);
  return out.join('\n');
}

/** What openapi.yaml says about answering `status` to an operation, with a `$ref`'d shared response resolved. */
function responseText(spec, path, method, status) {
  const lines = operationText(spec, path, method).split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(`'${status}':`));
  if (i < 0) return null;
  const indent = lines[i].search(/\S/);
  const block = [lines[i]];
  for (let j = i + 1; j < lines.length && (lines[j] === '' || lines[j].search(/\S/) > indent); j++) block.push(lines[j]);
  const text = block.join('\n');
  const ref = /#\/components\/responses\/(\w+)/.exec(text);
  if (!ref) return text;
  const all = spec.split('\n');
  const r = all.indexOf(`    ${ref[1]}:`);
  const shared = [];
  for (let j = r + 1; j < all.length && (all[j] === '' || /^ {6,}/.test(all[j])); j++) shared.push(all[j]);
  return `${text}\n${shared.join('\n')}`;
}

describe('openapi.yaml describes what the server answers', () => {
  const spec = readFileSync(join(rootDir, 'demo/server/openapi.yaml'), 'utf8');
  /** Asserts the answer, then that the contract lists its status for the operation and names its error code. */
  async function documented(res, path, method, status, code) {
    assert.equal(res.status, status, `${method} ${path}`);
    assert.equal((await res.json()).error.code, code, `${method} ${path}`);
    const text = responseText(spec, path, method, status);
    assert.ok(text, `openapi.yaml: ${method} ${path} lists no ${status}`);
    assert.ok(text.includes(code), `openapi.yaml: ${method} ${path} ${status} does not name ${code}`);
  }

  test('error answers of the staff API and of submissions are in the contract', async () => {
    const s = await start({ rateLimit: { submitPerMinute: 1000, statusPerMinute: 1000, staffPerMinute: 3 } });
    const r = await (await postJson(s.base, person())).json();
    await documented(await staff(s.base, '/api/staff/requests.csv?status=nonsense'), '/api/staff/requests.csv', 'get', 400, 'invalidParameter');
    await documented(await postJson(s.base, person(), '00000000-0000-0000-0000-000000000000'), '/api/requests', 'post', 400, 'idempotencyKeyNotRandom');
    await staff(s.base, `/api/staff/requests/${r.requestId}`);
    await staff(s.base, `/api/staff/requests/${r.requestId}`);
    await documented(await staff(s.base, `/api/staff/requests/${r.requestId}`), '/api/staff/requests/{requestId}', 'get', 429, 'rateLimited');
    for (const [path, method] of [['/api/staff/requests/{requestId}/status', 'post'], ['/api/staff/requests/{requestId}/attachments/{attachmentId}', 'get']]) {
      assert.ok(responseText(spec, path, method, 429)?.includes('rateLimited'), `openapi.yaml: ${method} ${path} lists no 429 rateLimited`);
    }
    // A status change that needs the form's rules (an extension) while the form feed cannot be read.
    const feed = join(tmp, 'form-goes-away.json');
    writeFileSync(feed, readFileSync(FORM));
    const t = await start({ formFeedPath: feed });
    const a = await (await postJson(t.base, person())).json();
    rmSync(feed);
    await documented(await setStatus(t.base, a.requestId, { status: 'extended' }), '/api/staff/requests/{requestId}/status', 'post', 503, 'formUnavailable');
    t.clock.now = new Date('2026-12-01T02:00:00Z'); // after the due date of 21 Oct
    await documented(await setStatus(t.base, a.requestId, { status: 'extended' }), '/api/staff/requests/{requestId}/status', 'post', 409, 'extensionAfterDueDate');
    // A file that cannot be written is a 503 the element retries (exercised in 'a file that cannot be written …').
    assert.ok(responseText(spec, '/api/requests', 'post', 503)?.includes('storageUnavailable'), 'openapi.yaml: POST /api/requests 503 does not name storageUnavailable');
    // Any path answers a method it lacks with 405 and Allow.
    const wrong = await fetch(`${t.base}/api/requests`, { method: 'PUT' });
    assert.equal(wrong.status, 405);
    assert.equal((await wrong.json()).error.code, 'methodNotAllowed');
    assert.match(spec, /405 `?methodNotAllowed`?/, 'openapi.yaml does not mention 405 methodNotAllowed');
  });
});
