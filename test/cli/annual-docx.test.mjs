import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, fixture, tmp, zip } from './helpers.mjs';

async function convert(args, command = 'from-html') {
  const out = join(tmp(), 'report.json');
  const r = await run(['annual', command, ...args, '-o', out]);
  return { ...r, feed: r.code === 0 ? JSON.parse(readFileSync(out, 'utf8')) : null };
}

// ---------------------------------------------------------------------------------------------------------------
// A .docx written by hand, to test the merges without LibreOffice.

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A paragraph: a string is one run of text; an array is raw runs. */
const p = (content) => `<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>${
  Array.isArray(content) ? content.join('') : `<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">${esc(content)}</w:t></w:r>`}</w:p>`;
/** A cell: `span` columns (w:gridSpan), `vm` 'restart' or 'continue' (w:vMerge); `runs` raw runs in place of text. */
const tc = (text, { span = 1, vm, runs } = {}) => `<w:tc><w:tcPr><w:tcW w:w="600" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${
  vm === 'restart' ? '<w:vMerge w:val="restart"/>' : vm ? '<w:vMerge/>' : ''}</w:tcPr>${runs ? p(runs) : p(text)}</w:tc>`;
const tr = (cells, { before = 0, after = 0 } = {}) =>
  `<w:tr>${before || after ? `<w:trPr>${before ? `<w:gridBefore w:val="${before}"/>` : ''}${after ? `<w:gridAfter w:val="${after}"/>` : ''}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
