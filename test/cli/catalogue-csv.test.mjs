import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { run, fixture, tmp, cliPath, root, xlsx, zip, oneSheetParts, XLSX_NS } from './helpers.mjs';

/** Converts a file of 名称 and 发布日期 (one entry per date in `rows`): the dates read, and what was said. */
async function convertDates(dir, name, rows) {
  const file = join(dir, name);
  writeFileSync(file, `名称,发布日期\n${rows.map((d, i) => `文件${i},${d}`).join('\n')}\n`);
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  return { dates: JSON.parse(r.stdout).items.map((i) => i.datePublished), stderr: r.stderr };
}

test('from-csv: GBK-encoded export with Chinese headers', async () => {
  const bytes = readFileSync(fixture('catalogue-gbk.csv'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture is really not UTF-8');
  const out = join(tmp(), 'c.json');
  const r = await run(['catalogue', 'from-csv', fixture('catalogue-gbk.csv'), '-o', out, '--publisher', '岳阳市君山区人民政府']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /GB18030/);
  assert.match(r.stderr, /3 entries written to .*0 rows skipped/);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(feed.publisher.name, '岳阳市君山区人民政府');
  assert.equal(feed.lang, 'zh-CN', 'Chinese titles: the feed says it is in Chinese');
  assert.equal(feed.items.length, 3);
  const [a, b, c] = feed.items;
  assert.equal(a.title, '君山区2021年政府信息公开工作年度报告');
  assert.equal(a.id, '699123409/2021-00001');
  assert.equal(a.dateCreated, '2022-01-20');
  assert.equal(b.datePublished, '2021-06-03');
  assert.equal(c.dateCreated, '2021-05-10');
  assert.equal(c.validity, 'amended');
  assert.deepEqual(b.keywords, ['低保', '标准']);
  assert.equal(b.docNo, '君民发〔2021〕8号');
  const pub = feed.facets.publisher.find((p) => p.id === b.publisher);
  assert.equal(pub.label, '区民政局');
  const cat = feed.categories.find((x) => x.id === b.categoryIds[0]);
  assert.equal(cat.label, '各部门公开目录');
  assert.equal(feed.categories.find((x) => x.id === cat.parentId).label, '政务信息');
  const v = await run(['validate', out]);
  assert.equal(v.code, 0, v.stderr);
});

test('from-csv: UTF-8 with BOM, CRLF, quoted newlines and doubled quotes; bad rows reported by line, short rows padded', async () => {
  const out = join(tmp(), 'c.json');
  const r = await run(['catalogue', 'from-csv', fixture('catalogue-bom.csv'), '-o', out, '--base-url', 'http://www.junshan.gov.cn/xxgk/']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /read as UTF-8/);
  assert.match(r.stderr, /line 6: skipped: no title/);
  assert.match(r.stderr, /line 7: warning: dateCreated: "2013-13-01" is not a date \(there is no month 13\); left out \(write dates as YYYY-MM-DD, e\.g\. 2013-03-05\)\n/);
  assert.match(r.stderr, /5 entries written to .*, 1 row skipped: line 6 \(no title\); 1 warning/);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  const [a, b, c, short, d] = feed.items;
  assert.equal(a.indexNo, '006991234/2013-00001');
  assert.equal(a.summary, '全区政务公开工作要点。\n\n包括目录建设、依申请公开等。');
  assert.equal(a.dateCreated, '2013-03-01');
  assert.equal(a.datePublished, '2013-03-05');
  assert.equal(a.url, 'http://www.junshan.gov.cn/xxgk/content_1.html');
  assert.deepEqual(a.keywords, ['政务公开', '工作要点']);
  const topic = feed.facets.topic.find((t) => t.id === a.topicIds[0]);
  assert.equal(topic.label, '政务公开');
  assert.equal(feed.facets.topic.find((t) => t.id === topic.parentId).label, '综合政务');
  assert.equal(b.title, '关于"芦苇产业"发展的意见');
  assert.equal(b.dateCreated, '2013-03-05');
  assert.equal(b.datePublished, '2013-03-08');
  assert.equal(b.validity, 'amended');
  assert.equal(c.title, '君山区2012年财政决算报告');
  assert.equal(c.dateCreated, undefined);
  assert.equal(c.datePublished, '2013-03-20');
  assert.equal(c.validity, 'repealed');
  // Line 8 has 4 of the 13 cells (Excel leaves out trailing empty cells): read with the rest empty.
  assert.equal(short.title, '列数不对的一行');
  assert.equal(short.dateCreated, '2013-03-21');
  assert.equal(feed.facets.publisher.find((p) => p.id === short.publisher).label, '区财政局');
  assert.equal(short.datePublished, undefined);
  assert.equal(d.validity, 'expired');
  assert.equal(d.datePublished, '2013-04-03');
  // Stable ids: the same input gives the same vocabulary ids.
  const again = await run(['catalogue', 'from-csv', fixture('catalogue-bom.csv'), '--quiet']);
  assert.deepEqual(JSON.parse(again.stdout).categories, feed.categories.map((x) => x));
});

test('from-csv: English headers, semicolon-free commas, dates as 20130305 and Excel serials', async () => {
  const dir = tmp();
  const file = join(dir, 'en.csv');
  writeFileSync(file, 'title,datePublished,validity,category,url\r\n"Budget, 2013",20130305,valid,Finance/Budget,https://x.example/1\r\nNotice,41338,repealed,Finance,ftp://bad\r\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  const feed = JSON.parse(r.stdout);
  assert.equal(feed.lang, undefined, 'no Chinese title, no --lang: the language is not known');
  assert.equal(feed.items[0].title, 'Budget, 2013');
  assert.equal(feed.items[0].datePublished, '2013-03-05');
  assert.equal(feed.items[1].datePublished, '2013-03-05');
  assert.match(r.stderr, /line 3: warning: datePublished: "41338" is an Excel day number; read as 2013-03-05 \(check it against the sheet: in Excel, format the date column as yyyy-mm-dd before saving, and the file has the dates themselves\)\n/,
    'a day number is read, and said: a 5-digit number in a date column may be something else');
  assert.deepEqual(feed.items[0].categoryIds, ['finance-budget']);
  assert.equal(feed.items[1].url, undefined);
  assert.match(r.stderr, /line 3: warning: url: "ftp:\/\/bad"/);
  assert.notEqual(feed.items[0].id, feed.items[1].id);
});

test('from-csv: terminal control sequences in cells are shown escaped in the messages, never sent to the terminal (ESC[2J clears it)', async () => {
  const dir = tmp();
  const file = join(dir, 'esc.csv');
  writeFileSync(file, '名称,发布日期,有效性\n文件一,"2013-03-05 已废止\x1b[2J",坏\x1b]0;pwned\x07\n文件二,2013-03-05,"有效\u009b31m"\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, JSON.stringify(r.stderr));
  assert.match(r.stderr, /已废止\\u001b\[2J/);
  assert.match(r.stderr, /坏\\u001b\]0;pwned\\u0007/);
});

test('from-csv: unreadable input gives clear errors and exit codes', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'x.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]));
  writeFileSync(join(dir, 'other.csv'), 'a,b,c\n1,2,3\n');
  writeFileSync(join(dir, 'page.csv'), '<!DOCTYPE html><html><table></table></html>');
  writeFileSync(join(dir, 'empty.csv'), '\n\n');
  writeFileSync(join(dir, 'onlybad.csv'), '名称,发布日期\n,2013-01-01\n');
  let r = await run(['catalogue', 'from-csv', join(dir, 'x.xlsx')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /x\.xlsx: the zip archive is damaged \(no central directory\): open it in Excel and save it again/);
  r = await run(['catalogue', 'from-csv', join(dir, 'other.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /does not look like a catalogue CSV/);
  r = await run(['catalogue', 'from-csv', join(dir, 'page.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /HTML, not CSV/);
  r = await run(['catalogue', 'from-csv', join(dir, 'empty.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /empty/);
  r = await run(['catalogue', 'from-csv', join(dir, 'onlybad.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /line 2: skipped: no title/);
  r = await run(['catalogue', 'from-csv', join(dir, 'nope.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no such file/);
  r = await run(['catalogue', 'from-csv']);
  assert.equal(r.code, 2);
  r = await run(['catalogue', 'to-xml', 'a.csv']);
  assert.equal(r.code, 2);
});

test('from-csv: a large export converts, with a summary using thousands separators', async () => {
  const dir = tmp();
  const rows = ['索引号,名称,发布日期,栏目'];
  for (let i = 1; i <= 2450; i++) rows.push(`X/2013-${String(i).padStart(5, '0')},文件${i},2013-01-${String((i % 28) + 1).padStart(2, '0')},栏目${i % 7}`);
  rows.splice(17, 0, 'X/2013-bad,,2013-01-01,栏目1');
  rows.splice(40, 0, 'X/2013-bad2,标题,2013-01-01,栏目1,多出的格');
  writeFileSync(join(dir, 'big.csv'), rows.join('\n'));
  const r = await run(['catalogue', 'from-csv', join(dir, 'big.csv'), '-o', join(dir, 'big.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /2,450 entries written to .*, 2 rows skipped: line 18 \(no title\), line 41 \(has 5 cells, the header has 4\)/);
});

test('from-csv: progress every 1,000 rows on a terminal, cleared at the end; none with --quiet or when piped', async () => {
  const dir = tmp();
  const rows = ['索引号,名称,发布日期'];
  for (let i = 1; i <= 2500; i++) rows.push(`X/2013-${String(i).padStart(5, '0')},文件${i},2013-02-01`);
  writeFileSync(join(dir, 'big.csv'), rows.join('\n'));
  // stderr is a pipe here; the preload makes the CLI see a terminal, as it would in a shell.
  const tty = join(dir, 'tty.mjs');
  writeFileSync(tty, "Object.defineProperty(process.stderr, 'isTTY', { value: true });\n");
  const args = ['catalogue', 'from-csv', join(dir, 'big.csv'), '-o', join(dir, 'big.json')];

  const shown = await run(args, { nodeArgs: ['--import', tty] });
  assert.equal(shown.code, 0, shown.stderr);
  // The count, overwritten in place, then the line cleared before the summary is written on it.
  assert.ok(shown.stderr.startsWith('\r1,000 rows…\r2,000 rows…\r\x1b[K'), JSON.stringify(shown.stderr));
  assert.match(shown.stderr, /\n2,500 entries written to /);

  const quiet = await run([...args, '--quiet'], { nodeArgs: ['--import', tty] });
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.doesNotMatch(quiet.stderr, /rows…|\r/);

  const piped = await run(args);
  assert.equal(piped.code, 0, piped.stderr);
  assert.doesNotMatch(piped.stderr, /rows…|\r/);
  assert.match(piped.stderr, /\n2,500 entries written to /);
});

test('from-csv: Excel\'s text-forcing cells ="…" are read as their text', async () => {
  const dir = tmp();
  const file = join(dir, 'excel.csv');
  // Unquoted, and quoted as Excel writes them when the text has a comma or a quote.
  writeFileSync(file, '索引号,名称,发布日期,文号\r\n="000001-2023-003",="文件一",="2023-01-03","=""君发〔2023〕1号, 附件"""\r\n' +
    '"=""000002""",关于"="的说明,2023-01-04,"=""a""""b"""\r\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /warning/);
  const [a, b] = JSON.parse(r.stdout).items;
  assert.equal(a.id, '000001-2023-003');
  assert.equal(a.indexNo, '000001-2023-003');
  assert.equal(a.title, '文件一');
  assert.equal(a.datePublished, '2023-01-03');
  assert.equal(a.docNo, '君发〔2023〕1号, 附件');
  assert.equal(b.indexNo, '000002');
  assert.equal(b.title, '关于"="的说明');
  assert.equal(b.docNo, 'a"b');
});

test('from-csv: Excel\'s ="…" cells with blanks around them (a space after the comma, or after the closing quote) are read as their text', async () => {
  const dir = tmp();
  const file = join(dir, 'excel-blanks.csv');
  writeFileSync(file, '索引号, 名称, 发布日期\r\n"=""000123""" ,文件一, "=""2013-03-05"""\r\n ="000124", 文件二, ="2013-03-06" \r\n= "x",="  文件三  ",=" 2013-03-07"\r\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /warning/);
  const items = JSON.parse(r.stdout).items;
  assert.deepEqual(items.map((i) => i.indexNo), ['000123', '000124', '= "x"'], 'a space inside ="…" is not Excel\'s: kept as written');
  assert.deepEqual(items.map((i) => i.title), ['文件一', '文件二', '文件三']);
  assert.deepEqual(items.map((i) => i.datePublished), ['2013-03-05', '2013-03-06', '2013-03-07']);
});

test('from-csv: rows shorter than the header (Excel leaves out trailing empty cells) are padded, not skipped', async () => {
  const dir = tmp();
  const file = join(dir, 'short.csv');
  writeFileSync(file, '索引号,名称,发布日期,栏目,链接\n1,文件1,2023-01-03,政务/财政,a.html\n2,文件2,2023-01-04\n3,文件3\n4,文件4,,政务/人事\n5,文件5,,其他\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /5 entries written, 0 rows skipped/);
  const feed = JSON.parse(r.stdout);
  assert.deepEqual(feed.items.map((i) => i.title), ['文件1', '文件2', '文件3', '文件4', '文件5']);
  assert.equal(feed.items[1].datePublished, '2023-01-04');
  assert.equal(feed.items[2].datePublished, undefined);
  // Sibling order counts per parent: 政务 1 > 财政 1, 人事 2; 其他 2.
  assert.deepEqual(feed.categories.map((c) => `${c.label} ${c.order}`), ['政务 1', '财政 1', '人事 2', '其他 2']);
});

test('from-csv: a link whose scheme hides behind a tab, a newline or a control character is left out', async () => {
  const dir = tmp();
  const file = join(dir, 'links.csv');
  writeFileSync(file, '名称,链接\n一,java\tscript:alert(1)\n二,"java\nscript:alert(2)"\n三,\x01javascript:alert(3)\n四,a.html\n');
  for (const extra of [[], ['--base-url', 'https://www.example.gov.cn/xxgk/']]) {
    const out = join(dir, 'links.json');
    const r = await run(['catalogue', 'from-csv', file, '-o', out, ...extra]);
    assert.equal(r.code, 0, r.stderr);
    // Shown escaped, so the hidden characters can be seen.
    assert.match(r.stderr, /line 2: warning: url: "java\\tscript:alert\(1\)" is not an http\(s\) or relative URL; left out/);
    assert.match(r.stderr, /line 3: warning: url: "java\\nscript:alert\(2\)" is not/);
    assert.match(r.stderr, /line 5: warning: url: "\\u0001javascript:alert\(3\)" is not/);
    const items = JSON.parse(readFileSync(out, 'utf8')).items;
    assert.deepEqual(items.map((i) => i.url), [undefined, undefined, undefined, extra.length ? 'https://www.example.gov.cn/xxgk/a.html' : 'a.html']);
    assert.equal((await run(['validate', out])).code, 0);
  }
});

test('from-csv: 40,000 distinct publishers convert in linear time (the vocabularies are not built by rescanning all terms)', async () => {
  // A ratio, not a time limit: 4 times the publishers takes about 4 times as long when linear (less, with the fixed
  // cost of starting the command), and about 16 times when each new term scans all the others (that took 17 s for
  // 40,000). Both runs meet the same load, so a busy machine does not fail it.
  const dir = tmp();
  const convert = async (n) => {
    const rows = ['索引号,名称,发布机构'];
    for (let i = 1; i <= n; i++) rows.push(`X-${i},文件${i},机构${i}`);
    writeFileSync(join(dir, `${n}.csv`), rows.join('\n'));
    const start = performance.now();
    const r = await run(['catalogue', 'from-csv', join(dir, `${n}.csv`), '-o', join(dir, `${n}.json`)]);
    const ms = performance.now() - start;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')).facets.publisher.length, n);
    return ms;
  };
  const small = await convert(10000);
  const large = await convert(40000);
  assert.ok(large / small < 8, `10,000 publishers took ${Math.round(small)} ms, 40,000 took ${Math.round(large)} ms`);
});

test('from-csv: Excel\'s "Unicode text" (UTF-16 with BOM, tab-separated) is read', async () => {
  const dir = tmp();
  const text = '索引号\t名称\t发布日期\r\n="000001"\t文件, 一\t2023-01-03\r\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le).swap16();
  for (const [name, bytes, label] of [['le.txt', le, 'UTF-16 LE'], ['be.txt', be, 'UTF-16 BE']]) {
    writeFileSync(join(dir, name), bytes);
    const r = await run(['catalogue', 'from-csv', join(dir, name)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`read as ${label}; columns: indexNo, title, datePublished`));
    assert.deepEqual(JSON.parse(r.stdout).items, [{ id: '000001', title: '文件, 一', indexNo: '000001', datePublished: '2023-01-03' }]);
  }
});

/** Runs the CLI with its stdout already closed, as when `| head -c 10` has read enough. */
async function runClosedStdout(args) {
  const child = spawn(process.execPath, [await cliPath(), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  return { code, stderr };
}

test('output into a pipe whose reader stops early (EPIPE, `| head`): a quiet exit with status 0', async () => {
  const dir = tmp();
  const rows = ['索引号,名称'];
  for (let i = 1; i <= 5000; i++) rows.push(`X-${i},文件${i}`);
  writeFileSync(join(dir, 'big.csv'), rows.join('\n'));
  for (const args of [
    ['catalogue', 'from-csv', join(dir, 'big.csv'), '--quiet'],
    ['embed', 'https://www.example.gov.cn/feeds/catalogue.json', '--offline'],
    ['validate', join(root, 'demo/feeds/catalogue.json'), '--json'],
  ]) {
    const r = await runClosedStdout(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, '', args.join(' '));
  }
});

test('from-csv and from-html: --lang sets the feed\'s language; a value that is not a language tag is refused', async () => {
  const dir = tmp();
  const file = join(dir, 'en.csv');
  writeFileSync(file, 'title,datePublished\r\nBudget 2013,2013-03-05\r\n');
  const r = await run(['catalogue', 'from-csv', file, '--lang', 'en-GB']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).lang, 'en-GB');
  const zh = await run(['catalogue', 'from-csv', fixture('catalogue-gbk.csv'), '--lang', 'zh-Hans']);
  assert.equal(JSON.parse(zh.stdout).lang, 'zh-Hans', '--lang wins over the guess');
  for (const args of [['catalogue', 'from-csv', file], ['annual', 'from-html', fixture('annual-2021.html')]]) {
    const bad = await run([...args, '--lang', 'Chinese (simplified)']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /--lang must be a language tag such as zh-CN or en/);
  }
  const annual = await run(['annual', 'from-html', fixture('annual-2021.html'), '--lang', 'zh-Hant']);
  assert.equal(annual.code, 0, annual.stderr);
  assert.equal(JSON.parse(annual.stdout).lang, 'zh-Hant');
});

test('from-csv and from-html: -o naming the input file (by any path, or a link to it) is refused and the input kept', async () => {
  const dir = tmp();
  const csv = join(dir, '目录.csv');
  const text = '索引号,名称,发布日期\n001,文件一,2013-03-05\n';
  writeFileSync(csv, text);
  symlinkSync(csv, join(dir, 'link.csv'));
  for (const out of [csv, join(dir, '.', '目录.csv'), join(dir, 'link.csv')]) {
    const r = await run(['catalogue', 'from-csv', csv, '-o', out]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is the input file; it is not overwritten: give the feed another name, e.g\. -o feed\.json/);
    assert.equal(readFileSync(csv, 'utf8'), text, 'the spreadsheet is intact');
  }
  const html = join(dir, 'report.html');
  const page = readFileSync(fixture('annual-2021.html'));
  writeFileSync(html, page);
  const r = await run(['annual', 'from-html', html, '--output', html]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /is the input file/);
  assert.deepEqual(readFileSync(html), page, 'the page is intact');
  // Another name still works.
  const ok = await run(['catalogue', 'from-csv', csv, '-o', join(dir, 'feed.json')]);
  assert.equal(ok.code, 0, ok.stderr);
});

test('-o replaces the feed whole: a failure while writing (a full disk) leaves the old feed; a link stays a link, the mode stays; no temporary file is left', async () => {
  const dir = tmp();
  const csv = join(dir, 'c.csv');
  writeFileSync(csv, '名称,发布日期\n关于春耕的通知,2024-03-01\n');
  const out = join(dir, 'feed.json');
  const before = '{"schemaVersion":1,"items":[{"id":"old","title":"旧目录"}]}\n';
  writeFileSync(out, before);
  chmodSync(out, 0o640);
  // Every write to a file fails, as on a full disk.
  const full = join(dir, 'full.mjs');
  writeFileSync(full, `import { open } from 'node:fs/promises';
const h = await open(${JSON.stringify(join(dir, 'probe'))}, 'w');
Object.getPrototypeOf(h).write = async () => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); };
await h.close();`);
  let r = await run(['catalogue', 'from-csv', csv, '-o', out], { nodeArgs: ['--import', full] });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /feed\.json: cannot be written \(ENOSPC: no space left on device, write\); the file was left as it was/);
  assert.equal(readFileSync(out, 'utf8'), before, 'the old feed is intact');
  const left = () => readdirSync(dir).filter((f) => f.includes('.tmp'));
  assert.deepEqual(left(), [], 'no temporary file left');
  // Written: the new feed, with the file's mode; through a link, the link stays and its target is the new feed.
  r = await run(['catalogue', 'from-csv', csv, '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).items[0].title, '关于春耕的通知');
  assert.equal(statSync(out).mode & 0o777, 0o640);
  const link = join(dir, 'link.json');
  symlinkSync(out, link);
  writeFileSync(csv, '名称,发布日期\n关于夏收的通知,2024-06-01\n');
  r = await run(['catalogue', 'from-csv', csv, '-o', link]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).items[0].title, '关于夏收的通知');
  assert.deepEqual(left(), []);
});

test('from-csv: a UTF-8 export with a few bytes in another encoding is refused with the line, not decoded as GBK mojibake', async () => {
  const dir = tmp();
  const rows = ['indexNo,title,datePublished'];
  for (let i = 1; i <= 6; i++) rows.push(`00${i},关于做好第${i}项工作的通知,2013-03-0${i}`);
  // Line 8: a row pasted in from a GBK file (测试 in GBK). The whole file used to be read as GB18030: 鍏充簬鍋氬ソ… titles.
  const utf8 = Buffer.concat([Buffer.from(`${rows.join('\n')}\n`), Buffer.from('007,'), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from(',2013-03-09\n')]);
  writeFileSync(join(dir, 'mixed.csv'), utf8);
  const out = join(dir, 'mixed.json');
  let r = await run(['catalogue', 'from-csv', join(dir, 'mixed.csv'), '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /mixed\.csv: line 8 has bytes that are not UTF-8, the encoding of the rest of the file .*Nothing was written\. .*save it again as "CSV UTF-8/);
  assert.ok(!existsSync(out), 'no feed written');
  // A GBK export with a byte that is not GBK either (a cut-off character): refused too, with its line.
  const gbk = readFileSync(fixture('catalogue-gbk.csv'));
  writeFileSync(join(dir, 'cut.csv'), Buffer.concat([gbk, Buffer.from('x,'), Buffer.from([0xb2]), Buffer.from(',2013-01-01\r\n')]));
  r = await run(['catalogue', 'from-csv', join(dir, 'cut.csv'), '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`line ${gbk.toString('latin1').split('\n').length} has bytes that are not GB18030 \\(GBK\\)`));
  // Clean GBK is still read as GBK.
  r = await run(['catalogue', 'from-csv', fixture('catalogue-gbk.csv'), '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /read as GB18030/);
});

test('from-csv: a GBK export with one row saved as UTF-8 is refused naming that row, not read as GB18030 mojibake', async () => {
  const dir = tmp();
  const out = join(dir, 'c.json');
  const gbk = readFileSync(fixture('catalogue-gbk.csv'));
  const lines = gbk.toString('latin1').split('\n').length;
  // A row pasted in from a UTF-8 file: its bytes happen to be valid GB18030 too (鍏充簬鍋氬ソ…), so nothing used to stop it.
  const row = '699123409/2021-00004,关于做好2021年防汛工作的通知,区应急管理局,2021-05-20,2021-05-21\r\n';
  assert.doesNotThrow(() => new TextDecoder('gb18030', { fatal: true }).decode(Buffer.concat([gbk, Buffer.from(row)])), 'the mix is valid GB18030');
  writeFileSync(join(dir, 'mixed.csv'), Buffer.concat([gbk, Buffer.from(row)]));
  let r = await run(['catalogue', 'from-csv', join(dir, 'mixed.csv'), '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`mixed\\.csv: line ${lines} \\("699123409/2021-00004,关于做好2021年防汛工作的通知,区应…"\\) is UTF-8, while the rest of the file is GB18030 \\(GBK\\).*Nothing was written`));
  assert.doesNotMatch(r.stderr, /鍏/);
  assert.ok(!existsSync(out), 'no feed written');
  // The same row in the middle of the file, and a file whose last row is short: still the row's line.
  const [head, ...rest] = gbk.toString('latin1').split('\n');
  writeFileSync(join(dir, 'middle.csv'), Buffer.concat([Buffer.from(`${head}\n`, 'latin1'), Buffer.from('x,通知公告,区政府办\r\n'), Buffer.from(rest.join('\n'), 'latin1')]));
  r = await run(['catalogue', 'from-csv', join(dir, 'middle.csv'), '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /line 2 \("x,通知公告,区政府办"\) is UTF-8/);
  // GBK rows whose bytes happen to be valid UTF-8 as well (通知 and 失效 are: CD A8 D6 AA, CA A7 D0 A7) stay GBK.
  const short = Buffer.concat([gbk, Buffer.from('x,'), Buffer.from([0xcd, 0xa8, 0xd6, 0xaa]), Buffer.from(',,,,,,,,'), Buffer.from([0xca, 0xa7, 0xd0, 0xa7]), Buffer.from('\r\n')]);
  assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(short.subarray(gbk.length)));
  writeFileSync(join(dir, 'short.csv'), short);
  r = await run(['catalogue', 'from-csv', join(dir, 'short.csv'), '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(feed.items.at(-1).title, '通知');
  assert.equal(feed.items.at(-1).validity, 'expired');
});

test('from-csv: header variants: "索引号：", "*名称", notes in brackets, the names other systems use; two headers for one field', async () => {
  const dir = tmp();
  const file = join(dir, 'variants.csv');
  writeFileSync(file, '信息索引号：,*信息标题,发文单位 ,成文时间（格式：2013-01-01）,公开时间(必填),发文文号,所属分类,效力,原文链接\n' +
    '001,文件一,区政府办,2013/3/1,2013/3/5,君政发〔2013〕1号,政务/财政,有效,a.html\n');
  let r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /columns: indexNo, title, publisher, dateCreated, datePublished, docNo, category, validity, url\n/);
  assert.doesNotMatch(r.stderr, /columns not used/);
  const [a] = JSON.parse(r.stdout).items;
  assert.deepEqual({ ...a, publisher: undefined, categoryIds: undefined }, {
    id: '001', title: '文件一', indexNo: '001', docNo: '君政发〔2013〕1号', publisher: undefined, dateCreated: '2013-03-01',
    datePublished: '2013-03-05', categoryIds: undefined, validity: 'valid', url: 'a.html',
  });
  // 发布日期 and 公开日期 both present (two systems merged): the first that is not empty, not always the first column.
  writeFileSync(file, '索引号,名称,发布日期,公开日期,内容概述,摘要\n001,文件一,,2013/3/5,,概述\n002,文件二,2013/4/1,2013/4/2,,\n');
  r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /note: "发布日期" and "公开日期" are both read as datePublished; a row takes the first that is not empty/);
  const [x, y] = JSON.parse(r.stdout).items;
  assert.equal(x.datePublished, '2013-03-05');
  assert.equal(x.summary, '概述');
  assert.equal(y.datePublished, '2013-04-01');
});

test('from-csv: a sheet title (and notes) above the header line are passed over, with a note', async () => {
  const dir = tmp();
  const file = join(dir, 'titled.csv');
  // Excel's CSV of a sheet whose first row is a title merged across the columns, then a line of notes.
  writeFileSync(file, '君山区政府信息公开目录,,,\r\n"导出时间：2023-01-05",,,\r\n,,,\r\n索引号,名称,发布日期,文号\r\n001,文件一,2013/3/5,君政发〔2013〕1号\r\n002,文件二,2013/3/6,\r\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /note: the header is line 4; lines 1–2 above it \("君山区政府信息公开目录", "导出时间：2023-01-05"\) are not read/);
  assert.match(r.stderr, /2 entries written, 0 rows skipped/);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.id), ['001', '002']);
  // Without a title column anywhere near the top: still refused, saying so.
  writeFileSync(file, 'a,b,c\n1,2,3\n');
  const bad = await run(['catalogue', 'from-csv', file]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /does not look like a catalogue CSV: no known column in the first line and no title column in the first 2 lines/);
});

test('from-csv: a sheet title without separators above a tab-separated header: the separator is taken from the header', async () => {
  const dir = tmp();
  const file = join(dir, 'tab.txt');
  writeFileSync(file, '君山区政府信息公开目录\r\n索引号\t名称\t发布日期\r\n001\t文件, 一\t2013/3/5\r\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items, [{ id: '001', title: '文件, 一', indexNo: '001', datePublished: '2013-03-05' }]);
});

test('from-csv: a link no browser can parse is left out with a warning, not written into a feed that then fails validate', async () => {
  const dir = tmp();
  const file = join(dir, 'urls.csv');
  writeFileSync(file, '索引号,名称,链接\n1,文件一,http://www.junshan .gov.cn/a.html\n2,文件二,http://[\n3,文件三,http://www.junshan.gov.cn/c.html\n');
  const out = join(dir, 'urls.json');
  for (const extra of [[], ['--base-url', 'https://www.junshan.gov.cn/xxgk/']]) {
    const r = await run(['catalogue', 'from-csv', file, '-o', out, ...extra]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /line 2: warning: url: "http:\/\/www\.junshan \.gov\.cn\/a\.html" is not a URL a browser can read; left out/);
    assert.match(r.stderr, /line 3: warning: url: "http:\/\/\[" is not a URL a browser can read; left out/);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).items.map((i) => i.url), [undefined, undefined, 'http://www.junshan.gov.cn/c.html']);
    assert.equal((await run(['validate', out])).code, 0);
  }
});

test('from-csv: a link typed without its scheme (www.junshan.gov.cn/…) is read as http://, not as a path below the feed', async () => {
  const dir = tmp();
  const file = join(dir, 'hosts.csv');
  writeFileSync(file, '索引号,名称,链接\n1,文件一,www.junshan.gov.cn/xxgk/a.html\n2,文件二,yueyang.gov.cn\n3,文件三,content_3.html\n4,文件四,../zcwj/4.html\n');
  for (const extra of [[], ['--base-url', 'https://www.junshan.gov.cn/xxgk/']]) {
    const r = await run(['catalogue', 'from-csv', file, ...extra]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /line 2: warning: url: "www\.junshan\.gov\.cn\/xxgk\/a\.html" has no http:\/\/ or https:\/\/; written as http:\/\/www\.junshan\.gov\.cn\/xxgk\/a\.html/);
    assert.match(r.stderr, /line 3: warning: url: "yueyang\.gov\.cn" has no http/);
    const urls = JSON.parse(r.stdout).items.map((i) => i.url);
    assert.deepEqual(urls.slice(0, 2), ['http://www.junshan.gov.cn/xxgk/a.html', extra.length ? 'http://yueyang.gov.cn/' : 'http://yueyang.gov.cn']);
    // Relative links stay relative (or resolved against --base-url).
    assert.deepEqual(urls.slice(2), extra.length ? ['https://www.junshan.gov.cn/xxgk/content_3.html', 'https://www.junshan.gov.cn/zcwj/4.html'] : ['content_3.html', '../zcwj/4.html']);
  }
});

test('from-csv: dates as 2013年3月5号, in Chinese numerals (二〇一三年三月五日, 二○…) and with em dashes or full-width hyphens', async () => {
  const dir = tmp();
  const file = join(dir, 'cn-dates.csv');
  const dates = ['2013年3月5号', '二〇一三年三月五日', '二○一三年三月五日', '二〇一三年十二月三十一日', '2013—03—05', '2013——3——5',
    '2013–3–5', '2013－03－05', '二〇一三年二月三十日'];
  writeFileSync(file, `名称,成文日期\n${dates.map((d, i) => `文件${i},${d}`).join('\n')}\n`);
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  const got = JSON.parse(r.stdout).items.map((i) => i.dateCreated);
  assert.deepEqual(got, ['2013-03-05', '2013-03-05', '2013-03-05', '2013-12-31', '2013-03-05', '2013-03-05', '2013-03-05',
    '2013-03-05', undefined]);
  assert.match(r.stderr, /line 10: warning: dateCreated: "二〇一三年二月三十日" is not a date \(February 2013 has 28 days\); left out/);
  assert.match(r.stderr, /; 1 warning\n$/);
});

test('from-csv: 3/5/2013 (Excel on an English system) is month/day unless a day above 12 in the file says day/month', async () => {
  const dir = tmp();
  const conv = (name, rows) => convertDates(dir, name, rows);
  // Nothing to tell by: Excel's English (US) order, said once with the count.
  let r = await conv('us.csv', ['3/5/2013', '4/1/2013 10:30', '2013-04-02']);
  assert.deepEqual(r.dates, ['2013-03-05', '2013-04-01', '2013-04-02']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\/5\/2013" read as month\/day\/year, 2013-03-05 .*2 dates/);
  assert.match(r.stderr, /line 3: warning: datePublished: "4\/1\/2013 10:30" has a time of day; read as the day, 2013-04-01/);
  assert.match(r.stderr, /; 2 warnings\n$/);
  // 5/13/2013 can only be month/day.
  r = await conv('us2.csv', ['3/5/2013', '5/13/2013']);
  assert.deepEqual(r.dates, ['2013-03-05', '2013-05-13']);
  assert.match(r.stderr, /line 2: warning: .*read as month\/day\/year.*line 3/);
  // 13/5/2013 can only be day/month: the file is day/month, 3/5/2013 is 3 May.
  r = await conv('uk.csv', ['3/5/2013', '13/5/2013']);
  assert.deepEqual(r.dates, ['2013-05-03', '2013-05-13']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\/5\/2013" read as day\/month\/year, 2013-05-03 .*line 3/);
  // Both orders in one file: the ambiguous one is left out, the others read.
  r = await conv('mixed.csv', ['3/5/2013', '13/5/2013', '5/14/2013']);
  assert.deepEqual(r.dates, [undefined, '2013-05-13', '2013-05-14']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\/5\/2013" is not a date; left out \(day\/month or month\/day\?/);
});

test('from-csv: 3-5-2013 and 3.5.2013 are read in the order a date in the file shows; two-digit years are refused by row and value', async () => {
  const dir = tmp();
  const conv = (name, rows) => convertDates(dir, name, rows);
  // 13.5.2013 tells day/month for the whole file, whatever separator the others use.
  let r = await conv('dots.csv', ['3.5.2013', '13.5.2013', '3-5-2013', '4/1/2013', '２８．２．２０１３']);
  assert.deepEqual(r.dates, ['2013-05-03', '2013-05-13', '2013-05-03', '2013-01-04', '2013-02-28']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\.5\.2013" read as day\/month\/year, 2013-05-03 \(as line 3's "13\.5\.2013" is\); 3 dates/);
  r = await conv('dashes.csv', ['3-5-2013', '5-13-2013']);
  assert.deepEqual(r.dates, ['2013-03-05', '2013-05-13']);
  // Two-digit years: 3/5/13 could be 2013 or 1913 (and 13-5-3 could be 2013-05-03): left out, each named.
  r = await conv('yy.csv', ['3/5/13', '13-5-3', '3/5/2013']);
  assert.deepEqual(r.dates, [undefined, undefined, '2013-03-05']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\/5\/13" has a two-digit year, whose century is not known; left out \(write years in full/);
  assert.match(r.stderr, /line 3: warning: datePublished: "13-5-3" has a two-digit year, whose century is not known; left out/);
  // Not dates: still refused.
  r = await conv('bad.csv', ['31-2-2013', '3.5', '1.2.3.4']);
  assert.deepEqual(r.dates, [undefined, undefined, undefined]);
  assert.match(r.stderr, /line 2: warning: datePublished: "31-2-2013" is not a date \(February 2013 has 28 days\); left out/);
});

test('from-csv: dotted dates that nothing in the file decides are day/month (3.5.2013 is 3 May); slashes stay month/day; each separator follows its own dates', async () => {
  const dir = tmp();
  const conv = (name, rows) => convertDates(dir, name, rows);
  // Nothing to tell by: d.m.yyyy is how Europe and Russia write dates; the warning says what was assumed.
  let r = await conv('dots.csv', ['3.5.2013', '4.1.2013 10:30', '2013.3.5']);
  assert.deepEqual(r.dates, ['2013-05-03', '2013-01-04', '2013-03-05']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\.5\.2013" read as day\/month\/year, 2013-05-03 \(dates with dots are day\.month\.year in Europe and Russia; no date in the file has a day above 12 to tell\); 2 dates in this file could be read either way, all read as day\/month\n/);
  assert.match(r.stderr, /line 3: warning: datePublished: "4\.1\.2013 10:30" has a time of day/);
  assert.match(r.stderr, /; 2 warnings\n$/, '2013.3.5 (year first, as Chinese files write it) is not ambiguous');
  // Dots and slashes, neither decided: each its own order, each said once with its own count.
  r = await conv('both.csv', ['3.5.2013', '3/5/2013', '4/1/2013']);
  assert.deepEqual(r.dates, ['2013-05-03', '2013-03-05', '2013-04-01']);
  assert.match(r.stderr, /line 2: warning: datePublished: "3\.5\.2013" read as day\/month\/year, 2013-05-03 \(dates with dots .*\); 1 date written with dots in this file/);
  assert.match(r.stderr, /line 3: warning: datePublished: "3\/5\/2013" read as month\/day\/year, 2013-03-05 \(the order of Excel on an English \(US\) system; .*\); 2 dates written with slashes in this file/);
  // Each separator decided by its own dates: 13.5.2013 day/month, 5/13/2013 month/day (a file pasted together from two sources).
  r = await conv('own.csv', ['3.5.2013', '13.5.2013', '3/5/2013', '5/13/2013']);
  assert.deepEqual(r.dates, ['2013-05-03', '2013-05-13', '2013-03-05', '2013-05-13']);
  assert.match(r.stderr, /"3\.5\.2013" read as day\/month\/year, 2013-05-03 \(as line 3's "13\.5\.2013" is\)/);
  assert.match(r.stderr, /"3\/5\/2013" read as month\/day\/year, 2013-03-05 \(as line 5's "5\/13\/2013" is\)/);
  // Where only other dates decide, the file's order is kept: one sheet, one order.
  r = await conv('file.csv', ['3.5.2013', '5/13/2013']);
  assert.deepEqual(r.dates, ['2013-03-05', '2013-05-13']);
  assert.match(r.stderr, /"3\.5\.2013" read as month\/day\/year, 2013-03-05 \(as line 3's "5\/13\/2013" is\)/);
  // Dots in both orders: the ambiguous one is left out, quoting both.
  r = await conv('mixed.csv', ['3.5.2013', '13.5.2013', '5.14.2013']);
  assert.deepEqual(r.dates, [undefined, '2013-05-13', '2013-05-14']);
  assert.match(r.stderr, /"3\.5\.2013" is not a date; left out \(day\/month or month\/day\? line 3 has "13\.5\.2013", line 4 has "5\.14\.2013"/);
});

test('from-csv: 2013.03.05. (a dot after), English month names (Mar 5, 2013; 5 March 2013; 5-Mar-2013) are read; 5-Mar-13 is a two-digit year', async () => {
  const dir = tmp();
  const file = join(dir, 'names.csv');
  const dates = ['2013.03.05.', '2013. 3. 5.', '5. 3. 2013.', 'Mar 5, 2013', 'March 5th, 2013', 'Tuesday, March 5, 2013', 'Sept. 5, 2013',
    '5 March 2013', '5-Mar-2013', '05/MAR/2013 10:30', '5-Mar-13', 'Feb 30, 2013', 'Mar 5', '2013-03-05.'];
  writeFileSync(file, `名称,发布日期\n${dates.map((d, i) => `文件${i},"${d}"`).join('\n')}\n`);
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 1, 'an error: "." after 2013-03-05');
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.datePublished), ['2013-03-05', '2013-03-05', '2013-03-05', '2013-03-05',
    '2013-03-05', '2013-03-05', '2013-09-05', '2013-03-05', '2013-03-05', '2013-03-05', undefined, undefined, undefined, undefined]);
  assert.match(r.stderr, /line 12: warning: datePublished: "5-Mar-13" has a two-digit year, whose century is not known; left out/);
  assert.match(r.stderr, /line 13: warning: datePublished: "Feb 30, 2013" is not a date \(February 2013 has 28 days\); left out/);
  assert.match(r.stderr, /line 14: warning: datePublished: "Mar 5" is not a date; left out/);
  assert.match(r.stderr, /line 15: error: datePublished: "2013-03-05\." has "\." after the date, which is not a time of day; left out/);
});

test('from-csv: a range of dates in a date column (2013-3-5至2013-4-5, 2013-03-05 ~ 2013-04-05) is read as its first date, with a warning', async () => {
  const dir = tmp();
  const file = join(dir, 'ranges.csv');
  const dates = ['2013-3-5至2013-4-5', '2013-03-05 ~ 2013-04-05', '2013年3月5日至2013年4月5日', '2013年3月5日至今', '２０１３－０３－０５～２０１３－０４－０５',
    '2013-03-05 - 2013-04-05', '2013-03-05—2013-04-05', 'Mar 5, 2013 - Apr 5, 2013', '3.5.2013-4.5.2013', '2013年3月5日到期',
    '2013-03-05 10:30-11:00', '2013-02-30至2013-04-05', '二〇一三年三月五日至二〇一三年四月五日'];
  writeFileSync(file, `名称,发布日期\n${dates.map((d, i) => `文件${i},"${d}"`).join('\n')}\n`);
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 1, 'an error: 2013年3月5日到期');
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.datePublished), [...Array(8).fill('2013-03-05'), '2013-05-03', undefined,
    '2013-03-05', undefined, '2013-03-05']);
  assert.match(r.stderr, /line 2: warning: datePublished: "2013-3-5至2013-4-5" is a range of dates; read as its first date, 2013-03-05 \(an entry has one date of each kind/);
  for (let line = 3; line <= 10; line++) assert.match(r.stderr, new RegExp(`line ${line}: warning: datePublished: ".*" is a range of dates; read as its first date`));
  assert.doesNotMatch(r.stderr, /line 1[12]: warning: .*is a range of dates/, '到期 ("falls due") and a span of hours are not ranges of dates');
  assert.match(r.stderr, /line 11: error: datePublished: "2013年3月5日到期" has "到期" after the date/, 'a date it falls due is not the date published');
  assert.match(r.stderr, /line 12: warning: datePublished: "2013-03-05 10:30-11:00" is a time range on one day/);
  assert.match(r.stderr, /line 13: warning: datePublished: "2013-02-30至2013-04-05" is not a date \(February 2013 has 28 days\); left out/);
  assert.match(r.stderr, /line 14: warning: datePublished: "二〇一三年三月五日至二〇一三年四月五日" is a range of dates; read as its first date, 2013-03-05/);
});

test('from-csv: 50,000 rows convert within 112 MB of heap (the rows, the bytes and the output are not all kept at once)', async () => {
  const dir = tmp();
  const rows = ['索引号,标题,发布机构,发文日期,发布时间,发文字号,主题分类,体裁分类,关键词,有效性,网址,摘要,分类'];
  for (let i = 1; i <= 50000; i++) {
    const d = `20${10 + (i % 13)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    rows.push([`699123409/2021-${String(i).padStart(6, '0')}`, `关于做好第${i}项城乡居民最低生活保障标准调整工作的通知`, `区民政局${i % 40}`, d, d,
      `君民发〔2021〕${i}号`, `民政、扶贫、救灾${i % 9}`, '通知', '低保；标准', '有效', `/xxgk/mz/${i}.html`,
      `"低保标准由每月550元调整为580元，自2021年7月1日起执行。第${i}项。"`, `政务信息/各部门公开目录/部门${i % 30}`].join(','));
  }
  writeFileSync(join(dir, 'big.csv'), `${rows.join('\r\n')}\r\n`);
  const out = join(dir, 'big.json');
  // It used to need about 150 MB (the bytes, every row's cells, the feed as one string and as one buffer, together).
  const r = await run(['catalogue', 'from-csv', join(dir, 'big.csv'), '-o', out, '--quiet'], { nodeArgs: ['--max-old-space-size=112'] });
  assert.equal(r.code, 0, r.stderr.slice(0, 500));
  assert.match(r.stderr, /^50,000 entries written to .*, 0 rows skipped\n$/);
  const text = readFileSync(out, 'utf8');
  const feed = JSON.parse(text);
  assert.equal(text, `${JSON.stringify(feed, null, 2)}\n`, 'written piece by piece, the same text as one JSON.stringify');
  assert.equal(feed.items.length, 50000);
  assert.equal(feed.items[49999].summary, '低保标准由每月550元调整为580元，自2021年7月1日起执行。第50000项。');
  // On stdout too.
  const s = await run(['catalogue', 'from-csv', join(dir, 'big.csv'), '--quiet'], { nodeArgs: ['--max-old-space-size=112'] });
  assert.equal(s.code, 0, s.stderr.slice(0, 500));
  assert.equal(s.stdout, text);
});

test('from-csv: full-width dates (２０２３年３月５日), 民国 years (民国三十七年五月一日, 民国102年3月5日) and a weekday after 日 are read', async () => {
  const dir = tmp();
  const file = join(dir, 'roc.csv');
  const dates = ['２０２３年３月５日', '民国三十七年五月一日', '民国102年3月5日', '中华民国38年10月1日', '民國37年5月1日', '民国0年1月1日',
    '2013年3月5日星期二', '2013年3月5日（星期二）', '2013年3月5日 星期二', '2013-3-5星期二', '2013-03-05 (周二)'];
  writeFileSync(file, `名称,成文日期\n${dates.map((d, i) => `文件${i},${d}`).join('\n')}\n`);
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.dateCreated), ['2023-03-05', '1948-05-01', '2013-03-05', '1949-10-01', '1948-05-01', undefined,
    '2013-03-05', '2013-03-05', '2013-03-05', '2013-03-05', '2013-03-05']);
  assert.doesNotMatch(r.stderr, /line 1[12]: /, 'a weekday after any date is passed over');
  assert.match(r.stderr, /line 7: warning: dateCreated: "民国0年1月1日" is not a date; left out/);
});

test('from-csv: text after a date: a time of day is dropped with a warning naming the row; other text is an error naming row, column and text', async () => {
  const dir = tmp();
  const file = join(dir, 'tails.csv');
  // 成文日期 holds the odd ones out, 发布日期 times of day (a CMS's 发布时间 has one on every row).
  const rows = [
    ['2013-03-05', '2013-03-05 14:30'],
    ['2013-03-05', '2013年3月5日 下午'],
    ['2013-03-05', '2013年3月5日下午3点'],
    ['2013-03-05', '2013-03-05T10:00:00+08:00'],
    ['2013-03-05', '2013/3/5 9:05:00 AM'],
    ['2013-03-05', '41338.5'],
    ['2013年3月5日星期二', '2013年3月5日（星期二） 下午3:30'],
    ['2013-03-05 hello', '2013-03-05'],
    ['2013-03-05abc', '2013-03-05'],
    ['2013年3月5日 下午 已废止', '2013-03-05'],
    ['2013年3月5日到期', '2013-03-05'],
  ];
  writeFileSync(file, `名称,成文日期,发布日期\n${rows.map(([a, b], i) => `文件${i},"${a}","${b}"`).join('\n')}\n`);
  let r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 1, 'an error: exit code 1');
  const items = JSON.parse(r.stdout).items;
  assert.deepEqual(items.map((i) => i.datePublished), Array(11).fill('2013-03-05'), 'times of day dropped, the day kept');
  assert.deepEqual(items.map((i) => i.dateCreated), [...Array(7).fill('2013-03-05'), undefined, undefined, undefined, undefined]);
  assert.match(r.stderr, /line 2: warning: datePublished: "2013-03-05 14:30" has a time of day; read as the day, 2013-03-05 \(a feed's dates are days\); 7 dates in this file have a time of day, each read as its day\n/);
  assert.doesNotMatch(r.stderr, /line [3-68]: warning/, 'one warning for all the times of day, a weekday needs none');
  assert.match(r.stderr, /line 9: error: dateCreated: "2013-03-05 hello" has "hello" after the date, which is not a time of day; left out \(write the date alone in this column, e.g\. 2013-03-05, and any note in another\)\n/);
  assert.match(r.stderr, /line 10: error: dateCreated: "2013-03-05abc" has "abc" after the date/);
  assert.match(r.stderr, /line 11: error: dateCreated: "2013年3月5日 下午 已废止" has "已废止" after the date/);
  assert.match(r.stderr, /line 12: error: dateCreated: "2013年3月5日到期" has "到期" after the date/);
  assert.match(r.stderr, /line 7: warning: datePublished: "41338\.5" is an Excel day number; read as 2013-03-05/);
  assert.match(r.stderr, /11 entries written, 0 rows skipped; 4 errors, 2 warnings\n$/);
  // --quiet leaves out the warnings, not the errors.
  r = await run(['catalogue', 'from-csv', file, '--quiet']);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /warning:/);
  assert.match(r.stderr, /line 9: error: dateCreated: "2013-03-05 hello"/);
});

test('from-csv: a range of dates with two-digit years is refused as the century is not known, naming the range', async () => {
  const dir = tmp();
  const r = await convertDates(dir, 'yy.csv', ['13-03-05至13-04-01', '13.3.5-13.4.1', '3/5/13-4/1/13', '13年3月5日至13年4月1日', '13-03-05 - 13-04-01', '3/5/13']);
  assert.deepEqual(r.dates, Array(6).fill(undefined));
  for (const [line, cell] of [[2, '13-03-05至13-04-01'], [3, '13.3.5-13.4.1'], [4, '3/5/13-4/1/13'], [5, '13年3月5日至13年4月1日'], [6, '13-03-05 - 13-04-01']]) {
    assert.match(r.stderr, new RegExp(`line ${line}: warning: datePublished: "${cell.replace(/[./]/g, '\\$&')}" is a range of dates with a two-digit year, ` +
      'whose century is not known; left out \\(write years in full, e\\.g\\. 2013-03-05'));
  }
  assert.match(r.stderr, /line 7: warning: datePublished: "3\/5\/13" has a two-digit year, whose century is not known; left out \(write years in full/);
  assert.doesNotMatch(r.stderr, /not a date/);
});

test('from-csv: a time range on one day (2013-03-05 09:00-11:00) is read as the day, with a warning that the times were dropped', async () => {
  const dir = tmp();
  const cells = ['2013-03-05 09:00-11:00', '2013-03-05 09:00~11:00', '2013年3月5日 9:00至11:00', '2013-03-05 9时至11时', '2013年3月5日上午9点到11点',
    '2013-03-05 09:00 - 2013-03-05 11:00', '2013-03-05 09:00 - 2013-03-06 11:00'];
  const r = await convertDates(dir, 'times.csv', cells);
  assert.deepEqual(r.dates, Array(7).fill('2013-03-05'));
  for (let line = 2; line <= 7; line++) {
    assert.match(r.stderr, new RegExp(`line ${line}: warning: datePublished: "${cells[line - 2]}" is a time range on one day; read as the day, 2013-03-05 \\(the times are dropped: a feed's dates are days\\)\\n`));
  }
  assert.doesNotMatch(r.stderr, /line [2-7]: .*range of dates/);
  assert.match(r.stderr, /line 8: warning: datePublished: "2013-03-05 09:00 - 2013-03-06 11:00" is a range of dates; read as its first date, 2013-03-05/);
});

test('from-csv: a GBK export with a UTF-8 row holding one Chinese character, or only UTF-8 punctuation (“” 、 。 —), is refused naming that row', async () => {
  const dir = tmp();
  const out = join(dir, 'c.json');
  const gbk = readFileSync(fixture('catalogue-gbk.csv'));
  const line = gbk.toString('latin1').split('\n').length;
  const rows = ['x,关a,区政府办', 'x,a、b,c', 'x,“a”b,c', 'x,a。b', 'x,A—B,c', 'x,“test”,a', 'x,中,b'];
  for (const [i, row] of rows.entries()) {
    const bytes = Buffer.concat([gbk, Buffer.from(`${row}\r\n`)]);
    if (i < 5) assert.doesNotThrow(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes), `${row}: valid GB18030 (鍏砤, a銆乥 …)`);
    writeFileSync(join(dir, `m${i}.csv`), bytes);
    const r = await run(['catalogue', 'from-csv', join(dir, `m${i}.csv`), '-o', out]);
    assert.equal(r.code, 1, `${row}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`m${i}\\.csv: line ${line} \\(${JSON.stringify(row).replace(/[.()]/g, '\\$&')}\\) is UTF-8, while the rest of the file is GB18030 \\(GBK\\).*Nothing was written`));
    assert.ok(!existsSync(out), 'no feed written');
  }
  // GBK rows of one or two characters whose bytes happen to be valid UTF-8 (通知: U+0368 U+05AA) still read as GBK.
  const ok = Buffer.concat([gbk, Buffer.from('x,'), Buffer.from([0xcd, 0xa8, 0xd6, 0xaa]), Buffer.from(',a\r\n')]);
  writeFileSync(join(dir, 'ok.csv'), ok);
  const r = await run(['catalogue', 'from-csv', join(dir, 'ok.csv'), '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).items.at(-1).title, '通知');
});

test('from-csv: an .xlsx workbook is read: merged cells, formulas (their values, =HYPERLINK\'s address), dates stored as day numbers', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  writeFileSync(file, await xlsx([
    ['君山区政府信息公开目录'],
    ['索引号', '名称', null, '发布机构', '发布日期', '链接', '内部备注'],
    ['001', '关于做好防汛工作的通知', null, '区政府办', { v: 41338, s: 1 }, { f: 'HYPERLINK("https://www.junshan.gov.cn/1.html","查看")', t: 'str', v: '查看' }, '内部'],
    ['002', { f: '"关于"&"印发方案"&"的通知"', t: 'str', v: '关于印发方案的通知' }, null, null, { v: 41339.5, s: 2 }, '原文', { f: 'A1' }],
    ['003', '君山区2012年财政决算报告', null, null, 41340, 'content_3.html', { f: '1/0', t: 'e', v: '#DIV/0!' }],
    [],
  ], {
    sheets: ['目录', '说明'],
    sheetXml: {
      mergeCells: '<mergeCells count="4"><mergeCell ref="A1:G1"/><mergeCell ref="B2:C2"/><mergeCell ref="D3:D5"/><mergeCell ref="A5:A6"/></mergeCells>',
      hyperlinks: '<hyperlinks><hyperlink ref="F4" r:id="rId1"/></hyperlinks>',
    },
    rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.junshan.gov.cn/2.html" TargetMode="External"/>',
  }));
  const out = join(dir, 'c.json');
  const r = await run(['catalogue', 'from-csv', file, '-o', out, '--base-url', 'https://www.junshan.gov.cn/xxgk/']);
  assert.equal(r.code, 0, r.stderr);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.items.map((i) => [i.id, i.title, i.datePublished, i.url]), [
    ['001', '关于做好防汛工作的通知', '2013-03-05', 'https://www.junshan.gov.cn/1.html'],
    ['002', '关于印发方案的通知', '2013-03-06', 'https://www.junshan.gov.cn/2.html'],
    ['003', '君山区2012年财政决算报告', '2013-03-07', 'https://www.junshan.gov.cn/xxgk/content_3.html'],
  ]);
  assert.equal(new Set(feed.items.map((i) => i.publisher)).size, 1, 'the 发布机构 merged down over three rows stands on each');
  assert.ok(feed.items[2].publisher);
  assert.match(r.stderr, /目录\.xlsx: read sheet "目录" of the workbook; columns: indexNo, title, publisher, datePublished, url\n/);
  assert.match(r.stderr, /note: the workbook has 2 sheets \("目录", "说明"\); only the first, "目录", is read \(--sheet chooses another\)\n/);
  assert.match(r.stderr, /note: the formula in G4 has no computed value saved in the file and is read as empty: open the workbook in Excel or WPS and save it again\n/);
  assert.match(r.stderr, /note: a formula shows an error, read as empty: G5 \(#DIV\/0!\)/);
  assert.match(r.stderr, /note: the header is row 2; row 1 above it \("君山区政府信息公开目录"\) is not read\n/, 'the title merged across the columns stands once');
  assert.doesNotMatch(r.stderr, /both read as title/, '名称 merged across two columns is one column');
  assert.match(r.stderr, /row 4: warning: datePublished: "2013-03-06 12:00" has a time of day; read as the day, 2013-03-06/);
  assert.match(r.stderr, /columns not used: 内部备注\n/);
  assert.doesNotMatch(r.stderr, /row 6/, 'row 6 holds only the 索引号 merged down from row 5: part of that entry');
  assert.match(r.stderr, /row 5: warning: datePublished: "41340" is an Excel day number; read as 2013-03-07/, 'a number without a date format');
  assert.match(r.stderr, /3 entries written to .*, 0 rows skipped; 2 warnings\n$/);

  // A header over two rows: 索引号 and 名称 merged down over both, 日期 across 成文日期 | 发布日期.
  writeFileSync(file, await xlsx([
    ['索引号', '名称', '日期', null],
    [null, null, '成文日期', '发布日期'],
    ['001', '关于做好防汛工作的通知', { v: 41337, s: 2 }, { v: 41338, s: 1 }],
  ], { sheetXml: { mergeCells: '<mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:D1"/></mergeCells>' } }));
  const two = await run(['catalogue', 'from-csv', file]);
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(JSON.parse(two.stdout).items, [{ id: '001', indexNo: '001', title: '关于做好防汛工作的通知', dateCreated: '2013-03-04', datePublished: '2013-03-05' }]);
  assert.match(two.stderr, /columns: indexNo, title, dateCreated, datePublished\n/);
  assert.match(two.stderr, /note: the header is rows 1–2 \(cells merged over both\); each column takes its name from row 2, else row 1\n/);
  assert.match(two.stderr, /1 entry written, 0 rows skipped\n$/);
});

test('from-csv: an .xls (Excel 97–2003), a PDF, an .ods, an .xlsb and other binary files are refused saying how to save the sheet', async () => {
  const dir = tmp();
  const files = {
    'old.xls': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    'doc.pdf': Buffer.from('%PDF-1.7\n\0\0'),
    'sheet.ods': await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }),
    'binary.xlsb': await zip({
      '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      'xl/workbook.bin': Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
    }),
    'photo.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  let r = await run(['catalogue', 'from-csv', join(dir, 'old.xls')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /old\.xls: this is an Excel 97–2003 workbook \(\.xls\), a workbook protected by a password, or another old Office file, which is not read here: open it in Excel or WPS and save it as "Excel 工作簿 \(\*\.xlsx\)" or "CSV UTF-8 \(逗号分隔\) \(\*\.csv\)", then convert that file\n/);
  r = await run(['catalogue', 'from-csv', join(dir, 'doc.pdf')]);
  assert.match(r.stderr, /doc\.pdf: this is a PDF document, not a spreadsheet/);
  r = await run(['catalogue', 'from-csv', join(dir, 'sheet.ods')]);
  assert.match(r.stderr, /sheet\.ods: this is an OpenDocument spreadsheet \(\.ods\), not an Excel workbook: save it as \.xlsx or as "CSV UTF-8"/);
  r = await run(['catalogue', 'from-csv', join(dir, 'binary.xlsb')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /binary\.xlsb: this is an Excel binary workbook \(\.xlsb\), which is not read here: open it in Excel or WPS and save it as "Excel 工作簿 \(\*\.xlsx\)" or "CSV UTF-8"\n/);
  r = await run(['catalogue', 'from-csv', join(dir, 'photo.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /photo\.csv: this is not a CSV file or an \.xlsx workbook \(it holds binary data\): if it is a spreadsheet, open it in Excel or WPS/);
});

test('from-csv: a url cell holding a link\'s text (查看: what Excel\'s CSV keeps of =HYPERLINK) is left out with a warning, not written as a relative link', async () => {
  const dir = tmp();
  const file = join(dir, 'links.csv');
  writeFileSync(file, '名称,链接\n文件一,查看\n文件二,点击查看原文\n文件三,content_3.html\n文件四,/xxgk/通知.html\n');
  const r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.url), [undefined, undefined, 'content_3.html', '/xxgk/通知.html']);
  assert.match(r.stderr, /line 2: warning: url: "查看" is a link's text, not its address; left out \(write the address, e\.g\. https:\/\/www\.example\.gov\.cn\/xxgk\/1\.html; Excel's CSV keeps only the text of a link made with =HYPERLINK or Insert → Link: convert the \.xlsx itself\)\n/);
  assert.match(r.stderr, /line 3: warning: url: "点击查看原文" is a link's text/);
});

test('from-xlsx: a Mac workbook (1904 date system), a link on the title\'s cell as url, and from-xlsx as another name of from-csv', async () => {
  const dir = tmp();
  const file = join(dir, 'mac.xlsx');
  // 39876 in the 1904 system is 2013-03-05 (41338 in the 1900 system).
  writeFileSync(file, await xlsx([['名称', '发布日期'], ['关于做好防汛工作的通知', { v: 39876, s: 1 }], ['第二份', { v: 39877, s: 1 }]], {
    date1904: true,
    sheetXml: { hyperlinks: '<hyperlinks><hyperlink ref="A2" r:id="rId1"/></hyperlinks>' },
    rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.junshan.gov.cn/1.html" TargetMode="External"/>',
  }));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.datePublished, i.url]), [['2013-03-05', 'https://www.junshan.gov.cn/1.html'], ['2013-03-06', undefined]]);
  assert.match(r.stderr, /note: 1 entry takes the link on its title's cell as url \(the sheet has no url column\)\n/);
});

test('from-xlsx: a link inserted on whole columns (A1:XFD1048576) is read for the cells the sheet has, at once: not set on 17 billion cells (A:J took 22 s and 1.2 GB)', async () => {
  const dir = tmp();
  const file = join(dir, 'links.xlsx');
  const rel = (id, to) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${to}" TargetMode="External"/>`;
  // A whole-sheet link, then a link on A3 alone (the later one wins there), and a =HYPERLINK formula in A4 (its own).
  writeFileSync(file, await xlsx([['名称', '发布日期'], ['第一份', '2013-03-05'], ['第二份', '2013-03-06'],
    [{ t: 'str', f: 'HYPERLINK("https://www.junshan.gov.cn/4.html","第三份")', v: '第三份' }, '2013-03-07']], {
    sheetXml: { hyperlinks: '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId1"/><hyperlink ref="A3" r:id="rId2"/></hyperlinks>' },
    rels: rel('rId1', 'https://www.junshan.gov.cn/all.html') + rel('rId2', 'https://www.junshan.gov.cn/3.html'),
  }));
  const started = Date.now();
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.url),
    ['https://www.junshan.gov.cn/all.html', 'https://www.junshan.gov.cn/3.html', 'https://www.junshan.gov.cn/4.html']);
});

test('from-csv: a row with more cells than the header, and a day not in the calendar, say why and what to do', async () => {
  const dir = tmp();
  const file = join(dir, 'wide.csv');
  writeFileSync(file, '名称,发布日期\n关于印发《方案》的通知,2013-03-05\n关于1,2号文件的说明,2013-03-06\n文件三,2013-02-29\n');
  let r = await run(['catalogue', 'from-csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /line 3: skipped: has 3 cells, the header has 2 \(a comma in a cell that is not in double quotes\? Save the file again from Excel or WPS, or put that cell in quotes\)\n/);
  assert.match(r.stderr, /line 4: warning: datePublished: "2013-02-29" is not a date \(February 2013 has 28 days\); left out \(write dates as YYYY-MM-DD, e\.g\. 2013-03-05\)\n/);
  assert.match(r.stderr, /2 entries written, 1 row skipped: line 3 \(has 3 cells, the header has 2\); 1 warning\n$/, 'the summary stays short');
  const book = join(dir, 'wide.xlsx');
  writeFileSync(book, await xlsx([['名称', '发布日期'], ['文件一', '2013-03-05', '备注']]));
  r = await run(['catalogue', 'from-csv', book]);
  assert.equal(r.code, 1);
  // A workbook's row names the cell by its column and what it holds.
  assert.match(r.stderr, /row 2: skipped: has "备注" in column C, right of the header's last column, B \(cells right of the header's last column: give that column a header, or clear them\)\n/);
});

/** A cell of text written in the sheet (`s` is XML as it stands in the file: entities and all). */
const inlineCell = (ref, s) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
/** A workbook of one sheet holding these <row>s (after `before`, such as a <sheetFormatPr>), written to `file`. */
const writeSheet = async (file, rows, before = '') =>
  writeFileSync(file, await zip(oneSheetParts({ 'xl/worksheets/sheet1.xml': `<worksheet ${XLSX_NS}>${before}<sheetData>${rows}</sheetData></worksheet>` })));

test('from-xlsx: a character reference past U+10FFFF in a cell (a damaged or hostile file) is read as U+FFFD, not a refusal of the whole workbook', async () => {
  const dir = tmp();
  const rows = [['名称', '发布日期'], ['文件&#1114112;一&#x110000;', '2013-03-05'], ['文件二 &#x4E8C;', '2013-03-06']]
    .map(([a, b], i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, a)}${inlineCell(`B${i + 1}`, b)}</row>`).join('');
  const file = join(dir, 'refs.xlsx');
  await writeSheet(file, rows);
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['文件\ufffd一\ufffd', '文件二 二']);
});

test('from-xlsx: a row with a value far right of the header (XFD, past a run of empty columns left out) names that column, not "the third cell"', async () => {
  const dir = tmp();
  const sheetRows = [['名称', '发布日期'], ['文件一', '2013-03-05'], ['文件二', '2013-03-06', '误填在很远的一格里的一段很长很长的备注文字']]
    .map((cells, i) => `<row r="${i + 1}">${cells.map((v, c) => inlineCell(`${['A', 'B', 'XFD'][c]}${i + 1}`, v)).join('')}</row>`).join('');
  const file = join(dir, 'far-cell.xlsx');
  await writeSheet(file, sheetRows);
  const { readXlsx } = await loadXlsxReader();
  assert.deepEqual(readXlsx(readFileSync(file)).columns, [0, 1, 16383], 'A, B, then XFD');
  const r = await run(['catalogue', 'from-xlsx', file, '-o', join(dir, 'out.json')]);
  assert.equal(r.code, 0, r.stderr);
  // What the cell holds, cut to 20 characters.
  assert.match(r.stderr, /row 3: skipped: has "误填在很远的一格里的一段很长很长的备注文" in column XFD, right of the header's last column, B \(cells right of the header's last column/);
  assert.match(r.stderr, /1 entry written.*, 1 row skipped: row 3 \(has "误填在很远的一格里的一段很长很长的备注文" in column XFD, right of the header's last column, B\)/);
  assert.doesNotMatch(r.stderr, /has 3 cells/);
});

test('from-csv: the catalogue element\'s own CSV export (zh-CN or en) converts back: its headers, 未标注 / "Not stated", and cells it defused (\'=…) read as written', async () => {
  const dir = tmp();
  // As disclosure-catalogue's csv() writes it: BOM, CRLF, a formula-like title defused with an apostrophe.
  const zh = '\ufeff索引号,名称,内容概述,文号,发布机构,成文日期,发布日期,有效性,链接\r\n' +
    '001,关于通知,,君政发〔2013〕1号,区政府办,2013-03-01,2013-03-05,未标注,https://www.junshan.gov.cn/1.html\r\n' +
    "002,'=1+1 的说明,'-摘要,,区政府办,,2013-03-06,有效,https://www.junshan.gov.cn/2.html\r\n";
  writeFileSync(join(dir, 'zh.csv'), zh);
  let r = await run(['catalogue', 'from-csv', join(dir, 'zh.csv')]);
  assert.equal(r.code, 0, r.stderr);
  let items = JSON.parse(r.stdout).items;
  assert.deepEqual(items.map((i) => [i.title, i.summary, i.validity]), [['关于通知', undefined, 'unknown'], ['=1+1 的说明', '-摘要', 'valid']]);
  assert.doesNotMatch(r.stderr, /warning|columns not used/);
  const en = '\ufeffIndex number,Title,Summary,Document number,Publisher,Date created,Date published,Validity,Link\r\n' +
    'A1,Notice,Text,No. 1,Office,2013-03-01,2013-03-05,In force,https://example.gov/1.html\r\n' +
    'A2,Notice two,,,Office,,2013-03-06,Not stated,\r\n';
  writeFileSync(join(dir, 'en.csv'), en);
  r = await run(['catalogue', 'from-csv', join(dir, 'en.csv')]);
  assert.equal(r.code, 0, r.stderr);
  items = JSON.parse(r.stdout).items;
  assert.deepEqual(items.map((i) => [i.id, i.indexNo, i.docNo, i.validity]), [['A1', 'A1', 'No. 1', 'valid'], ['A2', 'A2', undefined, 'unknown']]);
  assert.match(r.stderr, /columns: indexNo, title, summary, docNo, publisher, dateCreated, datePublished, validity, url\n/);
  assert.doesNotMatch(r.stderr, /warning|columns not used/);
});

test('from-xlsx: a part that unpacks to more than 400 MB (a damaged file or a zip bomb) is refused in words, and a range merged down to the last row of Excel makes no empty entries', async () => {
  const dir = tmp();
  const bomb = join(dir, 'bomb.xlsx');
  // A workbook whose sheet is 401 MB of spaces (about 2 MB packed).
  writeFileSync(bomb, await zip({
    'xl/workbook.xml': '<workbook><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/worksheets/sheet1.xml': Buffer.alloc(401 * 2 ** 20, 32),
  }));
  const r = await run(['catalogue', 'from-xlsx', bomb, '-o', join(dir, 'b.json')]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /xl\/worksheets\/sheet1\.xml unpacks to more than 400 MB, more than this tool reads: save the sheet as "CSV UTF-8"/);
  assert.equal(existsSync(join(dir, 'b.json')), false);

  const merged = join(dir, 'merged.xlsx');
  writeFileSync(merged, await xlsx([['名称', '发布日期', '发布机构'], ['通知一', '2013-03-05', '区政府办'], ['通知二', '2013-03-06']], {
    sheetXml: { mergeCells: '<mergeCells count="1"><mergeCell ref="C2:C1048576"/></mergeCells>' },
  }));
  const out = join(dir, 'm.json');
  const m = await run(['catalogue', 'from-xlsx', merged, '-o', out]);
  assert.equal(m.code, 0, m.stderr);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.items.map((i) => i.title), ['通知一', '通知二']);
  assert.ok(feed.items[0].publisher && feed.items[1].publisher === feed.items[0].publisher, 'the 发布机构 merged down stands on row 3 too');
  assert.doesNotMatch(m.stderr, /row 4\b|row 1048576/);
});

test('from-xlsx: numbers are written as Excel shows them (15 significant digits, no exponent), and an id of more than 15 digits typed as a number is said to have lost its last digits', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  // As Excel stores them: 0.1+0.2 as 0.30000000000000004; an 18-digit 索引号 typed as a number keeps 15 digits
  // (114306000000000123 → 1.14306000000000E+17), and a 12-digit one is stored as it is.
  writeFileSync(file, await xlsx([
    ['索引号', '名称', '内容概述', '文号'],
    [430602000123, '关于做好防汛工作的通知', { v: '0.30000000000000004' }, { v: '1.1000000000000001' }],
    [{ v: '1.14306E+17' }, '关于印发方案的通知', { v: '2.9999999999999996' }, { v: '1E-3' }],
    [11430600, '第三份', { v: '-12.340000000000002' }, 7],
  ]));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.id, i.summary, i.docNo]), [
    ['430602000123', '0.3', '1.1'],
    ['114306000000000000', '3', '0.001'],
    ['11430600', '-12.34', '7'],
  ]);
  assert.match(r.stderr, /row 3: warning: A3: the number 114306000000000000 has 18 digits; Excel keeps 15, so the digits after the 15th were lost \(they read as 0\)\. Type such an id as text \(format the column as Text, or begin it with '\) and enter it again\n/);
  assert.doesNotMatch(r.stderr, /row [24]: warning/);
  assert.match(r.stderr, /3 entries written, 0 rows skipped; 1 warning\n$/);
});

test('from-xlsx: --sheet reads another sheet, by its name or its number; an unknown one lists the sheets (exit 2); a CSV refuses it (exit 2)', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  writeFileSync(file, await xlsx([['说明'], ['本表为2013年目录']], {
    sheets: ['说明', '2013年', '2012年'],
    sheetRows: { '2013年': [['名称', '发布日期'], ['2013年的通知', '2013-03-05']], '2012年': [['名称', '发布日期'], ['2012年的通知', '2012-03-05'], ['另一份', '2012-04-05']] },
  }));
  let r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 1, 'the first sheet is not a catalogue');
  assert.match(r.stderr, /\(expected headers such as 索引号, 名称, 发布日期; the first row has "说明"\)\. That is sheet "说明"; the workbook has 3 \("说明", "2013年", "2012年"\): --sheet chooses another\n/);
  r = await run(['catalogue', 'from-xlsx', file, '--sheet', '2013年']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['2013年的通知']);
  assert.match(r.stderr, /目录\.xlsx: read sheet "2013年" of the workbook; columns: title, datePublished\n/);
  assert.doesNotMatch(r.stderr, /only the first/);
  r = await run(['catalogue', 'from-csv', file, '--sheet=3']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['2012年的通知', '另一份']);
  assert.match(r.stderr, /read sheet "2012年" of the workbook/);
  // A sheet the workbook does not have is a usage error, as --sheet with a CSV is (README): the command is to change.
  r = await run(['catalogue', 'from-xlsx', file, '--sheet', '2014年', '-o', join(dir, 'x.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /目录\.xlsx: the workbook has no sheet "2014年"; its sheets are 1 "说明", 2 "2013年", 3 "2012年" \(--sheet takes a name or a number\)/);
  assert.equal(existsSync(join(dir, 'x.json')), false);
  r = await run(['catalogue', 'from-xlsx', file, '--sheet', '4']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /the workbook has no sheet "4"; its sheets are 1 "说明", 2 "2013年", 3 "2012年"/);
  const csv = join(dir, '目录.csv');
  writeFileSync(csv, '名称,发布日期\n通知,2013-03-05\n');
  r = await run(['catalogue', 'from-csv', csv, '--sheet', '2']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /目录\.csv: --sheet chooses a sheet of an Excel workbook \(\.xlsx\); a CSV file has one sheet: leave --sheet out/);
  assert.equal(r.stdout, '');
  r = await run(['catalogue', '--help']);
  assert.match(r.stdout, /--sheet NAME\|N/);
});

test('from-xlsx: hidden columns and rows are left out of the feed, saying which (by header and letter) and how many, unless --include-hidden', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  // Column C (内容概述, a feed field) holds the office's internal notes and is hidden; so is E (备注); row 4 is hidden
  // (filtered out), as is row 6, which is empty.
  writeFileSync(file, await xlsx([
    ['名称', '发布日期', '内容概述', '发布机构', '备注'],
    ['关于做好防汛工作的通知', '2013-03-05', '内部意见：暂缓公开', '区政府办', '王科长经办'],
    ['关于印发方案的通知', '2013-03-06', '', '区政府办', { f: '1/0', t: 'e', v: '#DIV/0!' }],
    ['内部：人事调整的请示', '2013-03-07', '', '区政府办'],
    ['第三份', '2013-03-08'],
    [],
  ], {
    sheetXml: { cols: '<cols><col min="1" max="2" width="30" customWidth="1"/><col min="3" max="3" width="0" hidden="1"/><col min="5" max="5" hidden="1"/></cols>' },
    rowAttrs: { 4: ' hidden="1"', 6: ' hidden="1"' },
  }));
  const out = join(dir, 'c.json');
  let r = await run(['catalogue', 'from-xlsx', file, '-o', out, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  let feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.items.map((i) => [i.title, i.summary]), [['关于做好防汛工作的通知', undefined], ['关于印发方案的通知', undefined], ['第三份', undefined]]);
  assert.doesNotMatch(readFileSync(out, 'utf8'), /内部|王科长/);
  // Said with --quiet too, as skipped rows are: what the feed lacks.
  assert.match(r.stderr, /note: columns C \(内容概述\) and E \(备注\) are hidden in the workbook and were left out; so was 1 hidden row \(4\): --include-hidden reads them\n/);
  assert.doesNotMatch(r.stderr, /E3|#DIV\/0!/, 'an error in a hidden cell is not reported');
  assert.match(r.stderr, /3 entries written to .*, 0 rows skipped\n$/);

  r = await run(['catalogue', 'from-xlsx', file, '-o', out, '--include-hidden']);
  assert.equal(r.code, 0, r.stderr);
  feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.items.map((i) => [i.title, i.summary]), [['关于做好防汛工作的通知', '内部意见：暂缓公开'], ['关于印发方案的通知', undefined], ['内部：人事调整的请示', undefined], ['第三份', undefined]]);
  assert.match(r.stderr, /note: columns C \(内容概述\) and E \(备注\) and 1 row \(4\) are hidden in the workbook and read, as --include-hidden asks\n/);
  assert.match(r.stderr, /note: a formula shows an error, read as empty: E3 \(#DIV\/0!\)/);

  // The title column hidden: the conversion fails saying so.
  writeFileSync(file, await xlsx([['索引号', '名称'], ['001', '通知']], { sheetXml: { cols: '<cols><col min="2" max="2" hidden="1"/></cols>' } }));
  r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /目录\.xlsx: no title column: .*; column B is hidden in the workbook and was left out: --include-hidden reads it\n/);

  r = await run(['catalogue', '--help']);
  assert.match(r.stdout, /--include-hidden {2,}/);
});

test('from-xlsx: a workbook written with zip64 records (sizes and offsets in zip64 extra fields, the zip64 end of central directory) is read', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  writeFileSync(file, await xlsx([['名称', '发布日期'], ['关于做好防汛工作的通知', { v: 41338, s: 1 }], ['第二份', '2013-03-06']], { zip64: true }));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.title, i.datePublished]), [['关于做好防汛工作的通知', '2013-03-05'], ['第二份', '2013-03-06']]);
  assert.match(r.stderr, /read sheet "目录" of the workbook; columns: title, datePublished\n/);
});

test('from-xlsx: shared strings as Excel and WPS write them: rich text with an empty run (<t xml:space="preserve"/>), an empty string (<si/>), phonetic runs left out', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  const ns = XLSX_NS;
  writeFileSync(file, await zip(oneSheetParts({
    'xl/sharedStrings.xml': `<sst ${ns}><si><t>名称</t></si><si><t xml:space="preserve"/></si><si/>` +
      '<si><r><t xml:space="preserve"/></r><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>关于</t></r><r><t xml:space="preserve">做好 &amp; 落实_x000D_</t></r>' +
      '<rPh sb="0" eb="2"><t>カンケイ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si></sst>',
    'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
      '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>2</v></c></row></sheetData></worksheet>',
  })));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['关于做好 & 落实']);
});

test('from-xlsx: the parts are found through the relationships, as Excel does: a workbook part not named workbook.xml, a sheet whose file name is not its place, a relationship id under another prefix, shared strings and styles under other names, names in another case', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const sheet = (title) => '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
    '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' +
    `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>${title}</x:t></x:is></x:c><x:c r="B2" s="1"><x:v>41338</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  writeFileSync(file, await zip({
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': `<Relationships>${rel('rId1', 'officeDocument', 'xl/book.xml')}</Relationships>`,
    // The tabs: 目录 first, whose file is sheet2.xml; 说明 second, in sheet1.xml. The relationships' prefix is ns1.
    'xl/book.xml': '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:ns1="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<x:sheets><x:sheet name="目录" sheetId="2" ns1:id="rId7"/><x:sheet name="说明" sheetId="1" ns1:id="rId3"/></x:sheets></x:workbook>',
    'xl/_rels/book.xml.rels': `<Relationships>${rel('rId3', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId7', 'worksheet', '/xl/worksheets/Sheet2.xml')}` +
      `${rel('rId8', 'sharedStrings', 'SharedStrings.xml')}${rel('rId9', 'styles', './Styles.xml')}</Relationships>`,
    'xl/SharedStrings.xml': '<sst><si><t>名称</t></si><si><t>发布日期</t></si></sst>',
    'xl/Styles.xml': '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': sheet('说明页的一行'),
    'xl/worksheets/sheet2.xml': sheet('关于做好防汛工作的通知'),
  }));
  let r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.title, i.datePublished]), [['关于做好防汛工作的通知', '2013-03-05']]);
  r = await run(['catalogue', 'from-xlsx', file, '--sheet', '说明']);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['说明页的一行']);
});

test('from-xlsx: a number with a format of zeros (000000, "JS"0000: an id typed as a number and shown with its leading zeros) is read as Excel shows it', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  const ns = XLSX_NS;
  writeFileSync(file, await zip(oneSheetParts({
    'xl/styles.xml': `<styleSheet ${ns}><numFmts count="2"><numFmt numFmtId="176" formatCode="000000"/><numFmt numFmtId="177" formatCode="&quot;JS-&quot;0000_ "/></numFmts>` +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>索引号</t></is></c><c r="B1" t="inlineStr"><is><t>名称</t></is></c><c r="C1" t="inlineStr"><is><t>文号</t></is></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>123</v></c><c r="B2" t="inlineStr"><is><t>通知一</t></is></c><c r="C2" s="2"><v>12</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>1234567</v></c><c r="B3" t="inlineStr"><is><t>通知二</t></is></c><c r="C3" s="2"><v>2.5</v></c></row>' +
      '</sheetData></worksheet>',
  })));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.id, i.docNo]), [['000123', 'JS-0012'], ['1234567', 'JS-0003']]);
});

test('from-xlsx: columns hidden to the sheet\'s end (C:XFD, as tidy sheets hide the unused ones) cost no more than two hidden columns', async () => {
  // A ratio, not a time limit: both runs read the same 20,000 rows under the same load; scanning every row for each of
  // 16,382 hidden columns took about 9 times as long.
  const dir = tmp();
  const rows = [['名称', '发布日期']];
  for (let i = 1; i <= 20000; i++) rows.push([`文件${i}`, '2013-03-05']);
  const convert = async (max) => {
    const file = join(dir, `${max}.xlsx`);
    writeFileSync(file, await xlsx(rows, { sheetXml: { cols: `<cols><col min="3" max="${max}" hidden="1"/></cols>` } }));
    const start = performance.now();
    const r = await run(['catalogue', 'from-xlsx', file, '-o', join(dir, `${max}.json`)]);
    const ms = performance.now() - start;
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /hidden/, 'empty hidden columns are not mentioned');
    return ms;
  };
  const few = await convert(4);
  const all = await convert(16384);
  assert.ok(all / few < 3, `C:D hidden took ${Math.round(few)} ms, C:XFD ${Math.round(all)} ms`);
});

/** The workbook reader itself (src/cli/xlsx.ts, bundled for Node), to look at the records it builds. */
async function loadXlsxReader() {
  const { build } = await import('esbuild');
  const out = await build({ absWorkingDir: root, entryPoints: ['src/cli/xlsx.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

test('from-xlsx: values in a far column (XFD, the 16,384th) make no 16,384 cells a row: the columns with nothing in them between are left out (3,000 rows took 23 s and 956 MB); a few empty columns between stay', async () => {
  const dir = tmp();
  const book = async (name, far, rows) => {
    const sheetRows = [['名称', '发布日期', '备注'], ...rows.map(([a, b, c]) => [a, b, c])]
      .map(([a, b, c], i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, a)}${inlineCell(`B${i + 1}`, b)}${inlineCell(`${far}${i + 1}`, c)}</row>`).join('');
    const file = join(dir, name);
    await writeSheet(file, sheetRows);
    return file;
  };
  const rows = Array.from({ length: 3000 }, (_, i) => [`文件${i + 1}`, '2013-03-05', `备注${i + 1}`]);
  const far = await book('far.xlsx', 'XFD', rows);
  const { readXlsx } = await loadXlsxReader();
  const wb = readXlsx(readFileSync(far));
  assert.equal(wb.records.length, 3001);
  assert.deepEqual(wb.records[0].cells, ['名称', '发布日期', '备注'], 'A, B and XFD, the columns that hold anything');
  assert.deepEqual(wb.records[3000].cells, ['文件3000', '2013-03-05', '备注3000']);
  assert.equal(wb.records.reduce((n, r) => n + r.cells.length, 0), 3 * 3001, 'three cells a row, not 16,384');
  // The CLI converts it in a heap of 64 MB (it took 956 MB).
  const out = join(dir, 'far.json');
  const r = await run(['catalogue', 'from-xlsx', far, '-o', out], { nodeArgs: ['--max-old-space-size=64'] });
  assert.equal(r.code, 0, r.stderr);
  const items = JSON.parse(readFileSync(out, 'utf8')).items;
  assert.equal(items.length, 3000);
  assert.deepEqual([items[0].title, items[0].datePublished, items[2999].title], ['文件1', '2013-03-05', '文件3000']);
  assert.match(r.stderr, /columns not used: 备注/);
  // Empty columns between, as a sheet has them (C to E left blank), are kept as they were: the rows are as before.
  const near = readXlsx(readFileSync(await book('near.xlsx', 'F', rows.slice(0, 2))));
  assert.deepEqual(near.records.map((rec) => rec.cells), [['名称', '发布日期', '', '', '', '备注'], ['文件1', '2013-03-05', '', '', '', '备注1'], ['文件2', '2013-03-05', '', '', '', '备注2']]);
});

test('README: the from-csv example prints what the command prints, for a GBK export with the rows it names', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.match(/```console\n\$ npx disclosure-elements (catalogue from-csv [^\n]*\\\n[^\n]*)\n([\s\S]*?)```/);
  assert.ok(block, 'the README has a from-csv example');
  const args = block[1].replace('\\\n', ' ').trim().split(/\s+/);
  const shown = block[2];
  const file = args[2];
  const total = Number(shown.match(/^([\d,]+) entries written/m)[1].replace(/,/g, ''));
  const skipped = [...shown.matchAll(/^line (\d+): skipped: (.*)$/gm)].map((m) => [Number(m[1]), m[2]]);
  const badDate = shown.match(/^line (\d+): warning: dateCreated: "([^"]+)"/m);
  // The export: the fixture's GBK header and its first row, repeated with other ids, the named lines broken as said.
  const gbk = readFileSync(fixture('catalogue-gbk.csv'));
  const [header, row] = gbk.toString('latin1').split(/\r?\n/);
  const cells = row.split(',');
  const lines = [header];
  for (let line = 2; line <= total + skipped.length + 1; line++) {
    const c = [...cells];
    c[0] = `006991234/2013-${String(line).padStart(5, '0')}`;
    c[3] = '2013-03-01';
    if (skipped.some(([l, why]) => l === line && why === 'no title')) c[1] = '';
    const wide = skipped.find(([l, why]) => l === line && why.startsWith('has '));
    if (wide) c.push(...Array(Number(wide[1].match(/has (\d+) cells/)[1]) - c.length).fill('x'));
    if (badDate && Number(badDate[1]) === line) c[3] = badDate[2];
    lines.push(c.join(','));
  }
  const dir = tmp();
  mkdirSync(join(dir, 'feeds'));
  writeFileSync(join(dir, file), Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
  const r = await run(args, { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  // The README abridges the list of columns with …
  const [first, ...rest] = shown.trimEnd().split('\n');
  const [gotFirst, ...gotRest] = r.stderr.trimEnd().split('\n');
  assert.ok(gotFirst.startsWith(first.replace(/…$/, '')), `${gotFirst}\n  does not begin as the README's\n${first}`);
  assert.deepEqual(gotRest, rest);
});

test('from-xlsx: zip entries named with backslashes (xl\\worksheets\\sheet1.xml, as some Windows tools write them) and part names percent-encoded in the relationships are found', async () => {
  const dir = tmp();
  const ns = XLSX_NS;
  const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const sheet = `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>关于做好防汛工作的通知</t></is></c><c r="B2" s="1"><v>41338</v></c></row></sheetData></worksheet>';
  const strings = `<sst ${ns}><si><t>名称</t></si><si><t>发布日期</t></si></sst>`;
  const styles = `<styleSheet ${ns}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
  const books = {
    'backslashes.xlsx': {
      '_rels\\.rels': `<Relationships>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
      'xl\\workbook.xml': `<workbook ${ns}><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl\\_rels\\workbook.xml.rels': `<Relationships>${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', 'sharedStrings.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>`,
      'xl\\sharedStrings.xml': strings,
      'xl\\styles.xml': styles,
      'xl\\worksheets\\sheet1.xml': sheet,
    },
    'encoded.xlsx': {
      '_rels/.rels': `<Relationships>${rel('rId1', 'officeDocument', 'xl/%E5%B7%A5%E4%BD%9C%E7%B0%BF.xml')}</Relationships>`,
      'xl/工作簿.xml': `<workbook ${ns}><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/工作簿.xml.rels': `<Relationships>${rel('rId1', 'worksheet', 'worksheets/%E7%9B%AE%E5%BD%95%201.xml')}${rel('rId2', 'sharedStrings', 'shared%20strings.xml')}${rel('rId3', 'styles', 'my%20styles.xml')}</Relationships>`,
      'xl/shared strings.xml': strings,
      'xl/my styles.xml': styles,
      'xl/worksheets/目录 1.xml': sheet,
    },
  };
  for (const [name, parts] of Object.entries(books)) {
    writeFileSync(join(dir, name), await zip(parts));
    const r = await run(['catalogue', 'from-xlsx', join(dir, name)]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.title, i.datePublished]), [['关于做好防汛工作的通知', '2013-03-05']], name);
  }
});

/**
 * A workbook of 名称 and 发布日期 whose rows are hidden by default (sheetFormatPr zeroHeight="1"), saved in a new folder:
 * `rows` are [the row's attributes, 名称, 发布日期] (the header row has a height of its own); gives the file's path.
 */
async function hiddenRowsBook(rows) {
  const file = join(tmp(), '目录.xlsx');
  const sheetRows = [['ht="15" customHeight="1"', '名称', '发布日期'], ...rows]
    .map(([attrs, a, b], i) => `<row r="${i + 1}"${attrs ? ` ${attrs}` : ''}>${inlineCell(`A${i + 1}`, a)}${inlineCell(`B${i + 1}`, b)}</row>`).join('');
  await writeSheet(file, sheetRows, '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>');
  return file;
}

test('from-xlsx: in a sheet whose rows are hidden by default (sheetFormatPr zeroHeight="1"), the rows the file writes are read unless they say hidden="1": a row without a height of its own (ht) was left out as hidden; --include-hidden reads the hidden ones', async () => {
  // ECMA-376 Part 1 §18.3.1.81: zeroHeight lets a file "only write out the rows that are not hidden"; [MS-XLS] 2.4.87
  // gives the default height (0 here) to empty rows. A written row is hidden when it says so.
  const file = await hiddenRowsBook([
    ['ht="20.25" customHeight="1"', '关于做好防汛工作的通知', '2013-03-05'],
    ['', '关于调整办公时间的通知', '2013-03-06'],
    ['hidden="0"', '关于印发方案的通知', '2013-03-07'],
    ['ht="15" customHeight="1" hidden="1"', '内部：草稿', '2013-03-08'],
    ['hidden="1"', '内部：人事调整的请示', '2013-03-09'],
  ]);
  let r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['关于做好防汛工作的通知', '关于调整办公时间的通知', '关于印发方案的通知']);
  assert.match(r.stderr, /note: 2 hidden rows \(5–6\) were left out: --include-hidden reads them\n/);
  r = await run(['catalogue', 'from-xlsx', file, '--include-hidden']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['关于做好防汛工作的通知', '关于调整办公时间的通知', '关于印发方案的通知', '内部：草稿', '内部：人事调整的请示']);
  assert.match(r.stderr, /note: 2 rows \(5–6\) are hidden in the workbook and read, as --include-hidden asks\n/);
});

test('from-xlsx: in a sheet whose rows are hidden by default (zeroHeight), a row with a height of its own (ht) is shown whether or not that height was set by hand (customHeight); a height of 0 hides it, as in any sheet', async () => {
  const file = await hiddenRowsBook([
    ['ht="27.75"', '关于做好防汛工作的通知（标题较长，行高随内容自动调整）', '2013-03-05'],
    ['ht="0"', '内部：人事调整的请示', '2013-03-06'],
    ['ht="14.25" customHeight="0"', '关于印发方案的通知', '2013-03-07'],
  ]);
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.title), ['关于做好防汛工作的通知（标题较长，行高随内容自动调整）', '关于印发方案的通知']);
  assert.match(r.stderr, /note: 1 hidden row \(3\) was left out: --include-hidden reads it\n/);
  // A sheet without zeroHeight: the same.
  const plain = join(tmp(), '目录.xlsx');
  writeFileSync(plain, await xlsx([['名称', '发布日期'], ['通知一', '2013-03-05'], ['内部：请示', '2013-03-06'], ['通知二', '2013-03-07']], { rowAttrs: { 3: ' ht="0" customHeight="1"' } }));
  const p = await run(['catalogue', 'from-xlsx', plain]);
  assert.equal(p.code, 0, p.stderr);
  assert.deepEqual(JSON.parse(p.stdout).items.map((i) => i.title), ['通知一', '通知二']);
  assert.match(p.stderr, /note: 1 hidden row \(3\) was left out: --include-hidden reads it\n/);
});

test('from-xlsx: WPS\'s pictures in cells (=DISPIMG("ID_…",1)) are left empty with a note naming the cells, not read as their formula; text typed as #N/A is text', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  const img = (id) => ({ f: `_xlfn.DISPIMG("ID_${id}",1)`, t: 'str', v: `=DISPIMG("ID_${id}",1)` });
  writeFileSync(file, await xlsx([
    ['名称', '内容概述', '文号', '图片'],
    ['文件一', img('8C1A2B3C4D5E'), '#N/A', img('9F0E')],
    ['文件二', '概述', { t: 'str', v: '#N/A' }, img('A1B2')],
  ]));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.docNo]), [[undefined, '#N/A'], ['概述', '#N/A']]);
  assert.match(r.stderr, /note: 3 cells hold pictures \(WPS's =DISPIMG\), read as empty: B2, D2, D3 \(pictures are not feed data\)\n/);
  assert.doesNotMatch(r.stderr, /DISPIMG\("|error/);
});

/**
 * A workbook of 名称, 内容概述 (a text field) and 发布日期 (a date field), written by hand: `formats` are the number
 * formats of styles 1, 2, …: a custom format code, or the id of a built-in one. A cell of `rows` is a string (inline
 * text), or [number, style].
 */
async function formatsBook(formats, rows, { date1904 = false } = {}) {
  const ns = XLSX_NS;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const custom = formats.map((f, i) => (typeof f === 'string' ? `<numFmt numFmtId="${176 + i}" formatCode="${esc(f)}"/>` : '')).join('');
  const xfs = formats.map((f, i) => `<xf numFmtId="${typeof f === 'string' ? 176 + i : f}" applyNumberFormat="1"/>`).join('');
  const cell = (c, ref) => (typeof c === 'string' ? `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>` : `<c r="${ref}" s="${c[1]}"><v>${c[0]}</v></c>`);
  const sheetData = [['名称', '内容概述', '发布日期'], ...rows].map((cells, r) =>
    `<row r="${r + 1}">${cells.map((c, i) => (c === null ? '' : cell(c, `${'ABC'[i]}${r + 1}`))).join('')}</row>`).join('');
  return zip(oneSheetParts({
    'xl/workbook.xml': `<workbook ${ns}>${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/styles.xml': `<styleSheet ${ns}><numFmts>${custom}</numFmts><cellXfs><xf numFmtId="0"/>${xfs}</cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData>${sheetData}</sheetData></worksheet>`,
  }));
}

/** `catalogue from-xlsx` run on a formatsBook(formats, rows, options) saved in a new folder. */
async function fromFormats(formats, rows, options) {
  const file = join(tmp(), '目录.xlsx');
  writeFileSync(file, await formatsBook(formats, rows, options));
  return run(['catalogue', 'from-xlsx', file]);
}

test('from-xlsx: times of day (h:mm, hh:mm:ss, AM/PM, 时 分, built-in time formats) are written as times, not day fractions; date-times as YYYY-MM-DD HH:MM, whose day a date column reads; a time alone is no date', async () => {
  const dir = tmp();
  const file = join(dir, '目录.xlsx');
  writeFileSync(file, await formatsBook(['h:mm', 'hh:mm:ss', 'h:mm AM/PM', 20, 'yyyy-mm-dd hh:mm', 22, 'h"时"mm"分"', 19], [
    ['文件一', [0.5, 1], [41338.6041666667, 5]],
    ['文件二', [0.5208912037, 2], [41338.6041666667, 6]],
    ['文件三', [0.75, 3], [0.5, 1]],
    ['文件四', [0.25, 4], [41338.25, 4]],
    ['文件五', [41338.6041666667, 6], null],
    ['文件六', [0.3965277778, 7], null],
    ['文件七', [0.999999999, 2], null],
    ['文件八', [0.5625, 8], null],
  ]));
  const r = await run(['catalogue', 'from-xlsx', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [
    ['12:00', '2013-03-05'],
    ['12:30:05', '2013-03-05'],
    ['18:00', undefined],
    ['6:00', '2013-03-05'],
    ['2013-03-05 14:30', undefined],
    ['9:31', undefined],
    ['00:00:00', undefined],
    ['13:30:00', undefined],
  ]);
  assert.match(r.stderr, /row 2: warning: datePublished: "2013-03-05 14:30" has a time of day; read as the day, 2013-03-05 \(a feed's dates are days\); 3 dates in this file have a time of day, each read as its day\n/);
  assert.match(r.stderr, /row 4: warning: datePublished: "12:00" is not a date; left out/, 'a time alone in a date column');
});

test('from-xlsx: durations ([h]:mm, [h]:mm:ss, [mm]:ss) of a day or more are written as durations (36:00), not as dates of 1900', async () => {
  const r = await fromFormats(['[h]:mm', '[h]:mm:ss', '[mm]:ss', 46, '[hh]:mm'], [
    ['文件一', [1.5, 1], [1.5, 1]],
    ['文件二', [2.000694444444, 2], null],
    ['文件三', [0.0625, 3], null],
    ['文件四', [1.25, 4], null],
    ['文件五', [0.25, 1], [0.25, 5]],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [
    ['36:00', undefined], ['48:01:00', undefined], ['90:00', undefined], ['30:00:00', undefined], ['6:00', undefined],
  ]);
  assert.match(r.stderr, /row 2: warning: datePublished: "36:00" is not a date; left out/);
  assert.match(r.stderr, /row 6: warning: datePublished: "06:00" is not a date; left out/);
});

test('from-xlsx: percents (0%, 0.00%) and thousands (#,##0, #,##0.00, (#,##0) for negatives) are written as the sheet shows them in text fields; a date column reads a day number shown with separators as the day number', async () => {
  const r = await fromFormats(['0%', '0.0%', '0.00%', '#,##0', '#,##0.00', 9, 10, 3, 37, '[$¥-804]#,##0.00"元"'], [
    ['文件一', [0.125, 1], [41338, 4]],
    ['文件二', [0.125, 2], [41339, 8]],
    ['文件三', [0.12345, 3], null],
    ['文件四', [1234567.5, 4], null],
    ['文件五', [-1234.5, 5], null],
    ['文件六', [0.07, 6], null],
    ['文件七', [1, 7], null],
    ['文件八', [1234, 8], null],
    ['文件九', [-1234, 9], null],
    ['文件十', [1234.5, 10], null],
    ['文件十一', [0, 4], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [
    ['13%', '2013-03-05'], ['12.5%', '2013-03-06'], ['12.35%', undefined], ['1,234,568', undefined], ['-1,234.50', undefined],
    ['7%', undefined], ['100.00%', undefined], ['1,234', undefined], ['(1,234)', undefined], ['¥1,234.50元', undefined], ['0', undefined],
  ]);
  assert.match(r.stderr, /row 2: warning: datePublished: "41338" is an Excel day number; read as 2013-03-05/);
});

test('from-xlsx: fixed decimals without separators (0.00, 0.0, built-in 2) are written with the decimals the sheet shows (12.50); formats 0, 000000 and General are unchanged', async () => {
  const r = await fromFormats(['0.00', '0.0', 2, '0', 1, '000000'], [
    ['文件一', [12.5, 1], [41338, 1]],
    ['文件二', [12.5, 2], null],
    ['文件三', [12.345, 3], null],
    ['文件四', [-0.5, 1], null],
    ['文件五', [430602000123, 4], null],
    ['文件六', [430602000123, 5], null],
    ['文件七', [12.5, 0], null],
    ['文件八', [3, 6], null],
    ['文件九', [12, 2], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [
    ['12.50', '2013-03-05'], ['12.5', undefined], ['12.35', undefined], ['-0.50', undefined], ['430602000123', undefined],
    ['430602000123', undefined], ['12.5', undefined], ['000003', undefined], ['12.0', undefined],
  ]);
  assert.match(r.stderr, /row 2: warning: datePublished: "41338\.00" is an Excel day number; read as 2013-03-05/);
});

test('from-xlsx: the zero section of accounting and other formats of three or four sections (#,##0;-#,##0;"-") is what a 0 shows ("-", or nothing); text stays as typed', async () => {
  const r = await fromFormats(['#,##0;-#,##0;"-"', '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ', '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', '0.00;-0.00;;@', '000000;-000000;"无"', '#,##0.0;-#,##0.0;General'], [
    ['文件一', [0, 1], null],
    ['文件二', [-1234, 1], null],
    ['文件三', [0, 2], null],
    ['文件四', [1234.5, 2], null],
    ['文件五', [-1234, 2], null],
    ['文件六', [0, 3], null],
    ['文件七', [-1234.5, 3], null],
    ['文件八', [0, 4], null],
    ['文件九', [0, 5], null],
    ['文件十', [12, 5], null],
    ['文件十一', '待定', null],
    ['文件十二', [0, 6], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), [
    '-', '-1,234', '-', '1,235', '-1,234', '-', '-1,234.50', undefined, '无', '000012', '待定', '0',
  ]);
});

test('from-xlsx: a 0 takes a third section that has digits (0.00;-0.00;0 shows 0, not 0.00)', async () => {
  const r = await fromFormats(['0.00;-0.00;0', '#,##0.0;(#,##0.0);0.0', '#,##0;(#,##0);"-"', '0.00;-0.00;"零"0'], [
    ['文件一', [0, 1], null],
    ['文件二', [12.5, 1], null],
    ['文件三', [0, 2], null],
    ['文件四', [-1234.5, 2], null],
    ['文件五', [0, 3], null],
    ['文件六', [0, 4], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), ['0', '12.50', '0.0', '(1,234.5)', '-', '零0']);
});

test('from-xlsx: a negative number in a format of zeros with a negative section ("JS"0000;"负"0000, 000000;(000000)) is shown through that section, without a minus sign', async () => {
  const r = await fromFormats(['000000;(000000)', '"JS"0000;"负"0000', '000000'], [
    ['文件一', [-12, 1], null],
    ['文件二', [12, 1], null],
    ['文件三', [-5, 2], null],
    ['文件四', [0, 2], null],
    ['文件五', [-12, 3], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), ['(000012)', '000012', '负0005', 'JS0000', '-000012']);
});

test('from-xlsx: a ; in quotes ("元;含税") or escaped (\\;) is text of the format, not a new section', async () => {
  const r = await fromFormats(['#,##0.00"元;含税"', '0.0\\;', '"第;"000"号";"负"000', '#,##0.00"元;含税";-#,##0.00"元;含税";"—"'], [
    ['文件一', [1234.5, 1], null],
    ['文件二', [12.5, 2], null],
    ['文件三', [7, 3], null],
    ['文件四', [-7, 3], null],
    ['文件五', [-1234.5, 4], null],
    ['文件六', [0, 4], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), ['1,234.50元;含税', '12.5;', '第;007号', '负007', '-1,234.50元;含税', '—']);
});

test('from-xlsx: commas after the last digit of a format scale the number by a thousand each (#,##0, shows 1234567 as 1,235; 0.0,"万" as the sheet shows it), not written as the plain number', async () => {
  const r = await fromFormats(['#,##0,', '0.0,"万"', '#,##0.00,,"百万"', '0,', '#,##0,;(#,##0,);"-"'], [
    ['文件一', [1234567, 1], null],
    ['文件二', [123456, 2], null],
    ['文件三', [1234567890, 3], null],
    ['文件四', [499, 4], null],
    ['文件五', [-1234567, 5], null],
    ['文件六', [0, 5], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), ['1,235', '123.5万', '1,234.57百万', '0', '(1,235)', '-']);
  assert.doesNotMatch(r.stderr, /not read here/);
});

test('from-xlsx: a format with conditions ([>=100]0.0;[<0]0.00;0, [=1]"是";[=0]"否";0) shows each number through the section its value chooses; what is not read (a 万 section that inserts a dot, 0!.0,; no section for the value) is written plain, with a note naming the cells', async () => {
  const r = await fromFormats(['[>=10000]0.0,"万";0', '[>=10000]#,##0.0;0', '[>=10000]"G"0;000000', '[>=100]0.0;[<0]0.00;0',
    '[Red][<=100]0;[Blue][>100]0.00', '[>100]General;[<100](General);General', '[>100]General;[<0](General);General', '[=1]"是";[=0]"否";0', '[<=100]0;[>200]0', '[>=10000]0!.0,"万";0'], [
    ['文件一', [123456, 1], null],
    ['文件二', [5, 2], null],
    ['文件三', [123, 3], null],
    ['文件四', [12.5, 0], null],
    ['文件五', [5, 1], null],
    ['文件六', [12345, 2], null],
    ['文件七', [12345, 3], null],
    ['文件八', [150, 4], null],
    ['文件九', [-3, 4], null],
    ['文件十', [5, 4], null],
    ['文件十一', [0, 4], null],
    ['文件十二', [50, 5], null],
    ['文件十三', [150, 5], null],
    ['文件十四', [-5, 5], null],
    ['文件十五', [-5, 6], null],
    ['文件十六', [-5, 7], null],
    ['文件十七', [1, 8], null],
    ['文件十八', [0, 8], null],
    ['文件十九', [5, 8], null],
    ['文件二十', [150, 9], null],
    ['文件二十一', [123456, 10], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), [
    '123.5万', '5', '000123', '12.5', '5', '12,345.0', 'G12345', '150.0', '3.00', '5', '0', '50', '150.00', '-5', '-(5)', '(5)', '是', '否', '5', '150', '123456',
  ]);
  assert.match(r.stderr, /2 numbers have a format that is not read here \(\[<=100\]0;\[>200\]0\), written as plain numbers: B21, B22 \(check them against the sheet\)/);
});

test('from-xlsx: a negative number under a format with conditions loses its minus sign, as Excel shows it, only in a section whose condition takes negative numbers alone ([<=-1], [<-0.5], [=-1]); [>=10000]0.0,"万";0 keeps it', async () => {
  const r = await fromFormats(['[<=-1]"minus "0;0', '[>=100]"大"0;[<-0.5]"负"0.0;0.0', '[=-1]"负一";0', '[>=10000]0.0,"万";0', '[<>-5]"A"0;"B"0'], [
    ['文件一', [-5, 1], null],
    ['文件二', [7, 1], null],
    ['文件三', [-3, 2], null],
    ['文件四', [-0.25, 2], null],
    ['文件五', [-1, 3], null],
    ['文件六', [-2, 3], null],
    ['文件七', [-50000, 4], null],
    ['文件八', [-5, 5], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), ['minus 5', '7', '负3.0', '-0.3', '负一', '-2', '-50000', 'B5']);
});

test('from-xlsx: numbers in Chinese numerals ([DBNum1], [DBNum2]) are written as plain numbers with a note naming the cells; a date in Chinese numerals is its date', async () => {
  const r = await fromFormats(['[DBNum1][$-804]General', '[DBNum2][$-804]General', '[DBNum1][$-804]yyyy"年"m"月"d"日"'], [
    ['文件一', [123, 1], [41338, 3]],
    ['文件二', [1234.5, 2], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [['123', '2013-03-05'], ['1234.5', undefined]]);
  assert.match(r.stderr, /2 numbers have a format that is not read here \(\[DBNum1\]\[\$-804\]General\), written as plain numbers: B2, B3 \(check them against the sheet\)/);
});

test('from-xlsx: General as WPS writes it (G/通用格式) is General: a 0 in its third section is 0, not the words "G/通用格式"; text around it is shown', async () => {
  const r = await fromFormats(['#,##0;-#,##0;G/通用格式', 'G/通用格式"件"', '[$-804]G/通用格式'], [
    ['文件一', [0, 1], null],
    ['文件二', [1234, 1], null],
    ['文件三', [12, 2], null],
    ['文件四', [12.5, 3], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => i.summary), ['0', '1,234', '12件', '12.5']);
});

test('from-xlsx: times with AM/PM, A/P or 上午/下午 and Chinese date and time words (yyyy"年"m"月"d"日", h"时"mm"分"ss"秒", unquoted 年 月 日) are read as times and dates on the 24-hour clock', async () => {
  const r = await fromFormats(['[$-804]AM/PM h:mm', '上午/下午h"时"mm"分"', 'h:mm:ss A/P', '[$-804]上午/下午h"时"mm"分"ss"秒"', 'h时mm分ss秒',
    'yyyy"年"m"月"d"日" 上午/下午h:mm', 'yyyy年m月d日', '[$-804]yyyy"年"m"月"d"日"', 55, 56], [
    ['文件一', [0.75, 1], [41338, 7]],
    ['文件二', [0.25, 2], [41338, 8]],
    ['文件三', [0.5208912037, 3], null],
    ['文件四', [0.75, 4], null],
    ['文件五', [0.5, 5], null],
    ['文件六', [41338.75, 6], null],
    ['文件七', [0.75, 9], null],
    ['文件八', [0.75, 10], null],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [
    ['18:00', '2013-03-05'], ['6:00', '2013-03-05'], ['12:30:05', undefined], ['18:00:00', undefined], ['12:00:00', undefined],
    ['2013-03-05 18:00', undefined], ['18:00', undefined], ['18:00:00', undefined],
  ]);
});

test('from-xlsx: day 0 of the Mac (1904) date system is 1904-01-01, not "0"; a time on it is a date-time', async () => {
  const r = await fromFormats([14, 'yyyy-mm-dd hh:mm'], [
    ['文件一', [0, 1], [0, 1]],
    ['文件二', [0.5, 2], [0.5, 2]],
  ], { date1904: true });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i) => [i.summary, i.datePublished]), [['1904-01-01', '1904-01-01'], ['1904-01-01 12:00', '1904-01-01']]);
});

// Workbooks saved by LibreOffice Calc 7.4.7.2 (Debian 12's libreoffice-calc-nogui, 4:7.4.7-1+deb12u14), not written by
// these tests: test/cli/fixtures/catalogue-libreoffice*.xlsx, each converted from the Flat ODS beside it with
//   soffice -env:UserInstallation=file:///tmp/lo-profile --headless --convert-to "xlsx:Calc MS Excel 2007 XML" \
//     --outdir test/cli/fixtures test/cli/fixtures/catalogue-libreoffice*.fods
// (run in test/cli/fixtures' folder: Calc saves a relative link relative to the folder of the .xlsx). What Calc writes
// that these tests' own workbooks do not: every string split into rich-text runs by script (DejaVu Sans for the Chinese,
// Arial for the digits), a line break as &#10; inside a run, t="n" on numbers, hidden="false"/"true" and
// customHeight on every row, styled empty cells (B1:J1 under the merged title, the empty row), formats as custom ids
// from 164 ("General" itself is 164; yyyy\年m\月d\日, yyyy\-mm\-dd, [$-804] and [$-1000804] for zh-CN and Chinese
// numerals, "TRUE";"TRUE";"FALSE" for booleans), date1904="true"/"false", <f aca="false">, a number of 18 digits as
// 4.30602123456789E+017, the hyperlink's display attribute, comments (xl/comments1.xml, a VML drawing).

/** Converts a LibreOffice fixture: the entries with their publisher and topics by label, and what was said. */
async function fromLibreOffice(name, ...args) {
  const r = await run(['catalogue', 'from-xlsx', fixture(name), '--base-url', 'https://www.junshan.gov.cn/xxgk/', ...args]);
  if (r.code !== 0) return { ...r, items: undefined };
  const feed = JSON.parse(r.stdout);
  const label = (facet, id) => feed.facets[facet].find((t) => t.id === id).label;
  const items = feed.items.map(({ publisher, topicIds, ...i }) => ({
    ...i, ...(publisher ? { publisher: label('publisher', publisher) } : {}), ...(topicIds ? { topics: topicIds.map((t) => label('topic', t)) } : {}),
  }));
  return { ...r, feed, items };
}

test('from-xlsx: a catalogue saved by LibreOffice Calc: merged title, 索引号 with zeros and of 12 digits, dates typed as dates (yyyy"年"m"月"d"日", yyyy-mm-dd), rich text, a line break, links inserted and =HYPERLINK, a hidden row and column, a second sheet', async () => {
  let r = await fromLibreOffice('catalogue-libreoffice.xlsx');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.items, [
    {
      id: '000123', title: '关于做好2013年防汛抗旱工作的通知', indexNo: '000123', docNo: '君政办发〔2013〕5号', publisher: '君山区人民政府办公室',
      dateCreated: '2013-03-01', datePublished: '2013-03-05', topics: ['综合政务', '应急管理'], validity: 'valid',
      url: 'https://www.junshan.gov.cn/xxgk/2013/0305/1.html',
    },
    {
      // Part of the title is bold and red (a run of its own), the rest in two fonts: one title.
      id: '430602000124', title: '关于印发《君山区2013年重点工作责任分解方案》的通知', indexNo: '430602000124', docNo: '君政办发〔2013〕8号',
      publisher: '君山区人民政府办公室', dateCreated: '2013-03-08', datePublished: '2013-03-11', topics: ['综合政务'], validity: 'valid',
      url: 'https://www.junshan.gov.cn/xxgk/2013/0311/2.html', // the link inserted on 查看, not its text
    },
    {
      // A 索引号 typed as text keeps its zeros too; the title's line break is the cell's (as Excel's CSV keeps it).
      id: '000126', title: '君山区2012年财政决算和\n2013年财政预算草案的报告', indexNo: '000126', docNo: '君财发〔2013〕2号', publisher: '区财政局',
      dateCreated: '2013-03-20', datePublished: '2013-03-25', topics: ['财政', '预算决算'], validity: 'valid',
      url: 'https://www.junshan.gov.cn/xxgk/2013/0325/3.html', // =HYPERLINK("…";"原文")
    },
    {
      id: '000127', title: '关于废止部分规范性文件的决定', indexNo: '000127', docNo: '君政发〔2013〕1号', publisher: '君山区人民政府',
      dateCreated: '2013-04-01', datePublished: '2013-04-02', topics: ['综合政务'], validity: 'repealed', url: 'https://www.junshan.gov.cn/xxgk/content_5.html',
    },
    { id: '000128', title: '君山区2013年第一季度经济运行情况', indexNo: '000128', publisher: '区统计局', datePublished: '2013-04-15', topics: ['统计信息'] },
  ]);
  assert.doesNotMatch(r.stdout, /内部|不予公开/, 'the hidden row and column are not in the feed');
  assert.equal(r.stderr, [
    `${fixture('catalogue-libreoffice.xlsx')}: read sheet "目录" of the workbook; columns: indexNo, title, publisher, dateCreated, datePublished, docNo, topic, validity, url`,
    'note: column C (内容概述) is hidden in the workbook and was left out; so was 1 hidden row (5): --include-hidden reads them',
    'note: the workbook has 2 sheets ("目录", "说明"); only the first, "目录", is read (--sheet chooses another)',
    'note: the header is row 2; row 1 above it ("君山区政府信息公开目录") is not read',
    'row 9: warning: datePublished: "2013-04-15 10:30" has a time of day; read as the day, 2013-04-15 (a feed\'s dates are days)',
    '5 entries written, 0 rows skipped; 1 warning',
    '',
  ].join('\n'));

  // --include-hidden: row 5 is an entry, column C its summary (the 内容概述 of row 3 too).
  r = await fromLibreOffice('catalogue-libreoffice.xlsx', '--include-hidden');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.items.map((i) => [i.indexNo, i.title, i.summary]), [
    ['000123', '关于做好2013年防汛抗旱工作的通知', '内部意见：可全文公开'],
    ['430602000124', '关于印发《君山区2013年重点工作责任分解方案》的通知', undefined],
    ['000125', '内部：关于人事调整的请示', '不予公开'],
    ['000126', '君山区2012年财政决算和\n2013年财政预算草案的报告', undefined],
    ['000127', '关于废止部分规范性文件的决定', undefined],
    ['000128', '君山区2013年第一季度经济运行情况', undefined],
  ]);
  assert.deepEqual(r.items[2], {
    id: '000125', title: '内部：关于人事调整的请示', indexNo: '000125', summary: '不予公开', docNo: '君人社〔2013〕3号', publisher: '区人力资源和社会保障局',
    dateCreated: '2013-03-12', datePublished: '2013-03-13', topics: ['人事'], validity: 'valid',
  });
  assert.match(r.stderr, /columns: indexNo, title, summary, publisher, .*\nnote: column C \(内容概述\) and 1 row \(5\) are hidden in the workbook and read, as --include-hidden asks\n/);
  assert.match(r.stderr, /\n6 entries written, 0 rows skipped; 1 warning\n$/);

  // The second sheet, 说明, is no catalogue.
  r = await fromLibreOffice('catalogue-libreoffice.xlsx', '--sheet', '说明');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /this does not look like a catalogue sheet: .*the first row has "填表说明"/);
});

test('from-xlsx: a catalogue saved by LibreOffice Calc in the 1904 date system, second after a 说明 sheet: "JS-"0000 and an 18-digit 索引号, 发布机构 merged down, =DATE(), a percent and thousands in 内容概述, a formula\'s text, a link on a title, a column hidden and a row filtered out', async () => {
  // The first sheet, 说明, is refused, naming the catalogue's.
  let r = await fromLibreOffice('catalogue-libreoffice-1904.xlsx');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /the first row has "本表为君山区2013年政府信息公开目录，由区政务公开办汇总。"\)\. That is sheet "说明"; the workbook has 2 \("说明", "2013年"\): --sheet chooses another\n$/);

  r = await fromLibreOffice('catalogue-libreoffice-1904.xlsx', '--sheet', '2013年');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.items, [
    {
      // 0.085 shown 0.0%; 发布日期 =DATE(2013;4;10) shown yyyy/mm/dd; day numbers counted from 1904-01-01 (39910).
      id: 'JS-0012', title: '君山区2013年第一季度财政收支情况', indexNo: 'JS-0012', summary: '8.5%', publisher: '区财政局',
      dateCreated: '2013-04-08', datePublished: '2013-04-10', validity: 'valid',
    },
    {
      // 区财政局 merged down over rows 3–5; 发布日期 typed as text; the link inserted on the title, the 链接 cell empty.
      id: 'JS-0013', title: '关于下达2013年财政专项资金的通知', indexNo: 'JS-0013', summary: '1,234,567', docNo: '君财预〔2013〕13号',
      publisher: '区财政局', dateCreated: '2013-04-12', datePublished: '2013-04-15', validity: 'amended', url: 'https://www.junshan.gov.cn/xxgk/czzj/13.html',
    },
    {
      // 430602123456789012 typed as a number: Calc keeps 15 digits (4.30602123456789E+017), as Excel does.
      id: '430602123456789000', title: '君山区2013年一季度国民经济主要指标', indexNo: '430602123456789000', summary: '地区生产总值增长8.5%',
      publisher: '区统计局', dateCreated: '2013-04-18', datePublished: '2013-04-19', validity: 'valid', url: 'https://www.junshan.gov.cn/xxgk/tjxx/19.html',
    },
  ]);
  assert.doesNotMatch(r.stdout, /王科长|不公开|干部/, 'the hidden column and the filtered row are not in the feed');
  assert.equal(r.stderr, [
    `${fixture('catalogue-libreoffice-1904.xlsx')}: read sheet "2013年" of the workbook; columns: indexNo, title, publisher, dateCreated, datePublished, docNo, summary, validity, url`,
    'note: column J (备注) is hidden in the workbook and was left out; so was 1 hidden row (5): --include-hidden reads them',
    'note: the header is row 2; row 1 above it ("君山区政府信息公开目录（2013年）") is not read',
    'note: 1 entry takes the link on its title\'s cell as url (its url cell is empty)',
    'row 7: warning: A7: the number 430602123456789000 has 18 digits; Excel keeps 15, so the digits after the 15th were lost (they read as 0). ' +
      'Type such an id as text (format the column as Text, or begin it with \') and enter it again',
    '3 entries written, 0 rows skipped; 1 warning',
    '',
  ].join('\n'));

  // By its number; the filtered-out row read, under the 发布机构 merged down over it.
  r = await fromLibreOffice('catalogue-libreoffice-1904.xlsx', '--sheet', '2', '--include-hidden');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.items[2], {
    id: 'JS-0014', title: '关于调整部分干部职务的通知', indexNo: 'JS-0014', publisher: '区财政局', dateCreated: '2013-04-16', datePublished: '2013-04-17',
  });
  assert.match(r.stderr, /\ncolumns not used: 备注\nnote: column J \(备注\) and 1 row \(5\) are hidden in the workbook and read, as --include-hidden asks\n/);
});

test('from-xlsx: a catalogue saved by LibreOffice Calc with zh-CN formats: yyyy年m月d日 ([$-804]) and in Chinese numerals ([$-1000804]), date-times at midnight, ¥#,##0.00, TRUE/FALSE, #DIV/0!, a line break, a relative link, a comment', async () => {
  const r = await fromLibreOffice('catalogue-libreoffice-zh.xlsx');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.items, [
    {
      id: '000201', title: '关于公布2013年区级行政权力清单的通知', indexNo: '000201', summary: '一、权力清单\n二、责任清单', docNo: '君编办〔2013〕7号',
      publisher: '区编办', dateCreated: '2013-05-02', datePublished: '2013-05-06', url: 'https://www.junshan.gov.cn/xxgk/2013/201.html', // ../xxgk/2013/201.html
    },
    {
      // 成文日期 shown 二〇一三年三月五日.
      id: '000202', title: '君山区2013年部门预算公开说明', indexNo: '000202', summary: '¥1,234,567.50', publisher: '区财政局',
      dateCreated: '2013-03-05', datePublished: '2013-05-08', url: 'https://www.junshan.gov.cn/xxgk/2013/202.html',
    },
    // The comment on its title (标题已核对，原文待上传) is not its text.
    { id: '000204', title: '关于开展“六五”普法检查验收的通知', indexNo: '000204', docNo: '君司发〔2013〕4号', publisher: '区司法局', dateCreated: '2013-05-10', datePublished: '2013-05-13' },
  ]);
  assert.doesNotMatch(r.stdout, /草稿|标题已核对/);
  assert.equal(r.stderr, [
    `${fixture('catalogue-libreoffice-zh.xlsx')}: read sheet "目录" of the workbook; columns: indexNo, title, publisher, dateCreated, datePublished, docNo, summary, url`,
    'columns not used: 是否公开, 附件数',
    'note: 1 hidden row (6) was left out: --include-hidden reads it',
    'note: the workbook has 2 sheets ("目录", "说明"); only the first, "目录", is read (--sheet chooses another)',
    'note: a formula shows an error, read as empty: I4 (#DIV/0!) (correct the formula in Excel or WPS)',
    'note: the header is row 2; row 1 above it ("君山区政府信息公开目录") is not read',
    '3 entries written, 0 rows skipped',
    '',
  ].join('\n'));
});
