import { expect } from '@open-wc/testing';
import { templateFor, resultLeafPaths, APPLICANT_COLUMNS } from '../src/elements/annual-stats/templates.js';
import type { AnnualTemplate, Label, TemplateId } from '../src/elements/annual-stats/templates.js';
import {
  getPath, getRow, isAnnualIndex, parseAnnualFeed, parseAnnualIndex,
} from '../src/elements/annual-stats/model.js';
import type { AnnualReport } from '../src/elements/annual-stats/model.js';
import { reconcile, series, seriesKeys, seriesValue } from '../src/elements/annual-stats/reconcile.js';
import zhStrings from '../src/locales/zh-CN/annual.js';
import enStrings from '../src/locales/en/annual.js';

// ------------------------------------------------------------------------------------------------------------------
// Expected labels, copied character for character from reference/domain.md §2 (not from templates.ts).

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** Table 二, CN-2021 (§2.1): [clause, rows, columns] */
const TABLE2_2021: [string, string[], string[]][] = [
  ['第二十条第（一）项', ['规章', '行政规范性文件'], ['本年制发件数', '本年废止件数', '现行有效件数']],
  ['第二十条第（五）项', ['行政许可'], ['本年处理决定数量']],
  ['第二十条第（六）项', ['行政处罚', '行政强制'], ['本年处理决定数量']],
  ['第二十条第（八）项', ['行政事业性收费'], ['本年收费金额（单位：万元）']],
];
const TABLE2_2021_PATHS = [
  ['proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.inForce'],
  ['proactive.normativeDocs.issued', 'proactive.normativeDocs.repealed', 'proactive.normativeDocs.inForce'],
  ['proactive.licensing.decisions'],
  ['proactive.penalty.decisions'],
  ['proactive.enforcement.decisions'],
  ['proactive.fees.amount'],
];

/** Table 二, CN-2019 trial format (§2.1). */
const TABLE2_2019: [string, string[], string[]][] = [
  ['第二十条第（一）项', ['规章', '规范性文件'], ['本年新制作数量', '本年新公开数量', '对外公开总数量']],
  ['第二十条第（五）项', ['行政许可', '其他对外管理服务事项'], ['上一年项目数量', '本年增/减', '处理决定数量']],
  ['第二十条第（六）项', ['行政处罚', '行政强制'], ['上一年项目数量', '本年增/减', '处理决定数量']],
  ['第二十条第（八）项', ['行政事业性收费'], ['上一年项目数量', '本年增/减']],
  ['第二十条第（九）项', ['政府集中采购'], ['采购项目数量', '采购总金额']],
];

const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Table 三 rows, CN-2021 (§2.2), as an outline: section and group labels where they start, then the rows. */
const TABLE3_OUTLINE_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开',
  '1. 属于国家秘密',
  '2. 其他法律行政法规禁止公开',
  '3. 危及“三安全一稳定”',
  '4. 保护第三方合法权益',
  '5. 属于三类内部事务信息',
  '6. 属于四类过程性信息',
  '7. 属于行政执法案卷',
  '8. 属于行政查询事项',
  '（四）无法提供',
  '1. 本机关不掌握相关政府信息',
  '2. 没有现成信息需要另行制作',
  '3. 补正后申请内容仍不明确',
  '（五）不予处理',
  '1. 信访举报投诉类申请',
  '2. 重复申请',
  '3. 要求提供公开出版物',
  '4. 无正当理由大量反复申请',
  '5. 要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3. 其他',
  '（七）总计',
  '四、结转下年度继续办理',
];
/** CN-2019: （六）其他处理 is one row without sub-rows. */
const TABLE3_OUTLINE_2019 = TABLE3_OUTLINE_2021.filter((s) => !/^\d\. (申请人|其他$)/.test(s));