const tbl = (rows) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="600"/></w:tblGrid>${rows.join('')}</w:tbl>`;
const figures = (values) => values.map((v) => tc(String(v)));
const zeros = [0, 0, 0, 0, 0, 0, 0];

/** Table 三; `split`: in two tables at a page break, after this many rows (as Word splits a table at Ctrl+Shift+Enter). */
function table3(split) {
  const cont = (span = 1) => tc('', { span, vm: 'continue' });
  const group = (label, items, values = () => zeros) => items.map((item, i) =>
    tr([cont(), i === 0 ? tc(label, { vm: 'restart' }) : cont(), tc(item), ...figures(values(i))]));
  const rows = [
    tr([tc('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { span: 3, vm: 'restart' }), tc('申请人情况', { span: 7 })]),
    tr([cont(3), tc('自然人', { vm: 'restart' }), tc('法人或其他组织', { span: 5 }), tc('总计', { vm: 'restart' })]),
    tr([cont(3), cont(), tc('商业企业'), tc('科研机构'), tc('社会公益组织'), tc('法律服务机构'), tc('其他'), cont()]),
    tr([tc('一、本年新收政府信息公开申请数量', { span: 3 }), ...figures([4, 1, 0, 0, 0, 0, 5])]),
    tr([tc('二、上年结转政府信息公开申请数量', { span: 3 }), ...figures(zeros)]),
    tr([tc('三、本年度办理结果', { vm: 'restart' }), tc('（一）予以公开', { span: 2 }), ...figures([3, 1, 0, 0, 0, 0, 4])]),
    tr([cont(), tc('（二）部分公开（区分处理的，只计这一情况，不计其他情况）', { span: 2 }), ...figures(zeros)]),
    ...group('（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
      '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']),
    ...group('（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']),
    ...group('（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息']),
    // （六）: its "3.其他" is read as results.other.other only under the merged （六）其他处理 cell. A figure corrected with
    // tracked changes: 5 deleted, 7 moved away, 1 inserted.
    tr([cont(), tc('（六）其他处理', { vm: 'restart' }), tc('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), ...figures(zeros)]),
    tr([cont(), cont(), tc('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'), ...figures(zeros)]),
    tr([cont(), cont(), tc('3.其他'), tc('', { runs: [
      '<w:del w:id="1" w:author="a"><w:r><w:delText>5</w:delText></w:r></w:del>',
      '<w:moveFrom w:id="4" w:author="a"><w:r><w:t>7</w:t></w:r></w:moveFrom>',
      '<w:ins w:id="2" w:author="a"><w:r><w:t>1</w:t></w:r></w:ins>'] }), ...figures([0, 0, 0, 0, 0, 1])]),
    tr([cont(), tc('（七）总计', { span: 2 }), ...figures([4, 1, 0, 0, 0, 0, 5])]),
    tr([tc('四、结转下年度继续办理', { span: 3 }), ...figures(zeros)]),
  ];
  return split ? `${tbl(rows.slice(0, split))}<w:p><w:r><w:br w:type="page"/></w:r></w:p>${tbl(rows.slice(split))}` : tbl(rows);
}

function table4() {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return tbl([
    tr([tc('行政复议', { span: 5 }), tc('行政诉讼', { span: 10 })]),
    // No cell under 行政复议: the row starts in the sixth column (w:gridBefore), as Word writes a row cut short.
    tr([tc('未经复议直接起诉', { span: 5 }), tc('复议后起诉', { span: 5 })], { before: 5 }),
    tr([...outcomes, ...outcomes, ...outcomes].map((o) => tc(o))),
    tr(figures([2, 1, 0, 0, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]), { after: 1 }),
  ]);
}

function table2() {
  return tbl([
    tr([tc('第二十条第（一）项', { span: 4 })]),
    tr([tc('信息内容'), tc('本年制发件数'), tc('本年废止件数'), tc('现行有效件数')]),
    // A label in a smart tag, a figure in a link, a row in a content control.
    // A content control of the template not filled in shows its placeholder: a blank cell.
    tr([tc('', { runs: ['<w:smartTag w:uri="urn:x" w:element="x"><w:r><w:t>规章</w:t></w:r></w:smartTag>'] }), tc('0'),
      tc('', { runs: ['<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder><w:showingPlcHdr/></w:sdtPr>' +
        '<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>'] }),
      tc('', { runs: ['<w:hyperlink r:id="rId9"><w:r><w:t>3</w:t></w:r></w:hyperlink>'] })]),
    `<w:sdt><w:sdtPr><w:alias w:val="规范性文件"/></w:sdtPr><w:sdtContent>${tr([tc('行政规范性文件'), tc('5'), tc('2'), tc('41')])}</w:sdtContent></w:sdt>`,
    tr([tc('第二十条第（五）项', { span: 4 })]),
    tr([tc('信息内容'), tc('本年处理决定数量', { span: 3 })]),
    tr([tc('行政许可'), tc('1,520', { span: 3 })]),
  ]);
}

/** A paragraph numbered by Word (its 一、 is not in its text): directly (numPr) or by its style. */
const numbered = (text, { numId = 1, ilvl = 0, style } = {}) => `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${
  style ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>${esc(text)}</w:t></w:r></w:p>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`;
// WPS names its styles by number: "2" is a heading numbered in list 1, "3" is based on it.
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="标题 节"/><w:basedOn w:val="2"/></w:style></w:styles>`;

function handDocx({ body, split, dateLine, hMerge, numbering = NUMBERING, styles = STYLES, extra = {} } = {}) {
  let document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
${body ?? [
    // The title in two paragraphs, as many reports set it: the agency, then the report.
    p('岳阳市君山区人民政府'),
    p('2022年政府信息公开工作年度报告'),
    '<w:p/>',
    numbered('总体情况'),
    p(['<w:r><w:t>全年</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">主动公开 &lt;政府信息&gt; &amp; 解读</w:t></w:r>',
      '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注：核对数字）</w:t></w:r>',
      '<w:r><w:rPr><w:vanish w:val="false"/><w:rPrChange w:id="5" w:author="a"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>。</w:t></w:r>']),
    numbered('加强组织领导。', { ilvl: 1 }),
    numbered('完善制度。', { ilvl: 1 }),
    numbered('要点', { numId: 2 }),
    numbered('主动公开政府信息情况'),
    table2(),
    numbered('收到和处理政府信息公开申请情况', { style: '2' }),
    table3(split),
    numbered('政府信息公开行政复议、行政诉讼情况', { style: '3' }),
    table4(),
    numbered('存在的主要问题及改进情况', { style: '2' }),
    p(['<w:del w:id="3" w:author="a"><w:r><w:delText>删去的一句。</w:delText></w:r></w:del>', '<w:r><w:t>公开内容不够全面。</w:t></w:r>']),
    numbered('其他需要报告的事项', { style: '2' }),
    p('本年度未收取信息处理费。'),
    p('岳阳市君山区人民政府办公室'),
    // The date as a field: its code (instrText) is not text, its result is.
    dateLine ?? p(['<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2023年1月20日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>']),
  ].join('\n')}
<w:sectPr/></w:body></w:document>`;
  // Cells merged across the old way (w:hMerge): a first cell, then one continuing cell per further column.
  if (hMerge) {
    document = document.replace(/<w:tc><w:tcPr>((?:(?!<\/w:tcPr>).)*?)<w:gridSpan w:val="(\d+)"\/>((?:(?!<\/w:tc>).)*)<\/w:tc>/gs,
      (_, pre, n, post) => `<w:tc><w:tcPr>${pre}<w:hMerge w:val="restart"/>${post}</w:tc>${'<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>'.repeat(n - 1)}`);
    assert.ok(!document.includes('gridSpan') && document.includes('<w:hMerge/>'));
  }
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': document,
    'word/numbering.xml': numbering,
    'word/styles.xml': styles,
    ...extra,
  });
}

// fixtures/annual-2021.fodt is the report of annual-2021.html (its article: title, sections, the three tables, the
// signature and date) opened in LibreOffice Writer 7.4 (HTML (StarWriter)), with its title set in the Title style, its
// headings 一 … 六 as Heading 2 and one 0 of Table 四 typed as 无; annual-2021.docx is that file saved by Writer:
//   soffice -env:UserInstallation=file:///tmp/lo-docx --headless --convert-to docx:"MS Word 2007 XML" --outdir test/cli/fixtures test/cli/fixtures/annual-2021.fodt
test('from-html: a Word document (.docx, saved by LibreOffice Writer) gives the feed of the same report\'s page', async () => {
  const page = await convert([fixture('annual-2021.html')]);
  const doc = await convert([fixture('annual-2021.docx')]);
  assert.equal(doc.code, 0, doc.stderr);
  assert.deepEqual(doc.feed, page.feed);
  assert.equal(doc.stderr,
    'format CN-2021 (Table 三 has the （六） sub-rows); tables found: 二 yes, 三 yes, 四 yes\n' +
    '1 blank cell written as null (not reported), not 0\n' +
    '1 cell saying 无 written as 0\n' +
    `2022 report written to ${doc.stderr.match(/written to (\S+):/)?.[1]}: 0 notes, the figures reconcile\n`);
  // Its figures, its title and publisher, its text and its date (the date under the signature).
  assert.equal(doc.feed.year, 2022);
  assert.equal(doc.feed.publisher.name, '岳阳市君山区人民政府');
  assert.equal(doc.feed.title, '岳阳市君山区人民政府2022年政府信息公开工作年度报告');
  assert.equal(doc.feed.publishedAt, '2023-01-19');
  assert.deepEqual(doc.feed.applications.results.other.noCorrection, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(doc.feed.applications.results.notProcessed.publication, [0, 0, null, 0, 0, 0, 0]);
  assert.equal(doc.feed.text.problems, '主要问题是公开内容不够全面。');
});

test('from-docx: the same command under another name; a .docx is known by its content, whatever its name', async () => {
  const dir = tmp();
  copyFileSync(fixture('annual-2021.docx'), join(dir, '年报附件.html'));
  const page = await convert([fixture('annual-2021.html')]);
  const r = await convert([join(dir, '年报附件.html')], 'from-docx');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.feed, page.feed);
  const usage = await run(['annual', 'from-word', fixture('annual-2021.docx')]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /unknown annual command "from-word" \(expected from-html or from-docx\)/);
  const help = await run(['annual', '--help']);
  assert.match(help.stdout, /annual from-html <file\.html\|file\.docx\|URL>/);
  assert.match((await run(['--help'])).stdout, /annual from-html <file\.html\|\.docx\|URL>/);
});

test('from-html: the date under the signature in Chinese numerals (二〇二三年一月二十日, as many 公文 write it) is the publication date', async () => {
  for (const [line, date] of [['二〇二三年一月二十日', '2023-01-20'], ['二○二三年十二月三十一日', '2023-12-31'], ['二〇二三年一月', null]]) {
    const dir = tmp();
    writeFileSync(join(dir, 'report.docx'), await handDocx({ dateLine: p(line) }));
    const { code, stderr, feed } = await convert([join(dir, 'report.docx')]);
    assert.equal(code, 0, stderr);
    assert.equal(feed.publishedAt, date ?? undefined, line);
  }
});

test('from-html: cells merged across the old way (w:hMerge, as Word 97–2003 documents converted and some generators write them) read as w:gridSpan ones', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'grid.docx'), await handDocx());
  writeFileSync(join(dir, 'old.docx'), await handDocx({ hMerge: true }));
  const grid = await convert([join(dir, 'grid.docx')]);
  const old = await convert([join(dir, 'old.docx')]);
  assert.equal(old.code, 0, old.stderr);
  assert.equal(old.stderr.replace(/written to \S+/, ''), grid.stderr.replace(/written to \S+/, ''));
  assert.deepEqual(old.feed, grid.feed);
  assert.deepEqual(old.feed.applications.newReceived, [4, 1, 0, 0, 0, 0, 5]);
});

test('from-docx: a document whose tables are nested thousands deep is refused in words, not with a stack trace', async () => {
  const dir = tmp();
  const n = 20000;
  writeFileSync(join(dir, 'deep.docx'), await handDocx({ body: `${'<w:tbl><w:tr><w:tc>'.repeat(n)}${p('x')}${'</w:tc></w:tr></w:tbl>'.repeat(n)}` }));
  const r = await run(['annual', 'from-docx', join(dir, 'deep.docx'), '-o', join(dir, 'out.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /deep\.docx: it is nested too deeply to be read \(thousands of elements or tables inside one another/);
});

test('from-docx: list numbers count per list definition, as Word does: headings numbered through two instances of one list go on 一 … 六; an instance that restarts (startOverride) starts again', async () => {
  // Numbered directly by list 1 and list 3, both instances of the same definition (as documents edited in Word and WPS
  // come to be): Word numbers them 一 … 六 in order. Counted per instance, they were 一、二、三 twice, and sections 五
  // and 六 were not found.
  const report = (restart) => [
    p('岳阳市君山区人民政府'), p('2022年政府信息公开工作年度报告'),
    numbered('总体情况', { numId: 1 }), p('概述。'),
    numbered('主动公开政府信息情况', { numId: 3 }), table2(),
    numbered('收到和处理政府信息公开申请情况', { numId: 3 }), table3(),
    numbered('政府信息公开行政复议、行政诉讼情况', { numId: 1 }), table4(),
    numbered('存在的主要问题及改进情况', { numId: 3 }), p('问题。'),
    // List 4 restarts the count at 一 on its first paragraph; list 1 after it goes on from there (二).
    ...(restart ? [numbered('附件目录', { numId: 4 }), p('附件。'), numbered('其他需要报告的事项', { numId: 1 })] : [numbered('其他需要报告的事项', { numId: 1 })]),
    p('其他。'), p('岳阳市君山区人民政府办公室'), p('2023年1月20日'),
  ].join('\n');
  const dir = tmp();
  writeFileSync(join(dir, 'shared.docx'), await handDocx({ body: report(false) }));
  const shared = await convert([join(dir, 'shared.docx')]);
  assert.equal(shared.code, 0, shared.stderr);
  assert.deepEqual(shared.feed.text, { overview: '概述。', problems: '问题。', other: '其他。' });
  writeFileSync(join(dir, 'restart.docx'), await handDocx({ body: report(true) }));
  const restarted = await convert([join(dir, 'restart.docx')]);
  assert.equal(restarted.code, 0, restarted.stderr);
  // 一、附件目录 then 二、其他需要报告的事项: no 六 any more, and 五's text ends at the restarted 一.
  assert.deepEqual(restarted.feed.text, { overview: '概述。', problems: '问题。' });
});

test('from-docx: headings numbered by a list style (numStyleLink): their 一、 … 六、 come from the definition the style\'s list names', async () => {
  // Word's "Define New List Style": the list the headings use (numId 5) has a definition without levels that names the
  // style (numStyleLink); the style's own list (numId 6) has the definition with the levels, which names it back.
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/><w:styleLink w:val="GovHeadings"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="GovHeadings"/></w:abstractNum>
<w:num w:numId="6"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="8"/></w:num></w:numbering>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="numbering" w:styleId="GovHeadings"><w:name w:val="政府报告标题"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style></w:styles>`;
  const body = [
    p('岳阳市君山区人民政府'), p('2022年政府信息公开工作年度报告'),
    numbered('总体情况', { numId: 5 }), p('概述。'), numbered('加强组织领导。', { numId: 5, ilvl: 1 }),
    numbered('主动公开政府信息情况', { numId: 5 }), table2(),
    numbered('收到和处理政府信息公开申请情况', { numId: 5 }), table3(),
    numbered('政府信息公开行政复议、行政诉讼情况', { numId: 5 }), table4(),
    numbered('存在的主要问题及改进情况', { numId: 5 }), p('问题。'),
    numbered('其他需要报告的事项', { numId: 5 }), p('其他。'),
    p('岳阳市君山区人民政府办公室'), p('2023年1月20日'),
  ].join('\n');
  const dir = tmp();
  writeFileSync(join(dir, 'linked.docx'), await handDocx({ body, numbering, styles }));
  const r = await convert([join(dir, 'linked.docx')]);
  assert.equal(r.code, 0, r.stderr);
  // Without the link followed, no heading had its 一、 and no section was found.
  assert.deepEqual(r.feed.text, { overview: '概述。\n\n（一）加强组织领导。', problems: '问题。', other: '其他。' });
});

