// What a screen reader is given: the accessibility tree Chromium computes through the shadow roots, not the DOM.
//
// `a11ySnapshot` (@web/test-runner-commands) gives puppeteer's "interesting" nodes only: controls, landmarks, live
// regions and text. It leaves out the structure a screen reader walks (tables, rows, header cells, fieldsets, lists,
// non-modal dialogs), so those tests read the whole tree through the `a11y-tree` command of web-test-runner.config.mjs
// (Chromium's own tree, without the nodes it ignores). Both report each node as { role, name, description, value,
// states…, children }.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, findAccessibilityNode, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/request-form.js';
import '../src/request-status.js';
import '../src/annual-stats.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import type { RequestForm } from '../src/request-form.js';
import type { RequestStatus } from '../src/request-status.js';
import type { AnnualStats } from '../src/annual-stats.js';
import { scriptEndpoint, storeFeed } from './helpers.js';
import { manyItems, smallCatalogue } from './fixtures/catalogue.js';
import { $, $$, STEP1, VALID, answerToReview, fill, formFeed, next, waitUntil, RECEIPT } from './request-fixtures.js';

interface AX {
  role: string;
  name: string;
  description?: string;
  value?: string;
  children?: AX[];
  [state: string]: unknown;
}

const tree = () => executeServerCommand<AX, undefined>('a11y-tree');
/** puppeteer's snapshot; the page brought to the front first (by a11y-tree), else its tree may lag behind its DOM. */
const snapshot = async () => (await tree(), (await a11ySnapshot({})) as unknown as AX);

/** Every node under `root` (itself included) that passes `test`, in reading order. */
function all(root: AX, test: (n: AX) => boolean): AX[] {
  const out: AX[] = [];
  const walk = (n: AX) => {
    if (test(n)) out.push(n);
    n.children?.forEach(walk);
  };
  walk(root);
  return out;
}

/** The first node with this role (and name, when given); fails listing the nodes of that role there are. */
function node(root: AX, role: string, name?: string | RegExp): AX {
  const fits = (n: AX) => n.role === role && (name === undefined || (typeof name === 'string' ? n.name === name : name.test(n.name)));
  const found = findAccessibilityNode<AX>(root as AX & { children: AX[] }, fits);
  if (!found) throw new Error(`no ${role} ${name ?? ''} in the tree; ${role}s: ${JSON.stringify(all(root, (n) => n.role === role).map((n) => n.name))}`);
  return found;
}

/** The text a reader hears inside a node: its text leaves, in order. */
function textOf(n: AX): string {
  return all(n, (c) => c.role === 'StaticText').map((c) => c.name).join('').replace(/\s+/g, ' ').trim();
}

const names = (nodes: AX[]) => nodes.map((n) => n.name);
/** Read by its key: "expanded" is a mangled member name of ours, which test/build/mangle.test.mjs keeps tests from
 * reading with a dot. */
const expandedOf = (n: AX) => n['expanded'];
const focused = (root: AX) => all(root, (n) => n.focused === true && n.role !== 'RootWebArea')[0];