const TABLE3_PATHS_2021 = [
  'newReceived', 'carriedOver', 'results.granted', 'results.partiallyGranted',
  'results.withheld.stateSecret', 'results.withheld.lawForbidden', 'results.withheld.safetyStability',
  'results.withheld.thirdPartyRights', 'results.withheld.internalAffairs', 'results.withheld.processInfo',
  'results.withheld.enforcementFile', 'results.withheld.adminQuery',
  'results.unable.notHeld', 'results.unable.needsCreation', 'results.unable.stillUnclear',
  'results.notProcessed.petition', 'results.notProcessed.repeat', 'results.notProcessed.publication',
  'results.notProcessed.excessive', 'results.notProcessed.confirmReissue',
  'results.other.noCorrection', 'results.other.unpaidFee', 'results.other.other',
  'results.total', 'carriedForward',
];
const TABLE3_PATHS_2019 = [
  ...TABLE3_PATHS_2021.slice(0, 20), 'results.other', 'results.total', 'carriedForward',
];

const TABLE4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'];
const TABLE4_OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

// ------------------------------------------------------------------------------------------------------------------

function outline(t: AnnualTemplate): string[] {
  const out: string[] = [];
  let section = '';
  let group = '';
  for (const row of t.table3.rows) {
    if (!row.sectionRow && row.section.id !== section) out.push(row.section.label.zh);
    section = row.section.id;
    if (row.group && row.group.id !== group) out.push(row.group.label.zh);
    group = row.group?.id ?? '';
    out.push(row.number ? `${row.number} ${row.label.zh}` : row.label.zh);
  }
  return out;
}

/** Every Label object reachable from a template. */
function allLabels(value: unknown, out: Label[] = []): Label[] {
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) out.push(o as unknown as Label);
    else for (const v of Object.values(o)) allLabels(v, out);
  }
  return out;
}

function table2Of(t: AnnualTemplate): [string, string[], string[]][] {
  return t.table2.blocks.map((b) => [b.clause.zh, b.rows.map((r) => r.label.zh), b.columns.map((c) => c.label.zh)]);
}