test('from-docx: text hidden by a style (a template\'s 填报说明 in a hidden paragraph or character style) is not read; a run that shows itself again is', async () => {
  const styles = STYLES.replace('</w:styles>', `<w:style w:type="paragraph" w:styleId="Guide"><w:name w:val="填报说明"/><w:rPr><w:vanish/><w:color w:val="FF0000"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="GuideSub"><w:name w:val="填报说明 2"/><w:basedOn w:val="Guide"/></w:style>
<w:style w:type="character" w:styleId="GuideChar"><w:name w:val="填报说明字符"/><w:rPr><w:vanish w:val="true"/></w:rPr></w:style></w:styles>`);
  const guide = (style, text) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const body = [
    p('岳阳市君山区人民政府'), p('2022年政府信息公开工作年度报告'),
    numbered('总体情况'), guide('Guide', '（填报说明：本部分简述总体情况，不超过500字。）'),
    p(['<w:r><w:t>全年主动公开</w:t></w:r>', '<w:r><w:rPr><w:rStyle w:val="GuideChar"/></w:rPr><w:t>（此处填写数量）</w:t></w:r>',
      '<w:r><w:rPr><w:rStyle w:val="GuideChar"/><w:vanish w:val="0"/></w:rPr><w:t>120条</w:t></w:r>', '<w:r><w:t>。</w:t></w:r>']),
    numbered('主动公开政府信息情况'), guide('GuideSub', '（填报说明：按表格填写。）'), table2(),
    numbered('收到和处理政府信息公开申请情况'), table3(),
    numbered('政府信息公开行政复议、行政诉讼情况'), table4(),
    numbered('存在的主要问题及改进情况'), p('问题。'),
    numbered('其他需要报告的事项'), p('其他。'),
    p('岳阳市君山区人民政府办公室'), p('2023年1月20日'),
  ].join('\n');
  const dir = tmp();
  writeFileSync(join(dir, 'guide.docx'), await handDocx({ body, styles }));
  const r = await convert([join(dir, 'guide.docx')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.feed.text, { overview: '全年主动公开120条。', problems: '问题。', other: '其他。' });
});

/** Quoted-printable (RFC 2045), as web archives (.mht) carry HTML: =XX for bytes beyond ASCII and "=", lines of 76. */
const quotedPrintable = (text) => {
  let out = '';
  let line = '';
  for (const b of Buffer.from(text)) {
    const c = b > 126 || b === 61 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : b === 10 ? '\r\n' : String.fromCharCode(b);
    if (c === '\r\n') { out += `${line}\r\n`; line = ''; continue; }
    if (line.length + c.length > 75) { out += `${line}=\r\n`; line = ''; }
    line += c;
  }
  return out + line;
};
const CHUNK_RELS = (target, id = 'htmlChunk') => '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/>` +
  '<Relationship Id="rtf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/notes.rtf"/></Relationships>';

test('from-docx: a report exported to Word by a web editor (its page imported whole, w:altChunk of a web archive .mht) reads as the page does', async () => {
  // As html-docx-js and the "export to Word" of web editors write it: a document whose body is one imported chunk.
  const page = readFileSync(fixture('annual-2021.html'), 'utf8');
  const mht = ['MIME-Version: 1.0', 'Content-Type: multipart/related;', '    type="text/html";', '    boundary="----=mhtDocumentPart"', '', '',
    '------=mhtDocumentPart', 'Content-Type: text/html;', '    charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: file:///C:/fake/document.html', '', quotedPrintable(page), '', '------=mhtDocumentPart--', ''].join('\r\n');
  const dir = tmp();
  writeFileSync(join(dir, 'exported.docx'), await handDocx({
    body: '<w:altChunk r:id="htmlChunk"/>',
    extra: { 'word/_rels/document.xml.rels': CHUNK_RELS('/word/afchunk.mht'), 'word/afchunk.mht': mht },
  }));
  const fromPage = await convert([fixture('annual-2021.html')]);
  const fromDocx = await convert([join(dir, 'exported.docx')]);
  assert.equal(fromDocx.code, 0, fromDocx.stderr);
  for (const key of ['proactive', 'applications', 'reviewLitigation', 'text', 'template', 'year']) {
    assert.deepEqual(fromDocx.feed[key], fromPage.feed[key], key);
  }
  // Before, nothing of the chunk was read: no table found.
  assert.match(fromDocx.stderr, /tables found: 二 yes, 三 yes, 四 yes/);
});

test('from-docx: an imported HTML chunk among the paragraphs is read where it stands, in its own charset (GB2312); an RTF chunk is left out', async () => {
  // 公开内容不够全面。 in GB2312, as an old page saved from a CMS is.
  const gbk = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>t</title></head><body><p>'),
    Buffer.from('b9abbfaac4dac8ddb2bbb9bbc8abc3e6a1a3', 'hex'), Buffer.from('</p></body></html>')]);
  const body = [
    p('岳阳市君山区人民政府'), p('2022年政府信息公开工作年度报告'),
    numbered('总体情况'), p('概述。'),
    numbered('主动公开政府信息情况'), table2(),
    numbered('收到和处理政府信息公开申请情况'), table3(),
    numbered('政府信息公开行政复议、行政诉讼情况'), table4(),
    numbered('存在的主要问题及改进情况'), '<w:altChunk r:id="problems"/>', '<w:altChunk r:id="rtf"/>',
    numbered('其他需要报告的事项'), p('其他。'),
    p('岳阳市君山区人民政府办公室'), p('2023年1月20日'),
  ].join('\n');
  const dir = tmp();
  writeFileSync(join(dir, 'mixed.docx'), await handDocx({
    body,
    extra: {
      'word/_rels/document.xml.rels': CHUNK_RELS('problems.htm', 'problems'),
      'word/problems.htm': gbk,
      'word/notes.rtf': '{\\rtf1\\ansi 不应读到的说明}',
    },
  }));
  const r = await convert([join(dir, 'mixed.docx')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.feed.text, { overview: '概述。', problems: '公开内容不够全面。', other: '其他。' });
  assert.equal(r.feed.publishedAt, '2023-01-20');
});