/** Polls the tree until `check` passes (a live region is filled after a delay). */
async function treeUntil(check: (t: AX) => unknown, what: string): Promise<AX> {
  const end = Date.now() + 5000;
  for (;;) {
    const t = await tree();
    if (check(t)) return t;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- <disclosure-catalogue> ------------------------------------------------------------------------------------------

async function catalogue(feed: unknown = smallCatalogue(), attrs: { lang?: string; pageSize?: number } = {}): Promise<DisclosureCatalogue> {
  const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(feed)} no-url-state
    lang=${attrs.lang ?? 'zh-CN'} page-size=${attrs.pageSize ?? 20}></disclosure-catalogue>`);
  await el.loaded;
  await el.updateComplete;
  // The tree can lag a rendering step behind the DOM (a CI run read it with the entries not in it yet): their headings first.
  if ($$(el, '.item h3').length) await treeUntil((t) => all(t, (n) => n.role === 'heading' && n.level === 3).length, 'the entries in the tree');
  return el;
}

function typeQuery(el: DisclosureCatalogue, q: string) {
  const input = $<HTMLInputElement>(el, '#q');
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('accessibility tree: <disclosure-catalogue>', () => {
  before(() => setViewport({ width: 1280, height: 900 }));

  it('the search box is a searchbox named 检索 in a search landmark, its hint its description; a query puts 共找到 N 条信息 in the status, and the results list is named by it', async () => {
    const el = await catalogue();
    let snap = await snapshot();
    const search = node(snap, 'search', '检索');
    expect(node(search, 'searchbox', '检索').description).to.equal('多个词之间用空格分开，需同时包含所有词。');
    expect(names(all(search, (n) => n.role === 'button'))).to.deep.equal(['检索']);
    // The load is said once every entry is in.
    await treeUntil((t) => textOf(node(t, 'status')) === '目录已加载，共 4 条信息。', 'the load said');
    typeQuery(el, '农业');
    const t = await treeUntil((t) => textOf(node(t, 'status')) === '共找到 2 条信息', 'the count in the status');
    expect(node(t, 'searchbox', '检索').value).to.equal('农业');
    const list = node(t, 'list', '共找到 2 条信息');
    expect(names(all(list, (n) => n.role === 'link'))).to.deep.equal(['关于印发农业补贴办法的通知 （在新窗口打开）', '关于做好春季农业生产工作的通知 （在新窗口打开）']);
    // The snapshot a11ySnapshot gives has the same status text.
    snap = await snapshot();
    expect(textOf(node(snap, 'status'))).to.equal('共找到 2 条信息');
  });

  it('filters: the category tree and each facet group are named; a checkbox is named by its label and count and says whether it is ticked; a branch says whether it is open; a removable condition names itself', async () => {
    const el = await catalogue();
    let t = await tree();
    const filters = node(t, 'region', '筛选');
    const cats = node(filters, 'tree', '栏目分类');
    expect(all(cats, (n) => n.role === 'treeitem').map((n) => [n.name, n.selected, expandedOf(n)])).to.deep.equal([
      ['全部信息，4 条', true, undefined], ['政务信息，3 条', false, false], ['文件公报，1 条', false, undefined],
    ]);
    expect(names(all(filters, (n) => n.role === 'group'))).to.deep.equal(['主题分类', '体裁分类', '发布机构', '年份', '有效性']);
    const topic = node(filters, 'group', '主题分类');
    expect(all(topic, (n) => n.role === 'checkbox').map((n) => [n.name, n.checked])).to.deep.equal([
      ['综合政务，3 条', 'false'], ['科技、教育，1 条', 'false'], ['unlisted-topic，1 条', 'false'],
    ]);
    $(el, 'fieldset.facet input').click();
    await el.updateComplete;
    t = await tree();
    expect(node(node(t, 'group', '主题分类'), 'checkbox', '综合政务，3 条').checked).to.equal('true');
    expect(names(all(node(t, 'list', '当前条件'), (n) => n.role === 'button'))).to.deep.equal(['取消条件：主题分类：综合政务', '清除全部条件']);
    // A branch opened says so.
    $$(el, '[role="treeitem"] .twisty')[1].click();
    await el.updateComplete;
    expect(expandedOf(node(await tree(), 'treeitem', /^政务信息/))).to.equal(true);
  });

  it('on a narrow screen, the filters button says whether the filters are shown: 显示筛选条件 (collapsed), then 隐藏筛选条件 (expanded), and 显示筛选条件 again', async () => {
    await setViewport({ width: 400, height: 800 });
    try {
      const el = await catalogue();
      expect(expandedOf(node(await tree(), 'button', '显示筛选条件'))).to.equal(false);
      $(el, '.filters-toggle').click();
      await el.updateComplete;
      let t = await tree();
      expect(expandedOf(node(t, 'button', '隐藏筛选条件'))).to.equal(true);
      expect(all(t, (n) => n.name === '显示筛选条件')).to.deep.equal([]);
      $(el, '.filters-toggle').click();
      await el.updateComplete;
      t = await tree();
      expect(expandedOf(node(t, 'button', '显示筛选条件'))).to.equal(false);
      expect(all(t, (n) => n.name === '隐藏筛选条件')).to.deep.equal([]);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });

  it('sort and page size are comboboxes whose value is the order in force; the pages are a navigation 分页 whose buttons say which page; after a page change focus is on the count and the status says 第 3 页，共 5 页', async () => {
    const feed = smallCatalogue();
    (feed.items as unknown[]).push(...manyItems(46));
    const el = await catalogue(feed, { pageSize: 10 });
    let t = await tree();
    expect(node(t, 'combobox', '排序').value).to.equal('发布日期（新→旧）');
    expect(node(t, 'combobox', '每页条数').value).to.equal('10');
    const pages = node(t, 'navigation', '分页');
    expect(names(all(pages, (n) => n.role === 'button'))).to.deep.equal(['上一页', '第 1 页', '第 2 页', '第 3 页', '第 5 页', '下一页']);
    expect(node(pages, 'button', '上一页').disabled).to.equal(true);
    expect(textOf(pages)).to.contain('第 1 页，共 5 页');
    $$(el, 'nav.pages button').find((b) => b.textContent!.trim() === '3')!.click();
    t = await treeUntil((t) => textOf(node(t, 'status')) === '第 3 页，共 5 页', 'the page said');
    expect(focused(t).name).to.equal('共找到 50 条信息（第 21–30 条，共 50 条）');
    expect(textOf(node(t, 'navigation', '分页'))).to.contain('第 3 页，共 5 页');
    // Sorted otherwise, the combobox says so.
    const sort = $<HTMLSelectElement>(el, 'select');
    sort.selectedIndex = 1;
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(node(await tree(), 'combobox', '排序').value).to.equal('发布日期（旧→新）');
  });

  it('an entry: its title a level-3 heading and link; the details button names the entry and says whether it is open; opened, the details follow it', async () => {
    const el = await catalogue();
    let t = await tree();
    const title = '关于印发农业补贴办法的通知';
    expect(node(t, 'heading', `${title} （在新窗口打开）`).level).to.equal(3);
    expect(expandedOf(node(t, 'button', `${title} 的详细信息`))).to.equal(false);
    $(el, '.item .actions button').click();
    await el.updateComplete;
    t = await tree();
    const item = node(t, 'list', '共找到 4 条信息').children![0];
    const kids = item.children!;
    const at = kids.findIndex((n) => n.role === 'button' && n.name === `${title} 的详细信息`);
    expect(expandedOf(kids[at])).to.equal(true);
    const details = kids.slice(at + 1).map(textOf).join('');
    expect(details).to.contain('主题分类综合政务、unlisted-topic').and.contain('体裁分类通知');
  });

  it('a facet value and a category are heard with their count as a count, not run into it (“2013 3”): 2013，3 条 in Chinese, 2013, 3 results in English', async () => {
    await catalogue();
    await catalogue(smallCatalogue(), { lang: 'en' });
    const t = await tree();
    const boxes = (group: string) => names(all(node(t, 'group', group), (n) => n.role === 'checkbox'));
    const rows = (tree: string) => names(all(node(t, 'tree', tree), (n) => n.role === 'treeitem'));
    expect(boxes('年份')).to.deep.equal(['2013，3 条', '2012，1 条']);
    expect(boxes('主题分类')).to.deep.equal(['综合政务，3 条', '科技、教育，1 条', 'unlisted-topic，1 条']);
    expect(rows('栏目分类')).to.deep.equal(['全部信息，4 条', '政务信息，3 条', '文件公报，1 条']);
    expect(boxes('Year')).to.deep.equal(['2013, 3 results', '2012, 1 result']);
    expect(boxes('Validity')).to.deep.equal(['In force, 1 result', 'Expired, 1 result', 'Not stated, 1 result', 'Repealed, 1 result']);
    expect(rows('Categories')).to.deep.equal(['All information, 4 results', '政务信息, 3 results', '文件公报, 1 result']);
  });

  it('entries of the same title: their details buttons are told apart by the 文号, else the date published; an entry whose title is its own keeps the short name', async () => {
    const feed = smallCatalogue();
    const items = feed.items as Record<string, unknown>[];
    const same = items[0];
    items.push({ ...same, id: 'a5', docNo: '君政发〔2014〕2号', datePublished: '2014-03-05', url: 'https://example.gov.cn/a5.html' });
    items.push({ ...same, id: 'a6', docNo: undefined, datePublished: '2015-03-05', url: 'https://example.gov.cn/a6.html' });
    await catalogue(feed);
    await catalogue(feed, { lang: 'en' });
    const t = await tree();
    const buttons = (list: string) => names(all(node(t, 'list', list), (n) => n.role === 'button'));
    const title = '关于做好春季农业生产工作的通知';
    expect(buttons('共找到 6 条信息')).to.deep.equal([
      `${title}（2015年3月5日）的详细信息`, `${title}（君政发〔2014〕2号）的详细信息`, '关于印发农业补贴办法的通知 的详细信息',
      '县教育局关于义务教育招生工作的公告 的详细信息', `${title}（君政发〔2013〕5号）的详细信息`, '防汛抗旱工作会议召开 的详细信息',
    ]);
    expect(buttons('6 results')).to.deep.equal([
      `Details of ${title} (Mar 5, 2015)`, `Details of ${title} (君政发〔2014〕2号)`, 'Details of 关于印发农业补贴办法的通知',
      'Details of 县教育局关于义务教育招生工作的公告', `Details of ${title} (君政发〔2013〕5号)`, 'Details of 防汛抗旱工作会议召开',
    ]);
  });

  it('entries of the same title, without 文号 and published the same day (a service guide filed twice): their details buttons are told apart by the 索引号, not named alike by the date', async () => {
    const feed = smallCatalogue();
    const items = feed.items as Record<string, unknown>[];
    const guide = { title: '办事指南', publisher: 'qzf', datePublished: '2013-12-31', categoryIds: ['wj'] };
    items.push({ ...guide, id: 'g1', indexNo: '69912361X/2013-00077' }, { ...guide, id: 'g2', indexNo: '69912361X/2013-00086' });
    await catalogue(feed);
    const buttons = names(all(node(await tree(), 'list', '共找到 6 条信息'), (n) => n.role === 'button'));
    expect(buttons.filter((b) => b.startsWith('办事指南'))).to.deep.equal([
      '办事指南（69912361X/2013-00077）的详细信息', '办事指南（69912361X/2013-00086）的详细信息',
    ]);
  });

  it('in English: the search box, the filters, the sort and the pages say it in English', async () => {
    const feed = smallCatalogue();
    (feed.items as unknown[]).push(...manyItems(20));
    await catalogue(feed, { lang: 'en', pageSize: 10 });
    const t = await tree();
    expect(node(node(t, 'search', 'Search'), 'searchbox', 'Search').description).to.equal('Separate several words with spaces; results contain all of them.');
    expect(names(all(node(t, 'region', 'Filters'), (n) => n.role === 'group'))).to.deep.equal(['Topic', 'Document type', 'Publisher', 'Year', 'Validity']);
    expect(node(t, 'combobox', 'Sort by').value).to.equal('Published (newest)');
    expect(names(all(node(t, 'navigation', 'Pages'), (n) => n.role === 'button'))).to.deep.equal(['Previous', 'Page 1', 'Page 2', 'Page 3', 'Next']);
  });
});

// ---- <request-form> ----------------------------------------------------------------------------------------------------

type Form = RequestForm & HTMLElement;

async function requestForm(feed: unknown = formFeed(), lang = 'zh-CN'): Promise<Form> {
  const el = await fixture<Form>(html`<request-form src=${await storeFeed(feed)} persist="session" lang=${lang}></request-form>`);
  await el.loaded;
  await el.updateComplete;
  return el;
}

/** The visible text of each label of the step's fields (a fieldset's legend), as a sighted reader sees it. */
const visibleLabels = (el: Element) => $$(el, 'form [part~="field"]')
  .filter((f) => f.offsetParent)
  .map((f) => (f.querySelector('legend, label')! as HTMLElement).innerText.replace(/\s+/g, ' ').trim());



/** A form sending to a server answering `steps` (or to the address `steps`), filled in validly up to its review. */
async function toReview(steps: Parameters<typeof scriptEndpoint>[0] | string, encoding = 'json'): Promise<Form> {
  const endpoint = typeof steps == 'string' ? steps : await scriptEndpoint(steps);
  const el = await requestForm(formFeed({ mode: 'api', endpoint, encoding }));
  await fill(el, { applicantType: 'naturalPerson' });
  await answerToReview(el);
  return el;
}

describe('accessibility tree: <request-form>', () => {
  afterEach(() => sessionStorage.clear());

  it('every field shown is named by its visible label, （必填） included, and required ones say so; hints are descriptions', async () => {
    const el = await requestForm();
    await fill(el, { applicantType: 'naturalPerson' });
    const t = await tree();
    const form = node(t, 'form', '申请人信息');
    const fields = all(form, (n) => n.role === 'group' || n.role === 'textbox');
    expect(names(fields)).to.deep.equal(['申请人类型 （必填）', '姓名 （必填）', '证件号码 （必填）', '手机号码 （必填）', '电子邮箱']);
    expect(names(fields)).to.deep.equal(visibleLabels(el));
    expect(fields.filter((n) => n.role === 'textbox').map((n) => n.required)).to.deep.equal([true, true, true, false]);
    expect(all(fields[0], (n) => n.role === 'radio').map((n) => [n.name, n.checked])).to.deep.equal([['公民', 'true'], ['法人或者其他组织', 'false']]);
    expect(node(form, 'textbox', '证件号码 （必填）').description).to.equal('18 位居民身份证号码');
    expect(node(form, 'textbox', '姓名 （必填）').description).to.equal('还可以输入 50 个字');
    expect(textOf(node(t, 'navigation', '申请步骤'))).to.contain('第 1 步，共 4 步');
  });

  it('a step reached: its focused title says which step of how many; done steps are told apart from those to come by more than colour, and in words', async () => {
    const el = await requestForm();
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    let t = await treeUntil((t) => focused(t)?.name === '所需信息', 'focus on the second step');
    expect([focused(t).role, focused(t).description]).to.deep.equal(['heading', '第 2 步，共 4 步']);
    const steps = () => all(node(t, 'navigation', '申请步骤'), (n) => n.role === 'listitem').map(textOf);
    expect(steps()).to.deep.equal(['1. 申请人信息（已完成）', '2. 所需信息', '3. 附件与声明', '4. 核对申请信息']);
    // Seen: the done step has a mark (not read: its words are), the next one none; not a colour alone (WCAG 1.4.1).
    const mark = (li: Element) => getComputedStyle(li, '::after').content;
    const [done, current, later] = $$(el, '.progress li');
    expect(mark(done)).to.contain('✓');
    expect([mark(current), mark(later)]).to.deep.equal(['none', 'none']);
    await fill(el, { description: VALID.description, delivery: 'email' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    t = await treeUntil((t) => focused(t)?.name === '核对申请信息', 'focus on the review');
    expect(focused(t).description).to.equal('第 4 步，共 4 步');
    expect(steps().filter((s) => s.endsWith('（已完成）'))).to.have.length(3);
  });

  it('a failed Next: focus on 请修改以下问题, in a group of that name with a link per problem; each field left empty is invalid and its error reaches it as its description', async () => {
    const el = await requestForm();
    await fill(el, { applicantType: 'naturalPerson' });
    await next(el);
    const t = await tree();
    expect([focused(t).role, focused(t).name]).to.deep.equal(['heading', '请修改以下问题']);
    const summary = node(t, 'group', '请修改以下问题');
    expect(names(all(summary, (n) => n.role === 'link'))).to.deep.equal(['请填写“姓名”。', '请填写“证件号码”。', '请填写“手机号码”。']);
    const form = node(t, 'form', '申请人信息');
    expect(all(form, (n) => n.role === 'textbox').map((n) => [n.name, n.invalid, n.description])).to.deep.equal([
      ['姓名 （必填）', 'true', '还可以输入 50 个字 错误： 请填写“姓名”。'],
      ['证件号码 （必填）', 'true', '18 位居民身份证号码 错误： 请填写“证件号码”。'],
      ['手机号码 （必填）', 'true', '错误： 请填写“手机号码”。'],
      ['电子邮箱', 'false', undefined],
    ]);
  });

  it('in English: the fields are named by their English labels with (required)', async () => {
    const el = await requestForm(formFeed(), 'en');
    await fill(el, { applicantType: 'naturalPerson' });
    await next(el);
    const t = await tree();
    const fields = all(node(t, 'form'), (n) => n.role === 'textbox');
    expect(names(fields)).to.deep.equal(visibleLabels(el).slice(1));
    expect(names(fields)).to.deep.equal(['姓名 (required)', '证件号码 (required)', '手机号码 (required)', '电子邮箱']);
    expect(fields[0].invalid).to.equal('true');
  });

  it('the review: a form named 核对申请信息, focused on its title; each answer under its field, each 修改 button naming its field; the receipt: a region 申请已提交 with the query code readable', async () => {
    const el = await toReview([{ status: 201, body: RECEIPT }]);
    let t = await tree();
    const review = node(t, 'form', '核对申请信息');
    expect([focused(t).role, focused(t).name]).to.deep.equal(['heading', '核对申请信息']);
    const terms = all(review, (n) => n.role === 'term' || n.role === 'definition').map(textOf);
    expect(terms.slice(0, 9)).to.deep.equal(['申请人类型', '公民', '修改', '姓名', '张三', '修改', '证件号码', '11010519491231002X', '修改']);
    expect(names(all(review, (n) => n.role === 'button')).slice(0, 3)).to.deep.equal(['修改：申请人类型', '修改：姓名', '修改：证件号码']);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    t = await tree();
    const receipt = node(t, 'region', '申请已提交');
    expect([focused(t).role, focused(t).name]).to.deep.equal(['heading', '申请已提交']);
    expect(textOf(receipt)).to.contain('查询码AB12-CD34').and.contain('答复期限2026年11月3日');
  });

  it('a plain http endpoint: the review’s buttons are 上一步 and 生成申请表, no 提交申请; pressed, focus on the paper form’s title', async () => {
    const el = await toReview('http://example.gov.cn/api');
    let t = await tree();
    const review = node(t, 'form', '核对申请信息');
    expect([focused(t).role, focused(t).name]).to.deep.equal(['heading', '核对申请信息']);
    expect(names(all(review, (n) => n.role === 'button')).filter((n) => !n.startsWith('修改'))).to.deep.equal(['上一步', '生成申请表']);
    await next(el);
    t = await treeUntil((t) => focused(t)?.role === 'heading' && focused(t).name.includes('申请表'), 'focus on the paper form');
    expect(all(t, (n) => n.role === 'alert')).to.have.length(0);
    // Its table is named by the form's title (a reader entering it heard "table" with no name).
    expect(node(t, 'table').name).to.equal(focused(t).name);
  });

  it('a submit the server refuses for two fields: back on their step, focus on 请修改以下问题, both fields invalid with the server’s reasons as their descriptions', async () => {
    const el = await toReview([{ status: 422, body: { error: { code: 'invalidFields', message: 'bad', fields: { idNumber: 'checksum', mobile: '该号码已被列入黑名单' } } } }]);
    await next(el);
    const t = await treeUntil((t) => focused(t)?.name === '请修改以下问题', 'focus on the summary');
    expect(names(all(node(t, 'group', '请修改以下问题'), (n) => n.role === 'link'))).to.have.length(2);
    const id = node(node(t, 'form', '申请人信息'), 'textbox', '证件号码 （必填）');
    expect(id.invalid).to.equal('true');
    expect(id.description).to.match(/^18 位居民身份证号码 错误： .*最后一位（校验码）不对/);
    const mobile = node(t, 'textbox', '手机号码 （必填）');
    expect([mobile.invalid, mobile.description]).to.deep.equal(['true', '错误： 手机号码：该号码已被列入黑名单']);
    expect(node(t, 'textbox', '姓名 （必填）').invalid).to.equal('false');
  });

  it('while sending, the status says so; a refusal about no field of the form is an alert with the server’s words', async () => {
    const el = await toReview([{ status: 422, delay: 600, body: { error: { code: 'invalidFields', message: 'bad', fields: { passportNo: '护照号码格式不对' } } } }]);
    await next(el);
    let t = await treeUntil((t) => textOf(node(t, 'form', '核对申请信息')).includes('正在提交申请'), 'sending said');
    expect(textOf(all(node(t, 'form', '核对申请信息'), (n) => n.role === 'status')[0])).to.equal('正在提交申请，请稍候…');
    t = await treeUntil((t) => all(t, (n) => n.role === 'alert').length, 'the refusal');
    expect(textOf(node(t, 'alert'))).to.contain('提交未成功').and.contain('护照号码格式不对');
  });

  it('“clear the form” asks in an alert dialog named by its question, which is not read a second time as its description; focus on 取消', async () => {
    const el = await requestForm();
    $(el, '#clear-open').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    const t = await tree();
    const dialog = node(t, 'alertdialog', '确定清空已填写的全部内容吗？清空后无法恢复。');
    expect(dialog.description ?? '', 'the question said twice').to.not.equal(dialog.name);
    expect(names(all(dialog, (n) => n.role === 'button'))).to.deep.equal(['确定清空', '取消']);
    expect(focused(t).name).to.equal('取消');
  });
});

// ---- <request-status> ------------------------------------------------------------------------------------------------

type Status = RequestStatus & HTMLElement;

async function requestStatus(steps: Parameters<typeof scriptEndpoint>[0], lang = 'zh-CN'): Promise<Status> {
  const endpoint = await scriptEndpoint(steps);
  const el = await fixture<Status>(html`<request-status src=${await storeFeed(formFeed({ mode: 'print' }, endpoint))} lang=${lang} today="2026-10-12"></request-status>`);
  await el.loaded;
  await el.updateComplete;
  return el;
}

async function lookup(el: Status, code: string, name: string) {
  for (const [id, v] of [['code', code], ['name', name]]) {
    const i = $<HTMLInputElement>(el, `#${id}`);
    i.value = v;
    i.dispatchEvent(new Event('input'));
  }
  $(el, 'form .btn.primary').click();
  await el.updateComplete;
}