async function load(name: string): Promise<AnnualReport> {
  const url = `/demo/feeds/annual/${name}`;
  const res = await fetch(url);
  expect(res.ok, url).to.equal(true);
  const parsed = parseAnnualFeed(await res.json(), new URL(url, location.href).href);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  expect(parsed.warnings, `${name} warnings`).to.deep.equal([]);
  return parsed.report;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
async function raw(name: string): Promise<Record<string, any>> {
  return (await fetch(`/demo/feeds/annual/${name}`)).json();
}
function mustParse(json: unknown, url = 'https://example.gov.cn/feeds/annual/2022.json') {
  const r = parseAnnualFeed(json, url);
  if (!r.ok) throw new Error(r.message);
  return r;
}

// ------------------------------------------------------------------------------------------------------------------

describe('annual-stats templates', () => {
  for (const id of ['CN-2021', 'CN-2019'] as TemplateId[]) {
    describe(id, () => {
      const t = templateFor(id);

      it('has the six section headings', () => {
        expect(t.sections.map((s) => s.label.zh)).to.deep.equal(SECTIONS);
        expect(t.table2.title.zh).to.equal(SECTIONS[1]);
        expect(t.table3.title.zh).to.equal(SECTIONS[2]);
        expect(t.table4.title.zh).to.equal(SECTIONS[3]);
      });

      it('has the exact Table 二 labels', () => {
        expect(table2Of(t)).to.deep.equal(id === 'CN-2021' ? TABLE2_2021 : TABLE2_2019);
        expect(t.table2.contentHeader.zh).to.equal('信息内容');
      });

      it('has the exact Table 三 headers and 7 columns', () => {
        expect(t.table3.cornerHeader.zh).to.equal(TABLE3_CORNER);
        expect(t.table3.applicantHeader.zh).to.equal('申请人情况');
        expect(t.table3.organisationHeader.zh).to.equal('法人或其他组织');
        expect(t.table3.columns.map((c) => c.label.zh)).to.deep.equal(TABLE3_COLUMNS);
        expect(t.table3.columns.map((c) => c.key)).to.deep.equal(
          ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']);
        expect(t.table3.columns.filter((c) => c.organisation).map((c) => c.key)).to.deep.equal(
          ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg']);
        expect(t.table3.columns).to.have.length(7);
      });

      it('has the exact Table 三 rows in order, with groups and numbering', () => {
        expect(outline(t)).to.deep.equal(id === 'CN-2021' ? TABLE3_OUTLINE_2021 : TABLE3_OUTLINE_2019);
        expect(t.table3.rows.map((r) => r.path)).to.deep.equal(id === 'CN-2021' ? TABLE3_PATHS_2021 : TABLE3_PATHS_2019);
        expect(t.table3.rows).to.have.length(id === 'CN-2021' ? 25 : 23);
        const results = t.table3.rows.filter((r) => r.section.id === 'results');
        expect(results).to.have.length(id === 'CN-2021' ? 22 : 20); // the rowspan of 三、本年度办理结果
        expect(results.every((r) => r.section.label.zh === '三、本年度办理结果')).to.equal(true);
        expect(t.table3.rows.filter((r) => r.group?.id === 'withheld')).to.have.length(8);
        expect(t.table3.rows.filter((r) => r.total).map((r) => r.path)).to.deep.equal(['results.total']);
        expect(resultLeafPaths(t)).to.have.length(id === 'CN-2021' ? 21 : 19);
      });

      it('has the exact Table 四 labels and 15 cells', () => {
        expect(t.table4.review.zh).to.equal('行政复议');
        expect(t.table4.litigation.zh).to.equal('行政诉讼');
        expect(t.table4.groups.map((g) => g.label.zh)).to.deep.equal(TABLE4_GROUPS);
        expect(t.table4.groups.map((g) => g.parent?.zh ?? null)).to.deep.equal([null, '行政诉讼', '行政诉讼']);
        expect(t.table4.outcomes.map((o) => o.label.zh)).to.deep.equal(TABLE4_OUTCOMES);
        expect(t.table4.cells).to.have.length(15);
        expect(t.table4.cells.map((c) => c.path)).to.deep.equal(
          ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) =>
            ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `reviewLitigation.${g}.${o}`)));
      });

      it('translates every label and is frozen', () => {
        const labels = allLabels(t);
        expect(labels.length).to.be.greaterThan(60);
        for (const l of labels) {
          expect(l.zh, JSON.stringify(l)).to.match(/\S/);
          expect(l.en, JSON.stringify(l)).to.match(/^[\x20-\x7E“”—–]+$/);
        }
        expect(Object.isFrozen(t.table3.rows[0].label)).to.equal(true);
      });
    });
  }

  it('maps CN-2021 Table 二 to the feed keys of feeds.md', () => {
    expect(templateFor('CN-2021').table2.blocks.flatMap((b) => b.rows.map((r) => r.cells))).to.deep.equal(TABLE2_2021_PATHS);
    expect(templateFor('CN-2019').table2.blocks.flatMap((b) => b.rows.map((r) => r.path))).to.deep.equal([
      'proactive.regulations', 'proactive.normativeDocs', 'proactive.licensing', 'proactive.otherServices',
      'proactive.penalty', 'proactive.enforcement', 'proactive.fees', 'proactive.procurement',
    ]);
  });

  it('the locale files list the same template labels, one a line, none empty (layout.ts reads them by position)', () => {
    const zh = zhStrings.tpl.split('\n');
    const en = enStrings.tpl.split('\n');
    expect(zh).to.have.length(83);
    expect(en).to.have.length(zh.length);
    for (const [i, l] of [...zh, ...en].entries()) expect(l.trim() === l && l !== '', `label ${i % zh.length}: "${l}"`).to.equal(true);
  });

  it('rejects unknown template ids', () => {
    expect(() => templateFor('CN-legacy' as TemplateId)).to.throw(RangeError);
  });
});