test('from-html: a .docx written by hand: cells merged down (w:vMerge) and across (w:gridSpan), a row starting right (w:gridBefore), tracked changes, a field, list numbers of Word, a placeholder, hidden text, a two-line title', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'report.docx'), await handDocx());
  const { code, stderr, feed } = await convert([join(dir, 'report.docx')]);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /format CN-2021 \(Table 三 has the （六） sub-rows\); tables found: 二 yes, 三 yes, 四 yes\n/);
  assert.match(stderr, /2022 report written to \S+: 0 notes, the figures reconcile\n$/);
  assert.equal(feed.publisher.name, '岳阳市君山区人民政府');
  assert.equal(feed.title, '岳阳市君山区人民政府2022年政府信息公开工作年度报告');
  assert.equal(feed.publishedAt, '2023-01-20');
  const a = feed.applications;
  assert.deepEqual(a.newReceived, [4, 1, 0, 0, 0, 0, 5]);
  // Under the merged （六）其他处理: "3.其他" is its row, and its corrected figure is the inserted 1, not 51 or 71.
  assert.deepEqual(a.results.other.other, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(a.results.withheld.adminQuery, zeros);
  assert.deepEqual(a.results.total, [4, 1, 0, 0, 0, 0, 5]);
  assert.deepEqual(feed.reviewLitigation, {
    review: { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 },
    litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  });
  assert.deepEqual(feed.proactive.regulations, { issued: 0, repealed: null, inForce: 3 });
  assert.match(stderr, /\n1 blank cell written as null \(not reported\), not 0\n/);
  assert.deepEqual(feed.proactive.normativeDocs, { issued: 5, repealed: 2, inForce: 41 });
  assert.equal(feed.proactive.licensing.decisions, 1520);
  // Headings numbered by Word (一、 … 六、, some through their style) are found; sub-items keep their （一）, a
  // bullet shows none; the count of a level goes on after the items below it.
  assert.equal(feed.text.overview, '全年 主动公开 <政府信息> & 解读。\n\n（一）加强组织领导。\n\n（二）完善制度。\n\n要点');
  assert.equal(feed.text.problems, '公开内容不够全面。');
  assert.equal(feed.text.other, '本年度未收取信息处理费。');
});

