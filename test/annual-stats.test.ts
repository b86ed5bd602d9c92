import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/annual-stats.js';
import '../src/provider.js';
import type { AnnualStats } from '../src/annual-stats.js';
import { templateFor, type AnnualTemplate, type Label } from '../src/elements/annual-stats/templates.js';
import { parseAnnualFeed } from '../src/elements/annual-stats/model.js';
import { reconcile } from '../src/elements/annual-stats/reconcile.js';
import { chartCount, chartOn, wrapLabel } from '../src/elements/annual-stats/charts.js';
import { cutOff, expectAccessible, misLanguaged, mountHtml, nextFrames, patchArrayFromLikePrototypeJs, storeFeed, textSpacing, waitUntilRendered } from './helpers.js';

/** Polls with timers, not animation frames (frames are throttled in a background tab when files run in parallel). */
async function waitUntil(check: () => unknown, what: string, timeout = 8000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sets `lang` and waits for the element to follow (the language is observed with a MutationObserver). */
async function setLang(el: AnnualStats, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await Promise.resolve();
  await el.updateComplete;
}

const FEEDS = '/demo/feeds/annual';
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cellTexts = (n: Element) => [...n.querySelectorAll('th, td')].map(text);

/** Picks a year in a report's year picker, as a reader does (the picker's change event), and waits for the update. */
async function pickYear(el: AnnualStats, year: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, 'select#year');
  select.value = year;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Two reports given years of their own (the second 2013, then the first 2020): each shows its own, in the page URL under its own key. */
async function pickTwo(a: AnnualStats, b: AnnualStats): Promise<void> {
  await pickYear(b, '2013');
  await pickYear(a, '2020');
  const url = new URLSearchParams(location.search);
  expect([url.get('annual.year'), url.get('annual2.year')]).to.deep.equal(['2020', '2013']);
  expect([a.shownYear, b.shownYear]).to.deep.equal([2020, 2013]);
}

async function mount(src: string, attrs: { year?: number; lang?: string; urlKey?: string; noCharts?: boolean; noUrl?: boolean } = {}): Promise<AnnualStats> {
  const el = await fixture<AnnualStats>(html`<annual-stats src=${src} year=${attrs.year ?? ''} lang=${attrs.lang ?? 'zh-CN'}
    url-key=${attrs.urlKey ?? ''} ?no-charts=${!!attrs.noCharts} ?no-url-state=${attrs.noUrl ?? !attrs.urlKey}></annual-stats>`);
  await el.loaded;
  await el.updateComplete;
  return el;
}

async function json(name: string): Promise<Record<string, unknown>> {
  return (await fetch(`${FEEDS}/${name}`)).json();
}

/** Every label of a template's Tables 二, 三 and 四 in one language. */
function templateLabels(tpl: AnnualTemplate, lang: 'zh' | 'en') {
  const L = (l: Label) => l[lang];
  const t2 = [L(tpl.table2.contentHeader), ...tpl.table2.blocks.flatMap((b) => [L(b.clause), ...b.columns.map((c) => L(c.label)), ...b.rows.map((r) => L(r.label))])];
  const t3 = [
    L(tpl.table3.cornerHeader), L(tpl.table3.applicantHeader), L(tpl.table3.organisationHeader),
    ...tpl.table3.columns.map((c) => L(c.label)),
    ...tpl.table3.rows.flatMap((r) => [L(r.section.label), (r.number ? `${r.number} ` : '') + L(r.label), ...(r.group ? [L(r.group.label)] : [])]),
  ];
  const t4 = [L(tpl.table4.review), L(tpl.table4.litigation), ...tpl.table4.groups.map((g) => L(g.label)), ...tpl.table4.outcomes.map((o) => L(o.label))];
  return { t2, t3, t4 };
}

function expectLabels(el: Element, tpl: AnnualTemplate, lang: 'zh' | 'en') {
  const { t2, t3, t4 } = templateLabels(tpl, lang);
  const cells = (id: string) => cellTexts($(el, `#${id}`));
  for (const [id, labels] of [['t2', t2], ['t3', t3], ['t4', t4]] as const) {
    const got = cells(id);
    for (const l of labels) expect(got, `${id} lacks "${l}"`).to.include(l);
  }
}

afterEach(async () => {
  history.replaceState(null, '', location.pathname);
  await emulateMedia({ reducedMotion: 'no-preference', media: 'screen' });
});

describe('<annual-stats>: national tables', () => {
  it('CN-2021: every label of Tables 二, 三, 四 in the official layout, and passes axe', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    const tpl = templateFor('CN-2021');
    expectLabels(el, tpl, 'zh');
    // literal labels from reference/domain.md §2
    const t3 = cellTexts($(el, '#t3'));
    for (const l of ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3. 危及“三安全一稳定”', '（六）其他处理',
      '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '四、结转下年度继续办理',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）']) expect(t3).to.include(l);
    expect(cellTexts($(el, '#t2'))).to.include.members(['第二十条第（八）项', '本年收费金额（单位：万元）', '行政规范性文件']);
    expect(cellTexts($(el, '#t4'))).to.include.members(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '尚未审结']);
    // 25 numeric rows × 7 columns; 三 spans 22 rows
    const rows = $$(el, '#t3 tbody tr');
    expect(rows).to.have.length(25);
    for (const r of rows) expect(r.querySelectorAll('td')).to.have.length(7);
    const results = $$(el, '#t3 th').find((th) => text(th) === '三、本年度办理结果')!;
    expect(results.getAttribute('rowspan')).to.equal('22');
    const corner = $(el, '#t3 thead td');
    expect([corner.getAttribute('colspan'), corner.getAttribute('rowspan')]).to.deep.equal(['3', '3']);
    expect($$(el, '#t3 th').find((th) => text(th) === '法人或其他组织')!.getAttribute('colspan')).to.equal('5');
    expect($$(el, '#t3 th').find((th) => text(th) === '（三）不予公开')!.getAttribute('rowspan')).to.equal('8');
    expect($$(el, '#t3 tbody th[scope="row"]').length).to.be.greaterThan(20);
    // Table 四: 15 cells, 行政复议 over 5 (two header rows), 行政诉讼 over 10
    expect($$(el, '#t4 tbody td')).to.have.length(15);
    const review = $$(el, '#t4 th').find((th) => text(th) === '行政复议')!;
    expect([review.getAttribute('colspan'), review.getAttribute('rowspan')]).to.deep.equal(['5', '2']);
    expect($$(el, '#t4 th').find((th) => text(th) === '行政诉讼')!.getAttribute('colspan')).to.equal('10');
    // figures: row 一 of 2022.json, money with its unit
    const first = rows[0];
    expect(cellTexts(first)).to.deep.equal(['一、本年新收政府信息公开申请数量', '38', '4', '0', '0', '2', '1', '45']);
    const fees = $$(el, '#t2 tr').find((tr) => text(tr.querySelector('th')) === '行政事业性收费')!;
    expect(text(fees.querySelector('td'))).to.equal('112.6 万元');
    const licensing = $$(el, '#t2 tr').find((tr) => text(tr.querySelector('th')) === '行政许可')!;
    expect(text(licensing.querySelector('td'))).to.equal('1,520');
    // Table 二's blocks are named by the title and their clause (its heading above says the title).
    expect($$(el, 'caption').map(text)).to.include.members(['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    expect($$(el, '#t2 table')[0].getAttribute('aria-label')).to.equal('二、主动公开政府信息情况 · 第二十条第（一）项');
    await expectAccessible(el);
  });

  it('Table 二 is one table per clause block, its columns lined up, so a screen reader gives each figure its own block’s headers only', async () => {
    const el = await mount(`${FEEDS}/2022.json`, { noCharts: true });
    const tables = $$(el, '#t2 > table');
    expect(tables.length).to.equal(templateFor('CN-2021').table2.blocks.length);
    for (const t of tables) expect(t.querySelectorAll('th.clause').length, 'one clause per table').to.equal(1);
    expect(tables[0].getAttribute('aria-label')).to.contain('第二十条第（一）项');
    // The figure columns line up from block to block (the same fixed layout).
    const edges = tables.map((t) => Math.round(t.querySelector('tr:nth-child(2) th')!.getBoundingClientRect().right));
    expect(new Set(edges).size, `label column edges ${edges}`).to.equal(1);
    await expectAccessible(el);
  });

  it('CN-2019: the trial-format labels, 23 rows with （六） as one row, 三 spanning 20', async () => {
    const el = await mount(`${FEEDS}/2020.json`);
    expectLabels(el, templateFor('CN-2019'), 'zh');
    const t2 = cellTexts($(el, '#t2'));
    for (const l of ['规范性文件', '本年新制作数量', '本年增/减', '其他对外管理服务事项', '第二十条第（九）项', '政府集中采购', '采购总金额']) expect(t2).to.include(l);
    expect(t2).not.to.include('行政规范性文件');
    expect($$(el, '#t3 tbody tr')).to.have.length(23);
    expect($$(el, '#t3 th').find((th) => text(th) === '三、本年度办理结果')!.getAttribute('rowspan')).to.equal('20');
    expect(cellTexts($(el, '#t3'))).not.to.include('3. 其他');
    await expectAccessible(el);
  });

  it('English labels when lang="en", and passes axe', async () => {
    const el = await mount(`${FEEDS}/2022.json`, { lang: 'en' });
    expectLabels(el, templateFor('CN-2021'), 'en');
    expect(cellTexts($(el, '#t3'))).to.include('I. New applications received this year');
    expect($$(el, 'caption').map(text)).to.include('III. Applications for disclosure of government information received and handled');
    expect($$(el, '#t2 table')[0].getAttribute('aria-label')).to.equal('II. Proactive disclosure of government information · Article 20 (1)');
    const fees = $$(el, '#t2 tr').find((tr) => text(tr.querySelector('th')) === 'Administrative and institutional fees')!;
    expect(text(fees.querySelector('td'))).to.equal('112.6 × 10,000 yuan');
    expect(text($(el, '[part~="data-toggle"]'))).to.equal('Show data table');
    await expectAccessible(el);
    // switching back follows the attribute
    await setLang(el, 'zh-CN');
    expect(cellTexts($(el, '#t3'))).to.include('一、本年新收政府信息公开申请数量');
  });

  it('an amount in 万元 is shown to the yuan (four decimals), not rounded to 0.01 万元', async () => {
    const feed = await json('2022.json');
    (feed.proactive as Record<string, Record<string, unknown>>).fees.amount = 0.0035; // 35 yuan
    const el = await mount(await storeFeed(feed));
    const fees = (label: string) => text($$(el, '#t2 tr').find((tr) => text(tr.querySelector('th')) === label)!.querySelector('td'));
    expect(fees('行政事业性收费')).to.equal('0.0035 万元');
    await setLang(el, 'en');
    expect(fees('Administrative and institutional fees')).to.equal('0.0035 × 10,000 yuan');
  });

  it('null is an empty cell explained as not reported (with a legend); 0 is 0', async () => {
    const feed = await json('2022.json');
    const p = feed.proactive as Record<string, Record<string, unknown>>;
    p.regulations.issued = null;
    p.regulations.repealed = 0;
    const el = await mount(await storeFeed(feed));
    const row = $$(el, '#t2 tr').find((tr) => text(tr.querySelector('th')) === '规章')!;
    const [issued, repealed] = [...row.querySelectorAll('td')];
    expect(issued.classList.contains('nr')).to.equal(true);
    expect(text(issued)).to.equal('未报告');
    expect(issued.querySelector('.vh')).to.exist;
    expect(text(repealed)).to.equal('0');
    expect(repealed.classList.contains('nr')).to.equal(false);
    expect(text($(el, '.legend'))).to.contain('未报告');
    expect(el.csvFor('t2')).to.contain('规章,本年制发件数,,');
    await setLang(el, 'en');
    expect(text($$(el, '#t2 td.nr')[0])).to.equal('not reported');
    expect(text($(el, '.legend'))).to.contain('not reported');
    await expectAccessible(el);
  });
});

describe('<annual-stats>: reconciliation', () => {
  it('broken-2021.json: a warning names the column or row and both sums; the data are still shown', async () => {
    const el = await mount(`${FEEDS}/broken-2021.json`);
    const panel = $(el, '[part~="reconciliation"]');
    expect(panel).to.exist;
    const parsed = parseAnnualFeed(await json('broken-2021.json'), location.href);
    if (!parsed.ok) throw new Error('parse');
    const issues = reconcile(parsed.report);
    expect(issues.length).to.be.greaterThan(0);
    const items = [...panel.querySelectorAll('li')].map(text);
    expect(items).to.have.length(issues.length);
    issues.forEach((i, k) => {
      expect(items[k]).to.contain(String(i.expected));
      expect(items[k]).to.contain(String(i.actual));
    });
    expect(items.join(' ')).to.contain('“自然人”列');
    expect(items.join(' ')).to.contain('四、结转下年度继续办理');
    expect($$(el, '#t3 tbody tr')).to.have.length(25);
    await expectAccessible(el);
  });

  it('（六） in the other template’s shape (one row in a CN-2021 feed, three in a CN-2019 one): its figures are shown, and a warning names its row', async () => {
    const f2021 = await json('2022.json');
    (f2021.applications as { results: { other: unknown } }).results.other = [1, 1, 0, 0, 0, 0, 3];
    const el = await mount(await storeFeed(f2021));
    const row = (e: Element, label: string) => $$(e, '#t3 tbody tr').map(cellTexts).find((c) => c.includes(label))?.slice(-7);
    expect(row(el, '（六）其他处理')).to.deep.equal(['1', '1', '0', '0', '0', '0', '3']);
    expect(el.csvFor('t3')).to.contain('三、本年度办理结果 （六）其他处理,1,1,0,0,0,0,3\r\n');
    expect($$(el, '[part~="reconciliation"] li').map(text)).to.include('表三“（六）其他处理”行：各申请人之和为 2，总计为 3。');
    const f2019 = await json('2020.json');
    (f2019.applications as { results: { other: unknown } }).results.other = {
      noCorrection: [1, 0, 0, 0, 0, 0, 2], unpaidFee: [0, 0, 0, 0, 0, 0, 0], other: [0, 0, 0, 0, 0, 0, 0],
    };
    const el2 = await mount(await storeFeed(f2019), { lang: 'en' });
    expect(row(el2, '1. Applicant failed to correct the application in time without good reason; the agency no longer processes it'))
      .to.deep.equal(['1', '0', '0', '0', '0', '0', '2']);
    expect($$(el2, '[part~="reconciliation"] li').map(text)).to.include(
      'Table III, row “(6) Other handling 1. Applicant failed to correct the application in time without good reason; the agency no longer processes it”: the applicant columns add up to 1, but the total is 2.');
    await expectAccessible(el2);
  });

  it('2022.json reconciles: no warning panel', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    expect($(el, '[part~="reconciliation"]')).to.equal(null);
  });
});