describe('annual feed: demo feeds', () => {
  it('2022 (CN-2021) and 2020 (CN-2019) parse without warnings and reconcile', async () => {
    const r2022 = await load('2022.json');
    const r2020 = await load('2020.json');
    expect(r2022.template).to.equal('CN-2021');
    expect(r2022.sample).to.equal(true);
    expect(r2022.title).to.contain('示例数据');
    expect(r2020.template).to.equal('CN-2019');
    expect(reconcile(r2022)).to.deep.equal([]);
    expect(reconcile(r2020)).to.deep.equal([]);
    expect(reconcile(r2022, 'CN-2021')).to.deep.equal([]);
    expect(getRow(r2020, 'results.other')).to.have.length(7);
    expect(getPath(r2020, 'proactive.otherServices.change')).to.equal(-2);
    // the checks actually ran: the totals are there
    expect(getPath(r2022, 'results.total')).to.deep.equal([37, 4, 0, 0, 2, 1, 44]);
  });

  it('broken-2021 breaks exactly two rules, with both sums', async () => {
    const r = await load('broken-2021.json');
    expect(reconcile(r)).to.deep.equal([
      { rule: 'columnBalance', table: 3, column: 'naturalPerson', expected: 40, actual: 41 },
      { rule: 'rowTotal', table: 3, row: 'carriedForward', column: 'total', expected: 4, actual: 3 },
    ]);
  });

  it('the seed feed (2013, CN-legacy) has every figure of the seed report', async () => {
    const r = await load('2013.json');
    expect(r.template).to.equal('CN-legacy');
    expect(r.year).to.equal(2013);
    expect(r.publishedAt).to.equal('2014-03-05');
    expect(r.publisher?.name).to.equal('岳阳市君山区人民政府');
    const seedFigures: [string, number, string, string][] = [
      ['政务信息', 1470, '条', 'proactive'], ['文件公报', 35, '件', 'proactive'], ['公告公示', 16, '个', 'proactive'],
      ['领导讲话', 10, '篇', 'proactive'], ['视频资料', 156, '个', 'proactive'], ['人事任免', 7, '件', 'proactive'],
      ['招商引资', 4, '个', 'proactive'], ['公共服务事项', 752, '条', 'proactive'],
      ['网站总访问量', 35000, '人次', 'web'], ['总页面点击量', 98000, '人次', 'web'],
      ['日均访问量', 269, '人次', 'web'], ['日均点击量', 97, '人次', 'web'],
      ['依申请公开', 0, '件', 'requests'],
    ];
    for (const [label, value, unit, group] of seedFigures) {
      const f = r.custom.find((c) => c.label === label);
      expect(f, label).to.not.equal(undefined);
      expect([f!.value, f!.unit, f!.group], label).to.deep.equal([value, unit, group]);
    }
    expect(r.custom.filter((c) => c.group === 'proactive')).to.have.length(8);
    expect(r.feesCollected).to.deep.equal({ amount: 0, unit: 'CNY' });
    for (const g of ['review', 'litigationDirect', 'litigationAfterReview'] as const) {
      expect(r.reviewLitigation?.[g]).to.deep.equal({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    }
    expect(r.applications).to.equal(undefined);
    expect(reconcile(r)).to.deep.equal([]);

    const overview = r.text.overview!.split('\n\n');
    expect(overview).to.have.length(6);
    expect(overview[0]).to.match(/^2013年,君山区政府信息公开工作公开范围不断扩大/);
    expect(overview.slice(1).map((p) => p.slice(0, 3))).to.deep.equal(['(一)', '(二)', '(三)', '自《条', '(四)']);
    expect(overview[5]).to.match(/确保本单位公开信息的查阅和提供。$/);
    expect(r.text.problems!.split('\n\n')).to.deep.equal([
      '1、政府门户网站版面落后,远远不能满足政府信息公开的需要。',
      '2、信息化的意识还不够强,信息化的普及程度还很低,造成资源浪费。',
      '3、信息化与电子政务相关专业技术人才缺乏,人才队伍建设还有待加强。',
    ]);
    const improvements = r.text.improvements!.split('\n\n');
    expect(improvements).to.have.length(6);
    expect(improvements[0]).to.match(/^2014年是“十二五”的关键之年/);
    expect(improvements.slice(1).map((p) => p.slice(0, 2))).to.deep.equal(['1、', '2、', '3、', '4、', '5、']);
    expect(improvements[5]).to.match(/切实保障人民群众对政府信息的知情权。$/);
  });

  it('hostile.json: markup stays plain text, the javascript: sourceUrl is dropped', async () => {
    const json = await raw('hostile.json');
    const r = parseAnnualFeed(json, new URL('/demo/feeds/annual/hostile.json', location.href).href);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.sourceUrl).to.equal(undefined);
    expect(r.warnings).to.deep.equal([{ path: 'sourceUrl', message: 'must be an http(s) URL; left out' }]);
    expect(r.report.text.overview).to.contain('<img src=x onerror=alert(1)>');
    expect(r.report.custom[0].label).to.equal('<img src=x onerror=alert(1)>');
  });

  it('index.json lists 2013, 2020 and 2022 with absolute URLs', async () => {
    const json = await raw('index.json');
    expect(isAnnualIndex(json)).to.equal(true);
    expect(isAnnualIndex(await raw('2013.json'))).to.equal(false);
    const r = parseAnnualIndex(json, '/demo/feeds/annual/index.json');
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings).to.deep.equal([]);
    expect(r.reports.map((e) => e.year)).to.deep.equal([2013, 2020, 2022]);
    expect(r.reports[0].url).to.equal(new URL('/demo/feeds/annual/2013.json', location.href).href);
    for (const e of r.reports) {
      const res = await fetch(e.url);
      expect(res.ok, e.url).to.equal(true);
    }
  });
});