/** An OLE compound file (an old Office file) with a stream of this name: its directory names its streams in UTF-16. */
const ole = (stream) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504),
  Buffer.from('Root Entry\0', 'utf16le'), Buffer.alloc(54), Buffer.from(`${stream}\0`, 'utf16le'), Buffer.alloc(100)]);

test('from-html: a .doc, a .wps, a PDF, a workbook and another zip are each refused for what they are', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'report.doc'), ole('WordDocument'));
  writeFileSync(join(dir, 'report.wps'), ole('WordDocument'));
  writeFileSync(join(dir, 'report.xls'), ole('Workbook'));
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n');
  writeFileSync(join(dir, 'report.xlsx'), await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }));
  writeFileSync(join(dir, 'report.zip'), await zip({ 'a.txt': 'hello' }));
  writeFileSync(join(dir, 'slides.pptx'), await zip({ '_rels/.rels': '<Relationships><Relationship Id="rId1" ' +
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>',
  'ppt/presentation.xml': '<p:presentation xmlns:p="x"/>' }));
  writeFileSync(join(dir, 'report.odt'), await zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }));
  const refused = async (name) => {
    const r = await run(['annual', 'from-html', join(dir, name)]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    return r.stderr;
  };
  const save = 'open it in Word or WPS and save it as a Word document \\(文件 → 另存为 → Word 文档 \\.docx\\) or as a web page \\(\\.html\\), then convert that';
  assert.match(await refused('report.doc'), new RegExp(`report\\.doc: this is a Word 97–2003 document \\(\\.doc\\) or a WPS document \\(\\.wps\\), which is not read here: ${save}\n`));
  assert.match(await refused('report.wps'), /report\.wps: this is a Word 97–2003 document \(\.doc\) or a WPS document \(\.wps\)/);
  assert.match(await refused('report.xls'), /report\.xls: this is an Excel 97–2003 workbook \(\.xls\), not an annual report: annual from-html reads/);
  assert.match(await refused('report.pdf'), /report\.pdf: this is a PDF, whose tables are not read here: convert the report's page \(\.html\) or its Word document \(\.docx\) instead\n/);
  assert.match(await refused('report.xlsx'), /report\.xlsx: this is an Excel workbook, not an annual report: annual from-html reads the annual report as published: its page .* or its Word document \(\.docx\)\n/);
  assert.match(await refused('report.zip'), /report\.zip: this is a zip archive, not an annual report/);
  assert.match(await refused('slides.pptx'), /slides\.pptx: this is a zip archive, not an annual report/);
  assert.match(await refused('report.odt'), /report\.odt: this is an OpenDocument text \(\.odt\), which is not read here: open it in LibreOffice, Word or WPS and save it as a Word document/);
});