describe('<annual-stats>: column headers', () => {
  it('in a portal’s 787px content column Tables 三 and 四 fit, and their Chinese headers break between words (商业/企业, 结果/维持; not 商业企/业, 结果维/持)', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    el.style.cssText = 'display: block; width: 787px';
    await nextFrames(2);
    for (const id of ['t3', 't4']) {
      const w = $(el, `#${id}`).closest('.table-wrap')!;
      expect(w.scrollWidth, `#${id} scrolls`).to.be.at.most(w.clientWidth);
    }
    const where = headerBreaks(el);
    expect(where.filter((x) => x.includes('|')), 'some header breaks (the test sees a break)').not.to.deep.equal([]);
    for (const x of where) expect(HEADER_WORDS.includes(x), x).to.equal(true);
  });
});

/** The words of the Chinese headers of Tables 三 and 四 (and the row groups of 三) that may be broken, as the labels are read. */
const WORDS = ['商业', '企业', '科研', '机构', '社会', '公益', '组织', '法律', '服务', '自然人', '其他', '总计', '结果', '维持', '纠正', '尚未', '审结',
  '三、', '本年度', '办理', '结果', '（三）', '不予', '公开', '（四）', '无法', '提供', '（五）', '处理', '（六）'];
/** Every way of putting line breaks only between those words, for each label that is made of them. */
const HEADER_WORDS: string[] = [];
{
  const split = (t: string): string[][] => (t ? WORDS.filter((w) => t.startsWith(w)).flatMap((w) => split(t.slice(w.length)).map((r) => [w, ...r])) : [[]]);
  const joins = (ws: string[]): string[] => (ws.length < 2 ? [ws.join('')] : joins(ws.slice(1)).flatMap((r) => [ws[0] + r, `${ws[0]}|${r}`]));
  for (const label of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '自然人', '其他', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结',
    '三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) {
    for (const ws of split(label)) HEADER_WORDS.push(...joins(ws));
  }
}

/** The column headers of Tables 三 and 四 and Table 三's row groups as shown: their lines joined with |. */
function headerBreaks(el: Element): string[] {
  return $$(el, '#t3 thead th[scope="col"], #t4 thead tr:last-child th, #t3 th.section, #t3 th.group').map((th) => {
    let out = '';
    let top: number | undefined;
    const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      for (let i = 0; i < t.textContent!.length; i++) {
        const r = document.createRange();
        r.setStart(t, i);
        r.setEnd(t, i + 1);
        const y = Math.round(r.getBoundingClientRect().top);
        if (/\s/.test(t.textContent![i])) continue;
        if (top !== undefined && y > top + 2) out += '|';
        top = y;
        out += t.textContent![i];
      }
    }
    return out;
  });
}

describe('<annual-stats>: CN-legacy seed (2013)', () => {
  it('shows every seed figure under its group and the text sections as paragraphs', async () => {
    const el = await mount(`${FEEDS}/2013.json`);
    const all = text(el.shadowRoot!.querySelector('.root'));
    const figures: [string, string][] = [
      ['政务信息', '1,470'], ['文件公报', '35'], ['公告公示', '16'], ['领导讲话', '10'], ['视频资料', '156'], ['人事任免', '7'],
      ['招商引资', '4'], ['公共服务事项', '752'], ['网站总访问量', '35,000'], ['总页面点击量', '98,000'], ['日均访问量', '269'], ['日均点击量', '97'],
    ];
    for (const [label, value] of figures) {
      const row = $$(el, 'table tr').find((tr) => text(tr.querySelector('th')) === label);
      expect(row, label).to.exist;
      expect(text(row!.querySelector('td'))).to.contain(value);
    }
    const captions = $$(el, 'caption').map(text);
    expect(captions).to.include.members(['主动公开政府信息情况', '网站访问', '依申请公开政府信息情况', '政府信息公开收费情况']);
    expect(text($$(el, 'table tr').find((tr) => text(tr.querySelector('th')) === '网站总访问量'))).to.contain('原文：总访问量3.5万余人次');
    // text sections split on blank lines
    const paras = $$(el, 'p.text').map(text);
    const seed = (await json('2013.json')).text as Record<string, string>;
    for (const k of ['intro', 'overview', 'proactive', 'applications', 'fees', 'reviewLitigation', 'problems', 'improvements']) {
      for (const part of seed[k].split(/\n\s*\n/)) expect(paras, k).to.include(part.trim().replace(/\s+/g, ' '));
    }
    expect(paras.filter((p) => p.startsWith('(一)加强组织领导'))).to.have.length(1);
    expect($$(el, 'h3').map(text)).to.include.members(['总体情况', '存在的主要问题及改进情况']);
    expect(all).to.contain('1、政府门户网站版面落后');
    // the standard block it has (Table 四) is shown too
    expect($$(el, '#t4 tbody td')).to.have.length(15);
    await expectAccessible(el);
  });

  it('a figures table beside a long label and note keeps its column header 数值 on one line (it broke as 数/值 in the demo’s 787px column)', async () => {
    const el = await mount(`${FEEDS}/2013.json`);
    el.style.cssText = 'display: block; width: 760px';
    await nextFrames(2);
    const heads = $$(el, 'thead th').filter((th) => text(th) === '数值' && th.checkVisibility());
    expect(heads.length).to.be.greaterThan(3);
    for (const th of heads) {
      const r = document.createRange();
      r.selectNodeContents(th);
      expect(new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size, th.closest('table')!.id).to.equal(1);
    }
  });

  it('the CSV of custom figures says which are approximate (约500 in the table), in a column of its own; the values stay numbers', async () => {
    const el = await mount(await storeFeed({
      schemaVersion: 1, year: 2013, template: 'CN-legacy', groups: [{ id: 'web', label: '网站访问' }],
      custom: [
        { key: 'visits', label: '网站访问量', value: 500, unit: '人次', group: 'web', approximate: true },
        { key: 'docs', label: '公开文件', value: 12, unit: '件', group: 'web' },
      ],
    }));
    expect(cellTexts($(el, '#g0'))).to.include('约500 人次');
    expect(el.csvFor('g0')).to.equal('\uFEFF项目,约数,数值,单位\r\n网站访问量,约,500,人次\r\n公开文件,,12,件\r\n');
    await setLang(el, 'en');
    expect(cellTexts($(el, '#g0'))).to.include('about 500 人次');
    expect(el.csvFor('g0')).to.equal('\uFEFFItem,Approximate,Value,Unit\r\n网站访问量,about,500,人次\r\n公开文件,,12,件\r\n');
  });
});

/** The parts of a chart.js chart the tests read. */
interface TestChart {
  width: number;
  data: { labels: string[] };
  options: { scales: Record<'x' | 'y', { ticks: { font: { size: number; family: string } } }> };
  scales: { y: { ticks: { label: string | string[] }[] } };
}

describe('<annual-stats>: print', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`on an A4 page (about 680px wide) every table fits the width, Tables 三 and 四 included (${lang})`, async () => {
      const wrapper = document.createElement('div');
      wrapper.style.width = '680px';
      document.body.append(wrapper);
      try {
        const el = document.createElement('annual-stats') as AnnualStats;
        el.lang = lang;
        el.setAttribute('no-url-state', '');
        el.noCharts = true;
        el.src = `${FEEDS}/2022.json`;
        wrapper.append(el);
        await el.updateComplete; // the first update starts the load (after the strings): only then is `loaded` that load's
        await el.loaded;
        await el.updateComplete;
        await emulateMedia({ media: 'print' });
        for (const id of ['t2', 't3', 't4']) {
          const node = $(el, `#${id}`);
          for (const table of node.matches('table') ? [node] : [...node.querySelectorAll('table')]) {
            expect(table.getBoundingClientRect().width, id).to.be.at.most(wrapper.getBoundingClientRect().width + 0.5);
          }
        }
        // No English word of a header is cut across lines (a hyphen may end a line: Public-|interest): printing has no
        // dictionary to hyphenate with on every system, and "Correc|ted" reads badly. (Chinese breaks between characters.)
        const cut: string[] = [];
        for (const th of $$(el, 'th')) {
          for (const node of [...th.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE)) {
            for (const m of node.data.matchAll(/[A-Za-z]{2,}/g)) {
              const range = document.createRange();
              range.setStart(node, m.index!);
              range.setEnd(node, m.index! + m[0].length);
              if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) cut.push(m[0]);
            }
          }
        }
        expect(cut, 'header words cut across lines').to.deep.equal([]);
        // Controls are not printed.
        expect(getComputedStyle($(el, '[part~="csv-button"]')).display).to.equal('none');
      } finally {
        await emulateMedia({ media: 'screen' });
        wrapper.remove();
      }
    });
  }
});