describe('accessibility tree: <request-status>', () => {
  it('the lookup fields are named by their labels and required; an empty lookup makes both invalid, their errors their descriptions, focus on the first', async () => {
    const el = await requestStatus([]);
    let t = await tree();
    // A form landmark named by the heading above it, which a screen reader lists among the page's landmarks.
    expect(all(node(t, 'form', '申请进度查询'), (n) => n.role === 'textbox')).to.have.length(2);
    expect(all(t, (n) => n.role === 'textbox').map((n) => [n.name, n.required, n.description])).to.deep.equal([
      ['查询码 （必填）', true, '查询码在提交申请后的回执上，例如 K7QM4XPA9R。'],
      ['申请人姓名或名称 （必填）', true, undefined],
    ]);
    expect(names(all(t, (n) => n.role === 'textbox'))).to.deep.equal($$(el, 'label').map((l) => l.innerText.replace(/\s+/g, ' ').trim()));
    await lookup(el, '', '');
    t = await tree();
    expect(all(t, (n) => n.role === 'textbox').map((n) => [n.invalid, n.description])).to.deep.equal([
      ['true', '查询码在提交申请后的回执上，例如 K7QM4XPA9R。 错误： 请填写“查询码”。'],
      ['true', '错误： 请填写“申请人姓名或名称”。'],
    ]);
    expect(focused(t).name).to.equal('查询码 （必填）');
  });

  it('a lookup that could not reach the server: focus on what happened, said without the retry button\'s name after it; the button next in Tab order', async () => {
    const el = await requestStatus([{ destroy: true }]);
    await lookup(el, 'AB12-CD34', '张三');
    const t = await treeUntil((t) => focused(t)?.name.startsWith('查询失败'), 'focus on the failure');
    expect(focused(t).name).to.equal('查询失败：无法连接服务器。请检查网络连接后重试。');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('重试');
  });

  it('an unknown code: focus on the panel that says so; a found application: a region named by its status, focused on it, with the due date and the history', async () => {
    await executeServerCommand('time-zone', 'Asia/Shanghai'); // a reader in Beijing: the agency's clock needs no name
    try {
      const found = {
        queryCode: 'AB12-CD34', status: 'extended', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29',
        history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }, { status: 'extended', at: '2026-09-25T03:00:00Z', note: '需要调取档案' }],
      };
      const el = await requestStatus([{ status: 404, body: { error: { code: 'notFound', message: 'x' } } }, { status: 200, body: found }]);
      await lookup(el, 'ZZZZ-9999', '王五');
      let t = await treeUntil((t) => focused(t)?.name.startsWith('没有找到'), 'focus on the failure');
      expect(focused(t).name).to.equal('没有找到与该查询码和姓名相符的申请。请核对查询码和姓名后重试。');
      await lookup(el, 'AB12-CD34', '张三');
      t = await treeUntil((t) => focused(t)?.role === 'heading', 'focus on the result');
      expect(textOf(focused(t))).to.equal('办理状态：已延长答复期限');
      expect(focused(t).name).to.equal('办理状态：已延长答复期限');
      const result = node(t, 'region', '办理状态：已延长答复期限');
      expect(textOf(result)).to.contain('答复期限2026年9月29日（已超过答复期限）');
      expect(all(node(result, 'list'), (n) => n.role === 'listitem').map(textOf)).to.deep.equal([
        '2026年9月1日 10:00已收到申请', '2026年9月25日 11:00已延长答复期限：需要调取档案',
      ]);
    } finally {
      await executeServerCommand('time-zone', '');
    }
  });
});

