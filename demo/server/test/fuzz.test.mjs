// Generated malformed and hostile requests against a real running intake server (a temp SQLite file and upload
// directory, as in server.test.mjs). A valid sample submission (JSON and multipart) is changed at random from a
// seeded generator (values of another type, missing and duplicated fields, __proto__/constructor/toString as names
// and values, huge and nested values, invalid UTF-8, NUL and bidi controls, broken boundaries, nameless parts,
// path-traversal file names, huge part headers, many tiny parts, cut-off bodies); hand-picked requests add what a
// generator would rarely hit (a Content-Length that lies, other charsets and media types, odd Idempotency-Keys); then
// status lookups with odd query strings and staff requests with odd tokens and parameters. The server must:
// - answer every one with a 4xx in the error shape of feeds.md/openapi.yaml, or with success where the request is
//   valid, never 5xx, and keep answering (a normal submission, lookup and health check after each batch);
// - store only applications that pass the form's rules (each 201 is read back and checked again with checkAnswers),
//   and nothing for an answer that is not a success;
// - write files only into its upload directory, and there only files it keeps (one per stored attachment);
// - leave Object.prototype as it was (the server runs in this process);
// - log one line per request and none with the applicant's name, ID number or phone.
// A failure names the seed and the changes; FUZZ_SEED=<n> node --test demo/server/test/fuzz.test.mjs replays one, and
// FUZZ_VERBOSE=1 prints each case with the status it got.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join, relative, sep } from 'node:path';
import { before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { importBundled } from '../run.mjs';
import { FORM, intakeHarness, TOKEN } from '../intake-harness.mjs';
import { seededRandom } from '../../../scripts/seeded-random.mjs';

/** Generated cases per kind (FUZZ_CASES=500 explores further); a seed to replay one case alone (in a failure message). */
const CASES = Number(process.env.FUZZ_CASES) || 40;
const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null;

const NAME = '张小明';
const ID = '11010519491231002X';
const MOBILE = '13800138000';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x20), Buffer.from('\n%%EOF\n')]);

const { tmp, start: startServer } = intakeHarness('fuzz');
let schema;
let form;

before(async () => {
  schema = await importBundled('src/schema/request-form.ts', tmp);
  form = schema.parseRequestForm(JSON.parse(readFileSync(FORM, 'utf8')), 'http://localhost/api/request-form.json').form;
});

/** A server whose upload directory is two levels below its own directory, so `../../x` stays in view; no rate limits. */
const start = () => startServer((dir) => ({
  uploadDir: join(dir, 'files', 'in', 'uploads'),
  rateLimit: { submitPerMinute: 100000, statusPerMinute: 100000, staffPerMinute: 100000, lookupFailuresPerCodePerHour: 100000 },
}));

/* ------------------------------------------------------------------------ generator */

const pickWith = (rnd) => (xs) => xs[Math.floor(rnd() * xs.length)];
const show = (v) => {
  const s = Buffer.isBuffer(v) ? `bytes ${v.subarray(0, 12).toString('hex')}${v.length > 12 ? `… (${v.length} bytes)` : ''}` : JSON.stringify(v) ?? String(v);
  return s.length > 70 ? `${s.slice(0, 60)}… (${s.length} chars)` : s;
};

/** Text an answer could hold instead of its own. */
const STRINGS = [
  '', ' ', '0', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'x'.repeat(5000), '申'.repeat(201),
  'a\u0000b', '\u0000', 'x\u202Eevil\u202C.pdf', '\u2066\u2067x\u2069', '\u200F\u061C', '\r\n\r\n--', '<script>x</script>',
  '=HYPERLINK("http://x")', '%00%zz', '../../etc/passwd', '\uFFFD\uFEFF', '\uD800', '\uDFFF\uD800', '\u{1F600}'.repeat(60),
  NAME, ID, 'electronic', 'true', 'false', 'null',
];
const nested = (depth, open = '[', close = ']') => ({ raw: open.repeat(depth) + close.repeat(depth) });
/** Values of other types (`raw`: JSON text put in as it is: deep nesting). */
const OTHER_TYPES = [
  0, -1, 1.5, 1e308, -0, 13800138000, true, false, null, [], {}, [[]], [{}], { a: 1 }, [1, 'x'], ['electronic', 'electronic'],
  ['electronic', null], { __proto__: null, polluted: 'yes' }, nested(64), nested(20000), nested(20000, '{"a":', '}'),
  { raw: `{"__proto__":{"polluted":"yes"}}` }, { raw: `[${'0,'.repeat(50000)}0]` },
];
/** Field names that are not the form's. */
const NAMES = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', '', ' ', 'name\u0000', 'x'.repeat(3000), 'fields', 'applicantType\u202E', '申请人'];
const TRAVERSAL = [
  '../../etc/passwd', '../../pwned.pdf', '..\\..\\pwned.pdf', '..\\x', '/etc/passwd', '/tmp/intake-fuzz-abs.pdf',
  'C:\\Windows\\system32\\pwned.pdf', '\\\\server\\share\\pwned.pdf', 'a\u0000.pdf', '..%2f..%2fpwned.pdf', '....//....//pwned.pdf',
  '.', '..', '', ' ', '.pdf', 'con.pdf', 'x'.repeat(5000) + '.pdf', '\u202Efdp.exe', 'a/../../b.pdf', '%2e%2e%2fpwned.pdf',
];
/** Absolute places a file name above could point at. */
const ABSOLUTE_TARGETS = ['/tmp/intake-fuzz-abs.pdf', '/etc/pwned.pdf'];

const FIELDS = {
  name: NAME, idType: 'residentId', idNumber: ID, mobile: MOBILE, email: 'zhang@example.cn',
  description: '请公开2026年本县道路改造项目的招标文件。', carrier: ['electronic'], delivery: 'email', declaration: 'true',
};

/* JSON submissions: a list of [name, value] entries (so names may repeat and __proto__ is an own key). */

