import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, fixture, tmp, loadSrc, root } from './helpers.mjs';

async function convert(args) {
  const out = join(tmp(), 'report.json');
  const r = await run(['annual', 'from-html', ...args, '-o', out]);
  return { ...r, feed: r.code === 0 ? JSON.parse(readFileSync(out, 'utf8')) : null };
}

test('from-html: 发布日期 in Chinese numerals (二〇二三年一月十九日), in a layout table of an old template, is the page\'s publication date', async () => {
  const page = readFileSync(fixture('annual-2021.html'), 'utf8');
  for (const [written, date] of [['二〇二三年一月十九日', '2023-01-19'], ['二○二二年十二月三十一日', '2022-12-31'], ['2023年1月9日', '2023-01-09']]) {
    const file = join(tmp(), 'report.html');
    // Without the page's PubDate meta, which comes first.
    writeFileSync(file, page.replace(/<meta name="PubDate"[^>]*>/, '').replace('发布日期：2023-01-19', `发布日期：${written}`));
    const { code, stderr, feed } = await convert([file]);
    assert.equal(code, 0, stderr);
    assert.equal(feed.publishedAt, date, written);
  }
});

test('from-html: a page nested thousands of levels deep (made to break readers) is refused in words, not with a stack trace', async () => {
  for (const [open, close] of [['<table><tr><td>', '</td></tr></table>'], ['<div>', '</div>']]) {
    const file = join(tmp(), 'deep.html');
    writeFileSync(file, `<html><body>${open.repeat(20000)}2022年政府信息公开工作年度报告${close.repeat(20000)}</body></html>`);
    const r = await run(['annual', 'from-html', file, '-o', join(tmp(), 'out.json')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `disclosure-elements: ${file}: it is nested too deeply to be read (thousands of elements or tables inside one another; a report or a catalogue has a few dozen levels at most)\n`);
  }
});

test('from-html: 2021-format page with nested layout tables and label variants', async () => {
  const { code, stderr, feed } = await convert([fixture('annual-2021.html')]);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /format CN-2021 \(Table 三 has the （六） sub-rows\)/);
  assert.match(stderr, /1 blank cell written as null \(not reported\), not 0/);
  assert.match(stderr, /0 notes, the figures reconcile/);
  assert.equal(feed.year, 2022);
  assert.equal(feed.lang, 'zh-CN', 'the national format is read by its Chinese labels');
  assert.equal(feed.template, 'CN-2021');
  assert.equal(feed.publisher.name, '岳阳市君山区人民政府');
  assert.equal(feed.publishedAt, '2023-01-19');
  assert.deepEqual(feed.proactive.fees, { amount: 86.5, unit: '10kCNY' });
  assert.equal(feed.proactive.licensing.decisions, 1520);
  assert.deepEqual(feed.proactive.normativeDocs, { issued: 5, repealed: 2, inForce: 41 });
  const a = feed.applications;
  assert.deepEqual(a.newReceived, [40, 3, 0, 0, 1, 0, 44]);
  assert.deepEqual(a.results.partiallyGranted, [5, 1, 0, 0, 1, 0, 7]); // 只计这一情况
  assert.deepEqual(a.results.withheld.internalAffairs, [0, 0, 0, 0, 0, 0, 0]); // 三类内容事务信息
  assert.deepEqual(a.results.withheld.processInfo, [1, 0, 0, 0, 0, 0, 1]);
  assert.ok(a.results.withheld.safetyStability); // "三安全一稳定" with ASCII quotes
  assert.deepEqual(a.results.withheld.stateSecret, [0, 0, 0, 0, 0, 0, 0]); // １． full-width
  assert.deepEqual(a.results.notProcessed.publication, [0, 0, null, 0, 0, 0, 0]); // the blank cell
  assert.deepEqual(a.results.other.noCorrection, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(a.results.total, [39, 3, 0, 0, 1, 0, 43]);
  assert.deepEqual(a.carriedForward, [3, 0, 0, 0, 0, 0, 3]);
  assert.deepEqual(feed.reviewLitigation.review, { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  assert.deepEqual(feed.feesCollected, { amount: 0, unit: 'CNY' });
  assert.match(feed.text.overview, /全面推进政务公开工作/);

  const { parseAnnualFeed, reconcile } = await loadSrc();
  const parsed = parseAnnualFeed(feed, 'https://example.gov.cn/2022.json');
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(reconcile(parsed.report), []);
});

test('from-html: tables split in parts (at a page break, or one table per block) are read as one', async () => {
  const original = await convert([fixture('annual-2021.html')]);
  assert.equal(original.code, 0, original.stderr);
  const src = readFileSync(fixture('annual-2021.html'), 'utf8');
  const close = '</tbody></table>';
  const open = '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="620" style="border-collapse:collapse"><tbody>';
  const at = '<tr><td><p>4.保护第三方合法权益</p>';
  assert.ok(src.includes(at));
  const variants = {
    // Word: the vertically merged cells go on in the new part as empty cells spanning the rest of their rows.
    'page break, merged cells continued': src.replace(at, `${close}${open}<tr><td rowspan="17"></td><td rowspan="5"></td><td><p>4.保护第三方合法权益</p>`),
    // Others leave the merged cells out of the new part's rows.
    'page break, merged cells left out': src.replace(at, `${close}${open}${at}`),
    // Table 二 as one table per 第二十条 block, nothing in between.
    'Table 二 one table per block': src.replace(/<tr><td colspan="4"><p><b>第二十条/g, `${close}<table border="1"><tbody><tr><td colspan="4"><p><b>第二十条`),
  };
  for (const [name, html] of Object.entries(variants)) {
    assert.notEqual(html, src, name);
    const dir = tmp();
    writeFileSync(join(dir, 'split.html'), html);
    const { code, stderr, feed } = await convert([join(dir, 'split.html')]);
    assert.equal(code, 0, `${name}: ${stderr}`);
    assert.match(stderr, /0 notes, the figures reconcile/, name);
    assert.deepEqual(feed.applications, original.feed.applications, name);
    assert.deepEqual(feed.proactive, original.feed.proactive, name);
    assert.deepEqual(feed.reviewLitigation, original.feed.reviewLitigation, name);
    assert.equal(feed.text.overview, original.feed.text.overview, name);
  }
});

test('from-html: 2019-format page in GB2312 with units in cells', async () => {
  const bytes = readFileSync(fixture('annual-2019.html'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const { code, stderr, feed } = await convert([fixture('annual-2019.html')]);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /format CN-2019/);
  assert.equal(feed.year, 2019);
  assert.equal(feed.template, 'CN-2019');
  assert.equal(feed.publisher.name, '示例市人民政府办公厅');
  assert.deepEqual(feed.proactive.procurement, { items: 12, amount: 251000, unit: 'CNY' });
  assert.deepEqual(feed.proactive.licensing, { lastYear: 36, change: -2, decisions: 5120 });
  assert.deepEqual(feed.applications.results.other, [10, 1, 0, 0, 0, 2, 13]);
  assert.deepEqual(feed.applications.results.total, [746, 30, 2, 3, 4, 21, 806]);
  assert.deepEqual(feed.feesCollected, { amount: 400, unit: 'CNY' });
  const { parseAnnualFeed, reconcile } = await loadSrc();
  const parsed = parseAnnualFeed(feed, 'https://example.gov.cn/2019.json');
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(reconcile(parsed.report), []);
});

test('from-html: unplaceable labels and non-numbers are reported; inconsistent figures are checked', async () => {
  let html = readFileSync(fixture('annual-2021.html'), 'utf8');
  html = html.replace('8.属于行政查询事项', '8.属于其他什么事项').replace('>310<', '>三百一十<');
  html = html.replace('<td style="text-align:center"><p><span style="font-size:14px">43</span>', '<td style="text-align:center"><p><span style="font-size:14px">44</span>');
  const file = join(tmp(), 'page.html');
  writeFileSync(file, html);
  const { code, stderr, feed } = await convert([file, '--year', '2022']);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /Table 三: row label not matched: "三、本年度办理结果 \/ \(三\)不予公开 \/ 8\.属于其他什么事项"/);
  assert.match(stderr, /Table 三: row results\.withheld\.adminQuery not found/);
  assert.match(stderr, /"三百一十" is not a number; written as null/);
  assert.match(stderr, /check: Table 3 /);
  assert.equal(feed.proactive.penalty.decisions, null);
});

test('from-html: over http from a local server, with sourceUrl', async () => {
  const page = readFileSync(fixture('annual-2021.html'));
  const server = createServer((req, res) => {
    if (req.url === '/nb/2022.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); }
    else { res.writeHead(404); res.end('not found'); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const { code, stderr, feed } = await convert([`${base}/nb/2022.html`]);
    assert.equal(code, 0, stderr);
    assert.equal(feed.sourceUrl, `${base}/nb/2022.html`);
    assert.equal(feed.year, 2022);
    const missing = await run(['annual', 'from-html', `${base}/nb/2099.html`]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /HTTP 404/);
  } finally {
    server.close();
  }
  const ftp = await run(['annual', 'from-html', 'ftp://example.gov.cn/a.html']);
  assert.equal(ftp.code, 1);
  assert.match(ftp.stderr, /only http and https/);
});

test('from-html: pages without the tables, non-HTML input, usage errors', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'none.html'), '<html><body><p>2022年政府信息公开工作年度报告</p></body></html>');
  writeFileSync(join(dir, 'other.html'), '<html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>');
  writeFileSync(join(dir, 'plain.txt'), 'just some text');
  let r = await run(['annual', 'from-html', join(dir, 'none.html')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no tables found/);
  r = await run(['annual', 'from-html', join(dir, 'other.html')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /none of the annual-report tables/);
  r = await run(['annual', 'from-html', join(dir, 'plain.txt')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not an HTML page/);
  r = await run(['annual', 'from-html', fixture('annual-2021.html'), '--year', 'next']);
  assert.equal(r.code, 2);
  r = await run(['annual', 'from-html', fixture('annual-2021.html'), '--template', 'CN-2030']);
  assert.equal(r.code, 2);
});

test('from-html: a page of 2 KB whose cells span 1000 rows and 1000 columns each is refused at once, not read into a grid of 60 million slots (16 s, 1 GB; more cells ran out of memory)', async () => {
  const dir = tmp();
  const cells = '<td rowspan="1000" colspan="1000">x</td>'.repeat(60);
  writeFileSync(join(dir, 'spans.html'), `<html><body><h1>2022年度政府信息公开工作年度报告</h1><table><tr>${cells}</tr><tr><td>本年新收</td></tr></table></body></html>`);
  const started = Date.now();
  const r = await run(['annual', 'from-html', join(dir, 'spans.html')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /spans\.html: table 1 spans more than 100,000 cells/);
  assert.ok(Date.now() - started < 4000, `${Date.now() - started} ms`);
});

test('from-html: a UTF-8 page with a stray byte is read as UTF-8 (with a note naming the line), not as GBK mojibake', async () => {
  const page = readFileSync(fixture('annual-2021.html'), 'utf8');
  const at = page.indexOf('全年主动公开');
  const bytes = Buffer.concat([Buffer.from(page.slice(0, at)), Buffer.from([0xff]), Buffer.from(page.slice(at))]);
  const file = join(tmp(), 'stray.html');
  writeFileSync(file, bytes);
  const { code, stderr, feed } = await convert([file]);
  assert.equal(code, 0, stderr);
  const line = page.slice(0, at).split('\n').length;
  assert.match(stderr, new RegExp(`note: line ${line} of the page has bytes that are not UTF-8`));
  assert.equal(feed.publisher.name, '岳阳市君山区人民政府');
  assert.deepEqual(feed.applications.newReceived, [40, 3, 0, 0, 1, 0, 44]);
});

test('from-html: cells with "—", "/" or "无" in place of a figure: Table 四 is still found; a dash is null, 无 is 0', async () => {
  const src = readFileSync(fixture('annual-2021.html'), 'utf8');
  const at = src.indexOf('四、政府信息公开行政复议');
  const zero = '<span style="font-size:14px">0</span>';
  const original = await convert([fixture('annual-2021.html')]);
  for (const [mark, value, line] of [['—', null, /13 cells with only a dash or slash \(— or \/\) written as null \(not reported\), not 0/],
    ['/', null, /13 cells with only a dash or slash/], ['－ －', null, /13 cells with only a dash or slash/],
    ['无', 0, /13 cells saying 无 written as 0/]]) {
    // Every 0 of Table 四 written as the mark: the row of figures used to go unrecognised and the whole table was lost.
    const file = join(tmp(), 'marks.html');
    writeFileSync(file, src.slice(0, at) + src.slice(at).replaceAll(zero, `<span style="font-size:14px">${mark}</span>`));
    const { code, stderr, feed } = await convert([file]);
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /no row of figures found|is not a number/, mark);
    assert.match(stderr, line, mark);
    assert.deepEqual(feed.reviewLitigation.review, { upheld: 1, corrected: value, other: value, pending: value, total: 1 }, mark);
    assert.deepEqual(feed.reviewLitigation.litigationDirect, { upheld: value, corrected: value, other: value, pending: value, total: value }, mark);
    assert.deepEqual(feed.applications, original.feed.applications, mark);
  }
  // In Table 三 too, without a "not a number" note per cell.
  const file = join(tmp(), 'marks3.html');
  writeFileSync(file, src.slice(0, at).replace(zero, '<span style="font-size:14px">无</span>').replace(zero, '<span style="font-size:14px">/</span>') + src.slice(at));
  const { code, stderr, feed } = await convert([file]);
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /is not a number/);
  assert.deepEqual(feed.applications.newReceived, [40, 3, 0, null, 1, 0, 44]);
});

test('from-html and validate: a page without the tables and an address that does not answer say what to do', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'none.html'), '<html><body><p>2022年政府信息公开工作年度报告</p><a href="2022.pdf">附件</a></body></html>');
  writeFileSync(join(dir, 'other.html'), '<html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>');
  let r = await run(['annual', 'from-html', join(dir, 'none.html')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /none\.html: no tables found in the page: is it the report itself\? A report published as an attachment is read from its Word document \(\.docx\), not from a PDF; a page that builds its tables with JavaScript is read once saved from the browser \(Ctrl\+S\)\n/);
  r = await run(['annual', 'from-html', join(dir, 'other.html')]);
  assert.match(r.stderr, /other\.html: 1 table found, but none of the annual-report tables \(二 主动公开, 三 收到和处理申请, 四 行政复议\/行政诉讼\): is this the 政府信息公开工作年度报告 page\?\n/);
  // A port nothing listens on any more.
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  r = await run(['validate', `http://127.0.0.1:${port}/feeds/catalogue.json`]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`http://127\\.0\\.0\\.1:${port}/feeds/catalogue\\.json: could not be fetched: the server refused the connection \\(ECONNREFUSED\\); check the address, and that the site is up\n`));
});

test('README: the from-html example prints what the command prints (the 2021-format fixture as the page)', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.match(/```console\n\$ npx disclosure-elements annual from-html (\S+) -o (\S+)\n([\s\S]*?)```/);
  assert.ok(block, 'the README has a from-html example');
  const [, , out, shown] = block;
  const dir = tmp();
  mkdirSync(join(dir, dirname(out)), { recursive: true });
  const r = await run(['annual', 'from-html', fixture('annual-2021.html'), '-o', out], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, shown);
});