describe('annual feed: parsing', () => {
  it('is strict at the root', () => {
    expect(parseAnnualFeed(null, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    expect(parseAnnualFeed([], 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    expect(parseAnnualFeed({ year: 2022, template: 'CN-2021' }, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    expect(parseAnnualFeed({ schemaVersion: 2, year: 2022, template: 'CN-2021' }, 'x.json')).to.include({ ok: false, error: 'schemaVersion' });
    expect(parseAnnualFeed({ schemaVersion: 0, year: 2022, template: 'CN-2021' }, 'x.json')).to.include({ ok: false, error: 'schemaVersion' });
    expect(parseAnnualFeed({ schemaVersion: 1.1, year: 2022, template: 'CN-2021' }, 'x.json').ok).to.equal(true);
    expect(parseAnnualFeed({ schemaVersion: 1, year: '2022', template: 'CN-2021' }, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    expect(parseAnnualFeed({ schemaVersion: 1, year: 2022.5, template: 'CN-2021' }, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    expect(parseAnnualFeed({ schemaVersion: 1, year: 2022, template: 'CN-2007' }, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    expect(parseAnnualFeed({ schemaVersion: 1, year: 2022 }, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
    for (const template of ['CN-2021', 'CN-2019', 'CN-legacy', 'custom']) {
      expect(parseAnnualFeed({ schemaVersion: 1, year: 2022, template }, 'x.json').ok, template).to.equal(true);
    }
    expect(parseAnnualIndex({ schemaVersion: 2, reports: [] }, 'x.json')).to.include({ ok: false, error: 'schemaVersion' });
    expect(parseAnnualIndex({ schemaVersion: 1 }, 'x.json')).to.include({ ok: false, error: 'invalidRoot' });
  });

  it('turns bad figures into null with a warning, keeps null as null', async () => {
    const json = await raw('2022.json');
    json.applications.newReceived = [38, -1, 0.5, '0', null, 1, 45];
    json.proactive.licensing.decisions = 'many';
    json.proactive.fees.amount = 86.5;
    json.reviewLitigation.review.total = Infinity; // JSON cannot carry it, a JS caller can
    json.custom[0].value = -3;
    const { report, warnings } = mustParse(json);
    expect(report.applications!.newReceived).to.deep.equal([38, null, null, null, null, 1, 45]);
    expect(report.proactive!.licensing!.decisions).to.equal(null);
    expect(report.proactive!.fees).to.deep.equal({ amount: 86.5, unit: '10kCNY' });
    expect(report.reviewLitigation!.review!.total).to.equal(null);
    expect(report.custom[0].value).to.equal(null);
    expect(warnings.map((w) => w.path)).to.deep.equal([
      'proactive.licensing.decisions',
      'applications.newReceived[1]', 'applications.newReceived[2]', 'applications.newReceived[3]',
      'reviewLitigation.review.total',
      'custom[0].value',
    ]);
    expect(warnings[1].message).to.contain('whole number');
  });

  it('pads and truncates rows of the wrong length, with a warning', async () => {
    const json = await raw('2022.json');
    json.applications.carriedOver = [2, 0, 0];
    json.applications.results.granted = [15, 2, 0, 0, 1, 0, 18, 99];
    const { report, warnings } = mustParse(json);
    expect(report.applications!.carriedOver).to.deep.equal([2, 0, 0, null, null, null, null]);
    expect(report.applications!.results.granted).to.deep.equal([15, 2, 0, 0, 1, 0, 18]);
    expect(warnings.map((w) => w.path)).to.deep.equal(['applications.carriedOver', 'applications.results.granted']);
  });

  it('maps a feed column order onto the standard one', async () => {
    const json = await raw('2022.json');
    const order = ['total', 'naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
    const reorder = (row: number[]) => [row[6], ...row.slice(0, 6)];
    const walk = (o: Record<string, any>) => {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'columns') continue;
        if (Array.isArray(v)) o[k] = reorder(v);
        else walk(v);
      }
    };
    walk(json.applications);
    json.applications.columns = order;
    const { report, warnings } = mustParse(json);
    expect(warnings).to.deep.equal([]);
    expect(report.applications!.columns).to.deep.equal([...APPLICANT_COLUMNS]);
    expect(report.applications!.newReceived).to.deep.equal([38, 4, 0, 0, 2, 1, 45]);
    expect(reconcile(report)).to.deep.equal([]);
  });

  it('drops non-text text fields and unsafe URLs, ignores unknown keys, resolves relative sourceUrl', () => {
    const { report, warnings } = mustParse({
      schemaVersion: 1, year: 2022, template: 'CN-2021', unknownRoot: { a: 1 },
      publisher: { name: '君山区', extra: true },
      publishedAt: '2023-02-30',
      sourceUrl: '../reports/2022.html',
      text: { overview: 42, problems: 'a\r\nb', improvements: ['x'], other: null, mystery: 'ignored' },
      custom: [{ key: 'k', label: 'L', value: 1, unit: 5 }, { label: 'no key', value: 1 }, { key: 'k', label: 'dup', value: 2 }],
      groups: [{ id: 'g', label: 'G' }, { id: 7 }],
    });
    expect(report.text).to.deep.equal({ problems: 'a\nb' });
    expect(report.publisher).to.deep.equal({ name: '君山区' });
    expect(report.publishedAt).to.equal(undefined);
    expect(report.sourceUrl).to.equal('https://example.gov.cn/feeds/reports/2022.html');
    expect(report.custom).to.deep.equal([{ key: 'k', label: 'L', value: 1 }]);
    expect(report.groups).to.deep.equal([{ id: 'g', label: 'G' }]);
    expect(warnings.map((w) => w.path)).to.deep.equal([
      'publishedAt', 'text.overview', 'text.improvements', 'custom[0].unit', 'custom[1].key', 'custom[2].key', 'groups[1].id',
    ]);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '  vbscript:x', 42]) {
      const r = mustParse({ schemaVersion: 1, year: 2022, template: 'CN-2021', sourceUrl: bad });
      expect(r.report.sourceUrl, String(bad)).to.equal(undefined);
      expect(r.warnings.map((w) => w.path)).to.deep.equal(['sourceUrl']);
    }
  });

  it('accepts the CN-2019 single （六） row and warns when the shape does not match the template', async () => {
    const json = await raw('2022.json');
    json.applications.results.other = [1, 1, 0, 0, 0, 0, 2];
    const { report, warnings } = mustParse(json);
    expect(warnings.map((w) => w.path)).to.deep.equal(['applications.results.other']);
    expect(getRow(report, 'results.other')).to.deep.equal([1, 1, 0, 0, 0, 0, 2]);
    expect(reconcile(report)).to.deep.equal([]);
  });

  it('getPath reads rows, cells and custom figures', async () => {
    const r = await load('2022.json');
    expect(getPath(r, 'results.withheld.stateSecret')).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
    expect(getPath(r, 'applications.results.withheld.processInfo')).to.deep.equal([2, 0, 0, 0, 0, 0, 2]);
    expect(getPath(r, 'proactive.normativeDocs.inForce')).to.equal(37);
    expect(getPath(r, 'reviewLitigation.review.total')).to.equal(2);
    expect(getPath(r, 'custom.siteVisits')).to.equal(412000);
    expect(getPath(r, 'results.withheld')).to.equal(undefined);
    expect(getPath(r, 'results.nothing.here')).to.equal(undefined);
    expect(getPath(r, 'constructor')).to.equal(undefined);
  });
});

describe('annual feed: reconciliation', () => {
  it('skips checks that need a null cell (not reported ≠ 0), and reports them once filled with 0', async () => {
    const base = await raw('2022.json');

    const withNull = clone(base);
    withNull.applications.results.withheld.adminQuery = [null, 0, 0, 0, 0, 0, 0];
    withNull.applications.carriedForward[0] = null;
    expect(reconcile(mustParse(withNull).report)).to.deep.equal([]);

    const missingRow = clone(base);
    delete missingRow.applications.results.other.unpaidFee;
    expect(reconcile(mustParse(missingRow).report)).to.deep.equal([]);

    const withZero = clone(base);
    withZero.applications.carriedForward[0] = 0;
    expect(reconcile(mustParse(withZero).report)).to.deep.equal([
      { rule: 'columnBalance', table: 3, column: 'naturalPerson', expected: 40, actual: 37 },
      { rule: 'rowTotal', table: 3, row: 'carriedForward', column: 'total', expected: 0, actual: 3 },
    ]);
  });

  it('finds results totals and Table 四 totals', async () => {
    const json = await raw('2022.json');
    json.applications.results.granted = [16, 2, 0, 0, 1, 0, 19]; // row adds up; （七） does not
    json.reviewLitigation.litigationDirect = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 2 };
    json.reviewLitigation.litigationAfterReview = { upheld: null, corrected: 0, other: 0, pending: 1, total: 5 };
    expect(reconcile(mustParse(json).report)).to.deep.equal([
      { rule: 'resultsTotal', table: 3, row: 'results.total', column: 'naturalPerson', expected: 38, actual: 37 },
      { rule: 'resultsTotal', table: 3, row: 'results.total', column: 'total', expected: 45, actual: 44 },
      { rule: 'table4Total', table: 4, row: 'reviewLitigation.litigationDirect', column: 'total', expected: 3, actual: 2 },
    ]);
  });
});

describe('annual feed: trends', () => {
  it('seriesKeys across CN-2019 and CN-2021 keeps （六） as results.other, summed', async () => {
    const r2020 = await load('2020.json');
    const r2022 = await load('2022.json');
    const keys = seriesKeys([r2020, r2022]);
    expect(keys).to.include('results.other');
    expect(keys).to.include('results.withheld.stateSecret');
    expect(keys).to.include('newReceived');
    expect(keys).to.include('custom.siteVisits');
    expect(keys).to.include('feesCollected.amount');
    expect(keys).to.include('proactive.licensing.decisions');
    expect(keys).to.not.include('results.other.noCorrection');
    expect(keys).to.not.include('proactive.normativeDocs.issued');
    expect(keys.indexOf('results.other')).to.equal(keys.indexOf('results.total') - 1);
    expect(seriesValue(r2022, 'results.other')).to.equal(2);
    expect(seriesValue(r2020, 'results.other')).to.equal(1);
    expect(series([r2022, r2020], 'results.other')).to.deep.equal([{ year: 2020, value: 1 }, { year: 2022, value: 2 }]);
    expect(series([r2022, r2020], 'newReceived')).to.deep.equal([{ year: 2020, value: 33 }, { year: 2022, value: 45 }]);
  });

  it('with the 2013 legacy report only the shared figures remain', async () => {
    const all = await Promise.all(['2013.json', '2020.json', '2022.json'].map(load));
    const keys = seriesKeys(all);
    expect(keys).to.include('reviewLitigation.review.total');
    expect(keys).to.include('feesCollected.amount');
    expect(keys).to.include('custom.siteVisits');
    expect(keys).to.not.include('results.other');
    expect(keys).to.not.include('custom.govAffairsItems');
    expect(seriesKeys([])).to.deep.equal([]);
  });

  it('the （六） sum is null when a part is not reported', async () => {
    const json = await raw('2022.json');
    json.applications.results.other.unpaidFee[6] = null;
    expect(seriesValue(mustParse(json).report, 'results.other')).to.equal(null);
  });
});