function jsonText(v) {
  if (v && typeof v === 'object' && 'raw' in v && Object.keys(v).length === 1) return v.raw;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${jsonText(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** A valid sample with random changes: { body (Buffer), headers, changes, mustFail }. */
function jsonCase(seed) {
  const rnd = seededRandom(seed);
  const pick = pickWith(rnd);
  const fields = Object.entries(FIELDS).map(([k, v]) => [k, v]);
  const top = [['applicantType', 'naturalPerson']];
  const changes = [];
  let mustFail = false;
  let wrapper = null;
  const headers = { 'Content-Type': 'application/json' };
  // Mostly one change (so that some cases stay valid and what is stored gets checked), a value's more often than others.
  const n = rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
  for (let i = 0; i < n; i++) {
    const op = pick([0, 0, 1, 1, 1, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
    const at = Math.floor(rnd() * fields.length);
    const name = fields[at]?.[0] ?? 'description';
    if (op === 0 && fields.length) {
      const v = pick(OTHER_TYPES);
      fields[at] = [name, v];
      changes.push(`fields.${name} = ${show(v?.raw ?? v)}`);
      if (v && typeof v === 'object' && !Array.isArray(v)) mustFail = true;
    } else if (op === 1 && fields.length) {
      const v = pick(STRINGS);
      fields[at] = [name, v];
      changes.push(`fields.${name} = ${show(v)}`);
    } else if (op === 2 && fields.length) {
      fields.splice(at, 1);
      changes.push(`fields.${name} removed`);
      if (['name', 'mobile', 'description', 'declaration', 'carrier', 'delivery'].includes(name)) mustFail = true;
    } else if (op === 3 && fields.length) {
      const v = rnd() < 0.5 ? fields[at][1] : pick(STRINGS);
      fields.splice(Math.floor(rnd() * fields.length), 0, [name, v]);
      changes.push(`fields.${name} twice (also ${show(v)})`);
    } else if (op === 4) {
      const k = pick(NAMES);
      const v = rnd() < 0.5 ? pick(STRINGS) : pick(OTHER_TYPES);
      fields.splice(Math.floor(rnd() * (fields.length + 1)), 0, [k, v]);
      changes.push(`fields[${show(k)}] = ${show(v?.raw ?? v)}`);
      if (v !== null) mustFail = true; // null is no answer: ignored whatever the name
    } else if (op === 5) {
      const v = pick(['organisation', '', '__proto__', 'constructor', 'toString', 123, null, [], {}, 'naturalPerson\u0000', 'naturalPerson\u202E', ' naturalPerson']);
      top[0] = ['applicantType', v];
      changes.push(`applicantType = ${show(v)}`);
      mustFail = true; // another type, its option for organisations (which lacks their fields), or no option at all
    } else if (op === 6) {
      const v = pick([
        ['__proto__', { raw: '{"polluted":"yes"}' }], ['constructor', { prototype: { polluted: 'yes' } }], ['toString', 'x'],
        ['fields', {}], ['applicantType', 'organisation'], ['extra', 'x'.repeat(100000)],
      ]);
      top.push(v);
      changes.push(`top-level ${show(v[0])} = ${show(v[1].raw ?? v[1])}`);
    } else if (op === 7) {
      wrapper = pick([{ raw: 'null' }, { raw: '[]' }, { raw: '"x"' }, { raw: '1' }, { raw: '{"fields":null}' }, { raw: '{"applicantType":"naturalPerson"}' },
        { raw: '{"applicantType":"naturalPerson","fields":[]}' }, { raw: '{"applicantType":"naturalPerson","fields":"x"}' }, { raw: '' }, { raw: '\uFEFF' },
        { raw: '{' }, { raw: '{"applicantType":"naturalPerson","fields":{' }, { raw: '[]x' }]);
      changes.push(`body = ${show(wrapper.raw)}`);
      mustFail = true;
    } else if (op === 8) {
      const len = pick([300_000, 1_100_000]);
      fields[at] = [name, 'x'.repeat(len)];
      changes.push(`fields.${name} = "x" × ${len}`);
      if (['name', 'description', 'idNumber', 'mobile'].includes(name)) mustFail = true;
    } else {
      const h = pick([
        ['Content-Type', 'application/json; charset=utf-16'], ['Content-Type', 'application/json; charset=iso-8859-1'],
        ['Content-Type', 'APPLICATION/JSON'], ['Content-Type', 'application/json;;;'], ['Content-Type', 'text/json'],
        ['Content-Type', ''], ['Content-Type', 'multipart/form-data'], ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Content-Type', 'application/json, text/plain'],
      ]);
      headers[h[0]] = h[1];
      changes.push(`${h[0]}: ${show(h[1])}`);
    }
  }
  let text = wrapper ? wrapper.raw : jsonText({ raw: `{${[...top, ['fields', { raw: `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}` }]].map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}` });
  let body = Buffer.from(text, 'utf8');
  if (rnd() < 0.15) {
    // Bytes no JSON encoder writes: invalid UTF-8, the body in another charset, a cut.
    const how = pick(['invalid', 'latin1', 'utf16', 'cut']);
    if (how === 'invalid') {
      const bad = pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
      const i = body.indexOf('请公开');
      if (i >= 0) body = Buffer.concat([body.subarray(0, i), Buffer.from(bad), body.subarray(i)]);
      changes.push(`invalid UTF-8 ${Buffer.from(bad).toString('hex')} in the description`);
      if (i >= 0) mustFail = true;
    } else if (how === 'latin1') {
      body = Buffer.from(text.replace('请公开', 'Café'), 'latin1');
      changes.push('body in ISO-8859-1');
    } else if (how === 'utf16') {
      body = Buffer.from(text, 'utf16le');
      changes.push('body in UTF-16LE');
      mustFail = true;
    } else {
      const cut = Math.floor(rnd() * body.length);
      body = body.subarray(0, cut);
      changes.push(`body cut at ${cut} of ${text.length}`);
      mustFail = true;
    }
  }
  if (headers['Content-Type'] !== 'application/json' && !/^application\/json/i.test(headers['Content-Type'])) mustFail = true;
  return { body, headers, changes, mustFail };
}

/* Multipart submissions: parts built by hand, so any of them can be broken. */

function part(name, value, { filename, type, extraHeaders = '' } = {}) {
  const disp = `form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}`;
  return { head: `Content-Disposition: ${disp}${type ? `\r\nContent-Type: ${type}` : ''}${extraHeaders}`, name, data: Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8') };
}

function multipartCase(seed) {
  const rnd = seededRandom(seed);
  const pick = pickWith(rnd);
  const parts = [part('applicantType', 'naturalPerson')];
  for (const [k, v] of Object.entries(FIELDS)) for (const x of [v].flat()) parts.push(part(k, x));
  parts.push(part('idProof', PDF, { filename: 'id.pdf', type: 'application/pdf' }));
  const changes = [];
  let mustFail = false;
  let boundary = `----fuzz${seed}`;
  let ctBoundary = boundary;
  let lineEnd = '\r\n';
  let closing = true;
  let cutAt = null;
  let preamble = '';
  const n = rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
  for (let i = 0; i < n; i++) {
    const op = pick([0, 0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 9, 10, 11]);
    const at = Math.floor(rnd() * parts.length);
    const p = parts[at];
    if (op === 0 && p) {
      const v = rnd() < 0.7
        ? pick(STRINGS)
        : pick([Buffer.from([0xff]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe4, 0xb8]), Buffer.from('a\u0000b'), Buffer.alloc(300 * 1024, 0x61)]);
      parts[at] = { ...p, data: Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8') };
      changes.push(`part ${p.name} = ${show(v)}`);
      if (Buffer.isBuffer(v) && (v[0] === 0xff || v[0] === 0xc0 || v[0] === 0xed || v[0] === 0xe4) && p.name !== 'idProof') mustFail = true;
    } else if (op === 1 && p) {
      parts.splice(at, 1);
      changes.push(`part ${p.name} removed`);
    } else if (op === 2 && p) {
      parts.splice(Math.floor(rnd() * parts.length), 0, { ...p });
      changes.push(`part ${p.name} twice`);
      if (p.name === 'applicantType') mustFail = true;
    } else if (op === 3 && p) {
      const k = pick(NAMES);
      parts[at] = { ...p, head: p.head.replace(/name="[^"]*"/, `name="${k}"`), name: k };
      changes.push(`part ${p.name} renamed ${show(k)}`);
      mustFail = true;
    } else if (op === 4 && p) {
      const head = pick([
        p.head.replace(/; name="[^"]*"/, ''), p.head.replace(/Content-Disposition: form-data/, 'Content-Disposition: attachment'),
        p.head.replace(/^Content-Disposition: [^\r]*/, ''), `${p.head}\r\nno colon here`, p.head.replace(/name="([^"]*)"/, 'name=$1'),
        p.head.replace(/name="([^"]*)"/, 'NAME="$1"'), p.head.replace(/name="([^"]*)"/, 'name="$1"; name="other"'),
        p.head.replace(/name="([^"]*)"/, 'name="\\"$1\\""'), p.head.replace(/name="([^"]*)"/, "name*=UTF-8''$1"),
        `${p.head}\r\nContent-Type: ${'x'.repeat(2000)}`, `${p.head}\r\n : empty name`, `\r\n${p.head}`,
      ]);
      parts[at] = { ...p, head };
      changes.push(`part ${p.name} headers ${show(head)}`);
    } else if (op === 5) {
      const fn = pick(TRAVERSAL);
      const useExt = rnd() < 0.3;
      const disp = useExt ? `form-data; name="idProof"; filename*=UTF-8''${encodeURIComponent(fn)}` : `form-data; name="idProof"; filename="${fn}"`;
      const i = parts.findIndex((x) => x.name === 'idProof');
      const np = { head: `Content-Disposition: ${disp}\r\nContent-Type: application/pdf`, name: 'idProof', data: PDF };
      if (i >= 0) parts[i] = np;
      else parts.push(np);
      changes.push(`file name${useExt ? '*' : ''} ${show(fn)}`);
    } else if (op === 6) {
      const k = pick(['description', 'supportingDocs', 'licence', 'nope', 'carrier']);
      parts.push(part(k, pick([PDF, Buffer.from('MZ\x90\x00'), Buffer.from('plain text'), Buffer.alloc(0)]), { filename: pick(['x.pdf', 'x.exe', 'x', '']) }));
      changes.push(`a file part named ${k}`);
    } else if (op === 7 && p) {
      parts[at] = { ...p, head: `${p.head}\r\nX-Pad: ${'a'.repeat(pick([100, 17 * 1024, 40 * 1024]))}` };
      changes.push(`part ${p.name}: a huge header`);
    } else if (op === 8) {
      const count = pick([50, 300, 600]);
      const k = pick(['carrier', 'x', '__proto__', 'description']);
      for (let j = 0; j < count; j++) parts.push(part(k, pick(['x', '', 'electronic'])));
      changes.push(`${count} tiny parts named ${k}`);
      if (count > 400) mustFail = true;
    } else if (op === 9) {
      const how = pick(['missing', 'mismatch', 'quoted', 'long', 'badchar', 'twice', 'lf', 'noclose', 'preamble', 'case', 'empty', 'spaces']);
      if (how === 'missing') ctBoundary = null;
      else if (how === 'mismatch') ctBoundary = `${boundary}x`;
      else if (how === 'quoted') ctBoundary = `"${boundary}"`;
      else if (how === 'long') { boundary = 'b'.repeat(71); ctBoundary = boundary; }
      else if (how === 'badchar') { boundary = 'a\u00e9<b>'; ctBoundary = boundary; }
      else if (how === 'twice') ctBoundary = `${boundary}; boundary=other`;
      else if (how === 'lf') lineEnd = '\n';
      else if (how === 'noclose') closing = false;
      else if (how === 'preamble') preamble = `preamble\r\n--${boundary}x\r\n`;
      else if (how === 'case') ctBoundary = boundary.toUpperCase();
      else if (how === 'empty') ctBoundary = '';
      else { boundary = `${boundary}   `; ctBoundary = `"${boundary}"`; }
      changes.push(`boundary: ${how}`);
    } else if (op === 10) {
      cutAt = rnd();
      changes.push(`body cut at ${Math.round(cutAt * 100)}%`);
    } else {
      const t = pick(['x.pdf', 'x.jpg', 'x.PDF', 'x.pdf.exe', 'x.pdf ', 'x.pdf\u0000.exe']);
      const i = parts.findIndex((x) => x.name === 'idProof');
      if (i >= 0) parts[i] = part('idProof', pick([PDF, Buffer.from('MZ\x90\x00'), Buffer.from('#!/bin/sh\n'), Buffer.from('hello')]), { filename: t });
      changes.push(`idProof as ${show(t)}`);
    }
  }
  // A later change may undo an earlier one (a mismatched boundary quoted again): what counts is the end result.
  const declared = ctBoundary?.replace(/;.*$/, '').replace(/^"(.*)"$/, '$1');
  if (declared !== boundary || !/^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/.test(boundary) || boundary.endsWith(' ') || lineEnd !== '\r\n' || !closing) mustFail = true;
  const chunks = [Buffer.from(preamble)];
  for (const p of parts) chunks.push(Buffer.from(`--${boundary}${lineEnd}${p.head.replace(/\r\n/g, lineEnd)}${lineEnd}${lineEnd}`, 'utf8'), p.data, Buffer.from(lineEnd));
  if (closing) chunks.push(Buffer.from(`--${boundary}--${lineEnd}`));
  let body = Buffer.concat(chunks);
  if (cutAt !== null) {
    const end = body.length - (closing ? Buffer.byteLength(`--${boundary}--${lineEnd}`) : 0);
    const cut = Math.floor(cutAt * body.length);
    body = body.subarray(0, cut);
    if (cut < end + 2 + boundary.length) mustFail = true;
  }
  const headers = { 'Content-Type': ctBoundary === null ? 'multipart/form-data' : `multipart/form-data; boundary=${ctBoundary}` };
  return { body, headers, changes, mustFail };
}

/* ------------------------------------------------------------------------ a raw HTTP client */

/**
 * Sends one request over a plain socket (anything may be in it: bytes no HTTP client writes, a Content-Length that
 * lies) and reads the first answer: { status, headers, body } — status null when none came within `wait` ms.
 */
function send(s, { method = 'POST', target = '/api/requests', headers = {}, body = Buffer.alloc(0), contentLength = 'auto', wait = 5000 } = {}) {
  return new Promise((resolve) => {
    const socket = connect(s.port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const parse = () => {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const [statusLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
      const h = {};
      for (const l of lines) {
        const c = l.indexOf(':');
        h[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
      }
      const length = method === 'HEAD' ? 0 : Number(h['content-length'] ?? 0);
      if (buf.length < end + 4 + length) return null;
      return { status: Number(statusLine.split(' ')[1]), headers: h, body: buf.subarray(end + 4, end + 4 + length).toString('utf8') };
    };
    const timer = setTimeout(() => finish({ status: null, headers: {}, body: '', timedOut: true }), wait);
    socket.on('data', (c) => {
      buf = Buffer.concat([buf, c]);
      const a = parse();
      if (a) finish(a);
    });
    socket.on('error', () => {});
    socket.on('close', () => finish(parse() ?? { status: null, headers: {}, body: '', closed: true }));
    const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
    const all = { ...headers };
    if (contentLength === 'auto') { if (method !== 'GET' || body.length) all['Content-Length'] = String(body.length); }
    else if (contentLength !== null) all['Content-Length'] = String(contentLength);
    const head = [Buffer.from(lines.join('\r\n'))];
    for (const [k, v] of Object.entries(all)) for (const x of [v].flat()) head.push(Buffer.from(`\r\n${k}: `), Buffer.isBuffer(x) ? x : Buffer.from(x, 'latin1'));
    head.push(Buffer.from('\r\n\r\n'));
    socket.write(Buffer.concat([...head, body]));
  });
}

/** What is wrong with an answer by the contract (empty when nothing). */
function answerProblems(a, { mayHang = false } = {}) {
  if (a.status === null) return mayHang ? [] : [a.timedOut ? 'no answer (hang)' : 'connection closed without an answer'];
  if (a.status >= 500) return [`${a.status} ${a.body.slice(0, 200)}`];
  if (a.status < 400) return [];
  if (!/^application\/json/.test(a.headers['content-type'] ?? '')) return [`${a.status} without JSON (${a.headers['content-type'] ?? 'no Content-Type'}): ${a.body.slice(0, 80)}`];
  let body;
  try {
    body = JSON.parse(a.body);
  } catch {
    return [`${a.status}: not JSON`];
  }
  const e = body?.error;
  if (!e || typeof e.code !== 'string' || !e.code || typeof e.message !== 'string') return [`${a.status}: not the error shape: ${a.body.slice(0, 120)}`];
  if (e.fields !== undefined && (typeof e.fields !== 'object' || Object.values(e.fields).some((v) => typeof v !== 'string'))) return [`${a.status}: error.fields ${a.body.slice(0, 120)}`];
  return [];
}

/* ------------------------------------------------------------------------ invariants */

const protoSnapshot = () => [Object, Array, Function, String].map((C) => Object.getOwnPropertyNames(C.prototype).sort().join()).join('|');
const PROTO = protoSnapshot();

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function db(s, fn) {
  const d = new Database(s.options.dbPath, { readonly: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}
const rows = (s) => db(s, (d) => d.prepare('SELECT count(*) AS n FROM requests').get().n);

const started = Date.now();

/** Everything the server wrote or left: only files in its upload directory it keeps, and its database. */
function fileProblems(s) {
  const found = [];
  const stored = new Set(db(s, (d) => d.prepare('SELECT stored_name FROM attachments').all().map((r) => r.stored_name)));
  for (const f of walk(s.dir)) {
    const rel = relative(s.dir, f).split(sep).join('/');
    if (rel.startsWith('db/intake.sqlite')) continue;
    const m = /^files\/in\/uploads\/([0-9a-f]{32})$/.exec(rel);
    if (!rel.startsWith('files/in/uploads/') || rel.slice(17).includes('/')) found.push(`a file outside the upload directory: ${rel}`);
    else if (!m) found.push(`a file under a name not the server's own random one: ${rel}`);
    else if (!stored.has(m[1])) found.push(`a file no attachment refers to: ${rel}`);
  }
  for (const n of stored) if (!existsSync(join(s.options.uploadDir, n))) found.push(`attachment file missing: ${n}`);
  for (const t of ABSOLUTE_TARGETS) if (existsSync(t) && statSync(t).mtimeMs > started) found.push(`wrote ${t}`);
  return found;
}
/** A 201 is read back as staff see it and checked again against the form's rules. */
async function storedProblems(s, a) {
  const receipt = JSON.parse(a.body);
  const view = await (await fetch(`${s.base}/api/staff/requests/${receipt.requestId}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  const fields = Object.fromEntries(Object.entries(view.fields).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? { name: x.name, size: x.size, type: x.mediaType } : x)) : v]));
  const problems = schema.checkAnswers(form, { applicantType: view.applicantType, fields });
  const found = Object.entries(problems).map(([k, p]) => `stored ${k}: ${p.code}`);
  if (/\p{Bidi_C}/u.test(JSON.stringify(view.fields) + JSON.stringify(view.attachments))) found.push('stored a bidi control');
  for (const att of view.attachments) if (/[\\/\u0000]/.test(att.name)) found.push(`stored a file name with a path: ${show(att.name)}`);
  return found;
}

/** After each batch: the server still answers normal requests, nothing leaked or was polluted. */
async function healthy(s, sample, label) {
  const failures = [];
  const health = await fetch(`${s.base}/api/health`).catch((e) => ({ status: String(e) }));
  if (health.status !== 200) failures.push(`health: ${health.status}`);
  const sub = await fetch(`${s.base}/api/requests`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ applicantType: 'naturalPerson', fields: FIELDS }),
  }).catch((e) => ({ status: String(e) }));
  if (sub.status !== 201) failures.push(`a valid submission: ${sub.status}`);
  const look = await fetch(`${s.base}/api/requests/status?${new URLSearchParams({ queryCode: sample.queryCode, name: NAME })}`).catch((e) => ({ status: String(e) }));
  if (look.status !== 200) failures.push(`a status lookup: ${look.status}`);
  if (protoSnapshot() !== PROTO || {}.polluted !== undefined || [].polluted !== undefined) failures.push('Object.prototype polluted');
  failures.push(...fileProblems(s));
  assert.deepEqual(failures, [], `after ${label}`);
}

/* ------------------------------------------------------------------------ the tests */

describe('generated hostile requests (seeded; a failure names the seed and the changes)', () => {
  let s;
  let sample;
  const seeds = (base) => (FUZZ_SEED !== null ? (Math.floor(FUZZ_SEED / 1000) * 1000 === base ? [FUZZ_SEED] : []) : Array.from({ length: CASES }, (_, i) => base + i));

  before(async () => {
    s = await start();
    const res = await fetch(`${s.base}/api/requests`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ applicantType: 'naturalPerson', fields: FIELDS }),
    });
    assert.equal(res.status, 201);
    sample = await res.json();
  });

  /** Sends each case; collects what is wrong with each answer and with what was stored. */
  async function run(cases) {
    const failures = [];
    for (const c of cases) {
      const before = rows(s);
      const t0 = performance.now();
      const a = await send(s, c.request);
      const found = answerProblems(a, c);
      if (process.env.FUZZ_VERBOSE) console.log(a.status, `${Math.round(performance.now() - t0)}ms`, c.label.slice(0, 150));
      const after = rows(s);
      if (a.status === 201) {
        if (c.mustFail) found.push('201 for an application that is not valid');
        found.push(...(await storedProblems(s, a)));
        if (after !== before + 1) found.push(`201 but ${after - before} rows stored`);
      } else if (after !== before) found.push(`${a.status} but ${after - before} rows stored`);
      if (c.expect && !c.expect(a)) found.push(`answered ${a.status} ${a.body.slice(0, 100)}`);
      if (found.length) failures.push(`${c.label}: ${found.join('; ')}`);
    }
    return failures;
  }

  /** The cases `build` makes from the seeds starting at `from`, each sent with a key of its own. */
  const seeded = (from, build) => seeds(from).map((seed) => {
    const c = build(seed);
    return { label: `seed ${seed} (${c.changes.join('; ')})`, mustFail: c.mustFail, request: { headers: { 'Idempotency-Key': randomUUID(), ...c.headers }, body: c.body } };
  });

  test('JSON submissions: random changes to a valid sample', async () => {
    assert.deepEqual(await run(seeded(1000, jsonCase)), []);
    await healthy(s, sample, 'the JSON submissions');
  });

  test('multipart submissions: random changes to a valid sample with a PDF (boundaries, parts, file names, bytes)', async () => {
    assert.deepEqual(await run(seeded(2000, multipartCase)), []);
    await healthy(s, sample, 'the multipart submissions');
  });

  test('hand-picked: lying Content-Length, other media types and charsets, odd Idempotency-Keys, path-traversal file names', async () => {
    const json = Buffer.from(JSON.stringify({ applicantType: 'naturalPerson', fields: FIELDS }));
    const j = (label, headers, { request, ...extra } = {}) => ({ label, request: { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...headers }, body: json, ...request }, ...extra });
    const deep = (at, depth, open = '[', close = ']') => Buffer.from(JSON.stringify({ applicantType: 'naturalPerson', fields: { ...FIELDS, [at]: '@@' } }).replace('"@@"', `${open.repeat(depth)}"x"${close.repeat(depth)}`));
    const status = (...codes) => (a) => codes.includes(a.status);
    const cases = [
      j('the sample (valid)', {}, { expect: status(201) }),
      j('a name of bidi controls only', {}, { request: { body: Buffer.from(JSON.stringify({ applicantType: 'naturalPerson', fields: { ...FIELDS, name: '\u200F\u061C\u202E' } })) }, mustFail: true, expect: status(422) }),
      j('a field nested 20,000 lists deep', {}, { request: { body: deep('carrier', 20000) }, mustFail: true, expect: status(422) }),
      j('a field nested 20,000 objects deep', {}, { request: { body: deep('description', 20000, '{"a":', '}') }, mustFail: true, expect: status(422) }),
      j('a body nested 50,000 lists deep', {}, { request: { body: Buffer.from(`${'['.repeat(50000)}${']'.repeat(50000)}`) }, mustFail: true, expect: status(400) }),
      j('applicantType nested 20,000 lists deep', {}, { request: { body: Buffer.from(`{"applicantType":${'['.repeat(20000)}${']'.repeat(20000)},"fields":{}}`) }, mustFail: true, expect: status(400) }),
      j('Content-Length shorter than the body', {}, { request: { contentLength: json.length - 20 }, mustFail: true }),
      j('Content-Length longer than the body (the client then waits)', {}, { request: { contentLength: json.length + 500, wait: 300 }, mayHang: true, mustFail: true }),
      j('Content-Length 0', {}, { request: { contentLength: 0 }, mustFail: true }),
      j('Content-Length -1', {}, { request: { contentLength: -1 }, mustFail: true }),
      j('Content-Length not a number', {}, { request: { contentLength: 'abc' }, mustFail: true }),
      j('Content-Length huge', {}, { request: { contentLength: 1e15 }, mustFail: true, expect: status(413) }),
      j('two Content-Lengths', { 'Content-Length': [String(json.length), String(json.length + 1)] }, { request: { contentLength: null }, mustFail: true }),
      j('no Content-Length, no body framing', {}, { request: { contentLength: null }, mustFail: true }),
      j('chunked with a broken chunk size', { 'Transfer-Encoding': 'chunked' }, { request: { contentLength: null, body: Buffer.concat([Buffer.from('zz\r\n'), json, Buffer.from('\r\n0\r\n\r\n')]) }, mustFail: true }),
      j('chunked and Content-Length', { 'Transfer-Encoding': 'chunked' }, { request: { body: Buffer.concat([Buffer.from(`${json.length.toString(16)}\r\n`), json, Buffer.from('\r\n0\r\n\r\n')]) }, mustFail: true }),
      j('chunked, correct (valid)', { 'Transfer-Encoding': 'chunked' }, { request: { contentLength: null, body: Buffer.concat([Buffer.from(`${json.length.toString(16)}\r\n`), json, Buffer.from('\r\n0\r\n\r\n')]) }, expect: status(201) }),
      j('no Content-Type', { 'Content-Type': [] }, { mustFail: true, expect: status(415) }),
      j('Content-Type text/plain', { 'Content-Type': 'text/plain' }, { mustFail: true, expect: status(415) }),
      j('two Content-Types', { 'Content-Type': ['text/plain', 'application/json'] }),
      j('Content-Type with charset=utf-16 (a UTF-8 body)', { 'Content-Type': 'application/json; charset=utf-16' }),
      j('Content-Type with charset=gbk (a UTF-8 body)', { 'Content-Type': 'application/json; charset=gbk' }),
      j('a GBK body', { 'Content-Type': 'application/json; charset=gbk' }, { request: { body: Buffer.from(JSON.stringify({ applicantType: 'naturalPerson', fields: { ...FIELDS, description: 'x' } }).replace(/"name":"[^"]*"/, '"name":"\u00d5\u00c5\u00d0\u00a1\u00c3\u00f7"'), 'latin1') }, mustFail: true }),
      j('Content-Type non-ASCII bytes', { 'Content-Type': Buffer.from('application/json; 字符集=utf-8') }),
      j('Idempotency-Key empty', { 'Idempotency-Key': '' }, { mustFail: true, expect: status(400) }),
      j('Idempotency-Key spaces', { 'Idempotency-Key': '   ' }, { mustFail: true, expect: status(400) }),
      j('Idempotency-Key 8000 characters', { 'Idempotency-Key': 'a'.repeat(8000) }, { mustFail: true, expect: status(400) }),
      j('Idempotency-Key 20000 characters (over the header limit)', { 'Idempotency-Key': 'a'.repeat(20000) }, { mustFail: true }),
      j('Idempotency-Key non-ASCII (UTF-8 bytes)', { 'Idempotency-Key': Buffer.from('申请-申请-申请-申请') }, { mustFail: true, expect: status(400) }),
      j('Idempotency-Key a UUID with full-width digits', { 'Idempotency-Key': Buffer.from(randomUUID().replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))) }, { mustFail: true, expect: status(400) }),
      j('Idempotency-Key twice', { 'Idempotency-Key': [randomUUID(), randomUUID()] }, { mustFail: true, expect: status(400) }),
      j('Idempotency-Key quoted (valid)', { 'Idempotency-Key': `"${randomUUID()}"` }, { expect: status(201) }),
      j('Idempotency-Key with NUL', { 'Idempotency-Key': `${randomUUID()}\u0000` }, { mustFail: true }),
      j('Idempotency-Key __proto__', { 'Idempotency-Key': '__proto__' }, { mustFail: true, expect: status(400) }),
      j('a header of 20 KB', { 'X-Pad': 'x'.repeat(20000) }, { mustFail: true }),
      j('500 headers', Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`X-H${i}`, 'x'])), {}),
      j('Accept-Language hostile', { 'Accept-Language': 'zh;q=NaN, en;q=1e999, __proto__;q=1, ,;;,' }, { expect: status(201) }),
      { label: 'GET on the submission path', request: { method: 'GET', target: '/api/requests', headers: {} }, expect: status(405) },
      { label: 'DELETE with a body', request: { method: 'DELETE', target: '/api/requests', headers: { 'Content-Type': 'application/json' }, body: json }, expect: status(405) },
      { label: 'a request target with a fragment and dot segments', request: { target: '/api/requests/../requests#x', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: json }, mustFail: true },
      { label: 'absolute-form request target', request: { target: `http://evil.example/api/requests`, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: json }, mustFail: true },
    ];
    // Every traversal file name, alone, in an otherwise valid multipart submission.
    for (const fn of TRAVERSAL) {
      for (const ext of [false, true]) {
        const b = 'trav';
        const disp = ext ? `filename*=UTF-8''${encodeURIComponent(fn)}` : `filename="${fn}"`;
        let text = `--${b}\r\nContent-Disposition: form-data; name="applicantType"\r\n\r\nnaturalPerson\r\n`;
        for (const [k, v] of Object.entries(FIELDS)) for (const x of [v].flat()) text += `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`;
        const body = Buffer.concat([Buffer.from(text), Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="idProof"; ${disp}\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${b}--\r\n`)]);
        cases.push({ label: `file name${ext ? '*' : ''} ${show(fn)}`, request: { headers: { 'Content-Type': `multipart/form-data; boundary=${b}`, 'Idempotency-Key': randomUUID() }, body } });
      }
    }
    assert.deepEqual(await run(cases), []);
    await healthy(s, sample, 'the hand-picked requests');
  });

  test('status lookups: odd, missing, duplicated, huge and badly percent-encoded query parameters', async () => {
    const code = sample.queryCode;
    const enc = encodeURIComponent;
    const fixed = [
      '', '?', '?&&&', '?=', '?queryCode', '?name', `?queryCode=${code}`, `?name=${enc(NAME)}`, `?queryCode=${code}&name=%zz`,
      `?queryCode=%zz&name=${enc(NAME)}`, `?queryCode=${code}&name=%`, `?queryCode=${code}&name=%E5%BC`, `?queryCode=${code}&name=%ff%fe`,
      `?queryCode=${code}&name=%00`, `?queryCode=${code}&name=${enc(NAME)}%00`, `?queryCode=${code}&queryCode=AAAAAAAAAA&name=${enc(NAME)}`,
      `?queryCode=AAAAAAAAAA&queryCode=${code}&name=${enc(NAME)}`, `?queryCode=${code}&name=x&name=${enc(NAME)}`, `?queryCode[]=${code}&name=${enc(NAME)}`,
      `?queryCode=__proto__&name=__proto__`, `?queryCode=constructor&name=toString`, `?__proto__[polluted]=yes&queryCode=${code}&name=${enc(NAME)}`,
      `?constructor[prototype][polluted]=yes`, `?queryCode=${'A'.repeat(8000)}&name=${enc(NAME)}`, `?queryCode=${code}&name=${'x'.repeat(8000)}`,
      `?queryCode=${code}&name=${'%E5%BC%A0'.repeat(1500)}`, `?queryCode=${'x'.repeat(20000)}`, `?${'a=1&'.repeat(2000)}`,
      `?queryCode=${code.toLowerCase()}&name=${enc(` ${NAME} `)}`, `?queryCode=${enc(code.replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))}&name=${enc(NAME)}`,
      `?queryCode=${code}&name=${enc(`\u202E${NAME}`)}`, `?queryCode=${code}&name=${enc(NAME.normalize('NFD'))}`, `?queryCode=${code}&name=+`,
      `?queryCode=${code}&name=${enc(NAME)}#frag`, `?queryCode=${code};name=${enc(NAME)}`,
    ];
    const rnd = seededRandom(FUZZ_SEED ?? 3000);
    const pick = pickWith(rnd);
    const pieces = [`queryCode=${code}`, `name=${enc(NAME)}`, 'queryCode=', 'name=', '%zz', '%', '%u0041', '&', '=', '==', 'queryCode=%E5', `name=${enc('\u0000\u202E')}`,
      'name=__proto__', 'queryCode=constructor', `queryCode=${code.slice(0, 5)}`, 'name=%2525', `queryCode=${code}${code}`, 'a'.repeat(500)];
    const generated = (FUZZ_SEED === null || Math.floor(FUZZ_SEED / 1000) === 3 ? Array.from({ length: CASES }) : []).map(() => {
      const n = 1 + Math.floor(rnd() * 5);
      return `?${Array.from({ length: n }, () => pick(pieces)).join(pick(['&', '&&', ';', '']))}`;
    });
    const cases = [...fixed, ...generated].map((q) => ({
      label: `GET /api/requests/status${show(q)}`,
      request: { method: 'GET', target: `/api/requests/status${q.replace(/#.*/, '')}`, headers: {} },
    }));
    cases.push(
      { label: 'the right code and name (valid)', request: { method: 'GET', target: `/api/requests/status?queryCode=${code}&name=${enc(NAME)}` }, expect: (a) => a.status === 200 },
      { label: 'POST to the lookup', request: { method: 'POST', target: `/api/requests/status?queryCode=${code}&name=${enc(NAME)}`, headers: { 'Content-Type': 'application/json' }, body: Buffer.from('{}') }, expect: (a) => a.status === 405 },
      { label: 'a path with a trailing slash', request: { method: 'GET', target: `/api/requests/status/?queryCode=${code}&name=${enc(NAME)}` }, expect: (a) => a.status === 404 },
      { label: 'a path with encoded dot segments to the staff API', request: { method: 'GET', target: '/api/requests/%2e%2e/staff/requests' }, expect: (a) => a.status === 404 },
      { label: 'a path with raw non-ASCII bytes', request: { method: 'GET', target: Buffer.from('/api/requests/status?name=张小明').toString('latin1') } },
      { label: 'HEAD', request: { method: 'HEAD', target: `/api/requests/status?queryCode=${code}&name=${enc(NAME)}` }, expect: (a) => a.status === 200 },
    );
    assert.deepEqual(await run(cases), []);
    await healthy(s, sample, 'the status lookups');
  });

  test('staff endpoints: missing, malformed and partial bearer tokens; odd parameters and bodies', async () => {
    // An application of its own: random status changes may close it.
    const mine = await (await fetch(`${s.base}/api/requests`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ applicantType: 'naturalPerson', fields: FIELDS }),
    })).json();
    const auths = [
      [], '', 'Bearer', 'Bearer ', `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, 16)}`, `Basic ${Buffer.from(`staff:${TOKEN}`).toString('base64')}`,
      `Token ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`, `Bearer "${TOKEN}"`, `Bearer ${TOKEN.toUpperCase()}`, `Bearer ${'x'.repeat(8000)}`,
      Buffer.from(`Bearer ${TOKEN}申`), ['Bearer wrong', `Bearer ${TOKEN}`], `Bearer ${encodeURIComponent(TOKEN)}%00`, 'Bearer __proto__',
    ];
    const good = [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer  ${TOKEN}`, `BEARER\t${TOKEN}`];
    const paths = ['/api/staff/requests', '/api/staff/requests.csv', `/api/staff/requests/${mine.requestId}`, `/api/staff/requests/${mine.requestId}/attachments/${randomUUID()}`];
    const cases = [];
    for (const a of auths) {
      for (const p of paths) {
        cases.push({ label: `GET ${p.replace(mine.requestId, ':id')} with Authorization ${show(a)}`, request: { method: 'GET', target: p, headers: { Authorization: a } }, expect: (x) => x.status === 401 && /Bearer/.test(x.headers['www-authenticate'] ?? '') });
      }
      cases.push({ label: `POST status with Authorization ${show(a)}`, request: { target: `/api/staff/requests/${mine.requestId}/status`, headers: { Authorization: a, 'Content-Type': 'application/json' }, body: Buffer.from('{"status":"withdrawn"}') }, expect: (x) => x.status === 401 });
    }
    // A NUL in a header never reaches the server's code: Node's HTTP parser refuses the request (400 badRequest).
    cases.push({ label: 'GET list with Authorization "Bearer <token>\\u0000"', request: { method: 'GET', target: '/api/staff/requests', headers: { Authorization: `Bearer ${TOKEN}\u0000` } }, expect: (x) => x.status === 400 });
    for (const a of good) cases.push({ label: `GET list with Authorization ${show(a)}`, request: { method: 'GET', target: '/api/staff/requests', headers: { Authorization: a } }, expect: (x) => x.status === 200 });
    const rnd = seededRandom(FUZZ_SEED ?? 4000);
    const pick = pickWith(rnd);
    const params = ['limit=-1', 'limit=0', 'limit=NaN', 'limit=1e309', 'limit=0x10', 'limit=', 'limit=99999999999999999999', 'limit=1.5', 'offset=-5', 'offset=1e20',
      'offset=abc', 'status=__proto__', 'status=constructor', 'status=toString', 'status[]=received', 'status=received&status=answered', 'status=%zz', 'status=%00',
      'status=received', 'status=', '__proto__[polluted]=yes', 'limit=%', 'offset=9007199254740993', `status=${'x'.repeat(5000)}`];
    const ids = [mine.requestId, randomUUID(), '-'.repeat(36), 'f'.repeat(36), mine.requestId.toUpperCase(), `${mine.requestId}/../x`, '00000000-0000-0000-0000-000000000000'];
    const bodies = [
      '{}', 'null', '[]', '"x"', '1', '{', '{"status":{}}', '{"status":["received"]}', '{"status":"__proto__"}', '{"status":"constructor"}', '{"status":"toString"}',
      '{"status":"answered"}', '{"status":"answered","outcome":"__proto__"}', '{"status":"answered","outcome":["x"]}', '{"status":"received","outcome":"x"}',
      '{"status":"extended","decidedOn":"2026-02-30"}', '{"status":"extended","decidedOn":"+020000-01-01"}', '{"status":"extended","decidedOn":0}',
      '{"status":"received","note":1}', `{"status":"received","note":${JSON.stringify('x'.repeat(3000))}}`, `{"status":"received","note":${JSON.stringify('x'.repeat(70000))}}`,
      '{"status":"received","note":"\\u0000\\u202e\\ud800"}', '{"__proto__":{"polluted":"yes"},"status":"received"}', '{"constructor":{"prototype":{"polluted":"yes"}}}',
      `{"status":${'['.repeat(20000)}${']'.repeat(20000)}}`, `{"note":${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}}`, '\uFEFF{"status":"received"}',
    ];
    const n = FUZZ_SEED === null || Math.floor(FUZZ_SEED / 1000) === 4 ? CASES : 0;
    for (let i = 0; i < n; i++) {
      const kind = pick(['list', 'csv', 'one', 'attachment', 'status']);
      const q = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(params)).join('&');
      const id = pick(ids);
      if (kind === 'status') {
        const body = pick([...bodies, ...bodies.map((b) => Buffer.from(b, 'utf16le')), Buffer.from([0x7b, 0xff, 0x7d])]);
        const type = pick(['application/json', 'application/json', 'text/plain', 'application/json; charset=latin1', '']);
        cases.push({ label: `POST /api/staff/requests/${id === mine.requestId ? ':id' : id}/status ${show(type)} ${show(Buffer.isBuffer(body) ? body : body)}`,
          request: { target: `/api/staff/requests/${id}/status?${q}`, headers: { Authorization: `Bearer ${TOKEN}`, ...(type ? { 'Content-Type': type } : {}) }, body: Buffer.isBuffer(body) ? body : Buffer.from(body) } });
      } else {
        const target = { list: `/api/staff/requests?${q}`, csv: `/api/staff/requests.csv?${q}`, one: `/api/staff/requests/${id}?${q}`, attachment: `/api/staff/requests/${id}/attachments/${pick(ids)}` }[kind];
        cases.push({ label: `GET ${show(target)}`, request: { method: 'GET', target, headers: { Authorization: `Bearer ${TOKEN}` } } });
      }
    }
    const failures = await run(cases);
    assert.deepEqual(failures, []);
    await healthy(s, sample, 'the staff requests');
  });

  test('logs: one line per request, never the applicant\'s name, ID number or phone, never an internal error', () => {
    const text = s.logs.join('\n');
    for (const secret of [NAME, '张', ID, ID.slice(0, 10), MOBILE, 'zhang@', '道路改造', sample.queryCode, TOKEN, TOKEN.slice(0, 16)]) {
      assert.ok(!text.includes(secret), `the log contains ${secret}`);
    }
    const request = /^[A-Z]+ (\/api\/[\w./:-]+|\(unmatched\)) (\d{3}|-)( aborted)? \d+\.\dms( staff=staff)?$|^- \(unparsed\) 4\d\d [A-Z_]+$/;
    const other = s.logs.filter((l) => !request.test(l) && !/^staff API: tokens of staff$|^form feed warning: /.test(l));
    assert.deepEqual(other, []);
  });
});