// ---- <annual-stats> ----------------------------------------------------------------------------------------------------

async function annual(src: string, lang = 'zh-CN', year = ''): Promise<AnnualStats> {
  const el = await fixture<AnnualStats>(html`<annual-stats src=${src} lang=${lang} year=${year} no-url-state></annual-stats>`);
  await el.loaded;
  await el.updateComplete;
  return el;
}

describe('accessibility tree: <annual-stats>', () => {
  it('the tables are named; their headers are column and row headers, every data row starts with its row header', async () => {
    await annual('/demo/feeds/annual/2022.json', 'zh-CN');
    const t = await tree();
    expect(names(all(t, (n) => n.role === 'table'))).to.include.members([
      '二、主动公开政府信息情况 · 第二十条第（一）项', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '网站访问',
    ]);
    const t2 = node(t, 'table', '二、主动公开政府信息情况 · 第二十条第（一）项');
    expect(names(all(t2, (n) => n.role === 'columnheader'))).to.deep.equal(['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(all(t2, (n) => n.role === 'row').slice(2).map((r) => r.children!.map((c) => `${c.role}:${c.name}`))).to.deep.equal([
      ['rowheader:规章', 'cell:0', 'cell:0', 'cell:0'], ['rowheader:行政规范性文件', 'cell:4', 'cell:2', 'cell:37'],
    ]);
    const t3 = node(t, 'table', '三、收到和处理政府信息公开申请情况');
    expect(names(all(t3, (n) => n.role === 'columnheader'))).to.deep.equal([
      '申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他',
    ]);
    // Every row with figures is headed: the reader hears which row a figure belongs to.
    for (const row of all(t3, (n) => n.role === 'row' && !!n.children?.some((c) => c.role === 'cell' && /^\d/.test(c.name)))) {
      expect(row.children![0].role, textOf(row)).to.equal('rowheader');
    }
    expect(node(t3, 'row', /^$/).children!.length).to.be.greaterThan(0);
    const t4 = node(t, 'table', '四、政府信息公开行政复议、行政诉讼情况');
    expect(names(all(t4, (n) => n.role === 'columnheader')).slice(0, 5)).to.deep.equal(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持']);
    expect(all(t4, (n) => n.role === 'cell').length).to.equal(15);
  });

  it('a national table’s title is heard as its section’s heading and as the table’s name, not a third time as the name of a scroll area around it', async () => {
    for (const [lang, titles] of [
      ['zh-CN', ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']],
      ['en', ['II. Proactive disclosure of government information', 'III. Applications for disclosure of government information received and handled',
        'IV. Administrative reconsideration and litigation concerning disclosure of government information']],
    ] as const) {
      await annual('/demo/feeds/annual/2022.json', lang);
      const t = await tree();
      for (const title of titles) {
        const section = node(t, 'region', title);
        const inside = all(section, (n) => n !== section);
        // (Table 二 is one table per clause block, each named by the title and its clause.)
        expect(inside.filter((n) => n.role !== 'StaticText' && n.name === title).map((n) => n.role), title)
          .to.deep.equal(title === titles[0] ? ['heading'] : ['heading', 'table']);
        expect(inside.filter((n) => n.role === 'StaticText' && n.name === title).length, `${title}: as text`).to.be.at.most(2);
        expect(all(section, (n) => n.role === 'table').length, title).to.be.greaterThan(0);
      }
    }
  });

  it('a chart is an image whose name states its figures; its data-table button says whether the table is shown, and the table shown is named and headed', async () => {
    const el = await annual('/demo/feeds/annual/2022.json', 'zh-CN');
    await waitUntil(() => $(el, 'canvas[data-chart="c-outcomes"]'), 'the charts');
    let t = await tree();
    expect(node(t, 'image', /^本年度办理结果（总计）/).name).to.equal('本年度办理结果（总计）。（一）予以公开：18；（二）部分公开：3；（三）不予公开：5；（四）无法提供：12；（五）不予处理：4；（六）其他处理：2');
    // Each named by its chart (a list of buttons tells them apart), the words shown first.
    const toggles = all(t, (n) => n.role === 'button' && n.name.startsWith('显示数据表'));
    expect(toggles.map((n) => [n.name, expandedOf(n)])).to.deep.equal([['显示数据表（主动公开情况）', false], ['显示数据表（本年度办理结果（总计））', false]]);
    expect(all(t, (n) => n.role === 'table' && n.name.endsWith('（数据表）'))).to.deep.equal([]);
    $(el, '[part~="data-toggle"]').click();
    await el.updateComplete;
    t = await tree();
    expect(expandedOf(node(t, 'button', '隐藏数据表（主动公开情况）'))).to.equal(true);
    const data = node(t, 'table', '主动公开情况（数据表）');
    expect(names(all(data, (n) => n.role === 'columnheader'))).to.deep.equal(['项目', '数值']);
    expect(all(data, (n) => n.role === 'row').slice(1, 3).map((r) => r.children!.map((c) => `${c.role}:${c.name}`))).to.deep.equal([
      ['rowheader:规章 · 本年制发件数', 'cell:0'], ['rowheader:规章 · 本年废止件数', 'cell:0'],
    ]);
  });

  it('the year picker and the trend’s figure picker are named comboboxes; the trend chart states each year’s figure; another year chosen is said', async () => {
    const el = await annual('/demo/feeds/annual/index.json', 'zh-CN', '2022');
    await waitUntil(() => $(el, 'canvas[data-chart="trend"]'), 'the trend');
    const t = await tree();
    const year = node(t, 'combobox', '年度');
    expect(year.value).to.equal('2022年');
    expect(names(all(year, (n) => n.role === 'option'))).to.deep.equal(['2022年', '2020年', '2013年']);
    // The figure picked is shown short in its group (行政复议: 结果维持), and heard in full, closed too: arrowing through
    // the closed picker, a screen reader says each option without its group.
    const figure = node(t, 'combobox', '指标');
    expect(figure.value).to.equal('行政复议 · 结果维持');
    expect(names(all(node(figure, 'group', '行政复议'), (n) => n.role === 'option'))).to.deep.equal(
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((s) => `行政复议 · ${s}`));
    expect($<HTMLSelectElement>(el, '#trend-key').selectedOptions[0].text).to.equal('结果维持');
    expect(node(t, 'image', /（历年）/).name).to.equal('行政复议 · 结果维持（历年）。2013：0；2020：2；2022：1');
    // Another year chosen: the picker and the status say which.
    const select = $<HTMLSelectElement>(el, 'select');
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change'));
    const after = await treeUntil((t) => textOf(node(t, 'status')) === '已显示2020年度报告', 'the year said');
    expect(node(after, 'combobox', '年度').value).to.equal('2020年');
    expect(node(after, 'heading', /2020年政府信息公开工作年度报告/).level).to.equal(2);
  });

  it('in English: the year picker, the table names, the chart and its button', async () => {
    const el = await annual('/demo/feeds/annual/index.json', 'en', '2022');
    await waitUntil(() => $(el, 'canvas[data-chart="c-outcomes"]'), 'the charts');
    const t = await tree();
    expect(node(t, 'combobox', 'Year').value).to.equal('2022');
    expect(names(all(t, (n) => n.role === 'table'))).to.include('III. Applications for disclosure of government information received and handled');
    expect(node(t, 'image', /^Results this year \(total\)\. /).name).to.contain('(1) Disclosed: 18; (2) Partly disclosed: 3');
    expect(all(t, (n) => n.role === 'button' && n.name.startsWith('Show data table')).map((n) => [n.name, expandedOf(n)])[0]).to.deep.equal(['Show data table (Proactive disclosure)', false]);
  });
});

describe('accessibility tree: no element is taken for the page\'s banner', () => {
  // Outside <main> (old CMS templates, the demo), a <header> is the page's banner landmark: a screen reader's list of
  // landmarks then had one per element, named nothing, beside (or instead of) the site's own.
  it('<disclosure-catalogue> and <annual-stats> on a page without <main>: no banner landmark, their headings there', async () => {
    await catalogue();
    await annual('/demo/feeds/annual/2022.json');
    const t = await tree();
    expect(all(t, (n) => n.role === 'heading' && n.level === 2).length, 'the two headings').to.be.at.least(2);
    expect(all(t, (n) => n.role === 'banner').length).to.equal(0);
  });
});