describe('<annual-stats>: charts', () => {
  it('draws the charts (non-blank canvas, text summary) and destroys them on removal', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const before = chartCount();
    const el = await mount(`${FEEDS}/2022.json`);
    await waitUntil(() => chartCount() >= before + 2, 'charts drawn');
    const canvases = $$<HTMLCanvasElement>(el, 'canvas');
    expect(canvases).to.have.length(2);
    for (const c of canvases) {
      expect(chartOn(c)).to.exist;
      expect(c.width).to.be.greaterThan(0);
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
      expect(painted, 'painted pixels').to.be.greaterThan(100);
    }
    const wrap = canvases[0].parentElement!;
    expect(wrap.getAttribute('role')).to.equal('img');
    expect(wrap.getAttribute('aria-label')).to.contain('行政许可：1,520');
    const outcomes = $(el, 'canvas[data-chart="c-outcomes"]').parentElement!;
    expect(outcomes.getAttribute('aria-label')).to.contain('（一）予以公开：18');
    el.remove();
    expect(chartCount()).to.equal(before);
    for (const c of canvases) expect(chartOn(c)).to.equal(undefined);
  });

  it('the results chart gives no total for a group with a reason not reported (or left out), as its table shows 未报告', async () => {
    const feed = await json('2022.json');
    const results = (feed.applications as { results: Record<string, Record<string, unknown>> }).results;
    results.withheld.stateSecret = [null, null, null, null, null, null, null];
    delete results.unable.notHeld;
    const el = await mount(await storeFeed(feed));
    const summary = $(el, 'canvas[data-chart="c-outcomes"]').parentElement!.getAttribute('aria-label')!;
    expect(summary).to.contain('（三）不予公开：未报告');
    expect(summary).to.contain('（四）无法提供：未报告');
    expect(summary).to.contain('（一）予以公开：18');
    expect(el.csvFor('c-outcomes')).to.contain('（三）不予公开,\r\n');
  });

  it('draws where Prototype.js or MooTools replaced Array.from (chart.js ships without it)', async () => {
    const restore = patchArrayFromLikePrototypeJs();
    try {
      const before = chartCount();
      const el = await mount(`${FEEDS}/2022.json`);
      await waitUntil(() => chartCount() >= before + 2, 'charts drawn');
      expect($(el, '.panel.warning[role="status"]')).to.equal(null);
      el.remove();
    } finally {
      restore();
    }
  });

  it('under a page zoom (a 无障碍 toolbar’s `zoom: 2`), the charts are drawn for the size they are shown at, not enlarged and blurred', async () => {
    document.body.style.zoom = '2';
    try {
      const el = await mount(`${FEEDS}/2022.json`);
      await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').filter((c) => chartOn(c)).length === 2, 'charts drawn');
      for (const c of $$<HTMLCanvasElement>(el, 'canvas')) {
        // Canvas pixels for each device pixel it covers: below 1, the browser stretches the picture.
        expect(c.width / (c.getBoundingClientRect().width * devicePixelRatio), c.dataset.chart).to.be.at.least(0.99);
      }
      el.remove();
    } finally {
      document.body.style.removeProperty('zoom');
    }
  });

  /**
   * Waits until `el`'s canvases have as many pixels as the device pixels they cover (below 1 per device pixel the browser
   * stretches the picture, blurred; above 1 it shrinks one drawn for a scale no longer there).
   */
  const sharpCharts = (el: Element, what: string) => {
    const ratios = () => $$<HTMLCanvasElement>(el, 'canvas').map((c) => c.width / (c.getBoundingClientRect().width * devicePixelRatio));
    return waitUntilRendered(() => ratios().every((r) => Math.abs(r - 1) < 0.01), `${what}: ${ratios()}`);
  };
  /** Waits until chart.js has drawn `el`'s charts at their boxes' widths and its first resize observation is over. */
  async function settled(el: Element) {
    await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').filter((c) => chartOn(c)).length === 2, 'charts drawn');
    await waitUntilRendered(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => Math.abs(parseFloat(c.style.width) - c.parentElement!.clientWidth) < 1), 'charts at full width');
    await nextFrames(4);
  }

  it('under a page scaled with a transform (a 无障碍 toolbar’s `transform: scale(1.5)` on <body>), the charts follow the scale as it is switched on, changed and off', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    const style = document.createElement('style');
    const toolbar = document.createElement('button');
    document.body.append(toolbar);
    // No scroll bars coming and going with the scale (they resize the window and the chart's box, which would redraw
    // the charts anyway): each way of scaling below is heard by itself.
    document.documentElement.style.overflow = 'hidden';
    try {
      await settled(el);
      // A toolbar setting the style attribute,
      document.body.style.transformOrigin = '0 0';
      document.body.style.transform = 'scale(1.5)';
      await sharpCharts(el, 'scale(1.5) set in the style attribute');
      // one adding a style sheet when its button is clicked, and taking it away on the next click,
      toolbar.addEventListener('click', () => {
        if (style.isConnected) return style.remove();
        style.textContent = 'body { transform: scale(2) !important }';
        document.head.append(style);
      });
      toolbar.click();
      await sharpCharts(el, 'scale(2) from a style sheet added on a click');
      toolbar.click();
      await sharpCharts(el, 'scale(1.5) again, the style sheet taken away on a click');
      // and one that animates its change, back to no scale.
      document.body.style.transition = 'transform .3s';
      const ended = new Promise((r) => document.body.addEventListener('transitionend', r, { once: true }));
      document.body.style.transform = '';
      // (heard at its start, when the page is still at 1.5, and again at its end)
      await ended;
      await sharpCharts(el, 'back to no scale, after a transition');
      el.remove();
    } finally {
      style.remove();
      toolbar.remove();
      for (const p of ['transform', 'transform-origin', 'transition']) document.body.style.removeProperty(p);
      document.documentElement.style.removeProperty('overflow');
    }
  });

  it('under a scale a media query sets on a box of fixed width, the charts follow the window across it', async () => {
    const style = document.createElement('style');
    style.textContent = '@media (max-width: 700px) { .scaled-box { transform: scale(1.5); transform-origin: 0 0 } }';
    document.head.append(style);
    try {
      await setViewport({ width: 800, height: 600 });
      const wrap = mountHtml(html`<div class="scaled-box"><annual-stats src=${`${FEEDS}/2022.json`} lang="zh-CN" no-url-state></annual-stats></div>`, 'width: 400px');
      const el = wrap.querySelector('annual-stats') as AnnualStats;
      await el.loaded;
      await settled(el);
      await setViewport({ width: 650, height: 600 });
      await sharpCharts(el, 'scale(1.5) from a media query');
      await setViewport({ width: 800, height: 600 });
      await sharpCharts(el, 'no scale, the window wide again');
    } finally {
      style.remove();
    }
  });

  it('drawn under a scale already there (`transform: scale(1.5)` on a wrapper), the charts are as sharp as they are shown', async () => {
    const wrap = mountHtml(html`<annual-stats src=${`${FEEDS}/2022.json`} lang="zh-CN" no-url-state></annual-stats>`, 'transform: scale(1.5)');
    const el = wrap.firstElementChild as AnnualStats;
    await el.loaded;
    await settled(el);
    await sharpCharts(el, 'scale(1.5)');
  });

  it('when chart.js fails on a hostile page, says so and shows the chart data as tables', async () => {
    const measure = CanvasRenderingContext2D.prototype.measureText;
    CanvasRenderingContext2D.prototype.measureText = () => {
      throw new TypeError('broken by the host page');
    };
    try {
      const el = await mount(`${FEEDS}/2022.json`);
      await waitUntil(() => $(el, '.panel.warning[role="status"]'), 'charts-failed notice');
      expect(text($(el, '.panel.warning[role="status"]'))).to.equal('图表无法加载，数据见表格。');
      await el.updateComplete;
      expect($$(el, 'canvas')).to.have.length(0);
      const figure = $$(el, 'figure[part="chart"]')[0];
      expect(figure.querySelector('table')).to.exist;
      expect(figure.querySelector('table')!.closest('[hidden]')).to.equal(null);
      await expectAccessible(el);
    } finally {
      CanvasRenderingContext2D.prototype.measureText = measure;
    }
  });

  it('counts get whole-number ticks (no 0.2 … 1.8 applications); amounts keep their fractions', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
    for (const c of $$<HTMLCanvasElement>(el, 'canvas')) {
      const scales = (chartOn(c) as unknown as { options: { scales: Record<string, { ticks: { precision?: number } }> } }).options.scales;
      expect(scales.x.ticks.precision, c.dataset.chart).to.equal(0);
    }
  });

  it('the outcomes chart is a breakdown: its six groups in the six palette colours; other charts in the first', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
    const colours = (id: string) => (chartOn($<HTMLCanvasElement>(el, `canvas[data-chart="${id}"]`)) as unknown as { data: { datasets: { backgroundColor: string | string[] }[] } }).data.datasets[0].backgroundColor;
    const outcomes = colours('c-outcomes') as string[];
    expect(outcomes).to.have.length(6);
    expect(new Set(outcomes).size).to.equal(6);
    expect(typeof colours('c-proactive')).to.equal('string');
  });

  it('dark theme: an agency\'s light --de-chart-1 is not carried into it; --de-dark-chart-1 is its own', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
    const first = () => (chartOn($<HTMLCanvasElement>(el, 'canvas[data-chart="c-outcomes"]')) as unknown as { data: { datasets: { backgroundColor: string[] }[] } }).data.datasets[0].backgroundColor[0].toLowerCase();
    el.style.setProperty('--de-chart-1', '#0a2a4a'); // a dark navy: fine on white, under 3:1 on the dark background
    el.theme = 'light'; // the charts take the theme's colours again
    await el.updateComplete;
    await waitUntil(() => first() === '#0a2a4a', 'the agency colour', 3000);
    el.theme = 'dark';
    await el.updateComplete;
    await waitUntil(() => first() !== '#0a2a4a', 'the dark scheme\'s own first colour', 3000);
    expect(first()).to.equal('#8cc4ff');
    el.style.setProperty('--de-dark-chart-1', '#ffd27a');
    el.theme = 'light';
    await el.updateComplete;
    el.theme = 'dark';
    await el.updateComplete;
    await waitUntil(() => first() === '#ffd27a', '--de-dark-chart-1', 3000);
  });

  it('dark theme: every bar colour keeps 3:1 against the background; Escape hides a hover tooltip', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    el.theme = 'dark';
    await el.updateComplete;
    await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
    const lum = (hex: string) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.fillStyle = hex;
      const [r, g, b] = (ctx.fillStyle as string).match(/[0-9a-f]{2}/gi)!.map((x) => parseInt(x, 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = lum('#16181b');
    const chart = chartOn($<HTMLCanvasElement>(el, 'canvas[data-chart="c-outcomes"]')) as unknown as {
      data: { datasets: { backgroundColor: string[] }[] }; tooltip: { setActiveElements(a: unknown[], p: unknown): void; getActiveElements(): unknown[] }; update(): void;
    };
    for (const c of chart.data.datasets[0].backgroundColor) expect((lum(c) + 0.05) / (bg + 0.05), c).to.be.at.least(3);
    chart.tooltip.setActiveElements([{ datasetIndex: 0, index: 0 }], { x: 10, y: 10 });
    chart.update();
    expect(chart.tooltip.getActiveElements()).to.have.length(1);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(chart.tooltip.getActiveElements()).to.have.length(0);
  });

  it('names the provider’s agency as publisher when the report does not', async () => {
    const feed = await json('2022.json');
    delete feed.publisher;
    const src = await storeFeed(feed);
    const el = await fixture<HTMLElement>(html`<disclosure-provider agency="岳阳市君山区人民政府"><annual-stats src=${src} no-url-state no-charts></annual-stats></disclosure-provider>`);
    const stats = el.querySelector('annual-stats') as AnnualStats;
    await stats.loaded;
    await stats.updateComplete;
    expect(text($(stats, 'header .meta'))).to.contain('岳阳市君山区人民政府');
  });

  it('wraps long bar labels into two lines that fit a narrow chart, cutting only what cannot fit, skipping none', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const before = chartCount();
    const wrapper = document.createElement('div');
    wrapper.style.width = '360px';
    document.body.append(wrapper);
    try {
      const el = document.createElement('annual-stats') as AnnualStats;
      el.lang = 'en';
      el.setAttribute('no-url-state', '');
      el.src = `${FEEDS}/2022.json`;
      wrapper.append(el);
      await waitUntil(() => chartCount() >= before + 2, 'charts drawn');
      const canvas = $<HTMLCanvasElement>(el, 'canvas[data-chart="c-proactive"]');
      const chart = chartOn(canvas) as TestChart;
      const ticks = chart.scales.y.ticks;
      expect(ticks.length, 'every bar keeps its label').to.equal(chart.data.labels.length);
      const ctx = canvas.getContext('2d')!;
      const { size, family } = chart.options.scales.y.ticks.font;
      ctx.font = `${size}px ${family}`;
      const lines = ticks.flatMap((t) => (Array.isArray(t.label) ? t.label : [t.label]));
      for (const line of lines) expect(ctx.measureText(line).width, line).to.be.at.most(chart.width * 0.45 + 1);
      expect(ticks.some((t) => Array.isArray(t.label) && t.label.length === 2), 'a long label takes two lines').to.equal(true);
      // "Administrative normative documents · Issued this year" is too long for two lines here: the row part is cut
      // before its last word, so the three bars of that row still say which column they are, and which row (rows that
      // begin alike differ by their last word); the whole label is in the summary.
      const shown = ticks.map((t) => [t.label].flat().join(' '));
      expect(new Set(shown).size, shown.join(' | ')).to.equal(shown.length);
      expect(shown.filter((l) => /^Administra\S*… documents · /.test(l)), shown.join(' | ')).to.have.length(3);
      expect(canvas.parentElement!.getAttribute('aria-label')).to.contain('Administrative normative documents · Issued this year');
    } finally {
      wrapper.remove();
    }
  });

  it('a bar chart on a phone in large-text mode: the figures under its bars do not run together (1,0002,0003,000)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    // The element's own font, and the demo portal's theme's (demo/theme-junshan.css), with which it was seen.
    for (const font of ['', '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif']) {
      const before = chartCount();
      const wrapper = document.createElement('div');
      wrapper.style.width = '282px';
      if (font) wrapper.style.setProperty('--de-font-family', font);
      document.body.append(wrapper);
      try {
        const el = document.createElement('annual-stats') as AnnualStats;
        el.lang = 'zh-CN';
        el.largeText = true;
        el.setAttribute('no-url-state', '');
        el.src = `${FEEDS}/2020.json`;
        wrapper.append(el);
        await waitUntil(() => chartCount() >= before + 2, 'charts drawn');
        const canvas = $<HTMLCanvasElement>(el, 'canvas[data-chart="c-proactive"]');
        type Axis = { ticks: { label: string }[]; getPixelForTick(i: number): number; options: { ticks: { font: { size: number; family: string } } } };
        const x = (chartOn(canvas) as unknown as { scales: { x: Axis } }).scales.x;
        const ctx = canvas.getContext('2d')!;
        ctx.font = `${x.options.ticks.font.size}px ${x.options.ticks.font.family}`;
        const half = (i: number) => ctx.measureText(x.ticks[i].label).width / 2;
        expect(x.ticks.length, 'two figures at least').to.be.at.least(2);
        for (let i = 1; i < x.ticks.length; i++) {
          const room = x.getPixelForTick(i) - x.getPixelForTick(i - 1);
          expect(room, `${font || 'own font'}: ${x.ticks[i - 1].label} | ${x.ticks[i].label}`).to.be.greaterThan(half(i - 1) + half(i) + 4);
        }
      } finally {
        wrapper.remove();
      }
    }
  });

  it('sizes chart labels from the text, larger in large-text mode (适老化)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const sizes: number[] = [];
    for (const large of [false, true]) {
      const before = chartCount();
      const el = await mount(`${FEEDS}/2022.json`);
      el.largeText = large;
      await el.updateComplete;
      await waitUntil(() => chartCount() >= before + 2 && !!chartOn($<HTMLCanvasElement>(el, 'canvas')), 'charts drawn');
      await waitUntil(() => {
        const c = chartOn($<HTMLCanvasElement>(el, 'canvas')) as TestChart | undefined;
        return c && c.options.scales.y.ticks.font.size === Math.max(12, Math.round(parseFloat(getComputedStyle($(el, '.chart')).fontSize) * 0.8125));
      }, 'labels sized from the text');
      const chart = chartOn($<HTMLCanvasElement>(el, 'canvas')) as TestChart;
      sizes.push(chart.options.scales.y.ticks.font.size);
      expect(chart.options.scales.x.ticks.font.size).to.equal(sizes[sizes.length - 1]);
      el.remove();
    }
    expect(sizes[0]).to.equal(13);
    expect(sizes[1], 'large text').to.be.greaterThan(sizes[0] + 2);
  });

  it('draws in the system colours under forced colours (Windows high contrast), and back when they are off', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const before = chartCount();
    const el = await mount(`${FEEDS}/2022.json`);
    await waitUntil(() => chartCount() >= before + 2, 'charts drawn');
    const canvas = () => $<HTMLCanvasElement>(el, 'canvas[data-chart="c-proactive"]');
    const colours = () => {
      const c = chartOn(canvas()) as { options: { scales: { y: { ticks: { color: string } } } }; data: { datasets: { backgroundColor: string }[] } };
      return { text: c.options.scales.y.ticks.color, bar: c.data.datasets[0].backgroundColor };
    };
    const normal = colours();
    try {
      await executeServerCommand('media-features', { 'forced-colors': 'active', 'prefers-color-scheme': 'dark' });
      await waitUntilRendered(() => colours().text === 'CanvasText', 'redrawn in system colours', 8000);
      expect(colours()).to.deep.equal({ text: 'CanvasText', bar: 'Highlight' });
      // The canvas paints them in the user's palette: white text on the black of a dark high-contrast theme.
      const ctx = canvas().getContext('2d')!;
      ctx.fillStyle = 'CanvasText';
      expect(ctx.fillStyle).to.equal('#ffffff');
      // (No axe run here: under forced colours the browser, not the page, picks every colour.)
    } finally {
      await executeServerCommand('media-features', {});
    }
    await waitUntilRendered(() => colours().text === normal.text, 'back to the theme colours', 8000);
    expect(colours().bar).to.equal(normal.bar);
    el.remove();
  });

  it('wrapLabel: breaks Latin text between words and Chinese between characters, a long word by characters; shortens a row before its column', () => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = '10px monospace';
    const w = ctx.measureText('x').width;
    expect(wrapLabel(ctx, 'Rules · Issued this year', 12 * w)).to.deep.equal(['Ru… · Issued', 'this year']);
    expect(wrapLabel(ctx, 'Rules · Issued this year', 12 * w, 3)).to.deep.equal(['Rules ·', 'Issued this', 'year']);
    expect(wrapLabel(ctx, 'Short', 12 * w)).to.deep.equal(['Short']);
    const zh = ctx.measureText('规').width;
    const text = '行政规范性文件 · 本年制发件数';
    const lines = wrapLabel(ctx, text, 6 * zh);
    // Chinese breaks between characters; the row part is shortened, the column kept whole.
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(/^行政规\S*… ·$/);
    expect(lines[1]).to.equal('本年制发件数');
    for (const l of lines) expect(ctx.measureText(l).width).to.be.at.most(6 * zh);
    expect(wrapLabel(ctx, '行政规范性文件本年制发件数', 6 * zh)).to.deep.equal(['行政规范性文', '件本年制发…']);
    expect(wrapLabel(ctx, 'Supercalifragilistic', 8 * w)).to.deep.equal(['Supercal', 'ifragil…']);
    // A "row · column" label too long for two lines keeps its column and shortens its row.
    expect(wrapLabel(ctx, 'Administrative normative documents · Issued', 20 * w)).to.deep.equal(['Administrative norm…', 'documents · Issued']);
    // Rows that begin alike keep the word that tells them apart; a column too long for the lines left has them, cut.
    expect(wrapLabel(ctx, 'Administrative licensing · Items last year', 16 * w)).to.deep.equal(['Adm… licensing ·', 'Items last year']);
    expect(wrapLabel(ctx, 'Normative documents · Newly published this year', 16 * w)).to.deep.equal(['Nor… documents ·', 'Newly published…']);
  });

  it('redraws when the data change, without leaking charts', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const before = chartCount();
    const el = await mount(`${FEEDS}/2022.json`);
    await waitUntil(() => chartCount() === before + 2, 'charts drawn');
    el.src = `${FEEDS}/2020.json`;
    await el.loaded;
    await el.updateComplete;
    await waitUntil(() => $$(el, 'canvas').every((c) => chartOn(c as HTMLCanvasElement)), 'redrawn');
    expect(chartCount()).to.equal(before + 2);
    el.remove();
    expect(chartCount()).to.equal(before);
  });

  it('"show data table" toggles a real table with CSV; the CSV button downloads csvFor(); axe passes open', async () => {
    const el = await mount(`${FEEDS}/2022.json`);
    const button = $$(el, '[part~="data-toggle"]')[1];
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const box = $(el, `#${button.getAttribute('aria-controls')}`);
    expect(box.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(box.hidden).to.equal(false);
    const table = box.querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.equal('本年度办理结果（总计）（数据表）');
    expect(cellTexts(table)).to.include.members(['（一）予以公开', '18', '（六）其他处理']);
    const csv = el.csvFor('c-outcomes')!;
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    expect(csv).to.contain('（一）予以公开,18\r\n');
    expect(el.csvFor('t3')).to.contain('一、本年新收政府信息公开申请数量,38,4,0,0,2,1,45\r\n');
    expect(el.csvFor('t4')).to.contain('行政复议,结果维持,');
    // the button hands exactly csvFor() to the download
    const blobs: Blob[] = [];
    const origCreate = URL.createObjectURL;
    const origClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => { blobs.push(b as Blob); return 'blob:x'; };
    HTMLAnchorElement.prototype.click = function () {};
    try {
      box.querySelector<HTMLButtonElement>('[part~="csv-button"]')!.click();
    } finally {
      URL.createObjectURL = origCreate;
      HTMLAnchorElement.prototype.click = origClick;
    }
    expect(blobs).to.have.length(1);
    const got = new Uint8Array(await blobs[0].arrayBuffer());
    expect(got).to.deep.equal(new TextEncoder().encode(csv));
    await expectAccessible(el);
  });

  it('no-charts: no canvas, the chart data are shown as tables', async () => {
    const el = await mount(`${FEEDS}/2022.json`, { noCharts: true });
    expect($$(el, 'canvas')).to.have.length(0);
    expect($$(el, '[part~="data-toggle"]')).to.have.length(0);
    expect(cellTexts($(el, '#c-outcomes'))).to.include('（一）予以公开');
  });

  it('print: no controls are printed', async () => {
    const el = await mount(`${FEEDS}/index.json`, { year: 2022 });
    await emulateMedia({ media: 'print' });
    for (const sel of ['[part~="csv-button"]', '[part~="data-toggle"]', '[part~="toolbar"]']) {
      expect(getComputedStyle($(el, sel)).display, sel).to.equal('none');
    }
    expect(getComputedStyle($(el, '#t3')).display).to.equal('table');
  });

  it('print: each chart is drawn again at the width of the paper (it was printed at the screen’s width, its right part cut off)', async () => {
    // Printing lays the page out at the paper's width, then prints: no resize observation comes in between (Chart.js
    // resizes on those), so none is given here. A host page's print style makes the column narrower, as paper is.
    const RO = window.ResizeObserver;
    window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
    const style = document.createElement('style');
    style.textContent = '@media print { .paper-narrow { width: 600px !important; } }';
    document.head.append(style);
    try {
      const box = mountHtml(html`<annual-stats src=${`${FEEDS}/index.json`} year="2022" no-url-state></annual-stats>`, 'width: 1000px');
      box.className = 'paper-narrow';
      const el = box.querySelector('annual-stats') as AnnualStats;
      await el.loaded;
      await el.updateComplete;
      await waitUntil(() => $(el, '#trend-key') && $$(el, 'canvas').length > 2 && $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
      const wider = () => $$<HTMLCanvasElement>(el, 'canvas').filter((c) => c.getBoundingClientRect().width > c.parentElement!.getBoundingClientRect().width + 0.5);
      expect(wider(), 'on screen').to.deep.equal([]);
      await emulateMedia({ media: 'print' });
      await waitUntilRendered(() => !wider().length, 'every chart within the width of the paper', 10000);
    } finally {
      window.ResizeObserver = RO;
      await emulateMedia({ media: 'screen' });
      style.remove();
    }
  });

  it('print: a chart is printed 16em tall, not at its screen height (18em); a bar chart keeps its room for each bar; none, with its caption, is taller than an A4 page', async () => {
    const em = (box: Element) => box.getBoundingClientRect().height / parseFloat(getComputedStyle(box).fontSize);
    const box = (el: AnnualStats, id: string) => $(el, `canvas[data-chart="${id}"]`).parentElement!;
    const el = await mount(`${FEEDS}/index.json`, { year: 2022 });
    expect(em(box(el, 'trend'))).to.be.closeTo(18, 0.1);
    const bars = em(box(el, 'c-outcomes'));
    await emulateMedia({ media: 'print' });
    expect(em(box(el, 'trend')), 'the trend').to.be.closeTo(16, 0.1);
    expect(em(box(el, 'c-outcomes')), 'six bars, each with its label').to.be.closeTo(bars, 0.1);
    await emulateMedia({ media: 'screen' });
    // Forty figures drawn as bars: 91em on screen, more than a page (A4, 297 mm, less Chrome's default 0.4 in margins
    // top and bottom: 1,046 px) holds.
    const custom = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, label: `指标${i}`, value: i + 1, group: 'proactive' }));
    const many = await mount(await storeFeed({ schemaVersion: 1, year: 2013, template: 'CN-legacy', custom, groups: [{ id: 'proactive', label: '主动公开' }] }));
    expect(em(box(many, 'c-proactive'))).to.be.above(80);
    await emulateMedia({ media: 'print' });
    const figure = box(many, 'c-proactive').closest('figure')!;
    expect(figure.getBoundingClientRect().height).to.be.at.most(1046);
    expect(em(box(many, 'c-proactive')), 'still as tall as a page allows').to.be.above(50);
  });

  it('print: a chart of many bars, with its caption, fits an A4 page in large-text mode too and under a host’s html{font-size:62.5%} (its limit is in mm, not em)', async () => {
    const custom = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, label: `指标${i}`, value: i + 1, group: 'proactive' }));
    const many = await mount(await storeFeed({ schemaVersion: 1, year: 2013, template: 'CN-legacy', custom, groups: [{ id: 'proactive', label: '主动公开' }] }));
    const figure = () => $(many, 'canvas[data-chart="c-proactive"]').closest('figure')!.getBoundingClientRect().height;
    await emulateMedia({ media: 'print' });
    // A4 (297 mm) less Chrome's default margins (0.4 in top and bottom): 1,046 px; a page with margins of 2 cm: 971 px.
    for (const [large, root] of [[true, ''], [false, '62.5%'], [true, '62.5%']] as const) {
      many.largeText = large;
      document.documentElement.style.fontSize = root;
      await many.updateComplete;
      const what = `${large ? 'large text' : 'normal text'}, html{font-size:${root || 'medium'}}`;
      expect(figure(), what).to.be.at.most(971);
      expect(figure(), `${what}: still most of a page`).to.be.above(750);
    }
    document.documentElement.style.removeProperty('font-size');
  });
});