test('validate and catalogue from-csv: a Word document (.docx, .doc) is named for what it is, with the command that converts an annual report; a workbook is still a workbook', async () => {
  const dir = tmp();
  const doc = join(dir, 'report.doc');
  writeFileSync(doc, ole('WordDocument'));
  const docx = fixture('annual-2021.docx');
  for (const file of [docx, doc]) {
    let r = await run(['validate', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /: this is a Word document, not a JSON feed\. If it is the 政府信息公开工作年度报告, to make an annual-report feed of it: disclosure-elements annual from-docx \S+ -o annual\.json\n/);
    r = await run(['catalogue', 'from-csv', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /: this is a Word document, not a spreadsheet: convert the catalogue's spreadsheet \(\.xlsx or CSV\); if it is the 政府信息公开工作年度报告, disclosure-elements annual from-docx .* converts it\n/);
  }
  const r = await run(['validate', fixture('catalogue-libreoffice.xlsx')]);
  assert.match(r.stderr, /: this is an Excel workbook, not a JSON feed\. To make a catalogue feed of it: disclosure-elements catalogue from-csv /);
});

test('from-html: a .docx whose text unpacks to more than 64 MB (a zip bomb) is refused in words, not read', async () => {
  const dir = tmp();
  const big = `<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>${'0'.repeat(65 * 2 ** 20)}</w:t></w:r></w:p></w:body></w:document>`;
  writeFileSync(join(dir, 'bomb.docx'), await zip({ 'word/document.xml': big }));
  const r = await run(['annual', 'from-html', join(dir, 'bomb.docx')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bomb\.docx: word\/document\.xml unpacks to more than 64 MB, more than this tool reads: not a report/);
});

test('from-html: a .docx whose Table 三 Word split in two at a page break, inside the merged 三、本年度办理结果 and （三）不予公开 cells, reads as the whole table', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'whole.docx'), await handDocx());
  // Split after "3.危及“三安全一稳定”": the second part starts with the merged cells going on (w:vMerge without a
  // cell merged down above it in its table).
  writeFileSync(join(dir, 'split.docx'), await handDocx({ split: 10 }));
  const whole = await convert([join(dir, 'whole.docx')]);
  const split = await convert([join(dir, 'split.docx')]);
  assert.equal(split.code, 0, split.stderr);
  assert.equal(split.stderr.replace(/split\.docx|\/tmp\S+/g, ''), whole.stderr.replace(/whole\.docx|\/tmp\S+/g, ''));
  assert.deepEqual(split.feed, whole.feed);
  assert.deepEqual(split.feed.applications.results.withheld.thirdPartyRights, zeros);
});

test('from-html: a .docx attachment over http, at an address that does not say .docx (download.jsp?id=…), with sourceUrl', async () => {
  const docx = readFileSync(fixture('annual-2021.docx'));
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="nb.docx"' });
    res.end(docx);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/download.jsp?id=2022`;
  try {
    const page = await convert([fixture('annual-2021.html')]);
    const { code, stderr, feed } = await convert([url]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(feed, { ...page.feed, sourceUrl: url });
  } finally {
    server.close();
  }
});

test('from-html: a .docx made to be slow is read in linear time: 3,000 rows of cells merged down (26 s before), 200,000 tags left open (77 s), an unclosed list in numbering.xml', async () => {
  const dir = tmp();
  const row = (cell) => `<w:tr>${cell.repeat(50)}</w:tr>`;
  const merged = `<w:document xmlns:w="x"><w:body><w:tbl>${row('<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>')}${
    row('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>').repeat(3000)}</w:tbl></w:body></w:document>`;
  const open = `<w:document xmlns:w="x"><w:body>${'<w:p '.repeat(200000)}`;
  const numbering = `<w:numbering xmlns:w="x">${'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'.repeat(50000)}`;
  writeFileSync(join(dir, 'merged.docx'), await zip({ 'word/document.xml': merged }));
  writeFileSync(join(dir, 'open.docx'), await zip({ 'word/document.xml': open }));
  writeFileSync(join(dir, 'numbering.docx'), await zip({ 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p/></w:body></w:document>',
    'word/numbering.xml': numbering, 'word/styles.xml': `<w:styles xmlns:w="x">${'<w:style w:styleId="a">'.repeat(100000)}` }));
  for (const [name, message] of [['merged', /1 table found, but none of the annual-report tables/], ['open', /no tables found/], ['numbering', /no tables found/]]) {
    const started = Date.now();
    const r = await run(['annual', 'from-html', join(dir, `${name}.docx`)]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.ok(Date.now() - started < 8000, `${name}: ${Date.now() - started} ms`);
  }
});
