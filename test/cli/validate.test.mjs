import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, demo, tmp, xlsx } from './helpers.mjs';

const DEMO_FEEDS = [
  'catalogue.json', 'request-form.json', 'request-form-print.json',
  'annual/2013.json', 'annual/2020.json', 'annual/2022.json', 'annual/index.json',
];

for (const name of DEMO_FEEDS) {
  test(`validate: demo feed ${name} is valid`, async () => {
    const r = await run(['validate', demo(name)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /valid/);
    assert.doesNotMatch(r.stderr, /error:/);
  });
}

/** Writes a modified copy of a demo feed and validates it. */
async function broken(name, change) {
  const json = JSON.parse(readFileSync(demo(name), 'utf8'));
  change(json);
  const file = join(tmp(), 'feed.json');
  writeFileSync(file, JSON.stringify(json));
  return run(['validate', file]);
}

test('validate: broken catalogue fails with JSON paths', async () => {
  const r = await broken('catalogue.json', (f) => {
    f.items[12].datePublished = '2013/3/5';
    delete f.items[3].title;
    f.items[5].validity = '有效';
    f.items[7].id = f.items[6].id;
    f.categories[2].parentId = 'nowhere';
    f.items[9].datePublised = '2013-01-01';
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /items\[12\]\.datePublished: expected a date YYYY-MM-DD, got "2013\/3\/5"/);
  assert.match(r.stderr, /items\[3\]\.title: is required/);
  assert.match(r.stderr, /items\[5\]\.validity: expected one of valid, expired, repealed, amended, unknown/);
  assert.match(r.stderr, /items\[7\]\.id: duplicate id/);
  assert.match(r.stderr, /categories\[2\]\.parentId: unknown parent "nowhere"/);
  assert.match(r.stderr, /warning: items\[9\]\.datePublised: unknown key/);
  assert.match(r.stderr, /invalid catalogue feed: 5 errors, 1 warning/);
});

test('validate: Unicode bidirectional controls in feed text are a warning naming the character (the elements drop them)', async () => {
  const r = await broken('catalogue.json', (f) => {
    f.items[2].title = `${f.items[2].title}\u202e`;
    f.items[4].docNo = '君政发\u200f〔2013〕5号';
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: items\[2\]\.title: holds a Unicode bidirectional control \(U\+202E\)/);
  assert.match(r.stderr, /warning: items\[4\]\.docNo: holds a Unicode bidirectional control \(U\+200F\)/);
  assert.match(r.stdout + r.stderr, /2 warnings/);
});

test('validate: broken request form fails with JSON paths', async () => {
  const r = await broken('request-form.json', (f) => {
    f.sections[0].fields[1].type = 'string';
    f.sections[1].fields[0].validator = 'cn-id';
    f.submit = { mode: 'api' };
    f.rules.calendar.holidays[0] = '2026-02-30';
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /sections\[0\]\.fields\[1\]\.type: expected one of text, textarea/);
  assert.match(r.stderr, /sections\[1\]\.fields\[0\]\.validator: expected one of cn-resident-id/);
  assert.match(r.stderr, /submit: api mode needs an endpoint/);
  assert.match(r.stderr, /rules\.calendar\.holidays\[0\]: expected a date YYYY-MM-DD, got "2026-02-30"/);
});

test('validate: rules.timeZone: an IANA zone name passes; an unknown one is an error naming the zone that applies instead; a non-string is a type error', async () => {
  let r = await broken('request-form.json', (f) => { f.jurisdiction = 'US-FOIA'; f.rules.timeZone = 'America/Denver'; });
  assert.doesNotMatch(r.stderr, /timeZone/);
  r = await broken('request-form.json', (f) => { f.jurisdiction = 'US-FOIA'; f.rules.timeZone = 'America/Springfield'; });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: rules\.timeZone: "America\/Springfield" is not an IANA time zone name \(e\.g\. "America\/Denver", "Europe\/London"\): the elements and the intake server ignore it and date receipts and due dates in America\/New_York, the jurisdiction's\n/);
  assert.equal(r.stderr.match(/rules\.timeZone/g).length, 1, r.stderr);
  r = await broken('request-form.json', (f) => { f.rules.timeZone = 8; });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: rules\.timeZone: expected text, got 8\n/);
  assert.equal(r.stderr.match(/rules\.timeZone/g).length, 1, r.stderr);
});

test('validate: plain http:// submit and status endpoints on another computer are errors (the elements send no name or ID number there: the form can only be printed, a lookup is refused); http://localhost is not', async () => {
  const r = await broken('request-form.json', (f) => {
    f.submit.endpoint = 'http://www.junshan.gov.cn/api/requests';
    f.status.endpoint = 'HTTP://www.junshan.gov.cn/api/requests/status';
  });
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stderr, /error: submit\.endpoint: .*plain http/);
  assert.match(r.stderr, /error: status\.endpoint: .*plain http/);
  const local = await broken('request-form.json', (f) => {
    f.submit.endpoint = 'http://localhost:8787/api/requests';
    f.status.endpoint = 'http://127.0.0.1:8787/api/requests/status';
  });
  assert.equal(local.code, 0, local.stderr);
});

test('validate: a CN request form whose holiday calendar ends within 90 days is warned (due dates after it skip no holiday), as the intake server logs it; one that reaches far enough, or a custom form, is not; a US-FOIA or UK-FOIA form is warned in its own terms', async () => {
  const calendar = (holidays, extraWorkdays = []) => (f) => { f.rules = { ...f.rules, calendar: { holidays, extraWorkdays } }; };
  let r = await broken('request-form.json', calendar(['2000-01-03'], ['2000-02-12']));
  assert.equal(r.code, 0, 'a warning does not change the exit code');
  assert.match(r.stderr, /warning: rules\.calendar: the last day listed is 2000-02-12: due dates after it count only weekends as days off; add the next year's 放假安排 \(国务院办公厅通知, published in November or December\)\n/);
  r = await broken('request-form.json', calendar([]));
  assert.match(r.stderr, /warning: rules\.calendar: no holidays or 调休 working days are listed: due dates after it/);
  r = await broken('request-form.json', calendar(['2999-01-01']));
  assert.doesNotMatch(r.stderr, /rules\.calendar/);
  r = await broken('request-form.json', (f) => { f.jurisdiction = 'custom'; calendar([])(f); });
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /rules\.calendar/);
  // A US agency's federal holidays are the feed's too: without them a due date counted over Thanksgiving is a day early.
  r = await broken('request-form.json', (f) => { f.jurisdiction = 'US-FOIA'; calendar(['2000-11-23'], ['2000-11-25'])(f); });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: rules\.calendar: the last day listed is 2000-11-25: due dates after it count only weekends as days off; add the next year's public holidays \(for US-FOIA the federal holidays, as observed\)\n/);
  assert.doesNotMatch(r.stderr, /调休|放假安排|国务院/);
  r = await broken('request-form.json', (f) => { f.jurisdiction = 'UK-FOIA'; calendar([])(f); });
  assert.match(r.stderr, /warning: rules\.calendar: no holidays are listed: due dates count only weekends as days off; add the public holidays \(for UK-FOIA the bank holidays\)\n/);
  r = await broken('request-form-us-foia.json', () => {});
  assert.doesNotMatch(r.stderr, /rules\.calendar/);
});

test('validate: a request form without a description field is an error', async () => {
  const r = await broken('request-form-print.json', (f) => {
    for (const s of f.sections) s.fields = s.fields.filter((x) => x.name !== 'description');
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /sections: no "description" field/);
});

test('validate: broken annual report fails with JSON paths; reconciliation is a warning only', async () => {
  const r = await broken('annual/2022.json', (f) => {
    f.applications.newReceived[2] = '3';
    f.applications.results.withheld.stateSecret = [0, 0, 0];
    f.applications.results.other = [0, 0, 0, 0, 0, 0, 0];
    f.proactive.fees.amount = -1;
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /applications\.newReceived\[2\]: expected a whole number ≥ 0 or null, got "3"/);
  assert.match(r.stderr, /applications\.results\.withheld\.stateSecret: has 3 figures instead of 7/);
  assert.match(r.stderr, /applications\.results\.other: is one row; the CN-2021 format splits/);
  assert.match(r.stderr, /proactive\.fees\.amount: expected a number ≥ 0 or null, got -1/);
  const warn = await run(['validate', demo('annual/broken-2021.json')]);
  assert.equal(warn.code, 0);
  assert.match(warn.stderr, /warning: applications\..*figures do not add up/);
});

test('validate: annual index with a repeated year and a javascript: URL', async () => {
  const r = await broken('annual/index.json', (f) => {
    f.reports.push({ year: 2013, url: '2013b.json' });
    f.reports[1].url = 'javascript:alert(1)';
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /reports\[1\]\.url: expected an http\(s\) or relative URL/);
  assert.match(r.stderr, /reports\[3\]\.year: repeats 2013/);
});

test('validate: links whose scheme hides behind a tab, a newline or a leading control character are errors', async () => {
  const r = await broken('catalogue.json', (f) => {
    f.items[0].url = 'java\tscript:alert(1)';
    f.items[1].url = ' \x01JavaScript:alert(2)';
    f.items[4].attachments[0].url = 'java\nscript:alert(3)';
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /items\[0\]\.url: expected an http\(s\) or relative URL, got "java\\tscript:alert\(1\)"/);
  assert.match(r.stderr, /items\[1\]\.url: expected an http\(s\) or relative URL/);
  assert.match(r.stderr, /items\[4\]\.attachments\[0\]\.url: expected an http\(s\) or relative URL/);
  assert.match(r.stderr, /invalid catalogue feed: 3 errors/);
});

test('validate: a link no browser can read is an error (the elements show no link for it)', async () => {
  const r = await broken('catalogue.json', (f) => {
    f.items[0].url = 'http://[';
    f.items[1].url = 'https://exa mple.org/x';
    f.items[2].url = ' /xxgk/2013/1.html ';
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /items\[0\]\.url: expected a URL a browser can read, got "http:\/\/\["/);
  assert.match(r.stderr, /items\[1\]\.url: expected a URL a browser can read/);
  assert.doesNotMatch(r.stderr, /items\[2\]\.url/);
  assert.match(r.stderr, /invalid catalogue feed: 2 errors/);
});

test('validate: a feed lang that is not a language tag is an error, in every kind of feed', async () => {
  for (const name of ['catalogue.json', 'request-form.json', 'annual/2022.json', 'annual/index.json']) {
    const r = await broken(name, (f) => { f.lang = 'Chinese'; });
    assert.equal(r.code, 1, name);
    assert.match(r.stderr, /lang: expected a language tag such as zh-CN or en, got "Chinese"/, name);
    const ok = await broken(name, (f) => { f.lang = 'zh-Hant-TW'; });
    assert.equal(ok.code, 0, `${name}: ${ok.stderr}`);
  }
});

test('validate: root problems, unknown feeds, unreadable input, usage', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'v2.json'), '{"schemaVersion":2,"items":[]}');
  writeFileSync(join(dir, 'what.json'), '{"schemaVersion":1,"foo":[]}');
  writeFileSync(join(dir, 'page.json'), '<!doctype html><html></html>');
  let r = await run(['validate', join(dir, 'v2.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /schemaVersion: expected a number from 1 to below 2, got 2/);
  r = await run(['validate', join(dir, 'what.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot tell which feed this is/);
  r = await run(['validate', join(dir, 'what.json'), '--type', 'catalogue']);
  assert.match(r.stderr, /items: is required/);
  r = await run(['validate', join(dir, 'page.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /this is HTML, not a JSON feed/);
  r = await run(['validate', join(dir, 'missing.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no such file/);
  r = await run(['validate']);
  assert.equal(r.code, 2);
  r = await run(['validate', 'a.json', '--bogus']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option --bogus/);
});

test('validate --json prints a machine-readable result', async () => {
  const r = await run(['validate', demo('annual/2020.json'), '--json']);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.equal(out.valid, true);
  assert.equal(out.kind, 'annual-report');
});

test('--help for each command, --version', async () => {
  for (const cmd of [['--help'], ['validate', '--help'], ['catalogue', 'from-csv', '--help'], ['annual', 'from-html', '--help'], ['embed', '--help']]) {
    const r = await run(cmd);
    assert.equal(r.code, 0, cmd.join(' '));
    assert.match(r.stdout, /Usage: disclosure-elements/);
  }
  const v = await run(['--version']);
  assert.equal(v.stdout.trim(), JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  const none = await run([]);
  assert.equal(none.code, 2);
  const unknown = await run(['frobnicate']);
  assert.equal(unknown.code, 2);
});

test('a command without its subcommand (catalogue, annual) is a usage error as the bare command is: help on stderr, exit 2', async () => {
  for (const cmd of [[], ['catalogue'], ['annual']]) {
    const r = await run(cmd);
    assert.equal(r.code, 2, cmd.join(' '));
    assert.equal(r.stdout, '', `${cmd.join(' ')}: nothing on stdout, which may be piped into a feed file`);
    assert.match(r.stderr, /Usage: disclosure-elements/);
  }
  for (const cmd of [['catalogue', '--help'], ['annual', '-h'], ['help', 'catalogue']]) {
    const r = await run(cmd);
    assert.equal(r.code, 0, cmd.join(' '));
    assert.match(r.stdout, /Usage: disclosure-elements/);
  }
});

test('validate: a feed saved as GBK or UTF-16 is an error (the elements read feeds as UTF-8 and would show it garbled)', async () => {
  const dir = tmp();
  const feed = { schemaVersion: 1, categories: [], items: [{ id: 'a', title: '关于做好政务公开工作的通知' }] };
  const text = JSON.stringify(feed);
  // 关于做好政务公开工作的通知 in GBK, as Notepad's "ANSI" or an editor set to GBK saves it on a Chinese Windows.
  const gbkTitle = Buffer.from('b9d8d3dad7f6bac3d5fecef1b9abbfaab9a4d7f7b5c4cda8d6aa', 'hex');
  assert.equal(new TextDecoder('gb18030').decode(gbkTitle), '关于做好政务公开工作的通知');
  const [before, after] = text.split('关于做好政务公开工作的通知');
  writeFileSync(join(dir, 'gbk.json'), Buffer.concat([Buffer.from(before), gbkTitle, Buffer.from(after)]));
  writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(join(dir, 'utf8.json'), `\ufeff${text}`);
  let r = await run(['validate', join(dir, 'gbk.json')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /error: \(file\): the file is GB18030 \(GBK\), not UTF-8: the elements read feeds as UTF-8 and would show its text garbled; save the feed as UTF-8/);
  assert.match(r.stderr, /invalid catalogue feed: 1 error/);
  r = await run(['validate', join(dir, 'utf16.json')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /the file is UTF-16 LE, not UTF-8/);
  r = await run(['validate', join(dir, 'gbk.json'), '--json']);
  assert.equal(JSON.parse(r.stdout).valid, false);
  r = await run(['validate', join(dir, 'utf8.json')]);
  assert.equal(r.code, 0, r.stderr);
});

test('validate: a CSV spreadsheet (目录.csv, or a tab/comma table under another name) points to catalogue from-csv', async () => {
  const dir = tmp();
  const csv = join(dir, '目录.csv');
  writeFileSync(csv, '索引号,名称,发布日期\n000001,文件一,2023-01-03\n');
  let r = await run(['validate', csv]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /Unexpected token/);
  assert.match(r.stderr, /目录\.csv: this is a CSV spreadsheet, not a JSON feed/);
  assert.match(r.stderr, /disclosure-elements catalogue from-csv .*目录\.csv -o /);
  const tsv = join(dir, 'export.txt');
  writeFileSync(tsv, '索引号\t名称\r\n000001\t文件一\r\n');
  r = await run(['validate', tsv]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /export\.txt: this is a CSV spreadsheet/);
  // Broken JSON stays a JSON error, even with commas in it.
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"schemaVersion": 1,\n "items": [,]}\n');
  r = await run(['validate', bad]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.json: not valid JSON/);
});

test("README: the validate example prints what the command prints, in its order, with its exit code", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.match(/```console\n\$ npx disclosure-elements validate (\S+)\n([\s\S]*?)\$ echo \$\?\n(\d)\n```/);
  assert.ok(block, 'the README has a validate example');
  const [, file, shown, code] = block;
  // The feed the example describes: items[3] without a title, items[9] with a misspelt key, items[12] with a bad date.
  const items = Array.from({ length: 13 }, (_, i) => ({ id: `i${i}`, title: `标题${i}` }));
  delete items[3].title;
  items[9].datePublised = '2013-03-05';
  items[12].datePublished = '2013/3/5';
  const dir = tmp();
  mkdirSync(join(dir, 'feeds'));
  writeFileSync(join(dir, file), JSON.stringify({ schemaVersion: 1, items }));
  const r = await run(['validate', file], { cwd: dir });
  assert.equal(String(r.code), code);
  assert.equal(r.stderr + r.stdout, shown);
});

test('README: every feed example (each json block with a schemaVersion) is valid, without a warning', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const feeds = [...readme.matchAll(/^ *```json\n([\s\S]*?)^ *```/gm)].map((m) => m[1]).filter((b) => /"schemaVersion"/.test(b));
  assert.ok(feeds.length >= 4, `${feeds.length} examples`);
  const dir = tmp();
  for (const [i, body] of feeds.entries()) {
    const file = join(dir, `readme-${i}.json`);
    writeFileSync(file, body);
    const r = await run(['validate', file]);
    assert.equal(r.code, 0, r.stderr);
    // But the holiday calendar's: it depends on today (a calendar whose last day is within 90 days of it), and an
    // example's 2026 calendar is warned from October 2026 on, as it should be.
    const warnings = r.stderr.split('\n').filter((l) => /warning/.test(l) && !l.startsWith('warning: rules.calendar: '));
    assert.deepEqual(warnings, [], `README feed example ${i + 1}`);
  }
});

test('validate and annual from-html: a workbook, binary data and JSON broken at a place are named for what they are, with what to do', async () => {
  const dir = tmp();
  const book = join(dir, '目录.xlsx');
  writeFileSync(book, await xlsx([['名称'], ['文件一']]));
  let r = await run(['validate', book]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /目录\.xlsx: this is an Excel workbook, not a JSON feed\. To make a catalogue feed of it: disclosure-elements catalogue from-csv .*目录\.xlsx -o catalogue\.json\n/);
  writeFileSync(join(dir, 'bin.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
  r = await run(['validate', join(dir, 'bin.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bin\.json: this is not a JSON feed: it holds binary data \(an image, a document\?\); give the feed's \.json file\n/);
  // Where the JSON breaks, as line and column, and what usually breaks it.
  writeFileSync(join(dir, 'comma.json'), '{\n  "schemaVersion": 1,\n  "items": [\n    {"id": "a", "title": "x"},\n  ]\n}\n');
  r = await run(['validate', join(dir, 'comma.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /comma\.json: not valid JSON at line 5, column 3 \(.*\): a comma after the last item of a list or object, a missing comma or quote, or a quote inside a text not written \\" are the usual causes\n/);
  writeFileSync(join(dir, 'cut.json'), '{"schemaVersion": 1, "items": [\n');
  r = await run(['validate', join(dir, 'cut.json')]);
  assert.match(r.stderr, /cut\.json: not valid JSON: the text ends before the JSON does \(is the file cut off, or a closing \] or \} missing\?\)\n/);
  // annual from-html: a workbook or a CSV is not the report page.
  r = await run(['annual', 'from-html', book]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /目录\.xlsx: this is an Excel workbook, not an annual report: annual from-html reads the annual report as published: its page \(its URL, or the page saved from the browser as \.html\) or its Word document \(\.docx\)\n/);
  writeFileSync(join(dir, 'report.csv'), '项目,数量\n本年新收政府信息公开申请数量,12\n');
  r = await run(['annual', 'from-html', join(dir, 'report.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /report\.csv: this is not an HTML page: annual from-html reads the annual report as published: its page \(its URL, or the page saved from the browser as \.html\) or its Word document \(\.docx\)\n/);
});