describe('<annual-stats>: several years', () => {
  it('index: year picker (年度), URL state, event, trend over the shared keys', async () => {
    const el = await mount(`${FEEDS}/index.json`, { year: 2013, urlKey: 'yr' });
    const select = $<HTMLSelectElement>(el, 'select#year');
    expect(text(el.shadowRoot!.querySelector(`label[for="year"]`))).to.equal('年度');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['2022', '2020', '2013']);
    expect(select.value).to.equal('2013');
    expect(text($(el, 'header h2'))).to.equal('2013年君山区政府信息公开工作年度报告');
    let changed: unknown;
    el.addEventListener('annual-year-change', (e) => (changed = (e as CustomEvent).detail));
    select.value = '2022';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(changed).to.deep.equal({ year: 2022 });
    expect(new URLSearchParams(location.search).get('yr.year')).to.equal('2022');
    expect(text($(el, 'header h2'))).to.contain('2022年');
    expect($$(el, '#t3 tbody tr')).to.have.length(25);
    // trend: shared keys of 2013, 2020, 2022 (Table 四, fees, site visits)
    const trend = $(el, '[part~="trend"]');
    expect(trend).to.exist;
    const keys = [...trend.querySelectorAll<HTMLOptionElement>('#trend-key option')].map((o) => o.value);
    expect(keys).to.include.members(['reviewLitigation.review.total', 'feesCollected.amount', 'custom.siteVisits']);
    expect(keys).not.to.include('newReceived');
    const csv = el.csvFor('trend')!;
    // (Its last column, 约数, names the years of an approximate figure: 2013's 3.5万余 visits.)
    expect(csv).to.contain(',2013,2020,2022,约数\r\n');
    expect(csv).to.contain('网站总访问量（人次）,35000,389000,412000,2013');
    await expectAccessible(el);
    // back button
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.shownYear).to.equal(2013);
    expect($<HTMLSelectElement>(el, 'select#year').value).to.equal('2013');
    // The year attribute set again later (a framework, a Storybook control) shows that year.
    el.year = 2020;
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shownYear).to.equal(2020);
    expect($<HTMLSelectElement>(el, 'select#year').value).to.equal('2020');
  });

  it('`loaded`, asked for as soon as the element is in the page (before its first update), waits for the index and every year: the report and the trend over all three years are there', async () => {
    // As a host page does: append, then wait. (Not fixture(), which waits for the first update itself.)
    const el = document.createElement('annual-stats') as AnnualStats;
    el.setAttribute('no-url-state', '');
    el.noCharts = true;
    el.src = `${FEEDS}/index.json`;
    mountHtml(html``).append(el);
    await el.loaded;
    expect(el.shownYear).to.equal(2022);
    expect(text($(el, 'header h2'))).to.contain('2022年');
    expect(el.csvFor('trend')).to.contain(',2013,2020,2022,约数\r\n');
    expect($$(el, '#trend-key option')).to.have.length(17);
  });

  it('back and forward to a year picked before: the year picker shows the year the report shows', async () => {
    const el = await mount(`${FEEDS}/index.json`, { urlKey: 'yr' });
    const select = () => $<HTMLSelectElement>(el, 'select#year');
    const pick = async (year: string) => {
      select().value = year;
      select().dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    // 2022 (the latest) → 2020 → 2022 → 2020: each year's option has been picked once by the reader.
    await pick('2020');
    await pick('2022');
    await pick('2020');
    for (const expected of [2022, 2020, 2022]) {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      if (expected === 2020) history.forward();
      else history.back();
      await popped;
      await el.updateComplete;
      expect(el.shownYear).to.equal(expected);
      expect(select().value, `picker after going to ${expected}`).to.equal(String(expected));
    }
  });

  it('the year in the URL wins over the year attribute', async () => {
    history.replaceState(null, '', `${location.pathname}?annual.year=2020`);
    const el = await mount(`${FEEDS}/index.json`, { year: 2013, noUrl: false });
    expect(el.shownYear).to.equal(2020);
    expect($<HTMLSelectElement>(el, 'select#year').value).to.equal('2020');
  });

  it('two reports on a page, neither with an id nor a url-key: each keeps its own year in the page URL (annual, annual2), also after a reload', async () => {
    history.replaceState(null, '', location.pathname);
    const two = async () => {
      const wrap = await fixture<HTMLElement>(html`<div><annual-stats src=${`${FEEDS}/index.json`} no-charts></annual-stats><annual-stats src=${`${FEEDS}/index.json`} no-charts></annual-stats></div>`);
      const els = [...wrap.querySelectorAll('annual-stats')] as AnnualStats[];
      for (const el of els) await el.loaded;
      return els;
    };
    let [a, b] = await two();
    await pickTwo(a!, b!);
    // A reload (the same page, new elements): each its own year again.
    a!.parentElement!.remove();
    [a, b] = await two();
    await waitUntil(() => a!.shownYear === 2020 && b!.shownYear === 2013, 'each report its own year');
    history.replaceState(null, '', location.pathname);
  });

  it('two reports without an id inside another component’s shadow root: each keeps its own year in the page URL, after a reload and on Back', async () => {
    history.replaceState(null, '', location.pathname);
    let wrap: HTMLElement;
    const two = async () => {
      wrap = mountHtml(html`<div></div>`);
      const root = wrap.firstElementChild!.attachShadow({ mode: 'open' });
      root.innerHTML = `<annual-stats src="${FEEDS}/index.json" no-charts></annual-stats><annual-stats src="${FEEDS}/index.json" no-charts></annual-stats>`;
      const els = [...root.querySelectorAll('annual-stats')] as AnnualStats[];
      for (const el of els) await el.loaded;
      return els;
    };
    let [a, b] = await two();
    await pickTwo(a!, b!);
    // Back: the first one's pick is undone; the second keeps its year, in the report and in its picker.
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
    await a!.updateComplete;
    await b!.updateComplete;
    expect([a!.shownYear, b!.shownYear]).to.deep.equal([2022, 2013]);
    expect($<HTMLSelectElement>(b!, 'select#year').value).to.equal('2013');
    history.forward();
    await waitUntil(() => a!.shownYear === 2020, 'forward again');
    // A reload (the same page, new elements): each its own year again.
    wrap!.remove();
    [a, b] = await two();
    await waitUntil(() => a!.shownYear === 2020 && b!.shownYear === 2013, 'each report its own year');
    history.replaceState(null, '', location.pathname);
  });

  it('a report with id="annual" and one without an id keep their years apart in the page URL', async () => {
    history.replaceState(null, '', `${location.pathname}?annual.year=2013`);
    const wrap = mountHtml(html`
      <annual-stats src=${`${FEEDS}/index.json`} no-charts></annual-stats>
      <annual-stats id="annual" src=${`${FEEDS}/index.json`} no-charts></annual-stats>`);
    const [plain, named] = [...wrap.querySelectorAll('annual-stats')] as AnnualStats[];
    await Promise.all([plain!.loaded, named!.loaded]);
    expect(named!.shownYear, 'annual.year is the one with id="annual"').to.equal(2013);
    expect(plain!.shownYear, 'not the other').to.equal(2022);
    await pickYear(plain!, '2020');
    const params = new URLSearchParams(location.search);
    expect(params.get('annual.year'), 'not written under the other one’s key').to.equal('2013');
    expect(params.get('annual2.year')).to.equal('2020');
    expect([plain!.shownYear, named!.shownYear]).to.deep.equal([2020, 2013]);
    history.replaceState(null, '', location.pathname);
  });

  it('a report with id="annual" added after one that took the automatic key annual: each keeps its own year in the page URL', async () => {
    history.replaceState(null, '', location.pathname);
    const wrap = mountHtml(html`<annual-stats src=${`${FEEDS}/index.json`} no-charts></annual-stats>`);
    const plain = wrap.querySelector('annual-stats') as AnnualStats;
    await plain.loaded;
    await pickYear(plain, '2020');
    expect(new URLSearchParams(location.search).get('annual.year')).to.equal('2020');
    // The page adds a report whose id is the key the first one took.
    const named = document.createElement('annual-stats') as AnnualStats;
    named.id = 'annual';
    named.src = `${FEEDS}/index.json`;
    named.noCharts = true;
    wrap.append(named);
    await named.loaded;
    expect(named.shownYear, 'the first one’s year is not the named one’s').to.equal(2022);
    const params = new URLSearchParams(location.search);
    expect([params.get('annual.year'), params.get('annual2.year')]).to.deep.equal([null, '2020']);
    await pickYear(named, '2013');
    const after = new URLSearchParams(location.search);
    expect([after.get('annual.year'), after.get('annual2.year')]).to.deep.equal(['2013', '2020']);
    expect([plain.shownYear, named.shownYear]).to.deep.equal([2020, 2013]);
    history.replaceState(null, '', location.pathname);
  });

  it('trend sums the 2021 split of （六） so it lines up with 2019', async () => {
    const index = { schemaVersion: 1, reports: [{ year: 2020, url: `${FEEDS}/2020.json` }, { year: 2022, url: `${FEEDS}/2022.json` }] };
    const el = await mount(await storeFeed(index));
    const keys = [...$$<HTMLOptionElement>(el, '#trend-key option')].map((o) => o.value);
    expect(keys).to.include('results.other');
    expect(keys).to.include('newReceived');
    const sel = $<HTMLSelectElement>(el, '#trend-key');
    sel.value = 'results.other';
    sel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '[part~="trend"] figcaption'))).to.contain('（六）其他处理');
    expect(el.csvFor('trend')).to.match(/（六）其他处理,\d+,\d+/);
  });

  it('a custom figure whose unit changes from year to year (人次, then 万人次) is not drawn as one series', async () => {
    const year = (y: number, visits: number, unit: string) => storeFeed({
      schemaVersion: 1, year: y, template: 'CN-legacy',
      custom: [{ key: 'visits', label: '网站访问量', value: visits, unit }, { key: 'docs', label: '公开文件', value: y - 2000, unit: '件' }],
    });
    const index = { schemaVersion: 1, reports: [{ year: 2013, url: await year(2013, 35000, '人次') }, { year: 2014, url: await year(2014, 4.1, '万人次') }] };
    const el = await mount(await storeFeed(index));
    expect($$<HTMLOptionElement>(el, '#trend-key option').map((o) => o.value)).to.deep.equal(['custom.docs']);
    expect(el.csvFor('trend')).not.to.contain('网站访问量');
  });

  it('a custom figure in 万元 (unit 10kCNY) is labelled 万元 in the trend and in its CSV, not with the code', async () => {
    const year = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', custom: [{ key: 'cost', label: '公开经费', value: y - 2010, unit: '10kCNY' }] });
    const index = { schemaVersion: 1, reports: [{ year: 2013, url: await year(2013) }, { year: 2014, url: await year(2014) }] };
    const el = await mount(await storeFeed(index));
    expect($$(el, '#trend-key option').map(text)).to.deep.equal(['公开经费（万元）']);
    expect(el.csvFor('trend')).to.contain('公开经费（万元）,3,4\r\n');
    expect(el.csvFor('g0')).to.contain('公开经费,4,万元\r\n');
    await setLang(el, 'en');
    expect($$(el, '#trend-key option').map(text)).to.deep.equal(['公开经费 (× 10,000 yuan)']);
    expect(el.csvFor('g0')).to.contain('公开经费,4,"× 10,000 yuan"\r\n');
  });

  it('the trend keeps 约 / about on the years whose figure is approximate (2013’s 3.5万余 visits): its text summary and data table; its CSV keeps the numbers and names those years in a 约数 column', async () => {
    const el = await mount(`${FEEDS}/index.json`);
    const sel = $<HTMLSelectElement>(el, '#trend-key');
    sel.value = 'custom.siteVisits';
    sel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="trend"] [part~="data-toggle"]').click();
    await el.updateComplete;
    const summary = () => $(el, '[part~="trend"] [role="img"]').getAttribute('aria-label');
    const row = () => $$(el, '#trend tbody tr').map(cellTexts).find((r) => r[0] === '网站总访问量（人次）');
    expect(summary()).to.contain('2013：约35,000；2020：389,000；2022：412,000');
    expect(row()).to.deep.equal(['网站总访问量（人次）', '约35,000', '389,000', '412,000']);
    const csv = el.csvFor('trend')!;
    expect(csv).to.match(/^\uFEFF项目,2013,2020,2022,约数\r\n/);
    expect(csv).to.contain('\r\n网站总访问量（人次）,35000,389000,412000,2013\r\n');
    // The other figures are exact: their 约数 cell is empty.
    expect(csv).to.contain('\r\n信息处理费（元）,0,0,0,\r\n');
    await expectAccessible(el);
    await setLang(el, 'en');
    expect(summary()).to.contain('2013: about 35,000; 2020: 389,000; 2022: 412,000');
    expect(row()).to.deep.equal(['网站总访问量（人次）', 'about 35,000', '389,000', '412,000']);
    expect(el.csvFor('trend')).to.match(/^\uFEFFItem,2013,2020,2022,Approximate\r\n/);
    // Two approximate years of three: both named, apart.
    const year = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', custom: [{ key: 'v', label: '访问量', value: y - 2000, approximate: y < 2015 }] });
    const two = await mount(await storeFeed({ schemaVersion: 1, reports: [{ year: 2013, url: await year(2013) }, { year: 2014, url: await year(2014) }, { year: 2015, url: await year(2015) }] }));
    expect(two.csvFor('trend')).to.equal('\uFEFF项目,2013,2014,2015,约数\r\n访问量,13,14,15,2013 2014\r\n');
    expect(cellTexts($(two, '#trend tbody'))).to.deep.equal(['访问量', '约13', '约14', '15']);
  });

  it('a missing year shows an error for that year only; the picker stays usable; axe passes', async () => {
    const index = {
      schemaVersion: 1,
      reports: [
        { year: 2020, url: `${FEEDS}/2020.json` },
        { year: 2021, url: `${FEEDS}/missing-2021.json` },
        { year: 2022, url: `${FEEDS}/2022.json` },
      ],
    };
    const errors: unknown[] = [];
    document.addEventListener('disclosure-error', (e) => errors.push((e as CustomEvent).detail), { once: true });
    const el = await mount(await storeFeed(index), { year: 2021 });
    const alert = $(el, '[part~="error"][role="alert"]');
    expect(text(alert)).to.contain('2021');
    expect(text(alert)).to.contain('404');
    expect($(el, '[part~="retry-button"]')).to.exist;
    expect((errors[0] as { year: number }).year).to.equal(2021);
    const select = $<HTMLSelectElement>(el, 'select#year');
    expect(select.disabled).to.equal(false);
    expect(text($(el, '[part~="trend"]'))).to.contain('2021');
    await expectAccessible(el);
    select.value = '2022';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '[part~="error"]')).to.equal(null);
    expect($$(el, '#t3 tbody tr')).to.have.length(25);
    const live = () => text($(el, '[aria-live="polite"]'));
    expect(live()).to.equal('已显示2022年度报告');
    // Back to the year that failed: its error is the news, not 已显示2021年度报告.
    select.value = '2021';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '[part~="error"][role="alert"]'))).to.contain('2021');
    expect(live()).to.equal('');
  });

  it('the trend names the years it could not load as a list in the UI’s language (2019、2021 / 2019, 2021)', async () => {
    const index = {
      schemaVersion: 1,
      reports: [
        { year: 2019, url: `${FEEDS}/missing-2019.json` },
        { year: 2020, url: `${FEEDS}/2020.json` },
        { year: 2021, url: `${FEEDS}/missing-2021.json` },
        { year: 2022, url: `${FEEDS}/2022.json` },
      ],
    };
    const src = await storeFeed(index);
    const zh = await mount(src, { year: 2022, noCharts: true });
    await waitUntil(() => text($(zh, '[part~="trend"]')).includes('2021'), 'the trend notes the missing years');
    expect(text($(zh, '[part~="trend"] p'))).to.contain('未能加载的年度不在趋势图中：2019、2021。');
    const en = await mount(src, { year: 2022, noCharts: true, lang: 'en' });
    await waitUntil(() => text($(en, '[part~="trend"]')).includes('2021'), 'the trend notes the missing years');
    expect(text($(en, '[part~="trend"] p'))).to.contain('left out of the trend: 2019, 2021.');
  });

  it('each year file fires disclosure-load with its year and its report as data', async () => {
    const loads: { year?: number; url: string; data: { year?: number; template?: string } }[] = [];
    const listen = (e: Event) => loads.push((e as CustomEvent).detail);
    document.addEventListener('disclosure-load', listen);
    try {
      await mount(`${FEEDS}/index.json`);
    } finally {
      document.removeEventListener('disclosure-load', listen);
    }
    const years = loads.filter((d) => d.year !== undefined).sort((a, b) => a.year! - b.year!);
    expect(years.map((d) => [d.year, d.data.year, d.data.template, d.url.replace(/.*\//, '')])).to.deep.equal([
      [2013, 2013, 'CN-legacy', '2013.json'], [2020, 2020, 'CN-2019', '2020.json'], [2022, 2022, 'CN-2021', '2022.json'],
    ]);
  });

  it('a year in the URL that the index does not list: the latest is shown and the URL names it, without a new history entry', async () => {
    history.replaceState(null, '', `${location.pathname}?annual.year=1999&page=3`);
    const before = history.length;
    const el = await mount(`${FEEDS}/index.json`, { noUrl: false });
    expect(el.shownYear).to.equal(2022);
    expect(new URLSearchParams(location.search).get('annual.year')).to.equal('2022');
    expect(new URLSearchParams(location.search).get('page')).to.equal('3');
    expect(history.length).to.equal(before);
    // Forward to an entry with a year not listed (a link from elsewhere): corrected in place too.
    history.pushState(null, '', `${location.pathname}?annual.year=2013`);
    history.pushState(null, '', `${location.pathname}?annual.year=1998`);
    const pushed = history.length;
    for (const [go, year] of [[() => history.back(), 2013], [() => history.forward(), 2022]] as const) {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      go();
      await popped;
      await el.updateComplete;
      expect(el.shownYear).to.equal(year);
      expect(new URLSearchParams(location.search).get('annual.year')).to.equal(String(year));
    }
    expect(history.length).to.equal(pushed);
  });

  it('the trend’s figure picker shows the figure drawn when a year that loads late changes the shared figures', async () => {
    const year = (y: number, keys: string[], delay = 0) => storeFeed({
      schemaVersion: 1, year: y, template: 'CN-legacy', custom: keys.map((k, i) => ({ key: k, label: `指标${k}`, value: y + i })),
    }, { delay });
    const index = { schemaVersion: 1, reports: [
      { year: 2013, url: await year(2013, ['a', 'b', 'c']) }, { year: 2014, url: await year(2014, ['a', 'b', 'c']) },
      { year: 2015, url: await year(2015, ['a', 'c'], 1500) },
    ] };
    const el = await fixture<AnnualStats>(html`<annual-stats src=${await storeFeed(index)} no-url-state></annual-stats>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#trend-key'), 'the trend of the first two years');
    const sel = $<HTMLSelectElement>(el, '#trend-key');
    // The reader picks c, then a, then b, before 2015 has loaded.
    for (const k of ['c', 'a', 'b']) {
      sel.value = `custom.${k}`;
      sel.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    expect(text($(el, '[part~="trend"] figcaption'))).to.contain('指标b');
    await el.loaded;
    await el.updateComplete;
    // 2015 has no b: the trend draws the first shared figure, a, and the picker names it.
    expect([...sel.options].map((o) => o.value)).to.deep.equal(['custom.a', 'custom.c']);
    expect(text($(el, '[part~="trend"] figcaption'))).to.contain('指标a');
    expect(sel.value).to.equal('custom.a');
  });

  it('the year property set from script after the index loaded: the URL names that year (replaced, no new history entry); not with no-url-state', async () => {
    history.replaceState(null, '', `${location.pathname}?yr.year=2013`);
    const before = history.length;
    const el = await mount(`${FEEDS}/index.json`, { urlKey: 'yr' });
    expect(el.shownYear).to.equal(2013);
    const changes: unknown[] = [];
    el.addEventListener('annual-year-change', (e) => changes.push((e as CustomEvent).detail));
    el.year = 2020;
    await el.updateComplete;
    expect(el.shownYear).to.equal(2020);
    expect(changes).to.deep.equal([{ year: 2020 }], 'README: annual-year-change also when year is set again after the index loaded');
    // A reload shows the year set, not the URL's older one.
    expect(new URLSearchParams(location.search).get('yr.year')).to.equal('2020');
    expect(history.length).to.equal(before);
    el.remove();
    const quiet = await mount(`${FEEDS}/index.json`, { urlKey: 'yr', noUrl: true });
    quiet.year = 2013;
    await quiet.updateComplete;
    expect(quiet.shownYear).to.equal(2013);
    expect(location.search).to.equal('?yr.year=2020');
    expect(history.length).to.equal(before);
  });

  it('an index listed as a year of an index (already read as an index on the page) is an error for that year, not a crash', async () => {
    // The index is read first as what it is; the same file (same ETag) listed as a year must then be read as a year.
    await mount(`${FEEDS}/index.json`);
    const index = { schemaVersion: 1, reports: [{ year: 2020, url: `${FEEDS}/2020.json` }, { year: 2022, url: `${FEEDS}/index.json` }] };
    const el = await mount(await storeFeed(index), { year: 2022 });
    expect(text($(el, '[part~="error"][role="alert"]'))).to.contain('2022');
    expect($(el, 'select#year')).to.exist;
  });

  it('an index whose latest year links the report of another year (2021 → 2022.json) shows it and its trend; it blanked the element (a TypeError in render)', async () => {
    const index = { schemaVersion: 1, reports: [{ year: 2020, url: `${FEEDS}/2020.json` }, { year: 2021, url: `${FEEDS}/2022.json` }] };
    const el = await mount(await storeFeed(index), { noCharts: true });
    expect($$<HTMLOptionElement>(el, 'select#year option').map((o) => o.value)).to.deep.equal(['2021', '2020']);
    expect(text($(el, 'h2'))).to.contain('2022');
    expect($(el, '[part~="trend"]')).to.exist;
  });
});

describe('<annual-stats>: hostile feed', () => {
  it('feed text stays text: no elements created from it, no javascript: link', async () => {
    const el = await mount(`${FEEDS}/hostile.json`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, iframe, svg, b')).to.have.length(0);
    expect([...root.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.href))).to.have.length(0);
    expect(text($(el, 'header h2'))).to.equal('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect($$(el, 'p.text').map(text)).to.include('<a href="javascript:alert(1)">点击</a>');
    expect($$(el, 'caption').map(text)).to.include('<iframe src="javascript:alert(1)"></iframe>');
    await expectAccessible(el);
  });

  it('a group listed twice (same id) shows its figures once, in one table with ids of its own', async () => {
    const feed = {
      schemaVersion: 1, year: 2013, template: 'CN-legacy',
      custom: [{ key: 'a', label: '甲', value: 1, group: 'web' }],
      groups: [{ id: 'web', label: '网站' }, { id: 'web', label: '网站（重复）' }],
    };
    const el = await mount(await storeFeed(feed));
    expect($$(el, 'table').map((t) => t.id)).to.deep.equal(['g0']);
    expect($$(el, 'th').filter((th) => text(th) === '甲')).to.have.length(1);
    expect(text($(el, '[part~="warning"]'))).to.contain('groups[1].id');
  });

  it('a unit named like a built-in property (toString, constructor, __proto__) is shown as the word it is', async () => {
    const feed = {
      schemaVersion: 1, year: 2013, template: 'CN-legacy',
      custom: [
        { key: 'a', label: '甲', value: 1, unit: 'toString' },
        { key: 'b', label: '乙', value: 2, unit: 'constructor' },
        { key: 'c', label: '丙', value: 3, unit: '__proto__' },
      ],
    };
    const el = await mount(await storeFeed(feed));
    expect($$(el, 'td .unit').map(text)).to.deep.equal(['toString', 'constructor', '__proto__']);
    expect(el.shadowRoot!.textContent).to.not.contain('native code');
  });
});

describe('<annual-stats>: language of parts (WCAG 3.1.2)', () => {
  /** Opens the data table of every chart (they are in the DOM either way; open, axe checks them too). */
  async function openTables(el: AnnualStats): Promise<void> {
    for (const b of $$(el, '[part~="data-toggle"][aria-expanded="false"]')) b.click();
    await el.updateComplete;
  }

  /** Picks a figure of the trend (its label is the feed's for a custom figure). */
  async function pickTrend(el: AnnualStats, key: string): Promise<void> {
    const sel = $<HTMLSelectElement>(el, '#trend-key');
    expect([...sel.options].map((o) => o.value)).to.include(key);
    sel.value = key;
    sel.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }

  async function pickYear(el: AnnualStats, year: number): Promise<void> {
    const sel = $<HTMLSelectElement>(el, 'select#year');
    sel.value = String(year);
    sel.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }

  /** The `lang` of the closest marked ancestor of `n` inside the shadow root ('' for the UI's own root). */
  const langOf = (n: Element | null) => (n?.closest('[lang]:not(.root)')?.getAttribute('lang') ?? '');
  /** The header cell of `root` (an element's shadow root, a table) that reads `label`. */
  const rowHeader = (root: ParentNode, label: string) => [...root.querySelectorAll('th')].find((th) => text(th) === label);

  /** 2022.json written in English (`lang: 'en'`): its own title, publisher, text, groups and custom figures. */
  async function englishReport(): Promise<Record<string, unknown>> {
    const feed = await json('2022.json');
    Object.assign(feed, {
      lang: 'en',
      title: 'Junshan District annual report on government information disclosure, 2022 (sample data)',
      publisher: { name: 'Junshan District People’s Government' },
      text: {
        intro: 'This report is made under the Regulations on the Disclosure of Government Information.',
        overview: 'Sample data: the figures are made up for the demonstration.\n\nA second paragraph of the overview.',
        problems: 'Some departments updated their pages late.',
        improvements: 'Training for every department.',
        other: 'No information processing fees were charged.',
      },
      groups: [{ id: 'web', label: 'Website visits' }, { id: 'proactive', label: 'Published by the district' }],
      custom: [
        { key: 'siteVisits', label: 'Visits to the website', value: 412000, unit: 'visits', group: 'web', approximate: true, note: 'Given as more than 410,000 visits' },
        { key: 'dailyVisits', label: 'Visits a day', value: 1130, unit: 'visits', group: 'web' },
        { key: 'pressReleases', label: 'Press releases', value: 12, unit: 'releases', group: 'proactive' },
        { key: 'leaflets', label: 'Leaflets handed out', value: 300, unit: 'leaflets' },
      ],
      feesCollected: { amount: 0, unit: 'yuan' },
    });
    (feed.proactive as Record<string, Record<string, unknown>>).fees.unit = 'ten thousand yuan';
    return feed;
  }

  it('English UI on Chinese feeds (lang: zh-CN): a CN-legacy report with custom figures, a CN-2021 report, an index — the feed text is marked zh-CN, the UI is not', async () => {
    // CN-legacy: custom groups (captions), labels, units (条, 人次, 元), notes, text sections, a chart of custom figures.
    let el = await mount(`${FEEDS}/2013.json`, { lang: 'en' });
    await openTables(el);
    expect(misLanguaged(el)).to.deep.equal([]);
    expect($(el, 'header h2').getAttribute('lang')).to.equal('zh-CN');
    expect($$(el, 'p.text').map((p) => p.getAttribute('lang'))).to.satisfy((l: string[]) => l.length > 8 && l.every((x) => x === 'zh-CN'));
    expect(langOf(rowHeader(el.shadowRoot!, '网站总访问量')!)).to.equal('zh-CN');
    expect($$(el, 'caption').find((c) => text(c) === '网站访问')!.getAttribute('lang')).to.equal('zh-CN');
    expect($$(el, 'td.note').map((td) => td.getAttribute('lang'))).to.include('zh-CN');
    expect($$(el, '.unit').find((u) => text(u) === '人次')!.getAttribute('lang')).to.equal('zh-CN');
    // UI text stays English: section headings, the charts' captions and headers, the publisher's label.
    expect($$(el, 'h3').every((h) => !h.closest('[lang]:not(.root)'))).to.equal(true);
    expect(text($(el, 'header .meta span'))).to.equal('Published by: 岳阳市君山区人民政府');
    expect(langOf($(el, 'header .meta span'))).to.equal('');
    expect($(el, 'header .meta span [lang="zh-CN"]')).to.exist;
    await expectAccessible(el);
    el.remove();

    // CN-2021, its money units the feed's own words (万元, 元), not the codes the locale files name.
    const feed = await json('2022.json');
    (feed.proactive as Record<string, Record<string, unknown>>).fees.unit = '万元';
    feed.feesCollected = { amount: 0, unit: '元' };
    el = await mount(await storeFeed(feed), { lang: 'en' });
    await openTables(el);
    expect(misLanguaged(el)).to.deep.equal([]);
    expect($$(el, '#t2 .unit, p .unit').map((u) => `${text(u)} ${u.getAttribute('lang')}`)).to.deep.equal(['万元 zh-CN', '元 zh-CN']);
    expect(langOf($(el, '#t3 th'))).to.equal('');
    await expectAccessible(el);
    el.remove();

    // An index of two years: one with its own publisher, one named by the index's; the trend of a custom figure.
    const y2022 = await json('2022.json');
    delete y2022.publisher;
    const index = { schemaVersion: 1, lang: 'zh-CN', publisher: { name: '君山区人民政府办公室' }, reports: [{ year: 2013, url: `${FEEDS}/2013.json` }, { year: 2022, url: await storeFeed(y2022) }] };
    el = await mount(await storeFeed(index), { lang: 'en', year: 2013 });
    await pickTrend(el, 'custom.siteVisits');
    await openTables(el);
    expect(misLanguaged(el)).to.deep.equal([]);
    expect($$<HTMLOptionElement>(el, '#trend-key option').find((o) => o.value === 'custom.siteVisits')!.getAttribute('lang')).to.equal('zh-CN');
    expect($(el, '[part~="trend"] figcaption [lang="zh-CN"]')).to.exist;
    await waitUntil(() => rowHeader($(el, '#trend'), '网站总访问量（人次）'), 'the trend label in the feed’s language');
    expect(langOf(rowHeader($(el, '#trend'), '网站总访问量（人次）')!)).to.equal('zh-CN');
    await expectAccessible(el);
    await pickYear(el, 2022);
    await openTables(el);
    expect(misLanguaged(el)).to.deep.equal([]);
    expect(text($(el, 'header .meta span'))).to.equal('Published by: 君山区人民政府办公室');
    expect($(el, 'header .meta span [lang="zh-CN"]')).to.exist;
    await expectAccessible(el);
  });

  it('an index whose years differ in language: each year’s text is marked with its own, the index’s publisher with the index’s', async () => {
    const en = await englishReport();
    delete en.publisher;
    // The visits without their unit: the trend leaves out a figure whose unit word differs from year to year (人次, visits).
    const zh = await json('2013.json');
    for (const f of [...(zh.custom as Record<string, unknown>[]), ...(en.custom as Record<string, unknown>[])]) if (f.key === 'siteVisits') delete f.unit;
    const index = { schemaVersion: 1, lang: 'zh-CN', publisher: { name: '岳阳市君山区人民政府' }, reports: [{ year: 2013, url: await storeFeed(zh) }, { year: 2022, url: await storeFeed(en) }] };
    const src = await storeFeed(index);
    for (const ui of ['zh-CN', 'en']) {
      const other = (feed: string) => (feed === ui ? '' : feed);
      const el = await mount(src, { lang: ui, year: 2022 });
      await pickTrend(el, 'custom.siteVisits');
      await openTables(el);
      expect(misLanguaged(el), ui).to.deep.equal([]);
      // 2022, in English
      expect(langOf($(el, 'header h2')), ui).to.equal(other('en'));
      expect($$(el, 'p.text').map(langOf), ui).to.deep.equal(Array(6).fill(other('en')));
      expect(langOf(rowHeader(el.shadowRoot!, 'Visits to the website')!), ui).to.equal(other('en'));
      expect(langOf($$(el, 'caption').find((c) => text(c) === 'Website visits')!), ui).to.equal(other('en'));
      expect(langOf($$(el, '.unit').find((u) => text(u) === 'visits')!), ui).to.equal(other('en'));
      // the index's publisher, in the index's language
      expect(langOf($(el, 'header .meta span span')), ui).to.equal(other('zh-CN'));
      // the trend's custom figure: its label from the latest year (2022, English)
      expect(langOf($$(el, '#trend-key option').find((o) => (o as HTMLOptionElement).value === 'custom.siteVisits')!), ui).to.equal(other('en'));
      await expectAccessible(el);
      // 2013, in Chinese
      await pickYear(el, 2013);
      await openTables(el);
      expect(misLanguaged(el), ui).to.deep.equal([]);
      expect(langOf($(el, 'header h2')), ui).to.equal(other('zh-CN'));
      expect(langOf(rowHeader(el.shadowRoot!, '网站总访问量')!), ui).to.equal(other('zh-CN'));
      expect(langOf($(el, 'header .meta span span')), ui).to.equal(other('zh-CN'));
      await expectAccessible(el);
      el.remove();
    }
  });

  it('the trend of a custom figure in 万元: its label, unit included, is in the feed’s language (an <option> holds text only) and marked so', async () => {
    const year = (y: number, lang: string, label: string) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', lang,
      custom: [{ key: 'cost', label, value: y - 2010, unit: '10kCNY' }] });
    const cases = [['zh-CN', 'en', 'Disclosure costs', 'Disclosure costs (× 10,000 yuan)'], ['en', 'zh-CN', '公开经费', '公开经费（万元）']];
    for (const [ui, feed, label, want] of cases) {
      const index = { schemaVersion: 1, lang: feed, reports: [{ year: 2013, url: await year(2013, feed, label) }, { year: 2014, url: await year(2014, feed, label) }] };
      const el = await mount(await storeFeed(index), { lang: ui });
      await openTables(el);
      const option = () => $(el, '#trend-key option');
      await waitUntil(() => text(option()) === want, `the option in the feed’s language (${ui} UI): ${text(option())}`);
      expect(option().getAttribute('lang'), ui).to.equal(feed);
      expect(text($(el, '[part~="trend"] figcaption span[lang]')), ui).to.equal(want);
      expect(langOf(rowHeader($(el, '#trend'), want)!), ui).to.equal(feed);
      expect(misLanguaged(el), ui).to.deep.equal([]);
      expect(el.csvFor('trend'), ui).to.contain(`${want.includes(',') ? `"${want}"` : want},3,4\r\n`);
      // The figure's own table names the unit in the UI's language, in a cell of its own.
      expect(cellTexts($(el, '#g0'))).to.include(ui === 'en' ? '4 × 10,000 yuan' : '4 万元');
      el.remove();
    }
  });

  it('Chinese UI on an English feed (lang: en): the feed text is marked en', async () => {
    const el = await mount(await storeFeed(await englishReport()));
    await openTables(el);
    expect(misLanguaged(el)).to.deep.equal([]);
    expect($(el, 'header h2').getAttribute('lang')).to.equal('en');
    expect(text($(el, 'header .meta span'))).to.equal('发布机构：Junshan District People’s Government');
    expect($$(el, '.unit').filter((u) => u.getAttribute('lang') === 'en').map(text)).to.include.members(['ten thousand yuan', 'yuan', 'visits', 'releases', 'leaflets']);
    // The figures without a group are under the UI's own caption (其他), not marked.
    expect($$(el, 'caption').find((c) => text(c) === '其他')!.hasAttribute('lang')).to.equal(false);
    expect($(el, 'td.note').getAttribute('lang')).to.equal('en');
    await expectAccessible(el);
  });

  it('the same language (zh-CN UI, zh-CN feeds) marks nothing; switched to English, the feed text is marked zh-CN', async () => {
    /** Every `lang` in the shadow root but the root's own and the feed warnings' details (lang="en"). */
    const marks = (el: Element) => $$(el, '[lang]').filter((n) => !n.matches('.root, [part~="warning"] li'));
    for (const src of [`${FEEDS}/2013.json`, `${FEEDS}/2022.json`, `${FEEDS}/index.json`]) {
      const el = await mount(src, { year: 2022 });
      if ($(el, '#trend-key')) await pickTrend(el, 'custom.siteVisits');
      await openTables(el);
      expect(marks(el).map((n) => n.outerHTML.slice(0, 80)), src).to.deep.equal([]);
      expect(misLanguaged(el), src).to.deep.equal([]);
      await setLang(el, 'en');
      expect(marks(el).length, src).to.be.greaterThan(0);
      expect(marks(el).every((n) => n.getAttribute('lang') === 'zh-CN'), src).to.equal(true);
      expect(misLanguaged(el), src).to.deep.equal([]);
      el.remove();
    }
  });
});

describe('<annual-stats>: a phone and large text (WCAG 1.4.10, 1.4.12)', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 1280, height: 900 }));

  /** 320px less a page's usual 16px margins; charts drawn, every data table shown. */
  async function phone(src: string, lang: string, style = ''): Promise<AnnualStats> {
    const box = mountHtml(html`<annual-stats src=${src} year="2022" lang=${lang} no-url-state style=${style}></annual-stats>`, 'width: 288px');
    const el = box.querySelector('annual-stats') as AnnualStats;
    await el.loaded;
    await el.updateComplete;
    await waitUntil(() => $(el, '#t3') && (!src.endsWith('index.json') || $(el, '#trend-key')), 'report and trend');
    await el.updateComplete;
    await waitUntil(() => $$(el, 'canvas').length && $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
    for (const b of $$(el, '[part~="data-toggle"][aria-expanded="false"]')) b.click();
    await el.updateComplete;
    return el;
  }

  /** What reaches past the element's right edge, what the data tables' scroll areas hold left out. */
  const past = (el: Element) => {
    const right = el.getBoundingClientRect().right;
    // (The scroll area itself stays within the element: only what it holds may reach past, to be scrolled to.)
    const out = $$(el, '*').filter((n) => !n.parentElement?.closest('.table-wrap') && n.getBoundingClientRect().right > right + 0.5)
      .map((n) => `${n.localName}.${n.className}#${n.id} ${text(n).slice(0, 40)}`);
    // Text too: a line that does not wrap runs past the edge of a box that does not.
    const walk = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const p = t.parentElement!;
      if (!t.textContent!.trim() || p.closest('.table-wrap, option, style, [hidden]')) continue;
      const r = document.createRange();
      r.selectNodeContents(t);
      if (r.getBoundingClientRect().right > right + 0.5) out.push(`text in ${p.localName}.${p.className}: ${t.textContent!.trim().slice(0, 40)}`);
    }
    return out;
  };

  /** Each chart's canvas drawn within its box, which is within the element; the summary still there. */
  const chartsFit = (el: Element, what: string) => {
    for (const c of $$<HTMLCanvasElement>(el, 'canvas')) {
      const box = c.parentElement!.getBoundingClientRect();
      const r = c.getBoundingClientRect();
      expect(r.right, `${what}: canvas ${c.dataset.chart} within its box`).to.be.at.most(box.right + 0.5);
      expect(r.bottom, `${what}: canvas ${c.dataset.chart} within its box`).to.be.at.most(box.bottom + 0.5);
      expect(r.width, `${what}: canvas ${c.dataset.chart} drawn`).to.be.greaterThan(100);
      expect(c.parentElement!.getAttribute('aria-label'), `${what}: summary`).to.match(/\S/);
    }
  };

  it('Table 三 scrolled with the keyboard keeps its focus ring in view: drawn on the box it scrolls in, not on the table that moves (WCAG 2.4.7)', async () => {
    const el = await phone(`${FEEDS}/index.json`, 'zh-CN');
    const table = $(el, '#t3');
    const w = table.closest<HTMLElement>('.table-wrap')!;
    for (let i = 0; i < 5 && !(w.scrollLeft > 0); i++) {
      await executeServerCommand('bring-to-front');
      table.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntilRendered(() => w.scrollLeft > 0, 'Table 三', 500).catch(() => undefined);
    }
    w.scrollLeft = w.scrollWidth;
    expect(table.matches(':focus-visible'), 'focused from the keyboard').to.equal(true);
    const box = w.getBoundingClientRect();
    // The table's edges are out of the box's view (left scrolled past, right not reached before): a ring on them would be too.
    expect(table.getBoundingClientRect().left).to.be.lessThan(box.left - 10);
    const ring = (n: Element) => {
      const s = getComputedStyle(n);
      return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth);
    };
    expect(ring(table), 'no ring on the table').to.equal(0);
    expect(ring(w), 'the ring on its box').to.be.at.least(2);
    expect(getComputedStyle(w).outlineColor, 'the theme\'s focus colour').to.equal('rgb(194, 84, 0)');
    // Drawn inside the box (a ring outside it would be cut off by the element on a phone), and the box is in the element.
    expect(parseFloat(getComputedStyle(w).outlineOffset)).to.be.at.most(-ring(w) + 0.5);
    expect(box.right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    table.blur();
    expect(ring(w), 'no ring once focus has gone').to.equal(0);
  });

  for (const lang of ['en', 'zh-CN']) {
    for (const src of [`${FEEDS}/index.json`, `${FEEDS}/broken-2021.json`]) {
      it(`reflows on a 320px screen (${lang}, ${src.split('/').pop()}), with large text and a host's html{font-size:62.5%}: only the tables scroll`, async () => {
        await emulateMedia({ reducedMotion: 'reduce' });
        const el = await phone(src, lang);
        if (src.endsWith('index.json')) {
          // The trend picker shows its longest option.
          const sel = $<HTMLSelectElement>(el, '#trend-key');
          const longest = [...sel.options].sort((a, b) => b.text.length - a.text.length)[0];
          sel.value = longest.value;
          sel.dispatchEvent(new Event('change'));
          await el.updateComplete;
          expect($(el, 'select#year')).to.exist;
          // A closed <select> shows one line, cut at its edge: the figure drawn is named in full in the chart's caption.
          expect(text(sel.closest('figure')!.querySelector('figcaption'))).to.contain(longest.text.trim());
        } else {
          expect($(el, '[part~="reconciliation"]')).to.exist;
        }
        const wraps = $$(el, '.table-wrap');
        expect(wraps.length).to.be.greaterThan(3);
        // A table that scrolls takes focus (named by its caption, or its title and clause), and the keyboard scrolls it.
        const scrolled = wraps.filter((w) => w.scrollWidth > w.clientWidth + 1 && w.checkVisibility());
        expect(scrolled.length, 'tables that scroll').to.be.at.least(2);
        for (const w of scrolled) {
          const table = w.querySelector('table')!;
          expect(table.tabIndex, `${table.id} focusable`).to.equal(0);
          expect(table.getAttribute('aria-label') ?? text(table.caption), `${table.id} named`).to.match(/\S/);
          // (Two files run at once, and a key pressed while the other file's page is in front may scroll nothing: the
          // page is brought to the front and the key pressed again, a few times at most. Only the key scrolls the table.)
          const name = table.getAttribute('aria-label') ?? text(table.caption);
          for (let i = 0; i < 5 && !(w.scrollLeft > 0); i++) {
            await executeServerCommand('bring-to-front');
            table.focus();
            await sendKeys({ press: 'ArrowRight' });
            await waitUntilRendered(() => w.scrollLeft > 0, name, 500).catch(() => undefined);
          }
          expect(w.scrollLeft, `${name} scrolled with the keyboard`).to.be.greaterThan(0);
          w.scrollLeft = 0;
        }
        // (axe: every scroll area can be reached with the keyboard.)
        await expectAccessible(el);
        const check = async (what: string) => {
          await el.updateComplete;
          await new Promise((r) => setTimeout(r, 50));
          expect(past(el), what).to.deep.equal([]);
          chartsFit(el, what);
        };
        await check('normal');
        el.largeText = true;
        await check('large text');
        document.documentElement.style.fontSize = '62.5%';
        try {
          await check('large text, html{font-size:62.5%}');
        } finally {
          document.documentElement.style.removeProperty('font-size');
        }
      });
    }
  }

  it('the trend’s figure picker: no option is wider than a 320px screen, each in an <optgroup> of its row or group; the option and its group name the figure, its accessible name and the chart’s caption name it in full (en, zh-CN)', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const el = await phone(`${FEEDS}/index.json`, lang);
      const sel = $<HTMLSelectElement>(el, '#trend-key');
      // The widths the options are drawn at, in the select's font.
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(sel).font;
      const width = (s: string) => ctx.measureText(s).width;
      const seen = new Set<string>();
      for (const o of [...sel.options]) {
        const group = o.parentElement instanceof HTMLOptGroupElement ? o.parentElement.label : '';
        expect(width(o.text), `${lang}: option “${o.text}”`).to.be.at.most(innerWidth);
        // Option and group together name one figure only.
        expect(seen.has(`${group} ${o.text}`), `${lang}: ${group} ${o.text} once`).to.equal(false);
        seen.add(`${group} ${o.text}`);
        sel.value = o.value;
        sel.dispatchEvent(new Event('change'));
        await el.updateComplete;
        // (An English option or group too long for the list has a short name, pickLabels: annual-zoom.test.ts. The
        // option's name begins with it, then names the figure in full.)
        const caption = text(sel.closest('figure')!.querySelector('figcaption'));
        const full = o.ariaLabel!.startsWith(`${o.text}: `) ? o.ariaLabel!.slice(o.text.length + 2) : o.ariaLabel!;
        if (group) expect(full, lang).to.match(/ · /);
        expect(caption, lang).to.contain(full);
        if (full === o.ariaLabel) expect(full, lang).to.contain(o.text);
      }
      expect($$(el, '#trend-key optgroup').length, lang).to.be.greaterThan(1);
      el.parentElement!.remove();
    }
  });

  it('on a 320px screen Table 二’s English headers and figures stay inside their cells (its table scrolls instead)', async () => {
    for (const src of [`${FEEDS}/2022.json`, `${FEEDS}/2020.json`]) {
      const el = await phone(src, 'en');
      // What a cell holds reaching past the cell's own edge runs into the next column, or is clipped by the scroll area.
      const spill = (what: string) => {
        const out: string[] = [];
        for (const cell of $$(el, '#t2 th, #t2 td')) {
          const r = document.createRange();
          r.selectNodeContents(cell);
          const edge = cell.getBoundingClientRect().right;
          if (r.getBoundingClientRect().right > edge + 0.5) out.push(`${what}: ${text(cell)}`);
        }
        return out;
      };
      expect(spill(src), 'cell text past its cell').to.deep.equal([]);
      el.largeText = true;
      await el.updateComplete;
      expect(spill(`${src} large text`), 'cell text past its cell').to.deep.equal([]);
      el.parentElement!.remove();
    }
  });

  /**
   * What a reader must scroll the page sideways for: `past` (the element's content, the data tables' scroll areas
   * left out), the page itself, and a table's caption reaching past its scroll area (a caption is the table's name, not
   * data laid out in two dimensions: it wraps in the width the reader sees).
   */
  const sideways = (el: Element) => {
    const out = past(el);
    if (document.documentElement.scrollWidth > innerWidth) out.push(`the page: ${document.documentElement.scrollWidth}px wide`);
    for (const c of $$(el, '.table-wrap :is(caption:not(.vh), .caption)')) {
      const r = document.createRange();
      r.selectNodeContents(c);
      if (c.checkVisibility() && r.getBoundingClientRect().right > c.closest('.table-wrap')!.getBoundingClientRect().right + 0.5) out.push(`caption: ${text(c).slice(0, 40)}`);
    }
    return out;
  };

  /** The states checked at 320px: what, the feed (and year), what shows it is there. */
  const missingYear = () => storeFeed({ schemaVersion: 1, reports: [
    { year: 2020, url: `${FEEDS}/2020.json` }, { year: 2021, url: `${FEEDS}/missing-2021.json` }, { year: 2022, url: `${FEEDS}/2022.json` }] });
  const REFLOW: [string, () => Promise<string> | string, string, number?][] = [
    ['the CN-legacy seed (2013): its groups’ tables', () => `${FEEDS}/2013.json`, '#t4'],
    ['a CN-2021 report', () => `${FEEDS}/2022.json`, '#t3'],
    ['reconciliation warnings', () => `${FEEDS}/broken-2021.json`, '[part~="reconciliation"]'],
    ['an index: the year picker, the trend with its longest figure picked', () => `${FEEDS}/index.json`, 'select#year'],
    ['an index whose year shown failed to load: its error, the trend', missingYear, '[part~="error"]', 2021],
    ['a feed that failed to load', () => `${FEEDS}/missing.json`, '[part~="error"]'],
    ['feed text with no place to break, feed warnings', () => `${FEEDS}/hostile.json`, '[part~="warning"]'],
  ];
  for (const lang of ['zh-CN', 'en']) {
    for (const [what, src, shows, year] of REFLOW) {
      it(`reflows at 320 CSS px (${lang}): ${what}, the charts’ data tables open; with large text, the browser’s text at 200%, both: only the tables scroll`, async () => {
        await emulateMedia({ reducedMotion: 'reduce' });
        // 320px less a page's usual 16px margins.
        const box = mountHtml(html`<annual-stats src=${await src()} year=${year ?? ''} lang=${lang} no-url-state></annual-stats>`, 'width: 288px');
        const el = box.querySelector('annual-stats') as AnnualStats;
        // (The feed is asked for in the first update: `loaded` waits for it from then on.)
        await el.updateComplete;
        await el.loaded;
        await el.updateComplete;
        expect($(el, shows), shows).to.exist;
        const pick = $<HTMLSelectElement>(el, '#trend-key');
        if (pick) {
          // The figure with the longest name drawn: the chart's caption names it in full.
          pick.value = [...pick.options].sort((a, b) => b.ariaLabel!.length - a.ariaLabel!.length)[0].value;
          pick.dispatchEvent(new Event('change'));
          await el.updateComplete;
        }
        for (const b of $$(el, '[part~="data-toggle"][aria-expanded="false"]')) b.click();
        // The browser's text at 200% doubles the reader's default size: the element's `medium` (every size is in em from it).
        for (const [size, large, font] of [['', false, ''], ['large text', true, ''], ['text at 200%', false, '32px'], ['text at 200%, large text', true, '32px']] as const) {
          el.largeText = large;
          el.style.setProperty('--de-font-size', font);
          await el.updateComplete;
          await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn');
          await new Promise((r) => setTimeout(r, 50));
          expect(sideways(el), `${lang} ${size}`).to.deep.equal([]);
          chartsFit(el, `${lang} ${size}`);
        }
      });
    }
  }

  it('text spacing (WCAG 1.4.12): nothing cut off, button text within its button (en and zh-CN, large text)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const lang of ['en', 'zh-CN']) {
      for (const src of [`${FEEDS}/index.json`, `${FEEDS}/broken-2021.json`]) {
        const el = await phone(src, lang, 'line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em');
        textSpacing(el);
        for (const large of [false, true]) {
          el.largeText = large;
          await el.updateComplete;
          await new Promise((r) => setTimeout(r, 50));
          const what = `${lang} ${src.split('/').pop()} ${large ? 'large' : ''}`;
          expect(past(el), what).to.deep.equal([]);
          expect(cutOff(el), what).to.deep.equal([]);
          chartsFit(el, what);
        }
        el.parentElement!.remove();
      }
    }
  });
});

describe('<annual-stats>: a table is a Tab stop only while it scrolls (WCAG 2.1.1, 2.4.3)', () => {
  // (Each test sets the screen's width; the others' is given back.)
  afterEach(() => setViewport({ width: 1280, height: 900 }));

  /** The report of demo/report.html (the seed, 2020 and 2022), every chart's data table shown. */
  async function report(year: number): Promise<AnnualStats> {
    const box = mountHtml(html`<annual-stats src=${`${FEEDS}/index.json`} year=${year} lang="zh-CN" no-url-state></annual-stats>`);
    const el = box.querySelector('annual-stats') as AnnualStats;
    await el.loaded;
    await el.updateComplete;
    await waitUntil(() => $(el, '#trend-key'), 'the trend');
    for (const b of $$(el, '[part~="data-toggle"][aria-expanded="false"]')) b.click();
    await el.updateComplete;
    return el;
  }

  /** What Tab reaches in the element, from the year picker on until focus leaves it. */
  async function tabStops(el: AnnualStats): Promise<string[]> {
    await executeServerCommand('bring-to-front');
    $(el, '#year').focus();
    const stops: string[] = [];
    for (let n = el.shadowRoot!.activeElement; n && stops.length < 100; n = el.shadowRoot!.activeElement) {
      stops.push(n.localName === 'table' ? `table ${n.id || n.getAttribute('aria-label')}` : `${n.localName} ${n.id || n.getAttribute('aria-label') || text(n)}`);
      await sendKeys({ press: 'Tab' });
    }
    return stops;
  }

  /** The tables that scroll in their box (of Table 二, its first block: the box's focus target). */
  const scrolling = (el: AnnualStats) => $$(el, '.table-wrap').filter((w) => w.scrollWidth > w.clientWidth && w.checkVisibility())
    .map((w) => w.querySelector('table')!);
  const tableStop = (t: HTMLTableElement) => `table ${t.id || t.getAttribute('aria-label')}`;

  it('at 1280px no table scrolls, and none is a Tab stop: from the year picker Tab goes from control to control (the seed 2013, 2022)', async () => {
    await setViewport({ width: 1280, height: 900 });
    for (const year of [2013, 2022]) {
      const el = await report(year);
      expect($$(el, 'table').length, `${year}: tables`).to.be.greaterThan(3);
      expect(scrolling(el).map(tableStop), `${year}: tables that scroll`).to.deep.equal([]);
      const stops = await tabStops(el);
      expect(stops.filter((s) => s.startsWith('table')), `${year}: tables in the Tab order`).to.deep.equal([]);
      expect(stops[0], `${year}`).to.equal('select year');
      expect(stops.filter((s) => s.includes('下载')).length, `${year}: every CSV button reached`).to.equal($$(el, '[part~="csv-button"]').length);
      expect($$<HTMLTableElement>(el, 'table').filter((t) => t.tabIndex >= 0).map(tableStop), `${year}`).to.deep.equal([]);
      await expectAccessible(el);
      el.parentElement!.remove();
    }
  });

  it('at 320px Table 三 scrolls and is a Tab stop, the arrow keys scroll it; a table that fits is not a Tab stop', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await report(2022);
    const wide = scrolling(el);
    expect(wide.map((t) => t.id)).to.include('t3');
    // Where they scroll, Tables 三 and 四 break their Chinese headers between words too (结果维/持 before).
    for (const x of headerBreaks(el)) expect(HEADER_WORDS.includes(x), x).to.equal(true);
    const stops = await tabStops(el);
    // Exactly the tables that scroll, in the order of the page, each followed by its CSV button.
    expect(stops.filter((s) => s.startsWith('table'))).to.deep.equal(wide.map(tableStop));
    const fits = $$<HTMLTableElement>(el, '.table-wrap table:first-child').filter((t) => t.checkVisibility() && !wide.includes(t));
    expect(fits.length, 'tables that fit (the charts’ data tables)').to.be.greaterThan(0);
    for (const t of fits) expect(stops, tableStop(t)).not.to.include(tableStop(t));
    const t3 = $<HTMLTableElement>(el, '#t3');
    const w = t3.closest<HTMLElement>('.table-wrap')!;
    for (let i = 0; i < 5 && !(w.scrollLeft > 0); i++) {
      await executeServerCommand('bring-to-front');
      t3.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntilRendered(() => w.scrollLeft > 0, 'Table 三 scrolled', 500).catch(() => undefined);
    }
    expect(w.scrollLeft, 'Table 三 scrolled with the keyboard').to.be.greaterThan(0);
    expect(t3.matches(':focus-visible') && w.matches(':has(:focus-visible)'), 'its ring, on its box').to.equal(true);
    await expectAccessible(el);
  });

  it('the screen narrowed (no reload): Table 三 becomes a Tab stop as it starts to scroll, and stops being one when it fits again', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await report(2022);
    const t3 = $<HTMLTableElement>(el, '#t3');
    expect(t3.tabIndex, 'at 1280px').to.equal(-1);
    await setViewport({ width: 320, height: 640 });
    await waitUntilRendered(() => t3.tabIndex === 0, 'Table 三 a Tab stop at 320px');
    expect((await tabStops(el)).filter((s) => s.startsWith('table'))).to.deep.equal(scrolling(el).map(tableStop));
    await expectAccessible(el);
    await setViewport({ width: 1280, height: 900 });
    await waitUntilRendered(() => t3.tabIndex === -1, 'Table 三 no longer a Tab stop at 1280px');
    expect((await tabStops(el)).filter((s) => s.startsWith('table'))).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('in a box where Table 三 just fits: large text, the page’s larger text and English make it scroll, and a Tab stop (no resize of the element)', async () => {
    const box = mountHtml(html`<annual-stats src=${`${FEEDS}/2022.json`} lang="zh-CN" no-url-state no-charts></annual-stats>`);
    const el = box.querySelector('annual-stats') as AnnualStats;
    await el.loaded;
    await el.updateComplete;
    const t3 = $<HTMLTableElement>(el, '#t3');
    // The narrowest box in which Table 三 fits: as wide as the table is when it scrolls (at its narrowest).
    box.style.width = '100px';
    await waitUntilRendered(() => t3.tabIndex === 0, 'Table 三 scrolls in a 100px box');
    box.style.width = `${t3.getBoundingClientRect().width + 2}px`;
    await waitUntilRendered(() => t3.tabIndex === -1, 'Table 三 fits');
    el.largeText = true;
    await waitUntilRendered(() => t3.tabIndex === 0, 'large text: Table 三 scrolls, a Tab stop');
    el.largeText = false;
    await waitUntilRendered(() => t3.tabIndex === -1, 'Table 三 fits again');
    // The page's text size for the element (no update of the element: its size changes).
    el.style.setProperty('--de-font-size', 'x-large');
    await waitUntilRendered(() => t3.tabIndex === 0, 'the page’s larger text: Table 三 scrolls, a Tab stop');
    el.style.removeProperty('--de-font-size');
    await waitUntilRendered(() => t3.tabIndex === -1, 'Table 三 fits again');
    await setLang(el, 'en');
    await waitUntilRendered(() => t3.tabIndex === 0, 'English: Table 三 scrolls, a Tab stop');
    await expectAccessible(el);
  });
});
