import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import '../src/request-form.js';
import '../src/request-status.js';
import type { RequestForm } from '../src/request-form.js';
import { residentIdCheckChar } from '../src/validators/index.js';
import { uniqueName, cutOff, expectAccessible, expectNoSkippedLevel, headingOutline, misLanguaged, mountHtml, nextFrames, pastRightEdge, requestsTo, scriptEndpoint, sendKeys, shadowText, storeFeed, textSpacing } from './helpers.js';
import { $, $$, STEP1, VALID, answerToReview, chooseFile, englishFormFeed, fill, focusedIn, formFeed, next, stepTitle, waitUntil, RECEIPT } from './request-fixtures.js';

type El = RequestForm & HTMLElement;

async function mount(feed: unknown = formFeed(), src?: string, attrs: { persist?: string } = {}): Promise<El> {
  const url = src ?? (await storeFeed(feed));
  const el = await fixture<El>(html`<request-form src=${url} persist=${attrs.persist ?? 'session'}></request-form>`);
  await el.loaded;
  el.retryDelays = [30, 30, 30];
  return el;
}

const pdf = (name = 'id.pdf', size = 10) => new File(['x'.repeat(size)], name, { type: 'application/pdf' });

/** Fills every step validly and arrives at the review. */
async function toReview(el: El, file = false): Promise<void> {
  await fill(el, { applicantType: 'naturalPerson' });
  await answerToReview(el, file ? [pdf()] : undefined);
  expect(stepTitle(el)).to.equal('核对申请信息');
}

/** A feed whose office gives its opening hours, a telephone number and an e-mail address too. */
const withContact = (feed: Record<string, unknown>) => {
  const agency = feed.agency as { office: Record<string, string> };
  return { ...feed, agency: { ...agency, office: { ...agency.office, hours: '工作日 9:00—17:00', phone: '0730-1234567', email: 'gk@example.gov.cn' } } };
};
/** The contact block in `sel`: its heading, then each detail as "label value". */
const contactOf = (el: El, sel: string) => [
  shadowText(el, `${sel} h4`), ...$$(el, `${sel} [part="office"] > div`).map((d) => [...d.children].map((c) => c.textContent!.trim()).join(' ')),
];
/** The text of `node` as it prints: without the visually hidden words (which are checked to take no room). */
const printed = (node: Element) => {
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll('.vh').forEach((v) => v.remove());
  return copy.textContent!.replace(/[^\S\u3000]+/g, ' ').trim();
};
/** The text of `node` as a screen reader has it: without what is aria-hidden. */
const spoken = (node: Element) => {
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((v) => v.remove());
  return copy.textContent!.replace(/[^\S\u3000]+/g, ' ').trim();
};

/** The text lines of `node` as laid out, by the boxes of its characters: one character each, by their offsets. */
const charBoxes = (node: Element) => {
  const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const boxes: DOMRect[] = [];
  for (let t = walk.nextNode() as Text | null; t; t = walk.nextNode() as Text | null) {
    for (let i = 0; i < t.data.length; i++) {
      if (!t.data[i].trim()) continue;
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      boxes.push(r.getBoundingClientRect());
    }
  }
  return boxes;
};
const lineCount = (node: Element) => new Set(charBoxes(node).map((b) => Math.round(b.bottom))).size;
/**
 * Whether print may break a paper form's row across sheets: not a row kept whole (break-inside: avoid), nor one whose
 * cells are all too short to leave `orphans` lines before a break and `widows` after it. A section's title, the
 * cell spanning its rows, is left out: it is in a box kept whole (an inline-block).
 */
const breakable = (tr: HTMLElement) => getComputedStyle(tr).breakInside !== 'avoid'
  && [...(tr as HTMLTableRowElement).cells].some((c) => c.rowSpan === 1 && lineCount(c) >= +getComputedStyle(c).orphans + +getComputedStyle(c).widows);

const CONTACT_ZH = ['联系办理机关', '机构 测试区政务公开办', '地址 测试路1号', '邮政编码 414000', '办公时间 工作日 9:00—17:00', '电话 0730-1234567', '电子邮箱 gk@example.gov.cn'];
const CONTACT_EN = ['Contact the agency', 'Office 测试区政务公开办', 'Address 测试路1号', 'Postcode 414000', 'Opening hours 工作日 9:00—17:00', 'Telephone 0730-1234567', 'Email gk@example.gov.cn'];
/** From the review: 修改 the description, a new one, and back to the review (保存并返回核对页). */
async function changeDescription(el: El): Promise<void> {
  $(el, 'button[aria-label="修改：内容描述"]').click();
  await focusedIn(el, '#f-description');
  await fill(el, { description: '2025年桥梁维修经费' });
  await next(el);
  expect(stepTitle(el)).to.equal('核对申请信息');
}

/**
 * A form on `src` filled to its third step with `files` chosen there, then reloaded (a new element on the same feed):
 * its draft restored, the files asked for again by name.
 */
async function restoredWith(src: string, files: File[]): Promise<El> {
  const first = await mount(undefined, src);
  await fill(first, { applicantType: 'naturalPerson', ...STEP1 });
  await next(first);
  await fill(first, { description: VALID.description });
  await next(first);
  await chooseFile(first, 'idProof', files);
  await new Promise((r) => setTimeout(r, 500));
  first.remove();
  fixtureCleanup();
  return mount(undefined, src);
}

/** The refusal or failure panel (an alert). */
const ALERT = '.panel[part="send-status"]';

/** A form (with the office's full details) sending to an endpoint answering `steps`, filled up to the review. */
async function reviewed(steps: Parameters<typeof scriptEndpoint>[0], lang = 'zh-CN') {
  const endpoint = await scriptEndpoint(steps);
  const el = await mount(withContact(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
  await toReview(el);
  el.lang = lang;
  await el.updateComplete;
  return { el, endpoint };
}

async function api(steps: Parameters<typeof scriptEndpoint>[0], encoding = 'json') {
  const endpoint = await scriptEndpoint(steps);
  const el = await mount(formFeed({ mode: 'api', endpoint, encoding }));
  return { el, endpoint };
}

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('<request-form> rendering', () => {
  it('follows a change of the provider’s feed-base (a form in a provider whose feed-base changes after load)', async () => {
    const src = await storeFeed(formFeed());
    const name = src.split('/').pop()!;
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/missing/"><request-form src=${name}></request-form></disclosure-provider>`);
    const el = wrap.querySelector('request-form') as El;
    await el.loaded;
    await waitUntil(() => $(el, '[part~="error"]'), 'the error of the first feed-base');
    wrap.querySelector('disclosure-provider')!.setAttribute('feed-base', '/__feeds/store/');
    await waitUntil(() => shadowText(el, '.progress p') === '第 1 步，共 4 步', 'the form from the new feed-base');
  });

  it('`loaded`, asked for as soon as the element is in the page (before its first update), waits for the feed: the first step is there', async () => {
    // As a host page does: append, then wait. (Not fixture(), which waits for the first update itself.)
    const el = document.createElement('request-form') as RequestForm;
    el.src = await storeFeed(formFeed());
    mountHtml(html``).append(el);
    await el.loaded;
    expect(shadowText(el, '.progress p')).to.equal('第 1 步，共 4 步');
    expect(shadowText(el, '#f-applicantType legend')).to.equal('申请人类型 （必填）');
  });

  it('draws the first step from the feed: applicant type first, required marks in text, hints, progress', async () => {
    const el = await mount();
    expect(shadowText(el, '.progress p')).to.equal('第 1 步，共 4 步');
    expect($$(el, '.progress li').map((l) => l.textContent!.trim())).to.deep.equal(['申请人信息', '所需信息', '附件与声明', '核对申请信息']);
    expect($(el, '.progress li[aria-current="step"]').textContent!.trim()).to.equal('申请人信息');
    expect(shadowText(el, '#f-applicantType legend')).to.equal('申请人类型 （必填）');
    expect(shadowText(el, 'header')).to.contain('20 个工作日内予以答复').and.contain('不超过 20 个工作日');
    // Fields of a type appear once it is chosen.
    expect($(el, '#f-name')).to.equal(null);
    await fill(el, { applicantType: 'naturalPerson' });
    expect($(el, 'label[for="f-name"]').textContent).to.contain('（必填）');
    expect($(el, '#f-name').getAttribute('autocomplete')).to.equal('name');
    expect($(el, '#f-mobile').getAttribute('autocomplete')).to.equal('mobile tel');
    expect($(el, '#f-mobile').getAttribute('inputmode')).to.equal('tel');
    expect($(el, '#f-email').getAttribute('type')).to.equal('email');
    expect($(el, '#f-orgName')).to.equal(null);
    await fill(el, { applicantType: 'organisation' });
    expect($(el, '#f-orgName')).to.not.equal(null);
    expect($(el, '#f-name')).to.equal(null);
    await expectAccessible(el);
  });

  it('uses the jurisdiction defaults for the time limit (CN-OGI-2007: 15 + 15)', async () => {
    const feed = formFeed();
    feed.jurisdiction = 'CN-OGI-2007';
    delete feed.rules;
    const el = await mount(feed);
    expect(shadowText(el, 'header')).to.contain('15 个工作日内予以答复').and.contain('不超过 15 个工作日');
  });

  it('keeps hostile feed text as text', async () => {
    const feed = formFeed();
    const s = (feed.sections as { title: string; fields: { label: string; help?: string }[] }[])[0];
    s.title = '<img src=x onerror="window.__pwned=1">';
    s.fields[3].label = '<img src=x onerror="window.__pwned=1">手机';
    s.fields[3].help = '<script>window.__pwned=1</script>';
    const el = await mount(feed);
    await fill(el, { applicantType: 'naturalPerson' });
    expect(el.shadowRoot!.querySelector('img, script:not([type])')).to.equal(null);
    expect(stepTitle(el)).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(shadowText(el, 'label[for="f-mobile"]')).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<request-form> validation', () => {
  it('shows the error summary and inline messages on a failed Next, and focuses the summary', async () => {
    const el = await mount();
    await next(el);
    expect(stepTitle(el)).to.equal('申请人信息');
    // Read once, as focus lands on it; not an alert, which a screen reader would read out again on every edit (a
    // group, named by its heading: test/a11y-tree.test.ts).
    expect($(el, '[part="error-summary"]').getAttribute('role')).to.equal('group');
    expect(shadowText(el, '[part="error-summary"] h3')).to.equal('请修改以下问题');
    expect(shadowText(el, '[part="error-summary"] li')).to.equal('请选择“申请人类型”。');
    await focusedIn(el, '#summary');
    await fill(el, { applicantType: 'naturalPerson' });
    await next(el);
    const links = $$(el, '[part="error-summary"] a').map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['请填写“姓名”。', '请填写“证件号码”。', '请填写“手机号码”。']);
    const id = $(el, '#f-idNumber');
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    expect(id.getAttribute('aria-describedby')).to.equal('f-idNumber-help f-idNumber-error');
    expect(shadowText(el, '#f-idNumber-error')).to.equal('错误：请填写“证件号码”。');
    await expectAccessible(el);
  });

  it('a field left for 下一步 pressed with the mouse: the click is not lost when the field’s message moves the button', async () => {
    const el = await mount();
    await fill(el, { applicantType: 'naturalPerson' });
    const mobile = $<HTMLInputElement>(el, '#f-mobile');
    mobile.focus();
    mobile.value = '123';
    mobile.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const button = $(el, 'form .btn.primary');
    button.scrollIntoView({ block: 'center' });
    const r = button.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
    await sendMouse({ type: 'down' });
    await nextFrames(2);
    await sendMouse({ type: 'up' });
    await resetMouse();
    await waitUntil(() => $(el, '[part="error-summary"]'), 'the error summary');
    expect($$(el, '[part="error-summary"] a').map((a) => a.textContent!.trim()).join(' ')).to.contain('手机号码');
    await focusedIn(el, '#summary');
  });

  it('error summary links move focus to the field', async () => {
    const el = await mount();
    await next(el);
    // A radio group is focused through its first radio.
    $$(el, '[part="error-summary"] a')[0].click();
    await focusedIn(el, '#f-applicantType-0');
    await fill(el, { applicantType: 'naturalPerson' });
    await next(el);
    $$(el, '[part="error-summary"] a')[2].click();
    await focusedIn(el, '#f-mobile');
  });

  it('shows a message only once a field was left, and catches bad ID numbers, mobiles and too long text', async () => {
    const el = await mount();
    await fill(el, { applicantType: 'naturalPerson' });
    const id = $<HTMLInputElement>(el, '#f-idNumber');
    id.value = '110105194912310021';
    id.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#f-idNumber-error')).to.equal(null); // not yet left
    id.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadowText(el, '#f-idNumber-error')).to.contain('最后一位（校验码）不对');
    await fill(el, { mobile: '1381234567' });
    expect(shadowText(el, '#f-mobile-error')).to.contain('应为 11 位手机号码');
    await fill(el, { mobile: '23812345678' });
    expect(shadowText(el, '#f-mobile-error')).to.contain('以 13 至 19 开头');
    await fill(el, { idNumber: VALID.idNumber, mobile: VALID.mobile, name: VALID.name });
    expect($(el, '.field-error')).to.equal(null);
    await next(el);
    await fill(el, { description: '这是一段超过二十个字的描述文字，用来测试字数上限是否生效。' });
    expect(shadowText(el, '#f-description-count')).to.match(/已超出 \d+ 个字/);
    expect(shadowText(el, '#f-description-error')).to.contain('不能超过 20 个字');
    expect($(el, '#f-description').getAttribute('aria-describedby')).to.equal('f-description-count f-description-error');
    await next(el);
    expect(stepTitle(el)).to.equal('所需信息');
  });

  it('a resident ID number with an unknown province code: the message names what is checked, the first two digits, in both languages', async () => {
    // 00 is no province; the number is well formed otherwise (the province is checked before the date and check digit).
    for (const [lang, words, notWords] of [['zh-CN', ['前 2 位', '省'], ['6 位', '地区代码']], ['en', ['first 2 digits', 'province'], ['6 digits', 'region code']]] as const) {
      const el = await mount();
      el.lang = lang;
      await fill(el, { applicantType: 'naturalPerson', idNumber: '001105194912310020' });
      const text = shadowText(el, '#f-idNumber-error');
      for (const w of words) expect(text, lang).to.contain(w);
      for (const w of notWords) expect(text, lang).to.not.contain(w);
      fixtureCleanup();
    }
  });

  it('a resident ID number with a slash, a letter or an X before the end: the message says what it may hold (digits, X last), in both languages (hyphens and spaces are dropped)', async () => {
    for (const [lang, words] of [['zh-CN', ['数字', '最后一位', 'X']], ['en', ['digits', 'last character', 'X']]] as const) {
      for (const id of ['110105/19491231002X', '11010519491231002Y', '1101051949123100X2']) {
        const el = await mount();
        el.lang = lang;
        await fill(el, { applicantType: 'naturalPerson', idNumber: id });
        const text = shadowText(el, '#f-idNumber-error');
        for (const w of words) expect(text, `${lang} ${id}`).to.contain(w);
        fixtureCleanup();
      }
    }
  });

  it('a unified social credit code or an organisation code with characters not allowed or a misplaced hyphen: the message says what it may hold, in both languages', async () => {
    const org = { applicantType: 'organisation' };
    const base = formFeed();
    const feed = {
      ...base,
      sections: [{ id: 'applicant', title: '申请人信息', fields: [
        { name: 'uscc', type: 'text', label: '统一社会信用代码', showWhen: org },
        { name: 'orgCode', type: 'text', label: '组织机构代码', validator: 'cn-org-code', showWhen: org },
      ] }, ...(base.sections as unknown[]).slice(1)],
    };
    const cases = [
      ['uscc', '91110000600037341I', { 'zh-CN': ['数字', '字母', 'I、O、Z、S、V'], en: ['digits', 'letters', 'I, O, Z, S', 'V'] }],
      ['uscc', '9111-0000600037341L', { 'zh-CN': ['数字', '字母', 'I、O、Z、S、V'], en: ['digits', 'letters', 'I, O, Z, S', 'V'] }],
      ['orgCode', '6000373@-1', { 'zh-CN': ['8 位', '数字或字母', '连字符', '60003734-1'], en: ['8 digits or letters', 'hyphen', '60003734-1'] }],
      ['orgCode', '6000-37341', { 'zh-CN': ['8 位', '数字或字母', '连字符', '60003734-1'], en: ['8 digits or letters', 'hyphen', '60003734-1'] }],
    ] as const;
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const [name, value, words] of cases) {
        const el = await mount(feed);
        el.lang = lang;
        await fill(el, { ...org, [name]: value });
        const text = shadowText(el, `#f-${name}-error`);
        for (const w of words[lang]) expect(text, `${lang} ${value}`).to.contain(w);
        fixtureCleanup();
      }
    }
  });

  it('an organisation code with too few or too many characters: the message says how it is written (8 digits or letters, a hyphen, a check character), in both languages', async () => {
    const org = { applicantType: 'organisation' };
    const base = formFeed();
    const feed = {
      ...base,
      sections: [{ id: 'applicant', title: '申请人信息', fields: [
        { name: 'orgCode', type: 'text', label: '组织机构代码', validator: 'cn-org-code', showWhen: org },
      ] }, ...(base.sections as unknown[]).slice(1)],
    };
    const words = { 'zh-CN': ['位数不对', '8 位', '数字或字母', '连字符', '60003734-1'], en: ['wrong number of characters', '8 digits or letters', 'hyphen', '60003734-1'] };
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const value of ['6000373-1', '600037341X1']) {
        const el = await mount(feed);
        el.lang = lang;
        await fill(el, { ...org, orgCode: value });
        const text = shadowText(el, '#f-orgCode-error');
        for (const w of words[lang]) expect(text, `${lang} ${value}`).to.contain(w);
        fixtureCleanup();
      }
    }
  });

  it('a foreigner’s permanent-residence ID (18 characters starting with 9) with an unknown province code: the message names digits 2–3, not the first two', async () => {
    // 9 + province 99 (none) + a real date and the right check digit: only the province code, in positions 2–3, is wrong.
    const id = `99915619800101001${residentIdCheckChar('99915619800101001')}`;
    for (const [lang, word, notWord] of [['zh-CN', '第 2、3 位', '前 2 位'], ['en', 'digits 2–3', 'first 2 digits']] as const) {
      const el = await mount();
      el.lang = lang;
      await fill(el, { applicantType: 'naturalPerson', idNumber: ` ${id.slice(0, 6)} ${id.slice(6)} ` });
      const text = shadowText(el, '#f-idNumber-error');
      expect(text, lang).to.contain(word).and.contain(lang === 'en' ? 'province' : '省');
      expect(text, lang).to.not.contain(notWord);
      fixtureCleanup();
    }
  });

  it('has a character counter announced politely after typing stops, not on every keystroke', async () => {
    const el = await mount();
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    const live = $(el, '[role="status"][aria-live="polite"]');
    const ta = $<HTMLTextAreaElement>(el, '#f-description');
    expect(shadowText(el, '#f-description-count')).to.equal('还可以输入 20 个字');
    expect($(el, '#f-description-count').hasAttribute('aria-live')).to.equal(false);
    for (const v of ['一', '一二', '一二三']) {
      ta.value = v;
      ta.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    expect(shadowText(el, '#f-description-count')).to.equal('还可以输入 17 个字');
    expect(live.textContent).to.not.contain('17');
    await waitUntil(() => live.textContent!.includes('还可以输入 17 个字'), 'counter announcement', 4000);
  });

  it('describes allowed file types and size before choosing, and rejects wrong type or too big files', async () => {
    const el = await mount();
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    expect(shadowText(el, '#f-idProof-help')).to.equal('可上传 PDF、PNG 格式的文件，每个文件不超过 1 MB。');
    expect($(el, '#f-idProof').getAttribute('accept')).to.equal('.pdf,.png');
    await chooseFile(el, 'idProof', [new File(['x'], 'virus.exe', { type: 'application/x-msdownload' })]);
    expect(shadowText(el, '#f-idProof-error')).to.contain('只能上传 PDF、PNG 格式的文件');
    await chooseFile(el, 'idProof', [pdf('big.pdf', 1024 * 1024 + 1)]);
    expect(shadowText(el, '#f-idProof-error')).to.contain('每个文件不能超过 1 MB');
    await chooseFile(el, 'idProof', [pdf()]);
    expect($(el, '#f-idProof-error')).to.equal(null);
    expect(shadowText(el, '.files')).to.contain('id.pdf');
  });

  it('a chosen file that is refused (wrong type, too big) is said by the live region: focus stays on the file input, which does not read its new error', async () => {
    const el = await mount();
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    const live = () => shadowText(el, '[role="status"][aria-live="polite"]');
    await chooseFile(el, 'idProof', [new File(['x'], 'scan.exe', { type: 'application/x-msdownload' })]);
    await waitUntil(() => live().includes('“身份证明”只能上传 PDF、PNG 格式的文件'), 'wrong type announced');
    await chooseFile(el, 'idProof', [pdf('big.pdf', 1024 * 1024 + 1)]);
    await waitUntil(() => live().includes('每个文件不能超过 1 MB'), 'too big announced');
    // A good file: the error goes, and nothing stale is left to be read.
    await chooseFile(el, 'idProof', [pdf()]);
    await waitUntil(() => live() === '', 'the live region emptied');
  });

  it('several files chosen, some refused: each problem is said with the files it is about (all of them), and each refused file is marked in the list', async () => {
    const feed = formFeed() as { sections: { fields: Record<string, unknown>[] }[] };
    feed.sections[2].fields[0].multiple = true;
    const el = await mount(feed);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    const live = () => shadowText(el, '[role="status"][aria-live="polite"]');
    const gif = new File(['GIF89a'], 'photo.gif', { type: 'image/gif' });
    const exe = new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' });
    await chooseFile(el, 'idProof', [pdf('id.pdf'), gif, pdf('big.pdf', 1024 * 1024 + 1), exe]);
    const said = 'photo.gif、virus.exe 不能上传。“身份证明”只能上传 PDF、PNG 格式的文件。 big.pdf 不能上传。“身份证明”的文件太大，每个文件不能超过 1 MB。';
    await waitUntil(() => live() === said, 'every refused file announced');
    expect(shadowText(el, '#f-idProof-error').replace(/^错误：/, '')).to.equal(said);
    const items = $$(el, 'ul.files li').map((li) => li.textContent!.replace(/[×\s]+/g, ' ').trim());
    expect(items).to.deep.equal(['id.pdf (10 B)', 'photo.gif (6 B)（不能上传）', 'big.pdf (1 MB)（不能上传）', 'virus.exe (2 B)（不能上传）']);
    await expectAccessible(el);
    // Removed by the keyboard, the refused files go, and with them what was said about them.
    for (const name of ['photo.gif', 'virus.exe']) {
      $(el, `ul.files button[aria-label="移除 ${name}"]`).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    }
    expect(shadowText(el, '#f-idProof-error')).to.contain('big.pdf 不能上传').and.not.contain('photo.gif');
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '#f-idProof-error').includes('cannot'), 'in English');
    expect(shadowText(el, '#f-idProof-error')).to.equal('Error: big.pdf cannot be uploaded. The file for “身份证明” is too big; each file must be 1 MB or smaller.');
    expect(shadowText(el, 'ul.files')).to.contain('big.pdf (1 MB) (cannot be uploaded)');
  });
});

describe('<request-form> steps and review', () => {
  it('lists every answer on the review; change returns to the field and back to the review', async () => {
    const el = await mount();
    await toReview(el);
    const rows = $$(el, '.answers > div').map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]);
    expect(rows).to.deep.include.members([['申请人类型', '公民'], ['证件号码', VALID.idNumber], ['获取方式', '电子邮件'], ['我承诺所填信息真实', '已勾选']]);
    await expectAccessible(el);
    const change = $$(el, '.answers button').find((b) => b.getAttribute('aria-label') === '修改：手机号码')!;
    expect(change.textContent!.trim()).to.equal('修改');
    change.click();
    await focusedIn(el, '#f-mobile');
    expect(stepTitle(el)).to.equal('申请人信息');
    expect(shadowText(el, 'form .btn.primary')).to.equal('保存并返回核对页');
    await fill(el, { mobile: '13900000000' });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect(shadowText(el, '.answers')).to.contain('13900000000');
  });

  it('修改 from the review: the steps already done stay marked done (✓, 已完成) while their answers hold; one no longer valid is not', async () => {
    const el = await mount();
    await toReview(el);
    const progress = () => $$(el, '.progress li').map((li) => li.textContent!.replace(/\s+/g, ''));
    $(el, 'button[aria-label="修改：内容描述"]').click();
    await focusedIn(el, '#f-description');
    expect(progress()).to.deep.equal(['申请人信息（已完成）', '所需信息', '附件与声明（已完成）', '核对申请信息']);
    expect(getComputedStyle($$(el, '.progress li')[2], '::after').content).to.contain('✓');
    await expectAccessible(el);
    // The description emptied, then 上一步: step 2 is no longer done, step 3 still is.
    await fill(el, { description: '' });
    $(el, 'form .btn:not(.primary)').click();
    await waitUntil(() => stepTitle(el) === '申请人信息', 'step 1');
    expect(progress()).to.deep.equal(['申请人信息', '所需信息', '附件与声明（已完成）', '核对申请信息']);
  });

  it('back on the attachments step (上一步 from the review, 修改): the file input holds the chosen file listed under it, not 未选择任何文件', async () => {
    const el = await mount();
    await toReview(el, true);
    const held = () => [...($<HTMLInputElement>(el, '#f-idProof').files ?? [])].map((x) => x.name);
    $(el, '.actions .btn:not(.primary)').click();
    await waitUntil(() => stepTitle(el) === '附件与声明', 'the attachments step');
    expect(held()).to.deep.equal(['id.pdf']);
    expect(shadowText(el, 'ul.files')).to.contain('id.pdf');
    await expectAccessible(el);
    await next(el);
    $(el, 'button[aria-label="修改：身份证明"]').click();
    await focusedIn(el, '#f-idProof');
    expect(held()).to.deep.equal(['id.pdf']);
    // Removing it still empties the input.
    $(el, 'ul.files button').click();
    await el.updateComplete;
    expect(held()).to.deep.equal([]);
  });

  it('requiredWhen: an answer by e-mail needs an address; the field is marked required and the submit goes back to it', async () => {
    const feed = formFeed() as { sections: { fields: Record<string, unknown>[] }[] };
    const email = feed.sections[0].fields.find((f) => f.name === 'email')!;
    email.requiredWhen = { delivery: ['email'] };
    const el = await mount(feed);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    expect(shadowText(el, 'label[for="f-email"]')).to.equal('电子邮箱');
    await next(el);
    await fill(el, { description: VALID.description, delivery: 'email' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    await next(el); // submit
    expect(stepTitle(el)).to.equal('申请人信息');
    expect(shadowText(el, '#f-email-error')).to.contain('请填写“电子邮箱”');
    expect(shadowText(el, 'label[for="f-email"]')).to.contain('（必填）');
    expect($(el, '#f-email').getAttribute('aria-required')).to.equal('true');
  });

  it('works with the keyboard only: Tab through a step, Enter on Next', async () => {
    const el = await mount();
    $(el, '#step-h').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // checks 公民
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: VALID.name });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: VALID.idNumber });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: VALID.mobile });
    await sendKeys({ press: 'Tab' }); // email (optional)
    await sendKeys({ press: 'Tab' }); // Next
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('下一步');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepTitle(el) === '所需信息', 'step 2');
    await focusedIn(el, '#step-h');
    await expectAccessible(el);
  });
});

describe('<request-form> with the keyboard only, from the first step to the receipt', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`${lang}: Tab order, Enter on Next, the summary's links, the review and Submit; focus ends on the receipt heading`, async () => {
      const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
      const el = await mount(lang === 'en' ? englishFormFeed({ mode: 'api', endpoint }) : formFeed({ mode: 'api', endpoint }));
      el.lang = lang;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
      const name = () => active()?.id || active()?.textContent?.trim();
      const tab = async () => {
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
        return name();
      };
      const settle = async () => {
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 50));
        await el.updateComplete;
      };
      $(el, '#step-h').focus();
      // Step 1: Next with nothing chosen; the summary's heading takes focus, its link (Enter) goes to the radio group.
      const order1 = [await tab(), await tab(), await tab(), await tab()];
      expect(order1).to.deep.equal(['f-applicantType-0', 'f-mobile', 'f-email', lang === 'en' ? 'Next' : '下一步']);
      await sendKeys({ press: 'Enter' });
      await focusedIn(el, '#summary');
      await tab();
      expect(active()!.tagName).to.equal('A');
      await sendKeys({ press: 'Enter' });
      await focusedIn(el, '#f-applicantType-0');
      await sendKeys({ press: 'Space' });
      await settle();
      // The fields of 公民 appear after the group: Tab goes on to them, in order.
      expect(await tab()).to.equal('f-name');
      await sendKeys({ type: VALID.name });
      await tab();
      await sendKeys({ type: '110105194912310021' }); // a wrong check digit
      await tab();
      await sendKeys({ type: VALID.mobile });
      await sendKeys({ press: 'Enter' }); // Enter in a text field: Next
      await focusedIn(el, '#summary');
      await tab();
      expect(active()!.textContent).to.contain(lang === 'en' ? 'ID number' : '证件号码');
      await sendKeys({ press: 'Enter' });
      await focusedIn(el, '#f-idNumber');
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'X' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => stepTitle(el) === (lang === 'en' ? 'The information you want' : '所需信息'), 'step 2');
      await focusedIn(el, '#step-h');
      // Step 2: a textarea (Enter is a new line there), a radio group chosen with the arrow keys.
      expect(await tab()).to.equal('f-description');
      await sendKeys({ type: VALID.description });
      expect(await tab()).to.equal('f-delivery-0');
      await sendKeys({ press: 'ArrowDown' });
      await settle();
      expect(name()).to.equal('f-delivery-1');
      expect($<HTMLInputElement>(el, '#f-delivery-1').checked).to.equal(true);
      if (lang === 'en') {
        expect(await tab()).to.equal('f-carrier-0');
        await tab();
      }
      expect(await tab()).to.equal(lang === 'en' ? 'Back' : '上一步');
      expect(await tab()).to.equal(lang === 'en' ? 'Next' : '下一步');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '#f-idProof'), 'step 3');
      await focusedIn(el, '#step-h');
      // Step 3: the file input, then the declaration ticked with Space.
      expect(await tab()).to.equal('f-idProof');
      expect(await tab()).to.equal('f-declaration');
      await sendKeys({ press: 'Space' });
      await settle();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part="review"]'), 'review');
      await focusedIn(el, '#step-h');
      // The review: each Change button, then Back and Submit; a Change goes to its field and comes back.
      expect(await tab()).to.equal(lang === 'en' ? 'Change' : '修改');
      expect(active()!.getAttribute('aria-label')).to.contain(lang === 'en' ? 'Type of applicant' : '申请人类型');
      await tab();
      await sendKeys({ press: 'Enter' });
      await focusedIn(el, '#f-name');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part="review"]'), 'review again');
      await focusedIn(el, '#step-h');
      const passed: string[] = [];
      while (passed.length < 20 && (await tab()) !== 'send') passed.push(name()!);
      expect(passed.slice(0, -1).every((x) => x === (lang === 'en' ? 'Change' : '修改')), passed.join()).to.equal(true);
      expect(passed.at(-1)).to.equal(lang === 'en' ? 'Back' : '上一步');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
      await focusedIn(el, '#receipt-h');
      expect(await tab()).to.equal(lang === 'en' ? 'Copy query code' : '复制查询码');
    });
  }
});

describe('<request-form> drafts', () => {
  it('restores a draft after a reload, but not the files: it names the files to choose again, by the field, in the summary and aloud', async () => {
    const src = await storeFeed(formFeed());
    let el = await mount(undefined, src);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    await chooseFile(el, 'idProof', [pdf('身份证正面.pdf', 12), pdf('scan-back.pdf', 13)]);
    // Saved 0.4 s after the last change: waited for, not slept on (a busy machine runs the timer late).
    const key = await waitUntil(() => Object.keys(sessionStorage).find((k) => k.includes(src) && sessionStorage.getItem(k)!.includes('scan-back.pdf')), 'the draft saved');
    // The names are kept, never the contents.
    expect(sessionStorage.getItem(key)).to.contain('身份证正面.pdf').and.contain('scan-back.pdf').and.not.contain('xxxxxxxxxx');
    expect(Object.keys(localStorage).length).to.equal(0);
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    expect(stepTitle(el)).to.equal('附件与声明');
    expect(shadowText(el, '.panel.warning')).to.contain('请重新选择').and.contain('身份证正面.pdf、scan-back.pdf');
    await waitUntil(() => $(el, '[aria-live="polite"]').textContent!.includes('已恢复'), 'restore announced');
    expect($(el, '[aria-live="polite"]').textContent).to.contain('身份证正面.pdf');
    // By the field, before anything is pressed, and read with it.
    const said = () => ($(el, '#f-idProof').getAttribute('aria-describedby') ?? '').split(' ').map((id) => shadowText(el, `#${id}`)).join(' ');
    expect(said()).to.contain('身份证明').and.contain('身份证正面.pdf').and.contain('scan-back.pdf');
    // Going on without them: the summary says which files, and its link goes to the file input.
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('附件与声明');
    await focusedIn(el, '#summary');
    const link = $$(el, '[part="error-summary"] a')[0]!;
    expect(link.textContent).to.contain('身份证正面.pdf').and.contain('scan-back.pdf');
    link.click();
    await focusedIn(el, '#f-idProof');
    await expectAccessible(el);
    // One chosen again: only the other is still asked for. A reload loses the chosen one too: both are asked for again.
    await chooseFile(el, 'idProof', [pdf('身份证正面.pdf', 12)]);
    expect(said()).to.contain('scan-back.pdf').and.not.contain('身份证正面.pdf');
    await new Promise((r) => setTimeout(r, 500));
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    expect(said()).to.contain('scan-back.pdf').and.contain('身份证正面.pdf');
    // One not wanted any more: removed from the list, it is no longer asked for; the other is chosen again.
    const remove = $$(el, '.files button').find((b) => b.getAttribute('aria-label')!.includes('scan-back.pdf'))!;
    expect(remove.closest('li')!.textContent).to.contain('需重新选择');
    remove.click();
    await focusedIn(el, '#f-idProof');
    expect(said()).to.not.contain('scan-back.pdf');
    await chooseFile(el, 'idProof', [pdf('身份证正面.pdf', 12)]);
    expect(said()).to.not.contain('身份证正面.pdf');
    expect(shadowText(el, '.files')).to.not.contain('需重新选择');
    await next(el);
    expect(shadowText(el, '[part="review"]')).to.contain(VALID.idNumber).and.contain(VALID.description);
  });

  it('on a page whose scripts put an enumerable function on Object.prototype (json.js’s toJSONString of old CMS templates), the draft is saved and restored all the same', async () => {
    const src = await storeFeed(formFeed());
    // eslint-disable-next-line no-extend-native
    (Object.prototype as { toJSONString?: unknown }).toJSONString = function () { return JSON.stringify(this); };
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    addEventListener('error', onError);
    try {
      let el = await mount(undefined, src);
      await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
      await waitUntil(() => Object.keys(sessionStorage).some((k) => k.includes(src) && sessionStorage.getItem(k)!.includes(STEP1.name)), 'the draft saved');
      el.remove();
      fixtureCleanup();
      el = await mount(undefined, src);
      expect($<HTMLInputElement>(el, '#f-name').value).to.equal(STEP1.name);
      expect(errors).to.deep.equal([]);
    } finally {
      delete (Object.prototype as { toJSONString?: unknown }).toJSONString;
      removeEventListener('error', onError);
    }
  });

  it('a field of several files: files chosen one at a time (those a restored draft asks for again, or from other folders) are all kept; the same name again replaces its file', async () => {
    const feed = formFeed() as { sections: { fields: Record<string, unknown>[] }[] };
    feed.sections[2].fields[0].multiple = true;
    const src = await storeFeed(feed);
    const el = await restoredWith(src, [pdf('front.pdf'), pdf('back.pdf')]);
    expect(shadowText(el, '#f-idProof-error')).to.contain('front.pdf、back.pdf');
    // Chosen again one by one, as the list of names invites: the second did take the first away, silently (no file was
    // asked for any more, and only back.pdf was sent).
    await chooseFile(el, 'idProof', [pdf('front.pdf')]);
    await chooseFile(el, 'idProof', [pdf('back.pdf')]);
    expect($$(el, '.files li bdi').map((b) => b.textContent)).to.deep.equal(['front.pdf', 'back.pdf']);
    expect($(el, '#f-idProof-error')).to.equal(null);
    // The input holds them all too (what its button says, what a removal starts from).
    expect([...$<HTMLInputElement>(el, '#f-idProof').files!].map((f) => f.name)).to.deep.equal(['front.pdf', 'back.pdf']);
    // The same name chosen again (a better scan) replaces that file, not a second copy.
    await chooseFile(el, 'idProof', [pdf('front.pdf', 20)]);
    expect($$(el, '.files li bdi').map((b) => b.textContent)).to.deep.equal(['back.pdf', 'front.pdf']);
    expect(shadowText(el, '.files')).to.contain('front.pdf (20 B)');
    await fill(el, { declaration: true });
    await next(el);
    expect(shadowText(el, '[part="review"]')).to.contain('back.pdf、front.pdf');
  });

  it('a restored draft’s file chosen again: what is still to choose is said once (by the live region), not a second time by the notice at the top', async () => {
    const src = await storeFeed(formFeed());
    const el = await restoredWith(src, [pdf('front.pdf'), pdf('back.pdf')]);
    await waitUntil(() => $(el, '.vh[aria-live="polite"]').textContent!.includes('已恢复'), 'restore announced');
    // Every live region (status, alert, aria-live) whose words change, and what it then says.
    const said: string[] = [];
    const live = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('[role="status"], [role="alert"], [aria-live]');
    new MutationObserver((records) => {
      for (const r of records) {
        const region = live(r.target) || r.addedNodes.length && live(r.addedNodes[0]!);
        if (region && !said.includes(region.textContent!)) said.push(region.textContent!);
      }
    }).observe(el.shadowRoot!, { childList: true, characterData: true, subtree: true });
    await chooseFile(el, 'idProof', [pdf('front.pdf')]);
    await waitUntil(() => $(el, '.vh[aria-live="polite"]').textContent!.includes('back.pdf'), 'the file still to choose announced');
    await new Promise((r) => setTimeout(r, 100));
    expect(said.filter((x) => x.includes('back.pdf')).length, said.join(' | ')).to.equal(1);
    // The notice is still shown (it only no longer speaks up on each change).
    expect(shadowText(el, '.panel.warning')).to.contain('back.pdf').and.not.contain('front.pdf');
  });

  it('a restored draft’s file field given a file it refuses (wrong type, too big): that is what is said, not only the names to choose again', async () => {
    const src = await storeFeed(formFeed());
    const el = await restoredWith(src, [pdf('身份证.pdf')]);
    const live = () => shadowText(el, '.vh[aria-live="polite"]');
    await waitUntil(() => live().includes('已恢复'), 'restore announced');
    await chooseFile(el, 'idProof', [new File(['x'], '身份证.exe', { type: 'application/x-msdownload' })]);
    // It said “请为“身份证明”重新选择这些文件：身份证.pdf”, by the field and aloud: nothing told the applicant the file they chose was refused.
    await waitUntil(() => live().includes('只能上传 PDF、PNG 格式的文件'), 'wrong type announced');
    expect(shadowText(el, '#f-idProof-error')).to.contain('只能上传 PDF、PNG 格式的文件');
    // Still listed at the top, to be chosen again.
    expect(shadowText(el, '.panel.warning')).to.contain('身份证.pdf');
    await chooseFile(el, 'idProof', [pdf('身份证.pdf')]);
    expect($(el, '#f-idProof-error')).to.equal(null);
  });

  it('a reload after 上一步 comes back to the step the applicant went back to, not the later one', async () => {
    const src = await storeFeed(formFeed());
    let el = await mount(undefined, src);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    expect(stepTitle(el)).to.equal('附件与声明');
    $$(el, 'form button').find((b) => b.textContent!.trim() === '上一步')!.click();
    await el.updateComplete;
    expect(stepTitle(el)).to.equal('所需信息');
    await new Promise((r) => setTimeout(r, 100));
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    expect(stepTitle(el)).to.equal('所需信息');
  });

  it('a draft restored on the review: a file field still waiting for its files names them there (not “未填写”), in both languages', async () => {
    const src = await storeFeed(formFeed());
    let el = await mount(undefined, src);
    await toReview(el, true);
    await new Promise((r) => setTimeout(r, 100));
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    expect(stepTitle(el)).to.equal('核对申请信息');
    // The feed's label (in zh-CN in both UI languages), and the answer after it.
    const answer = () => $$(el, '[part="review"] .answers > div').find((d) => d.querySelector('dt')!.textContent!.trim() === '身份证明')!
      .querySelector('.v')!.textContent!.trim();
    expect(answer()).to.equal('id.pdf（需重新选择）');
    el.lang = 'en';
    await waitUntil(() => answer() === 'id.pdf (choose it again)', 'the note in English');
  });

  it('a draft whose choices the feed no longer offers (its options or applicant types renamed since): no raw ids on the review, 未填写 instead, and submitting asks for them', async () => {
    const name = uniqueName();
    const src = await storeFeed(formFeed(), {}, name);
    const first = await mount(undefined, src);
    await toReview(first);
    await new Promise((r) => setTimeout(r, 500));
    first.remove();
    fixtureCleanup();
    // The agency's new form: other ids for the applicant types and for 获取方式's choices.
    const renamed = JSON.parse(JSON.stringify(formFeed()).replaceAll('naturalPerson', 'citizen').replace('"value":"email"', '"value":"mail"'));
    await storeFeed(renamed, {}, name);
    const el = await mount(undefined, src);
    expect(stepTitle(el)).to.equal('核对申请信息');
    const rows = $$(el, '.answers > div').map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]);
    expect(rows).to.deep.include.members([['申请人类型', '未填写'], ['获取方式', '未填写']]);
    expect(shadowText(el, '[part="review"]')).to.not.contain('naturalPerson').and.not.contain('email');
    await expectAccessible(el);
    await next(el);
    expect(stepTitle(el)).to.equal('申请人信息');
    expect(shadowText(el, '[part="error-summary"]')).to.contain('申请人类型');
  });

  it('a new src for the same form (moved, or a new feed-base): the answers go on, and so does their draft, not left under the old URL where 清空表单 and a submission would not reach it', async () => {
    const [a, b] = [await storeFeed(formFeed()), await storeFeed(formFeed())];
    const el = await mount(undefined, a, { persist: 'local' });
    await fill(el, { applicantType: 'naturalPerson', name: VALID.name });
    await new Promise((r) => setTimeout(r, 500));
    const drafts = () => Object.keys(localStorage).filter((k) => k.includes('request-draft')).map((k) => k.split('/').pop());
    expect(drafts()).to.deep.equal([a.split('/').pop()]);
    el.src = b;
    await el.updateComplete;
    await el.loaded;
    await waitUntil(() => ($(el, '#f-name') as HTMLInputElement | null)?.value === VALID.name, 'the answers on the new form');
    expect(drafts(), 'one draft, under the new URL').to.deep.equal([b.split('/').pop()]);
    expect(JSON.parse(Object.values(localStorage)[0]!).v.name).to.equal(VALID.name);
    // 清空表单 leaves no copy of the answers behind.
    $(el, '#clear-open').click();
    await focusedIn(el, '#clear-no');
    $$(el, '.clear [role="alertdialog"] button')[0].click();
    await el.updateComplete;
    expect(drafts()).to.deep.equal([]);
    // A form with a draft of its own under its URL (another application) gets that draft; the other's stays for when it comes back.
    await fill(el, { applicantType: 'naturalPerson', name: '李四' });
    await new Promise((r) => setTimeout(r, 500));
    const c = await storeFeed(formFeed());
    localStorage.setItem(`disclosure-elements:request-draft:${new URL(c, location.href).href}`, JSON.stringify({ v: { applicantType: 'naturalPerson', name: '王五' }, step: 0 }));
    el.src = c;
    await el.updateComplete;
    await el.loaded;
    await waitUntil(() => ($(el, '#f-name') as HTMLInputElement | null)?.value === '王五', 'its own draft');
    expect(drafts().sort()).to.deep.equal([b, c].map((u) => u.split('/').pop()).sort());
    el.src = b;
    await el.updateComplete;
    await el.loaded;
    await waitUntil(() => ($(el, '#f-name') as HTMLInputElement | null)?.value === '李四', 'the first draft back');
  });

  it('a file field with names to choose again that the applicant type hides: its files are no longer asked for at the top, nor after a reload', async () => {
    const feed = formFeed();
    const attach = (feed.sections as { fields: Record<string, unknown>[] }[])[2]!;
    attach.fields[0] = { ...attach.fields[0], showWhen: { applicantType: 'naturalPerson' } };
    const src = await storeFeed(feed);
    let el = await restoredWith(src, [pdf('身份证正面.pdf', 12)]);
    expect(shadowText(el, '.panel.warning')).to.contain('身份证正面.pdf');
    // Now for an organisation: the proof of identity is not on its form.
    for (const _ of [1, 2]) {
      $$(el, 'form button').find((b) => b.textContent!.trim() === '上一步')!.click();
      await el.updateComplete;
    }
    expect(stepTitle(el)).to.equal('申请人信息');
    await fill(el, { applicantType: 'organisation' });
    expect(shadowText(el, '.panel.warning')).to.equal('');
    await new Promise((r) => setTimeout(r, 500));
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    await waitUntil(() => $(el, '[aria-live="polite"]').textContent!.includes('已恢复'), 'restore announced');
    expect($(el, '[aria-live="polite"]').textContent).to.not.contain('身份证正面.pdf');
    expect(shadowText(el, '.panel.warning')).to.equal('');
  });

  it('English: a restored draft names the files to choose again in plain words', async () => {
    const src = await storeFeed(englishFormFeed());
    let el = await mount(undefined, src);
    el.lang = 'en';
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    await chooseFile(el, 'idProof', [pdf('passport.pdf')]);
    await new Promise((r) => setTimeout(r, 500));
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '.panel.warning').includes('choose'), 'the notice in English');
    expect(shadowText(el, '.panel.warning')).to.contain('passport.pdf');
    expect(shadowText(el, '#f-idProof-error')).to.contain('Proof of identity').and.contain('passport.pdf');
  });

  it('the last words typed are saved when the page is left or hidden (pagehide, visibilitychange), not lost with the 0.4 s timer; the listeners go with the element', async () => {
    const listeners: [string, EventTarget, string, unknown][] = [];
    const spy = (target: EventTarget) => {
      for (const m of ['addEventListener', 'removeEventListener'] as const) {
        const own = target[m].bind(target);
        (target as unknown as Record<string, unknown>)[m] = (type: string, fn: EventListener, o?: unknown) => {
          if (type === 'pagehide' || type === 'visibilitychange') listeners.push([m, target, type, fn]);
          return own(type, fn, o as AddEventListenerOptions);
        };
      }
    };
    spy(window);
    spy(document);
    try {
      const src = await storeFeed(formFeed());
      const el = await mount(undefined, src);
      const draft = () => Object.entries(sessionStorage).find(([k]) => k.includes(src))?.[1] ?? '';
      await fill(el, { applicantType: 'naturalPerson', name: '王' });
      expect(draft()).to.not.contain('王'); // the timer has not fired yet
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(draft()).to.contain('"name":"王"');
      await fill(el, { name: '王五' });
      expect(draft()).to.not.contain('王五');
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      delete (document as unknown as Record<string, unknown>).visibilityState;
      expect(draft()).to.contain('"name":"王五"');
      el.remove();
      const added = listeners.filter(([m]) => m === 'addEventListener');
      expect(added.map(([, t, type]) => `${t === window ? 'window' : 'document'} ${type}`).sort()).to.deep.equal(['document visibilitychange', 'window pagehide']);
      for (const [, t, type, fn] of added) {
        expect(listeners.some(([m, t2, type2, fn2]) => m === 'removeEventListener' && t2 === t && type2 === type && fn2 === fn), `${type} removed`).to.equal(true);
      }
    } finally {
      for (const t of [window, document]) for (const m of ['addEventListener', 'removeEventListener']) delete (t as unknown as Record<string, unknown>)[m];
    }
  });

  it('uses localStorage only with persist="local", and clears the form after confirmation', async () => {
    const src = await storeFeed(formFeed());
    const el = await mount(undefined, src, { persist: 'local' });
    await fill(el, { applicantType: 'naturalPerson', name: '李四' });
    await waitUntil(() => Object.keys(localStorage).some((k) => k.includes(src)), 'the draft saved in localStorage');
    expect(Object.keys(sessionStorage).length).to.equal(0);
    const clear = $$(el, '.clear button')[0];
    expect(clear.textContent!.trim()).to.equal('清空表单');
    clear.click();
    await el.updateComplete;
    expect(shadowText(el, '.clear [role="alertdialog"]')).to.contain('确定清空');
    // Focus moves into the question, on its harmless answer; Escape or Cancel puts it back on the button.
    await focusedIn(el, '#clear-no');
    await sendKeys({ press: 'Escape' });
    await focusedIn(el, '#clear-open');
    $(el, '#clear-open').click();
    await focusedIn(el, '#clear-no');
    $$(el, '.clear button')[1].click(); // cancel
    await focusedIn(el, '#clear-open');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('李四');
    $$(el, '.clear button')[0].click();
    await el.updateComplete;
    $$(el, '.clear button')[0].click(); // confirm
    await el.updateComplete;
    expect($(el, '#f-name')).to.equal(null);
    expect(Object.keys(localStorage).length).to.equal(0);
  });
  it('a draft kept in localStorage before the page dropped persist="local": restored in this tab, and gone from localStorage (not left on a shared computer)', async () => {
    const src = await storeFeed(formFeed());
    const before = await mount(undefined, src, { persist: 'local' });
    await fill(before, { applicantType: 'naturalPerson', name: '李四' });
    await waitUntil(() => Object.keys(localStorage).some((k) => k.includes(src)), 'the draft saved in localStorage');
    fixtureCleanup();
    const el = await mount(undefined, src);
    expect($<HTMLInputElement>(el, '#f-name').value, 'restored').to.equal('李四');
    expect(Object.keys(localStorage).filter((k) => k.includes(src)), 'not in localStorage').to.deep.equal([]);
    expect(Object.keys(sessionStorage).filter((k) => k.includes(src)).length, 'in this tab').to.equal(1);
  });

  it('every control shows the answer as it stands: after moving between steps, changing the applicant type, a reload and a clear', async () => {
    const src = await storeFeed(formFeed());
    let el = await mount(undefined, src);
    const value = (name: string) => $<HTMLInputElement>(el, `#f-${name}`).value;
    const checked = (name: string) => $$(el, `#f-${name} input`).filter((i) => (i as HTMLInputElement).checked).map((i) => (i as HTMLInputElement).value);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    el.requestUpdate();
    await el.updateComplete;
    expect(value('name')).to.equal(STEP1.name);
    await next(el);
    await fill(el, { description: '第一', delivery: 'post' });
    $(el, 'form .btn:not(.primary)').click(); // back
    await el.updateComplete;
    expect([value('name'), value('idNumber'), value('mobile')]).to.deep.equal([STEP1.name, STEP1.idNumber, STEP1.mobile]);
    await next(el);
    expect([value('description'), ...checked('delivery')]).to.deep.equal(['第一', 'post']);
    $(el, 'form .btn:not(.primary)').click();
    await el.updateComplete;
    // Another type: the controls that now show other fields show those fields' answers, not the last ones'.
    await fill(el, { applicantType: 'organisation' });
    expect([value('orgName'), value('mobile')]).to.deep.equal(['', STEP1.mobile]);
    await fill(el, { orgName: '某某公司' });
    await new Promise((r) => setTimeout(r, 500));
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    expect([...checked('applicantType'), value('orgName'), value('mobile')]).to.deep.equal(['organisation', '某某公司', STEP1.mobile]);
    $(el, '#clear-open').click();
    await el.updateComplete;
    $$(el, '.clear button')[0].click(); // confirm
    await el.updateComplete;
    expect([checked('applicantType'), value('mobile'), value('email')]).to.deep.equal([[], '', '']);
  });
  it('a date being retyped keeps the parts not retyped (the empty answer of a half-typed date is not written back)', async () => {
    const feed = formFeed();
    (feed.sections as { fields: unknown[] }[])[0].fields.push({ name: 'since', type: 'date', label: '日期' });
    const el = await mount(feed);
    await fill(el, { applicantType: 'naturalPerson' });
    const date = $<HTMLInputElement>(el, '#f-since');
    date.focus();
    await sendKeys({ type: '01152024' }); // month, day, year (the headless browser's en-US order)
    await el.updateComplete;
    expect(date.value).to.equal('2024-01-15');
    await sendKeys({ press: 'Backspace' }); // the year: the date is incomplete, its value and the answer ''
    await el.updateComplete;
    expect(date.value).to.equal('');
    await sendKeys({ type: '2025' });
    await el.updateComplete;
    expect(date.value).to.equal('2025-01-15');
  });
});

describe('<request-form> submission', () => {
  it('sends multipart with the files and one Idempotency-Key, shows the receipt and fires request-submitted', async () => {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT }], 'multipart');
    await toReview(el, true);
    let detail: unknown = null;
    el.addEventListener('request-submitted', (e) => (detail = (e as CustomEvent).detail));
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const [req] = await requestsTo(endpoint);
    expect(req.headers['content-type']).to.match(/^multipart\/form-data/);
    expect(req.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(req.body).to.contain('name="idProof"; filename="id.pdf"').and.contain('name="applicantType"');
    expect(shadowText(el, '.code')).to.equal('AB12-CD34');
    expect((detail as { queryCode: string }).queryCode).to.equal('AB12-CD34');
    // Who applied and for what, under the form's labels (a receipt named neither); kept with it, not in the event.
    const rows = $$(el, '[part="receipt"] .answers > div').map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]);
    expect(rows.slice(0, 2)).to.deep.equal([['姓名', '张三'], ['内容描述', VALID.description]]);
    expect(Object.keys(detail as object).sort()).to.deep.equal(['dueDate', 'queryCode', 'receivedAt', 'requestId', 'status']);
    await focusedIn(el, '#receipt-h');
    expect(Object.keys(sessionStorage).filter((k) => k.includes('request-draft')).length).to.equal(0);
    // The confirmation colour (--de-color-success) along the receipt's side.
    el.style.setProperty('--de-color-success', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '[part="receipt"]')).borderLeftColor).to.equal('rgb(1, 2, 3)');
    el.style.removeProperty('--de-color-success');
    await expectAccessible(el);
  });

  it('reflows on a 320px screen in English with large text: no step, the review or the receipt is wider than the element', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const url = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    // 320px less a page's usual 16px margins.
    // (mountHtml, not fixture: fixture waits an animation frame for a plain <div>, which a background tab may not give.)
    const box = mountHtml(html`<request-form src=${url} lang="en" large-text></request-form>`, 'width: 288px');
    const el = box.querySelector('request-form') as El;
    await el.updateComplete;
    await el.loaded;
    await el.updateComplete;
    const seen: string[] = [];
    const check = () => {
      seen.push(stepTitle(el) ?? '');
      expect(pastRightEdge(el), stepTitle(el)).to.deep.equal([]);
    };
    check();
    await fill(el, { applicantType: 'naturalPerson' });
    await fill(el, { name: VALID.name, idNumber: VALID.idNumber, mobile: VALID.mobile });
    check();
    await next(el);
    await fill(el, { description: VALID.description, delivery: 'email' });
    check();
    await next(el);
    await fill(el, { declaration: true });
    check();
    await next(el);
    check(); // the review
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(pastRightEdge(el), 'receipt').to.deep.equal([]);
    expect(new Set(seen).size, seen.join(' | ')).to.equal(4);
  });

  it('on a 320px screen with the browser’s text at 200%, the receipt’s query code is shown whole (it wraps, not cut off)', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: { ...RECEIPT, queryCode: 'VGCEWFHSC4' } }]);
    const url = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    // A browser's text size of 200% doubles the default 16px (the element's own large-text mode comes on top). The
    // element's text starts from the browser's (`medium`), not the page's: a parent's font-size would not reach it.
    const box = mountHtml(html`<request-form src=${url} large-text></request-form>`, 'width: 288px; --de-font-size: 32px');
    const el = box.querySelector('request-form') as El;
    await el.updateComplete;
    await el.loaded;
    await el.updateComplete;
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const code = $(el, '[part="receipt"] .code');
    const r = document.createRange();
    r.selectNodeContents(code);
    expect(r.toString()).to.equal('VGCEWFHSC4');
    expect(r.getBoundingClientRect().right, 'the code’s last letters').to.be.at.most(code.getBoundingClientRect().right + 0.5);
  });

  it('on a 320px screen with large text and a host’s html{font-size:62.5%}, a long label does not squeeze its checkbox or radio button', async () => {
    const feed = formFeed() as { sections: { fields: { label: string; options?: { label: string }[] }[] }[] };
    const long = '我承诺所提供的材料真实有效，所获取的信息将依法使用，并承担相应法律责任。'.repeat(2);
    feed.sections[1].fields[1].options![0].label = long;
    feed.sections[2].fields[1].label = long;
    const size = (sel: string) => {
      const b = $(el, sel).getBoundingClientRect();
      return [Math.round(b.width), Math.round(b.height)];
    };
    let el: El;
    document.documentElement.style.fontSize = '62.5%';
    try {
      const box = mountHtml(html`<request-form src=${await storeFeed(feed)} large-text></request-form>`, 'width: 288px');
      el = box.querySelector('request-form') as El;
      await el.updateComplete;
      await el.loaded;
      await el.updateComplete;
      await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
      await next(el);
      // 1.15em of 16px × 1.25: about 23 × 23, whatever the host's root font size and however long the label.
      expect(size('#f-delivery-0'), 'radio').to.deep.equal([23, 23]);
      await fill(el, { description: VALID.description });
      await next(el);
      expect(size('#f-declaration'), 'checkbox').to.deep.equal([23, 23]);
    } finally {
      document.documentElement.style.removeProperty('font-size');
    }
  });

  it('sends once on a double click', async () => {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT, delay: 200 }]);
    await toReview(el);
    const btn = $(el, 'form .btn.primary');
    btn.click();
    btn.click();
    await el.updateComplete;
    expect(btn.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(1);
    expect(reqs[0].headers['content-type']).to.contain('application/json');
    expect(JSON.parse(reqs[0].body)).to.deep.equal({
      applicantType: 'naturalPerson',
      fields: { ...VALID, delivery: 'email', declaration: 'true' },
    });
  });

  it('on a page that runs Prototype.js 1.6 (its Array.prototype.toJSON returns a string), a checkbox group is sent and kept in the draft as a list', async () => {
    // Prototype 1.6's Array#toJSON, which JSON.stringify calls: a list became the text '["paper", "disk"]'.
    // (Put in place once the feed is stored: the test's own storeFeed uses JSON.stringify too.)
    const proto = Array.prototype as unknown as { toJSON?: () => string };
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const feed = formFeed({ mode: 'api', endpoint, encoding: 'json' });
    (feed.sections as { fields: unknown[] }[])[1]!.fields.push(
      { name: 'medium', type: 'checkbox', label: '指定提供方式', options: [{ value: 'paper', label: '纸面' }, { value: 'email', label: '电子邮件' }, { value: 'disk', label: '光盘' }] },
    );
    const el = await mount(feed);
    proto.toJSON = function (this: unknown[]) { return `[${this.map((x) => JSON.stringify(x)).join(', ')}]`; };
    try {
      await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
      await next(el);
      await fill(el, { description: VALID.description, delivery: 'email', medium: 'paper' });
      await fill(el, { medium: 'disk' });
      await new Promise((r) => setTimeout(r, 600));
      const draftKey = Object.keys(sessionStorage).find((k) => k.includes('request-draft'))!;
      delete proto.toJSON;
      expect(JSON.parse(sessionStorage.getItem(draftKey)!).v.medium).to.deep.equal(['paper', 'disk']);
      proto.toJSON = function (this: unknown[]) { return `[${this.map((x) => JSON.stringify(x)).join(', ')}]`; };
      await next(el);
      await fill(el, { declaration: true });
      await next(el);
      await next(el);
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
      delete proto.toJSON;
      expect(JSON.parse((await requestsTo(endpoint))[0]!.body).fields.medium).to.deep.equal(['paper', 'disk']);
    } finally {
      delete proto.toJSON;
    }
  });

  it('retries a 503 with the same Idempotency-Key and shows one receipt', async () => {
    const { el, endpoint } = await api([{ status: 503, body: { error: { code: 'down', message: 'down' } } }, { status: 201, body: RECEIPT }]);
    await toReview(el);
    let events = 0;
    el.addEventListener('request-submitted', () => events++);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[0].headers['idempotency-key']).to.equal(reqs[1].headers['idempotency-key']);
    expect($$(el, '[part="receipt"]').length).to.equal(1);
    expect(events).to.equal(1);
  });

  it('moved in the page while an automatic retry waits (the host re-parents it: a tab, a dialog): the retry still goes, with the same key', async () => {
    const { el, endpoint } = await api([{ status: 503, body: {} }, { status: 201, body: RECEIPT }]);
    el.retryDelays = [300];
    await toReview(el);
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('自动重试'), 'the retry announced');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    // It said it would try again by itself: it does (it stayed at “将在 1 秒后自动重试” with one request sent).
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[0].headers['idempotency-key']).to.equal(reqs[1].headers['idempotency-key']);
  });

  it('a 408 (the server or a proxy gave up waiting for the upload) is sent again like a 503, with the same key: more 408s than Chromium repeats by itself still end in one receipt, no refusal', async () => {
    // Chromium sends a request again by itself after a 408 on a reused connection (a few times, not always);
    // eight are more than it does alone, and the element's own eight retries get through whatever it does.
    const { el, endpoint } = await api([...Array(8).fill({ status: 408, body: {} }), { status: 201, body: RECEIPT }]);
    el.retryDelays = Array(8).fill(30);
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(9);
    expect(new Set(reqs.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect($(el, '[role="alert"]')).to.equal(null);
  });

  it('on a plain-http portal page (no crypto.randomUUID outside secure contexts) the application still goes, with a random v4 key', async () => {
    const keys: string[] = [];
    const had = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    // What an http: page has: Crypto without randomUUID (getRandomValues stays).
    delete (Crypto.prototype as { randomUUID?: unknown }).randomUUID;
    try {
      for (let i = 0; i < 2; i++) {
        const { el, endpoint } = await api([{ status: 201, body: RECEIPT }]);
        await toReview(el);
        await next(el);
        await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
        keys.push((await requestsTo(endpoint))[0].headers['idempotency-key']);
      }
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', had);
    }
    for (const k of keys) expect(k).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[0]).not.to.equal(keys[1]);
  });

  it('tells the applicant about network drops, retries 3 times by itself, then can be retried by hand', async () => {
    const { el, endpoint } = await api([{ destroy: true }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => shadowText(el, '.panel[part="send-status"]').includes('申请未能提交'), 'failed message', 8000);
    const tries = (await requestsTo(endpoint)).length;
    expect(tries).to.be.at.least(4); // 1 + 3 automatic (Chrome may resend once on a reused connection)
    expect($(el, 'form .btn.primary').getAttribute('aria-disabled')).to.equal('false');
    await scriptEndpoint([{ status: 201, body: RECEIPT }], endpoint.split('/').pop());
    const retry = $$(el, 'form button').find((b) => b.textContent!.trim() === '重新提交')!;
    retry.click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(tries + 1);
    expect(new Set(reqs.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('says it will retry after a network drop and then succeeds with the same key', async () => {
    // The connection is lost halfway through the server's answer (the application may be stored: the retry's key
    // matters). A drop before any answer would do too, but Chrome resends a POST on its own when a reused connection
    // drops, as often as the connection pool allows, so the page may never see it.
    const { el, endpoint } = await api([{ cut: true }, { status: 201, body: RECEIPT }]);
    el.retryDelays = [1500];
    await toReview(el);
    // What the status line said, and whether the submit button was disabled then: recorded as the DOM changes, since
    // the message lasts 1.5 s and a loaded machine's timers (the polling) may run late in a page in the background.
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = shadowText(el, '[part="send-status"]');
      if (text.includes('将在')) said.push(`${text} | ${$(el, 'form .btn.primary')?.getAttribute('aria-disabled')}`);
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    await next(el);
    try {
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 15000);
    } finally {
      observer.disconnect();
    }
    expect(said.length, 'a retry was announced').to.be.greaterThan(0);
    expect(said[0]).to.contain('将在 2 秒后自动重试（第 1 次）').and.match(/\| true$/);
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(new Set(reqs.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('waits while offline and sends on the online event', async () => {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT }]);
    let online = false;
    Object.defineProperty(el, 'isOnline', { value: () => online, configurable: true });
    await toReview(el);
    window.dispatchEvent(new Event('offline'));
    await next(el);
    expect(shadowText(el, '[part="send-status"]')).to.contain('没有联网');
    await new Promise((r) => setTimeout(r, 100));
    expect((await requestsTo(endpoint)).length).to.equal(0);
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect((await requestsTo(endpoint)).length).to.equal(1);
  });

  it('waiting offline to send, 修改 then 保存并返回核对页: the automatic submission is called off aloud (said on leaving, on the step, on the review), nothing is sent behind the applicant, 提交申请 is back and sends', async () => {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT }]);
    let online = false;
    Object.defineProperty(el, 'isOnline', { value: () => online, configurable: true });
    await toReview(el);
    await next(el);
    expect(shadowText(el, '[part="send-status"]')).to.contain('恢复联网后将自动提交');
    const live = () => shadowText(el, '.vh[role="status"]');
    $(el, 'button[aria-label="修改：姓名"]').click();
    await focusedIn(el, '#f-name');
    await waitUntil(() => live().includes('自动提交已取消'), 'said on leaving the review');
    expect(shadowText(el, '.panel.warning')).to.contain('自动提交已取消').and.contain('申请尚未提交');
    await expectAccessible(el);
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect(shadowText(el, '[part="send-status"]')).to.contain('自动提交已取消').and.contain('提交申请');
    expect($(el, '#send').getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '#retry')).to.equal(null);
    await expectAccessible(el);
    online = true;
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect((await requestsTo(endpoint)).length, 'nothing sent behind the applicant').to.equal(0);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('Automatic sending was cancelled'), 'in English too');
    $(el, '#send').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect((await requestsTo(endpoint)).length).to.equal(1);
  });

  it('waiting offline, moved in the page (re-parented) while the connection came back: sent once it is back in the page', async () => {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT }]);
    let online = false;
    Object.defineProperty(el, 'isOnline', { value: () => online, configurable: true });
    await toReview(el);
    await next(el);
    expect(shadowText(el, '[part="send-status"]')).to.contain('没有联网');
    const parent = el.parentElement!;
    el.remove();
    online = true;
    window.dispatchEvent(new Event('online'));
    parent.append(el);
    // It heard no online event, out of the page: it said 没有联网 for good, with nothing sent.
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect((await requestsTo(endpoint)).length).to.equal(1);
  });

  it('shows 4xx field errors next to the fields and returns to their step', async () => {
    const { el } = await api([{ status: 422, body: { error: { code: 'invalidFields', message: 'bad', fields: { idNumber: 'checksum', mobile: '该号码已被列入黑名单' } } } }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    expect(shadowText(el, '#f-idNumber-error')).to.contain('最后一位（校验码）不对');
    expect(shadowText(el, '#f-mobile-error')).to.contain('该号码已被列入黑名单');
    expect($$(el, '[part="error-summary"] a').length).to.equal(2);
    // The steps after it, done and still valid, stay marked done.
    expect($$(el, '.progress li').map((li) => li.textContent!.replace(/\s+/g, ''))).to.deep.equal(['申请人信息', '所需信息（已完成）', '附件与声明（已完成）', '核对申请信息']);
    await focusedIn(el, '#summary');
    // Changing the value removes the server's message.
    await fill(el, { mobile: '13900000000' });
    expect($(el, '#f-mobile-error')).to.equal(null);
  });

  it('a 4xx "format" error for a unified social credit code says what the code looks like, in both languages', async () => {
    const endpoint = await scriptEndpoint([{ status: 422, body: { error: { code: 'invalidFields', message: 'bad', fields: { uscc: 'format' } } } }]);
    const base = formFeed({ mode: 'api', endpoint });
    const [first, ...rest] = base.sections as { fields: unknown[] }[];
    const el = await mount({ ...base, sections: [{ ...first, fields: [...first!.fields, { name: 'uscc', type: 'text', label: '统一社会信用代码', validator: 'cn-uscc' }] }, ...rest] });
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    for (const w of ['18 位', '统一社会信用代码', '数字和字母', 'I、O、Z、S、V']) expect(shadowText(el, '#f-uscc-error')).to.contain(w);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '#f-uscc-error').includes('unified social credit code'), 'the message in English');
    for (const w of ['18-character', 'unified social credit code', 'digits and letters', 'I, O, Z, S']) expect(shadowText(el, '#f-uscc-error')).to.contain(w);
  });

  it('a 4xx field error the element does not know (a code or the server\'s own words) names its field in the summary', async () => {
    const { el } = await api([{ status: 422, body: { error: { code: 'invalidFields', message: 'bad', fields: { mobile: 'blockedNumber', name: '该姓名与证件不符' } } } }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    const links = $$(el, '[part="error-summary"] a').map((a) => a.textContent!.replace(/\s+/g, ''));
    expect(links).to.have.length(2);
    expect(links.find((l) => l.includes('blockedNumber'))).to.equal('手机号码：blockedNumber');
    expect(links.find((l) => l.includes('该姓名与证件不符'))).to.match(/^姓名：该姓名与证件不符$/);
    expect(shadowText(el, '#f-mobile-error')).to.contain('手机号码：blockedNumber');
  });

  it('after 4xx field errors, a fixed step returns to the review (保存并返回核对页), as 修改 does, not through every later step', async () => {
    const { el, endpoint } = await api([
      { status: 422, body: { error: { code: 'invalidFields', message: 'bad', fields: { idNumber: 'checksum', description: '请写明文件名称' } } } },
      { status: 201, body: RECEIPT },
    ]);
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    expect(shadowText(el, 'form .btn.primary')).to.equal('保存并返回核对页');
    await fill(el, { idNumber: '360426199101010071' });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    // The other step the server complained about: submit goes there, and once fixed, back to the review again.
    await next(el);
    expect(stepTitle(el)).to.equal('所需信息');
    expect(shadowText(el, '#f-description-error')).to.contain('请写明文件名称');
    expect(shadowText(el, 'form .btn.primary')).to.equal('保存并返回核对页');
    await fill(el, { description: '2025年道路维修经费文件' });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect((await requestsTo(endpoint)).length).to.equal(2);
  });

  it('the receipt shows the time received as the server gave it: a date alone as a date, a time without a zone unshifted, the agency\'s zone named to a reader elsewhere', async () => {
    const [beijing, newYork] = ['Asia/Shanghai', 'America/New_York'];
    const cases: [string, string, string, RegExp, string][] = [
      ['CN-OGI-2019', 'zh-CN', '2026-09-01', /^2026年9月1日$/, beijing],
      ['US-FOIA', 'en', '2026-09-01', /^Sep 1, 2026$/, newYork],
      ['CN-OGI-2019', 'zh-CN', '2026-09-30T10:00:00', /^2026年9月30日\s*10:00$/, beijing],
      ['US-FOIA', 'en', '2026-09-30 10:00', /^Sep 30, 2026,\s*10:00\sAM$/, newYork],
      ['US-FOIA', 'en', '2026-09-30T14:00:00Z', /^Sep 30, 2026,\s*10:00\sAM$/, newYork],
      ['CN-OGI-2019', 'en', '2026-09-30T10:00:00', /^Sep 30, 2026,\s*10:00\sAM China Standard Time$/, 'America/Los_Angeles'],
      ['CN-OGI-2019', 'en', '2026-09-01', /^Sep 1, 2026$/, 'America/Los_Angeles'],
    ];
    try {
      for (const [jurisdiction, lang, receivedAt, shown, readerZone] of cases) {
        await executeServerCommand('time-zone', readerZone);
        const endpoint = await scriptEndpoint([{ status: 201, body: { ...RECEIPT, receivedAt } }]);
        const el = await mount({ ...formFeed({ mode: 'api', endpoint, encoding: 'json' }), jurisdiction });
        await toReview(el);
        await next(el);
        await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
        el.lang = lang;
        await waitUntil(() => shadowText(el, '[part="receipt"] .answers > div:nth-last-child(2) dt') === (lang === 'en' ? 'Received' : '收到时间'), lang);
        expect(shadowText(el, '[part="receipt"] .answers > div:nth-last-child(2) dd'), `${receivedAt} (${jurisdiction})`).to.match(shown);
        sessionStorage.clear();
        fixtureCleanup();
      }
    } finally {
      await executeServerCommand('time-zone', '');
    }
  });

  it('refuses to send personal data to a plain http endpoint; says so from the start, with whom to contact instead; the review offers the paper form, not 提交申请', async () => {
    const el = await mount(withContact(formFeed({ mode: 'api', endpoint: 'http://example.gov.cn/api', encoding: 'json' })));
    const sent: unknown[] = [];
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (...a: unknown[]) {
      sent.push(a);
      return (open as (...x: unknown[]) => void).apply(this, a);
    };
    // Said from the start, not only after the applicant has filled in every step.
    expect(shadowText(el, '[part="insecure"]')).to.contain('https');
    // The applicant cannot apply on this page at all: the office to apply to in writing, or to call.
    expect(contactOf(el, '[part="insecure"]')).to.deep.equal(CONTACT_ZH);
    await expectAccessible(el);
    const actions = () => $$(el, '[part="review"] .actions button').map((b) => b.textContent!.trim());
    try {
      await toReview(el);
      // No 提交申请 to press only to be refused: the way that works, applying in writing, is the review's action.
      expect(shadowText(el, '[part="insecure"]')).to.contain('https');
      expect(actions()).to.deep.equal(['上一步', '生成申请表']);
      expect(shadowText(el, '#send')).to.equal('生成申请表');
      await expectAccessible(el);
      el.lang = 'en';
      await waitUntil(() => actions().includes('Create the application form'), 'the review in English');
      expect(actions()).to.deep.equal(['Back', 'Create the application form']);
      // By keyboard: the answers given, as the paper form to sign and post (or hand in).
      $(el, '#send').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
      await focusedIn(el, '#paper-h');
      expect($(el, ALERT)).to.equal(null);
      expect(shadowText(el, '[part="paper"]')).to.contain(VALID.name).and.contain(VALID.description);
      expect(contactOf(el, '[part="paper"]')).to.deep.equal(CONTACT_EN);
      expect(sent.length).to.equal(0);
      await expectAccessible(el);
    } finally {
      XMLHttpRequest.prototype.open = open;
    }
  });

  it('a plain http endpoint: the office’s details are given once a page, on the first step with the warning, not again on each later step nor twice on the review', async () => {
    const el = await mount(withContact(formFeed({ mode: 'api', endpoint: 'http://example.gov.cn/api', encoding: 'json' })));
    const offices = () => $$(el, '[part="office"]').length;
    expect(contactOf(el, '[part="insecure"]')).to.deep.equal(CONTACT_ZH);
    expect(offices()).to.equal(1);
    // The details' heading follows the form's h2: a level 3 one (an h4 there skipped a level in the heading list).
    expect(headingOutline(el).slice(0, 2)).to.deep.equal(['2 政府信息公开申请', '3 联系办理机关']);
    expectNoSkippedLevel(el);
    await fill(el, { applicantType: 'naturalPerson' });
    await fill(el, { name: VALID.name, idNumber: VALID.idNumber, mobile: VALID.mobile });
    await next(el);
    // Later steps keep the warning, without the details again.
    expect(stepTitle(el)).to.equal('所需信息');
    expect(shadowText(el, '[part="insecure"]')).to.contain('https');
    expect(offices()).to.equal(0);
    await expectAccessible(el);
    await fill(el, { description: VALID.description, delivery: 'email' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect(offices()).to.equal(0);
    await next(el);
    // The paper form gives them: once on the page.
    await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
    expect(contactOf(el, '[part="paper"]')).to.deep.equal(CONTACT_ZH);
    expect(offices()).to.equal(1);
    expect($$(el, 'h4').filter((h) => h.textContent === '联系办理机关').length).to.equal(1);
    expectNoSkippedLevel(el);
    await expectAccessible(el);
    // Back to the review (返回修改), then to the first step: given there again.
    $$(el, '[part="paper"] button').find((b) => b.textContent!.trim() === '返回修改')!.click();
    await waitUntil(() => stepTitle(el) === '核对申请信息', 'the review');
    expect(offices()).to.equal(0);
    for (let i = 0; i < 3; i++) {
      $$(el, 'button').find((b) => b.textContent!.trim() === '上一步')!.click();
      await el.updateComplete;
    }
    await waitUntil(() => stepTitle(el) === '申请人信息', 'the first step');
    expect(offices()).to.equal(1);
    expect(contactOf(el, '[part="insecure"]')).to.deep.equal(CONTACT_ZH);
  });

  it('the receipt links to the feed’s status page with the query code (not the name) in its URL; the status page it opens is prefilled', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }, { status: 201, body: RECEIPT }]);
    const feed = (page: string) => ({ ...formFeed({ mode: 'api', endpoint }), status: { endpoint: `${location.origin}/api/status`, page } });
    // A relative page (resolved against the feed, as its endpoints are), with a query string and a hash of its own.
    const el = await mount(feed(`${location.pathname}?from=receipt#lookup`));
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const link = ($$(el, '[part="receipt"] a') as HTMLAnchorElement[]).find((a) => a.textContent!.trim() === '查询办理进度')!;
    expect(link, 'the link').to.exist;
    const url = new URL(link.href);
    expect(url.pathname + url.hash).to.equal(`${location.pathname}#lookup`);
    expect([...url.searchParams]).to.deep.equal([['from', 'receipt'], ['querycode', 'AB12-CD34']]);
    expect(decodeURIComponent(link.href)).to.not.contain(VALID.name);
    await expectAccessible(el);
    // Printed, the link is followed by its address (paper has no links).
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(link, '::after').content).to.match(/attr\(href\)|querycode=AB12-CD34/);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    // The round trip: the status page at that URL fills in the query code; the applicant types only the name.
    const before = location.href;
    history.replaceState(null, '', link.href);
    try {
      const status = await fixture<HTMLElement & { loaded: Promise<void> }>(html`<request-status src=${await storeFeed(feed(''))}></request-status>`);
      await status.loaded;
      expect($<HTMLInputElement>(status, '#code').value).to.equal('AB12-CD34');
      expect($<HTMLInputElement>(status, '#name').value).to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
    fixtureCleanup();
    sessionStorage.clear();
    // An untrusted feed's page that is not http(s) is no link: the receipt is as before.
    const hostile = await mount(feed('javascript:alert(1)'));
    await toReview(hostile);
    await next(hostile);
    await waitUntil(() => $(hostile, '[part="receipt"]'), 'receipt');
    expect($(hostile, '[part="receipt"] a')).to.equal(null);
    expect(shadowText(hostile, '.code')).to.equal('AB12-CD34');
  });

  it('the receipt’s status link in English: “Check progress”', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const el = await mount({ ...formFeed({ mode: 'api', endpoint }), status: { endpoint: 'https://example.gov/api/status', page: 'https://example.gov/status.html' } });
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '[part="receipt"] a') === 'Check progress', 'the link in English');
    expect($<HTMLAnchorElement>(el, '[part="receipt"] a').href).to.equal('https://example.gov/status.html?querycode=AB12-CD34');
  });

  it('a status page without a status API (no status.endpoint, or one that is not http(s)): the receipt still links to the page', async () => {
    for (const status of [{ page: 'https://example.gov/status.html' }, { endpoint: 'ftp://example.gov/status', page: 'https://example.gov/status.html' }]) {
      const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
      const el = await mount({ ...formFeed({ mode: 'api', endpoint }), status });
      await toReview(el);
      await next(el);
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
      const link = $<HTMLAnchorElement>(el, '[part="receipt"] a');
      expect(link?.textContent?.trim(), JSON.stringify(status)).to.equal('查询办理进度');
      expect(link.href).to.equal('https://example.gov/status.html?querycode=AB12-CD34');
      fixtureCleanup();
      sessionStorage.clear();
    }
  });

  it('computes the due date across National Day and 调休 when the server gives none', async () => {
    const { el } = await api([{ status: 201, body: { ...RECEIPT, receivedAt: '2026-09-30T02:00:00Z', dueDate: undefined } }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '[part="receipt"]')).to.contain('2026年11月3日');
    expect(shadowText(el, '[part="receipt"]'), 'the calendar lists 2026').not.to.contain('尚未列入');
    const printed: boolean[] = [];
    const print = window.print;
    window.print = () => printed.push(document.adoptedStyleSheets.length > 0);
    try {
      $$(el, '[part="receipt"] button').find((b) => b.textContent!.trim() === '打印')!.click();
      expect(printed).to.deep.equal([true]);
      expect(el.hasAttribute('data-de-print')).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(el.hasAttribute('data-de-print')).to.equal(false);
    } finally {
      window.print = print;
    }
  });
});

describe('<request-form>: a due date past the calendar the feed lists', () => {
  it('due in a year whose holidays the feed does not list yet: counted over weekends only, and said that it may be later', async () => {
    // The calendar lists 2026's National Day; received on 10 December, the 20th working day is in 2027 (1 January,
    // New Year's Day, not listed, is counted as a working day: the date may be later).
    const { el } = await api([{ status: 201, body: { ...RECEIPT, receivedAt: '2026-12-10T02:00:00Z', dueDate: undefined } }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '[part="receipt"] .answers')).to.contain('答复期限2027年1月7日')
      .and.contain('（自收到申请之日起 20 个工作日，节假日不计算在内；本站尚未列入2027年的节假日安排，期限可能顺延）');
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '[part="receipt"] h2') !== '申请已提交', 'English');
    expect(shadowText(el, '[part="receipt"] .answers')).to.contain('this site does not list the 2027 holidays yet, so the date may be later');
    await expectAccessible(el);
  });

  it("a server's due date is judged by the same calendar: in 2026, nothing added", async () => {
    const { el } = await api([{ status: 201, body: { ...RECEIPT, receivedAt: '2026-11-02T02:00:00Z', dueDate: '2026-11-30' } }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '[part="receipt"] .answers')).to.contain('2026年11月30日').and.not.contain('尚未列入');
  });
});

describe('<request-form> after a refusal or a lost answer', () => {
  const button = (el: El, text: string) => $$(el, 'button').find((b) => b.textContent!.trim() === text)!;

  it('a file the server refused: choosing another clears the message, so the applicant can go on', async () => {
    const { el, endpoint } = await api([
      { status: 422, body: { error: { code: 'invalidFields', message: 'x', fields: { idProof: 'fileContent' } } } },
      { status: 201, body: RECEIPT },
    ], 'multipart');
    await toReview(el, true);
    await next(el);
    await waitUntil(() => stepTitle(el) === '附件与声明', 'back on the attachments step');
    expect(shadowText(el, '#f-idProof-error')).to.contain('可能是改过扩展名的文件').and.contain('PDF、PNG');
    // Removing the file: focus goes to the file input (not the page), and the removal is announced.
    button(el, '×').click();
    await focusedIn(el, '#f-idProof');
    await waitUntil(() => shadowText(el, '[aria-live="polite"]') === '已移除 id.pdf。', 'removal announced');
    // The input forgot it too (else it still shows id.pdf, and choosing id.pdf again would change nothing).
    expect($<HTMLInputElement>(el, '#f-idProof').files!.length).to.equal(0);
    await chooseFile(el, 'idProof', [pdf('real.pdf')]);
    expect($(el, '#f-idProof-error')).to.equal(null);
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect((await requestsTo(endpoint))[1].body).to.contain('filename="real.pdf"');
  });

  it('answers changed after an attempt whose answer was lost: nothing is resent behind the applicant; the stored one’s receipt, said so', async () => {
    const { el, endpoint } = await api([
      { status: 504, body: { error: { code: 'gateway', message: 'timeout' } } },
      { status: 422, body: { error: { code: 'idempotencyKeyReused', message: 'used' }, receipt: RECEIPT } },
    ]);
    el.retryDelays = [300, 300];
    await toReview(el);
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('自动重试'), 'retry announced');
    // The applicant changes an answer while the retry is pending.
    $(el, 'button[aria-label="修改：内容描述"]').click();
    await focusedIn(el, '#f-description');
    await new Promise((r) => setTimeout(r, 500));
    expect((await requestsTo(endpoint)).length, 'no resend while changing answers').to.equal(1);
    await fill(el, { description: '2025年桥梁维修经费' });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect($(el, 'form .btn.primary').getAttribute('aria-disabled')).to.equal('false');
    // The retry that was promised is called off, and said so (it was not: the review said nothing).
    expect(shadowText(el, '[part="send-status"]')).to.contain('自动提交已取消');
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[0].headers['idempotency-key']).to.equal(reqs[1].headers['idempotency-key']);
    expect(JSON.parse(reqs[0].body).fields.description).to.equal(VALID.description);
    expect(JSON.parse(reqs[1].body).fields.description).to.equal('2025年桥梁维修经费');
    expect(shadowText(el, '.code')).to.equal('AB12-CD34');
    expect(shadowText(el, '[part="receipt"] .panel.warning')).to.contain('修改之前提交的申请已经送达').and.contain('之后所做的修改没有提交');
    expectNoSkippedLevel(el);
    // The changes can only reach the agency another way: whom to contact, with the query code.
    expect(contactOf(el, '[part="receipt"] .panel.warning')).to.deep.equal(['联系办理机关', '机构 测试区政务公开办', '地址 测试路1号', '邮政编码 414000']);
    await expectAccessible(el);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '[part="receipt"] .panel.warning').includes('were not sent'), 'the receipt in English');
    expect(contactOf(el, '[part="receipt"] .panel.warning')).to.deep.equal(['Contact the agency', 'Office 测试区政务公开办', 'Address 测试路1号', 'Postcode 414000']);
  });

  it('while the application is on its way, its answers cannot be changed or cleared (they are what was sent)', async () => {
    const { el } = await api([{ status: 201, body: RECEIPT, delay: 400 }]);
    await toReview(el);
    await next(el);
    expect(shadowText(el, '[part="send-status"]')).to.contain('正在提交');
    const change = $(el, 'button[aria-label="修改：内容描述"]');
    expect(change.getAttribute('aria-disabled')).to.equal('true');
    change.click();
    $(el, '#clear-open').click();
    await el.updateComplete;
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect($(el, '.clear [role="alertdialog"]')).to.equal(null);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect($(el, '[part="receipt"] .panel.warning')).to.equal(null);
  });

  it('with persist="local" the receipt still stays in this tab only (a shared computer shows the next person an empty form)', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const el = await mount(formFeed({ mode: 'api', endpoint, encoding: 'json' }), undefined, { persist: 'local' });
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(Object.keys(localStorage).filter((k) => k.includes('request-receipt'))).to.deep.equal([]);
    expect(Object.keys(sessionStorage).filter((k) => k.includes('request-receipt')).length).to.equal(1);
  });

  it('every automatic retry sends the answers as they were when Submit was pressed; each state is said once', async () => {
    const { el, endpoint } = await api([{ status: 503, body: {} }, { status: 201, body: RECEIPT }]);
    el.retryDelays = [200];
    await toReview(el);
    const hidden = $(el, '.vh[aria-live="polite"]');
    const said: string[] = [];
    new MutationObserver(() => said.push(hidden.textContent ?? '')).observe(hidden, { childList: true, characterData: true, subtree: true });
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    await new Promise((r) => setTimeout(r, 150));
    // Sending and retrying are said by the visible status line only, not a second time by the hidden region.
    expect(said.filter((x) => x.includes('正在提交') || x.includes('重试')), said.join(' | ')).to.deep.equal([]);
    const [a, b] = await requestsTo(endpoint);
    expect(b.body).to.equal(a.body);
  });

  it('429: waits as long as the server asks, then sends again', async () => {
    const { el, endpoint } = await api([
      { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'rateLimited', message: 'Too many requests; try again later.' } } },
      { status: 201, body: RECEIPT },
    ]);
    el.retryDelays = [30];
    // The browser keeps 250 timings: earlier tests' requests must not have filled the buffer.
    performance.clearResourceTimings();
    await toReview(el);
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('将在 1 秒后自动重试'), 'wait as asked');
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 4000);
    expect((await requestsTo(endpoint)).length).to.equal(2);
    // Not before the server's time (1 s, not the element's own 30 ms): read from the browser's timing of the two
    // requests, which a busy machine can only lengthen.
    const [first, second] = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.startsWith(new URL(endpoint, location.href).href));
    expect(second.startTime - first.responseEnd, 'not before the server’s time').to.be.at.least(950);
  });

  it('other refusals in plain words, in the page’s language: too large (the applicant can fix it), and a code it does not know (whom to contact)', async () => {
    let { el } = await reviewed([{ status: 413, body: { error: { code: 'payloadTooLarge', message: 'The request body is larger than 25600 KiB.' } } }]);
    await next(el);
    await waitUntil(() => $(el, '.panel[part="send-status"]'), 'refusal');
    let alert = shadowText(el, '.panel[part="send-status"]');
    // Nothing but answers was sent (JSON): they are what is too large (with attachments: the next tests).
    expect(alert).to.contain('提交未成功：').and.contain('填写的内容合计超过了网站允许的长度').and.not.contain('KiB');
    expect(alert).to.not.contain('未被受理'); // the wording of a formal refusal (不予受理) is not ours to use
    // Fewer or smaller attachments are for the applicant to choose, here: no one to contact.
    expect($(el, `${ALERT} [part="office"]`)).to.equal(null);
    await expectAccessible(el);
    ({ el } = await reviewed([{ status: 400, body: { error: { code: 'weird', message: 'Something odd.' } } }]));
    await next(el);
    await waitUntil(() => $(el, ALERT), 'refusal');
    alert = shadowText(el, ALERT);
    expect(alert).to.contain('服务器没有接受这份申请（weird：Something odd.）').and.contain('仍保留在本页');
    // “If this goes on, contact the agency”: its details follow.
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
    await expectAccessible(el);
    ({ el } = await reviewed([{ status: 400, body: { error: { code: 'weird', message: 'Something odd.' } } }], 'en'));
    await next(el);
    await waitUntil(() => $(el, ALERT), 'refusal');
    expect(shadowText(el, ALERT)).to.contain('The server did not accept the application (weird: Something odd.)').and.contain('contact the agency');
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_EN);
  });

  it('idempotencyKeyReused without a receipt (the earlier application arrived, its receipt is not given): says so, with whom to contact', async () => {
    for (const [lang, words, contact] of [['zh-CN', '这份申请此前已经提交过，但修改后的内容没有提交，本页也没有收到它的查询码。', CONTACT_ZH], ['en', 'this page did not receive its query code', CONTACT_EN]] as const) {
      const { el } = await reviewed([{ status: 422, body: { error: { code: 'idempotencyKeyReused', message: 'used' } } }], lang);
      await next(el);
      await waitUntil(() => $(el, ALERT), 'refusal');
      expect(shadowText(el, ALERT)).to.contain(words);
      expect(contactOf(el, ALERT)).to.deep.equal(contact);
      await expectAccessible(el);
      fixtureCleanup();
    }
  });

  it('idempotencyKeyReused without a receipt: the key is spent, so 提交申请 stays unavailable after an answer is changed (it would be refused again); clearing the form starts a new application with a new key', async () => {
    const SPENT_ZH = '本页不能再次提交这份申请，修改内容后也不能。';
    const { el, endpoint } = await reviewed([
      { status: 422, body: { error: { code: 'idempotencyKeyReused', message: 'used' } } },
      { status: 201, body: RECEIPT },
    ]);
    await next(el);
    await waitUntil(() => $(el, ALERT), 'refusal');
    const why = () => $(el, `#${$(el, '#send').getAttribute('aria-describedby')}`);
    expect($(el, '#send').getAttribute('aria-disabled')).to.equal('true');
    expect(why().textContent).to.contain(SPENT_ZH).and.not.contain('修改任一项后才能再次提交');
    // An answer changed: still refused (the server would refuse the key again), and said so.
    await changeDescription(el);
    expect($(el, '#send').getAttribute('aria-disabled')).to.equal('true');
    expect(why().textContent).to.contain(SPENT_ZH);
    $(el, '#send').click();
    await waitUntil(() => shadowText(el, '[aria-live="polite"]').includes(SPENT_ZH), 'the reason said aloud');
    await new Promise((r) => setTimeout(r, 200));
    expect((await requestsTo(endpoint)).length, 'nothing sent with the spent key').to.equal(1);
    await expectAccessible(el);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '#step-h') === 'Check your answers', 'English');
    expect(why().textContent).to.contain('cannot send this application again, even with changed answers');
    el.lang = 'zh-CN';
    await waitUntil(() => stepTitle(el) === '核对申请信息', 'Chinese');
    // Cleared: a new application, sent under a key of its own.
    $(el, '#clear-open').click();
    await focusedIn(el, '#clear-no');
    $$(el, '.clear [role="alertdialog"] button')[0].click();
    await el.updateComplete;
    await toReview(el);
    expect($(el, '#send').getAttribute('aria-disabled')).to.equal('false');
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[1].headers['idempotency-key']).to.not.equal(reqs[0].headers['idempotency-key']);
  });

  it('what the server said of the answers outlives a reload: a spent key, answers refused as they are, field errors (each would otherwise be sent to be refused again)', async () => {
    const reload = async (el: El) => {
      const src = el.src!;
      await new Promise((r) => setTimeout(r, 50));
      el.remove();
      fixtureCleanup();
      const again = await mount(undefined, src);
      return again;
    };
    for (const [code, words] of [['idempotencyKeyReused', '本页不能再次提交这份申请，修改内容后也不能。'], ['intakeSuspended', '内容不变，再次提交也不会被接受']] as const) {
      const { el, endpoint } = await reviewed([{ status: 422, body: { error: { code, message: 'no' } } }, { status: 201, body: RECEIPT }]);
      await next(el);
      await waitUntil(() => $(el, ALERT), 'refusal');
      const again = await reload(el);
      expect(stepTitle(again)).to.equal('核对申请信息');
      // The refusal, with whom to contact (the server's own words when it has no code of ours).
      expect(shadowText(again, ALERT)).to.contain('提交未成功').and.contain(code == 'intakeSuspended' ? 'no' : '这份申请此前已经提交过');
      expect(contactOf(again, ALERT)).to.deep.equal(CONTACT_ZH);
      const send = $(again, '#send');
      expect(send.getAttribute('aria-disabled'), code).to.equal('true');
      expect($(again, `#${send.getAttribute('aria-describedby')}`).textContent).to.contain(words);
      send.click();
      await waitUntil(() => shadowText(again, '[aria-live="polite"]').includes(words), 'the reason said aloud');
      await new Promise((r) => setTimeout(r, 200));
      expect((await requestsTo(endpoint)).length, `${code}: nothing sent again after the reload`).to.equal(1);
      await expectAccessible(again);
      fixtureCleanup();
    }
    // Field errors: after the reload, still next to their field, in the summary, and 保存并返回核对页 leads back to the review.
    const { el } = await api([{ status: 422, body: { error: { code: 'invalidFields', message: 'bad', fields: { mobile: '该号码已被列入黑名单' } } } }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    const again = await reload(el);
    expect(stepTitle(again)).to.equal('申请人信息');
    expect(shadowText(again, '#f-mobile-error')).to.contain('该号码已被列入黑名单');
    expect(shadowText(again, 'form .btn.primary')).to.equal('保存并返回核对页');
    await fill(again, { mobile: '13900000000' });
    expect($(again, '#f-mobile-error')).to.equal(null);
    await next(again);
    expect(stepTitle(again)).to.equal('核对申请信息');
    await expectAccessible(again);
  });

  it('a failure after the automatic retries on a connection that seems fine (every answer cut): whom to contact if it goes on; offline, or asked to wait (429), it is the applicant’s to wait: no contact block', async () => {
    let { el } = await reviewed([{ cut: true }, { cut: true }, { cut: true }, { cut: true }]);
    await next(el);
    await waitUntil(() => $(el, ALERT), 'failed', 8000);
    expect(shadowText(el, ALERT)).to.contain('申请未能提交');
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
    // Said at once: what happened; the office's details follow it in the panel, to be read on (not some 150 characters more).
    expect(shadowText(el, `${ALERT} [role="alert"]`)).to.contain('申请未能提交').and.not.contain('0730-1234567').and.not.contain('联系办理机关');
    await expectAccessible(el);
    const slow = { status: 429, body: { error: { code: 'rateLimited', message: 'slow down' } } };
    ({ el } = await reviewed([slow, slow, slow, slow]));
    await next(el);
    await waitUntil(() => $(el, ALERT), 'failed', 8000);
    expect(shadowText(el, ALERT)).to.contain('短时间内提交的次数过多');
    expect($(el, `${ALERT} [part="office"]`)).to.equal(null);
    ({ el } = await reviewed([{ status: 201, body: RECEIPT }]));
    Object.defineProperty(el, 'isOnline', { value: () => false, configurable: true });
    await next(el);
    expect(shadowText(el, '[part="send-status"]')).to.contain('没有联网');
    expect($(el, '[part="office"]')).to.equal(null);
  });

  it('a 413 from a proxy (an HTML page, no JSON): says the attachments are too large; the answers are kept and go, with a smaller file, under the same Idempotency-Key', async () => {
    const { el, endpoint } = await api([
      { status: 413, type: 'text/html', body: '<html><body><h1>413 Request Entity Too Large</h1>nginx</body></html>' },
      { status: 201, body: RECEIPT },
    ], 'multipart');
    await toReview(el, true);
    await next(el);
    await waitUntil(() => $(el, '.panel[part="send-status"]'), 'refusal');
    expect(shadowText(el, '.panel[part="send-status"]')).to.contain('附件合计超过了网站允许的大小').and.not.contain('413');
    expect(shadowText(el, '[part="review"]')).to.contain(VALID.idNumber).and.contain('id.pdf');
    $(el, 'button[aria-label="修改：身份证明"]').click();
    await focusedIn(el, '#f-idProof');
    await chooseFile(el, 'idProof', [pdf('small.pdf', 5)]);
    await next(el);
    expect(shadowText(el, '[part="review"]')).to.contain(VALID.idNumber).and.contain('small.pdf').and.not.contain('id.pdf');
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[1].headers['idempotency-key']).to.equal(reqs[0].headers['idempotency-key']);
  });

  it('a server that refuses this page by CORS (its preflight answered 403 corsRefused without Access-Control-Allow-Origin, as the intake server answers an origin it does not list): the website is set up wrongly, not the applicant’s connection; whom to contact, and the paper form', async () => {
    const path = await scriptEndpoint([{ status: 403, body: { error: { code: 'corsRefused', message: 'This origin may not call this API.' } } }]);
    // Another origin (another host name of this computer: not refused as plain http), which does not list this page's.
    const endpoint = new URL(path, location.href);
    endpoint.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const el = await mount(withContact(formFeed({ mode: 'api', endpoint: endpoint.href, encoding: 'json' })));
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, ALERT), 'the failure', 8000);
    // The page cannot read a refused answer (status 0, as a network failure): not “check your connection”.
    expect(shadowText(el, ALERT)).to.contain('网站设置有误，申请无法送达。请联系网站管理员。').and.not.contain('网络连接');
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
    await expectAccessible(el);
    // Nothing got through the preflights; they ask for Content-Type and Idempotency-Key only (Accept-Language is a
    // safelisted value).
    const reqs = await requestsTo(path);
    expect(reqs.filter((r) => r.method === 'POST')).to.deep.equal([]);
    const preflights = reqs.filter((r) => r.method === 'OPTIONS');
    expect(preflights.length).to.be.at.least(1);
    expect(preflights.map((r) => r.headers['access-control-request-headers'])).to.satisfy((h: string[]) => h.every((x) => x === 'content-type,idempotency-key'));
    el.lang = 'en';
    await waitUntil(() => shadowText(el, ALERT).includes('The website is set up wrongly'), 'in English');
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_EN);
    // Applying in writing stays open.
    $$(el, ALERT + ' button').find((b) => b.textContent!.trim() === 'Create the application form')!.click();
    await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
    expect(shadowText(el, '[part="paper"]')).to.contain(VALID.name);
    fixtureCleanup();
    sessionStorage.clear();
    // Another origin that does not answer at all (the connection dropped) is still a failure of the connection.
    const gone = new URL(await scriptEndpoint([{ destroy: true }]), location.href);
    gone.hostname = endpoint.hostname;
    const el2 = await mount(withContact(formFeed({ mode: 'api', endpoint: gone.href, encoding: 'json' })));
    await toReview(el2);
    await next(el2);
    await waitUntil(() => $(el2, ALERT), 'the failure', 8000);
    expect(shadowText(el2, ALERT)).to.contain('请检查网络连接').and.not.contain('网站设置有误');
  });

  it('a 413 is said by what was too large: with no attachment sent (a JSON body, or a proxy’s page), the answers, to shorten; with attachments, what the server says (limit: text or body)', async () => {
    const TEXT_ZH = '填写的内容合计超过了网站允许的长度';
    const FILES_ZH = '附件合计超过了网站允许的大小';
    const tooLarge = (limit?: string) => ({ status: 413, body: { error: { code: 'payloadTooLarge', message: 'The request body is larger than 1024 KiB.', ...(limit ? { limit } : {}) } } });
    const proxy = { status: 413, type: 'text/html', body: '<html><body><h1>413 Request Entity Too Large</h1>nginx</body></html>' };
    const refusal = async (step: object, files: boolean) => {
      const { el } = await api([step], files ? 'multipart' : 'json');
      await toReview(el, files);
      await next(el);
      await waitUntil(() => $(el, ALERT), 'refusal');
      return el;
    };
    // No attachment sent: the applicant with none is not asked to remove any.
    for (const step of [tooLarge('text'), tooLarge(), proxy]) {
      const el = await refusal(step, false);
      expect(shadowText(el, ALERT)).to.contain(TEXT_ZH).and.contain('最长的几项内容').and.not.contain(FILES_ZH).and.not.contain('附件');
      // Shortening them is the applicant's to do, here: no one to contact.
      expect($(el, `${ALERT} [part="office"]`)).to.equal(null);
      await expectAccessible(el);
      el.lang = 'en';
      await waitUntil(() => shadowText(el, ALERT).includes('Your answers together are longer than this website accepts. Shorten the longest ones'), 'in English');
      expect(shadowText(el, ALERT)).to.not.contain('attachment');
      fixtureCleanup();
      sessionStorage.clear();
    }
    // With attachments: the server's limit says which; a proxy's page, or a server that does not say, the attachments.
    for (const [step, shown] of [[tooLarge('text'), TEXT_ZH], [tooLarge('body'), FILES_ZH], [tooLarge(), FILES_ZH], [proxy, FILES_ZH]] as const) {
      const el = await refusal(step, true);
      expect(shadowText(el, ALERT), JSON.stringify(step)).to.contain(shown).and.not.contain(shown === TEXT_ZH ? FILES_ZH : TEXT_ZH);
      fixtureCleanup();
      sessionStorage.clear();
    }
  });

  it('the server’s own words about a field are in the page’s language: the form sends it (Accept-Language, a CORS-safelisted value) and a server answering by it is read in Chinese on a Chinese page, in English on an English one', async () => {
    const tooLong = {
      status: 422,
      byLanguage: {
        zh: { error: { code: 'invalidFields', message: 'The value of "description" is too long.', fields: { description: '内容过长：每项填写内容最多 256 KiB（约 8.7 万个汉字），请删减后再提交。' } } },
        en: { error: { code: 'invalidFields', message: 'The value of "description" is too long.', fields: { description: 'Too long: this server takes at most 256 KiB of text per answer.' } } },
      },
    };
    for (const [lang, words] of [['zh-CN', '内容描述：内容过长：每项填写内容最多 256 KiB'], ['en', '内容描述: Too long: this server takes at most 256 KiB']] as const) {
      const { el, endpoint } = await api([tooLong], 'multipart');
      await toReview(el, true);
      el.lang = lang;
      await waitUntil(() => stepTitle(el) === (lang === 'en' ? 'Check your answers' : '核对申请信息'), 'the page’s language');
      $<HTMLButtonElement>(el, '#send').click();
      await waitUntil(() => $(el, '#f-description-error'), 'the field’s message');
      expect(shadowText(el, '#f-description-error'), lang).to.contain(words);
      const [req] = await requestsTo(endpoint);
      expect(req.headers['accept-language']).to.equal(lang);
      // Safelisted (Fetch: CORS-safelisted request-header), so a cross-origin endpoint is not asked about it in a preflight.
      expect(req.headers['accept-language']).to.match(/^[0-9A-Za-z *,\-.;=]{0,128}$/);
      fixtureCleanup();
      sessionStorage.clear();
    }
  });

  it('a 422 about a field the form does not have: the server’s words are shown (nothing to correct here: contact the agency, whose details follow); the answers are kept; sent again once changed, with the same key', async () => {
    const endpoint = await scriptEndpoint([
      { status: 422, body: { error: { code: 'invalidFields', message: 'Invalid fields.', fields: { passportNo: '护照号码格式不对', visaNo: 'unknownField' } } } },
      { status: 201, body: RECEIPT },
    ]);
    const el = await mount(withContact(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '.panel[part="send-status"]'), 'refusal');
    expect(stepTitle(el)).to.equal('核对申请信息');
    // A code the element knows is said in words (“visaNo”不是本表单的内容), not as the code.
    const alert = shadowText(el, '.panel[part="send-status"]');
    expect(alert).to.contain('护照号码格式不对').and.contain('“visaNo”不是本表单的内容').and.contain('联系');
    expect(alert).to.not.contain('unknownField');
    // Whom to contact, as <request-status> says it: the office's details from the feed.
    expect(contactOf(el, '.panel[part="send-status"]')).to.deep.equal(CONTACT_ZH);
    expect(shadowText(el, '[part="review"]')).to.contain(VALID.idNumber).and.contain(VALID.description);
    // Unchanged, they would get the same answer: not sent (the alert says why).
    expect($(el, '#send').getAttribute('aria-disabled')).to.equal('true');
    await next(el);
    expect((await requestsTo(endpoint)).length).to.equal(1);
    $(el, 'button[aria-label="修改：电子邮箱"]').click();
    await focusedIn(el, '#f-email');
    await fill(el, { email: 'zhang@example.cn' });
    await next(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[1].headers['idempotency-key']).to.equal(reqs[0].headers['idempotency-key']);
  });

  it('a refusal the same answers would get again (a code it does not know, answers too long): 提交申请 is aria-disabled and says why; pressing it sends nothing; once an answer is changed it sends again, with the same key; the office and 生成申请表 stay', async () => {
    const SAME_ZH = '内容不变，再次提交也不会被接受';
    const { el, endpoint } = await reviewed([
      { status: 422, body: { error: { code: 'intakeSuspended', message: '系统迁移期间暂停受理网上申请。' } } },
      { status: 201, body: RECEIPT },
    ]);
    await next(el);
    await waitUntil(() => $(el, ALERT), 'refusal');
    const send = $(el, '#send');
    expect(send.textContent!.trim()).to.equal('提交申请');
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    // Why, in the alert beside it, and as the button's description (a screen reader says it on the button).
    const why = $(el, `#${send.getAttribute('aria-describedby')}`);
    expect($(el, `${ALERT} [role="alert"]`).contains(why), 'the reason is in the alert').to.equal(true);
    expect(why.textContent).to.contain(SAME_ZH).and.contain('修改任一项后才能再次提交');
    // Pressed (a click, Enter): nothing is sent; the reason is said again.
    send.click();
    send.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el, '[aria-live="polite"]').includes(SAME_ZH), 'the reason said aloud');
    await new Promise((r) => setTimeout(r, 200));
    expect((await requestsTo(endpoint)).length, 'the same answers not sent again').to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#send'));
    // Whom to contact, and applying in writing, stay.
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
    expect($$(el, `${ALERT} button`).map((b) => b.textContent!.trim())).to.deep.equal(['生成申请表']);
    await expectAccessible(el);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '#step-h') === 'Check your answers', 'English');
    expect($(el, `#${$(el, '#send').getAttribute('aria-describedby')}`).textContent).to.contain('would not be accepted if sent again: change one');
    el.lang = 'zh-CN';
    await waitUntil(() => stepTitle(el) === '核对申请信息', 'Chinese');
    // An answer changed: 提交申请 sends again (with the same key: the server never stores two).
    await changeDescription(el);
    expect($(el, '#send').getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '#send').hasAttribute('aria-describedby')).to.equal(false);
    expect(shadowText(el, ALERT)).to.not.contain(SAME_ZH);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[1].headers['idempotency-key']).to.equal(reqs[0].headers['idempotency-key']);
    expect(JSON.parse(reqs[1].body).fields.description).to.equal('2025年桥梁维修经费');
    fixtureCleanup();
    sessionStorage.clear();
    // Answers too long (413): the same; after a change of the files alone, too (a new file is a new answer).
    const tooLong = await api([{ status: 413, body: { error: { code: 'payloadTooLarge', message: 'Too large.', limit: 'text' } } }, { status: 201, body: RECEIPT }], 'multipart');
    await toReview(tooLong.el, true);
    await next(tooLong.el);
    await waitUntil(() => $(tooLong.el, ALERT), 'refusal');
    expect(shadowText(tooLong.el, ALERT)).to.contain('填写的内容合计超过了网站允许的长度').and.contain(SAME_ZH);
    await next(tooLong.el);
    await new Promise((r) => setTimeout(r, 200));
    expect((await requestsTo(tooLong.endpoint)).length).to.equal(1);
    $(tooLong.el, 'button[aria-label="修改：身份证明"]').click();
    await focusedIn(tooLong.el, '#f-idProof');
    await chooseFile(tooLong.el, 'idProof', [pdf('small.pdf')]);
    await next(tooLong.el);
    await next(tooLong.el);
    await waitUntil(() => $(tooLong.el, '[part="receipt"]'), 'receipt');
    expect((await requestsTo(tooLong.endpoint)).length).to.equal(2);
  });

  it('each attempt asks for the server’s words in the language of the moment: switched to English (lang) between a 503 and the automatic retry, the retry sends Accept-Language: en, with the same body and key', async () => {
    const { el, endpoint } = await api([{ status: 503, body: {} }, { status: 201, body: RECEIPT }]);
    el.retryDelays = [400];
    await toReview(el);
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('自动重试'), 'retry announced');
    el.setAttribute('lang', 'en');
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const [a, b] = await requestsTo(endpoint);
    expect([a.headers['accept-language'], b.headers['accept-language']]).to.deep.equal(['zh-CN', 'en']);
    expect(b.body).to.equal(a.body);
    expect(b.headers['idempotency-key']).to.equal(a.headers['idempotency-key']);
  });

  it('the feed reloaded while a retry waits (a new src), its endpoint now plain http: nothing is sent there; as at Submit, the paper form, saying why, with the office’s details', async () => {
    const endpoint = await scriptEndpoint([{ status: 503, body: {} }, { status: 201, body: RECEIPT }]);
    const el = await mount(withContact(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
    const insecure = await storeFeed(withContact(formFeed({ mode: 'api', endpoint: 'http://example.gov.cn/api', encoding: 'json' })));
    el.retryDelays = [600];
    await toReview(el);
    const sent: unknown[] = [];
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (...a: unknown[]) {
      sent.push(a[1]);
      return (open as (...x: unknown[]) => void).apply(this, a);
    };
    try {
      await next(el);
      await waitUntil(() => shadowText(el, '[part="send-status"]').includes('自动重试'), 'retry announced');
      el.src = insecure;
      await waitUntil(() => $(el, '[part="paper"]'), 'the paper form', 3000);
      await focusedIn(el, '#paper-h');
      await new Promise((r) => setTimeout(r, 300));
      // The first attempt only: nothing to the http endpoint.
      expect(sent.length, 'one request').to.equal(1);
      expect(String(sent[0])).to.contain(endpoint);
      expect(shadowText(el, '[part="paper"]')).to.contain(VALID.name);
      expect(shadowText(el, '[part="insecure"]')).to.contain('https');
      expect(contactOf(el, '[part="paper"]')).to.deep.equal(CONTACT_ZH);
      await expectAccessible(el);
      // Back to the review: nothing pending; its action is 生成申请表.
      $$(el, '[part="paper"] button').find((b) => b.textContent!.trim() === '返回修改')!.click();
      await waitUntil(() => stepTitle(el) === '核对申请信息', 'the review');
      expect(shadowText(el, '#send')).to.equal('生成申请表');
      expect($(el, '#send').getAttribute('aria-disabled')).to.equal('false');
      expect(shadowText(el, '[part="send-status"]')).to.equal('');
      await new Promise((r) => setTimeout(r, 700));
      expect(sent.length).to.equal(1);
    } finally {
      XMLHttpRequest.prototype.open = open;
    }
  });

  it('a retry that comes while the form’s feed is being loaded anew (a slow new src) waits for it, then sends (to its endpoint, still https or this computer): one receipt', async () => {
    const endpoint = await scriptEndpoint([{ status: 503, body: {} }, { status: 201, body: RECEIPT }]);
    const el = await mount(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    const slow = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }), { delay: 800 });
    el.retryDelays = [100];
    await toReview(el);
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('自动重试'), 'retry announced');
    el.src = slow;
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 4000);
    const reqs = await requestsTo(endpoint);
    expect(reqs.length).to.equal(2);
    expect(reqs[1].body).to.equal(reqs[0].body);
  });

  it('a new src while focus is in the form: once the new feed is there, focus is on its title, not left on the page; focus moved out meanwhile stays there', async () => {
    const el = await mount(formFeed());
    for (const out of [false, true]) {
      await fill(el, { applicantType: 'naturalPerson' });
      $(el, '#f-mobile').focus();
      el.src = await storeFeed(formFeed(), { delay: 300 });
      await el.updateComplete;
      const link = document.createElement('a');
      if (out) {
        link.href = '#elsewhere';
        link.textContent = 'elsewhere';
        document.body.append(link);
        link.focus();
      }
      await el.loaded;
      await el.updateComplete;
      expect(shadowText(el, '#step-h')).to.equal('申请人信息');
      if (out) expect(document.activeElement, 'left where the reader put it').to.equal(link);
      else expect(el.shadowRoot!.activeElement?.textContent, 'the form’s title').to.equal('政府信息公开申请');
      link.remove();
    }
  });

  it('a new src after a receipt (another agency’s form): that form, empty, not the first one’s receipt; back to the first src, its receipt again', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const el = await mount(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    const first = el.src;
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    const other = formFeed({ mode: 'api', endpoint, encoding: 'json' }) as { agency: { name: string } };
    other.agency = { ...other.agency, name: '另一个局' };
    el.src = await storeFeed(other);
    await waitUntil(() => $(el, '#step-h'), 'the other form');
    expect($(el, '[part="receipt"]'), 'no receipt').to.equal(null);
    expect(shadowText(el)).to.contain('另一个局').and.not.contain(RECEIPT.queryCode);
    expect(stepTitle(el)).to.equal('申请人信息');
    expect($$(el, 'input[name="applicantType"]').some((r) => (r as HTMLInputElement).checked), 'empty').to.equal(false);
    await expectAccessible(el);
    el.src = first;
    await waitUntil(() => $(el, '[part="receipt"]'), 'the first form’s receipt');
    expect(shadowText(el, '#code')).to.equal(RECEIPT.queryCode);
  });

  it('the receipt that arrives while the form’s feed is being loaded anew (a slow new src set during the sending) is shown once the feed is there: one request, one receipt', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT, delay: 300 }]);
    const el = await mount(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    const slow = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }), { delay: 900 });
    await toReview(el);
    await next(el);
    el.src = slow;
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 4000);
    expect(shadowText(el, '#code')).to.equal(RECEIPT.queryCode);
    expect((await requestsTo(endpoint)).length).to.equal(1);
  });

  it('a 422 about fields both on and off the form: the on-form ones by their fields and in the summary; the others after them, said to be beyond this page, with whom to contact', async () => {
    const endpoint = await scriptEndpoint([
      { status: 422, body: { error: { code: 'invalidFields', message: 'Invalid fields.', fields: { idNumber: 'checksum', passportNo: '护照号码格式不对', visaNo: 'unknownField' } } } },
    ]);
    const el = await mount(withContact(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    await focusedIn(el, '#summary');
    expect(shadowText(el, '#f-idNumber-error')).to.contain('最后一位（校验码）不对');
    const lists = $$(el, '[part="error-summary"] ul').map((ul) => [...ul.children].map((li) => li.textContent!.replace(/\s+/g, '')));
    expect(lists).to.have.length(2);
    expect(lists[0]).to.have.length(1);
    expect(lists[0]![0]).to.contain('最后一位（校验码）不对');
    expect(lists[1]).to.deep.equal(['passportNo：护照号码格式不对', '“visaNo”不是本表单的内容。']);
    expect($$(el, '[part="error-summary"] a')).to.have.length(1);
    // The applicant cannot change these here: the summary says so, and whom to contact (the feed's phone, address, e-mail).
    expect(shadowText(el, '[part="error-summary"] p')).to.equal('以下问题涉及本表单以外的内容，无法在本页修改，请与本机关联系。');
    expect(contactOf(el, '[part="error-summary"]')).to.deep.equal(CONTACT_ZH);
    await expectAccessible(el);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '#summary') === 'There is a problem', 'the summary in English');
    expect(shadowText(el, '[part="error-summary"] p')).to.equal('These are about answers this form does not ask for, so they cannot be fixed here: contact the agency.');
    expect(contactOf(el, '[part="error-summary"]')).to.deep.equal(CONTACT_EN);
    // The one on the form fixed, only the others are left: nothing to fix on the page.
    await fill(el, { idNumber: '360426199101010071' });
    expect(shadowText(el, '#summary')).to.equal('Your application was not sent');
    await expectAccessible(el);
  });

  it('the server’s messages about fields the form does not have stay while they hold, do not stop the applicant fixing the rest, and go once the application is sent again', async () => {
    const down = { status: 503, body: { error: { code: 'unavailable', message: 'maintenance' } } };
    const { el, endpoint } = await api([
      { status: 422, body: { error: { code: 'invalidFields', message: 'Invalid fields.', fields: { idNumber: 'checksum', passportNo: '护照号码格式不对' } } } },
      down, down, down, down,
    ]);
    const others = () => shadowText(el, '[part="error-summary"]').includes('passportNo');
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    // The one on the form fixed: the others are still true (nothing was sent since), and stay in the summary.
    await fill(el, { idNumber: '360426199101010071' });
    expect($$(el, '[part="error-summary"] a')).to.have.length(0);
    expect(others(), 'still listed after the fix').to.equal(true);
    // Nothing left to fix on the page: the heading no longer asks for it (请修改以下问题), it says what happened.
    expect(shadowText(el, '#summary')).to.equal('申请未能提交');
    // They do not stop the applicant: back to the review, and the application goes again.
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    await next(el);
    await waitUntil(() => $(el, '.panel[part="send-status"]'), 'the server down', 8000);
    expect((await requestsTo(endpoint)).length).to.equal(5);
    // This application has had no verdict on those fields: a later error summary does not repeat the old one.
    $$(el, '[part="review"] button').find((b) => b.getAttribute('aria-label') === '修改：内容描述')!.click();
    await waitUntil(() => stepTitle(el) === '所需信息', 'the description step');
    await fill(el, { description: '' });
    await next(el);
    await focusedIn(el, '#summary');
    expect(shadowText(el, '[part="error-summary"] li')).to.equal('请填写“内容描述”。');
    expect(others(), 'the old answer’s messages').to.equal(false);
    expect($(el, '[part="error-summary"] [part="office"]')).to.equal(null);
  });

  it('a server error (5xx) that lasts: after the automatic retries it says the server is at fault, not the applicant’s connection; 重新提交 sends the same key', async () => {
    const down = { status: 503, body: { error: { code: 'unavailable', message: 'maintenance' } } };
    let { el, endpoint } = await reviewed([down, down, down, down, { status: 201, body: RECEIPT }]);
    await next(el);
    await waitUntil(() => $(el, ALERT), 'failed', 8000);
    const alert = shadowText(el, ALERT);
    expect(alert).to.contain('服务器').and.contain('保留').and.not.contain('检查网络');
    // “If it still fails, contact the agency”: its details follow.
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
    await expectAccessible(el);
    $$(el, 'form button').find((b) => b.textContent!.trim() === '重新提交')!.click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(new Set((await requestsTo(endpoint)).map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    ({ el, endpoint } = await reviewed([down, down, down, down], 'en'));
    await next(el);
    await waitUntil(() => $(el, ALERT), 'failed', 8000);
    expect(shadowText(el, ALERT)).to.contain('if it still fails, contact the agency');
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_EN);
    // Or apply on paper: the answers as the application form to print.
    $$(el, ALERT + ' button').find((b) => b.textContent!.trim() === 'Create the application form')!.click();
    await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
    expect(shadowText(el, '[part="paper"]')).to.contain(VALID.name);
  });

  it('what went wrong, said in Chinese, is said in English once the language is switched (a 5xx, a 429, a wait before a retry, a refusal); the server’s own words stay as sent', async () => {
    const words = (el: El, sel: string) => printed($(el, sel).querySelector('p')!);
    const toEnglish = async (el: El) => {
      el.setAttribute('lang', 'en');
      await waitUntil(() => shadowText(el, '#step-h') === 'Check your answers', 'English');
    };
    const down = { status: 503, body: { error: { code: 'unavailable', message: 'maintenance' } } };
    let { el } = await reviewed([down, down, down, down]);
    await next(el);
    await waitUntil(() => $(el, ALERT), '5xx', 8000);
    expect(words(el, ALERT)).to.contain('服务器暂时出现故障');
    await toEnglish(el);
    expect(words(el, ALERT)).to.match(/^The agency’s server has a problem at the moment, .* contact the agency\.$/);
    const slow = { status: 429, body: { error: { code: 'rateLimited', message: 'slow down' } } };
    ({ el } = await reviewed([slow, slow, slow, slow]));
    await next(el);
    await waitUntil(() => $(el, ALERT), '429', 8000);
    expect(words(el, ALERT)).to.contain('短时间内提交的次数过多');
    await toEnglish(el);
    expect(words(el, ALERT)).to.equal('Too many submissions in a short time. Wait a few minutes, then select “Send again”. Your application is kept on this page.');
    ({ el } = await reviewed([down, { status: 201, body: RECEIPT }]));
    el.retryDelays = [5000];
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('5 秒后自动重试'), 'retrying');
    // The server answered (503): not said to be out of reach, as for a lost connection, but not sent yet.
    expect(shadowText(el, '[part="send-status"]')).to.equal('暂时未能提交。您的申请已保留，将在 5 秒后自动重试（第 1 次）。');
    await toEnglish(el);
    expect(shadowText(el, '[part="send-status"]')).to.equal('Not sent yet. Your application is kept; we will try again in 5 seconds (attempt 1).');
    fixtureCleanup();
    ({ el } = await reviewed([{ status: 400, body: { error: { code: 'weird', message: '请求格式有误' } } }]));
    await next(el);
    await waitUntil(() => $(el, ALERT), 'refusal');
    expect(words(el, ALERT)).to.contain('服务器没有接受这份申请（weird：请求格式有误）');
    await toEnglish(el);
    expect(words(el, ALERT)).to.equal('Not sent: The server did not accept the application (weird: 请求格式有误). It is kept on this page; if this goes on, contact the agency.');
    ({ el } = await reviewed([{ status: 413, body: { error: { code: 'payloadTooLarge', message: 'Too large.' } } }]));
    await next(el);
    await waitUntil(() => $(el, ALERT), 'refusal');
    await toEnglish(el);
    expect(words(el, ALERT)).to.match(/^Not sent: Your answers together are longer than this website accepts\. /);
  });

  it('a slow server (no answer after 10 s): says it is still sending and not to close the page; one request, then the receipt', async () => {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT, delay: 11500 }]);
    await toReview(el);
    await next(el);
    expect(shadowText(el, '[part="send-status"]')).to.contain('正在提交');
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('不要关闭'), 'still sending', 11000);
    expect($(el, 'form .btn.primary').getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 5000);
    expect((await requestsTo(endpoint)).length).to.equal(1);
  });

  it('timeout="300" and a large upload on a slow line (1.2 s): no retry while the upload goes on; only 0.3 s without any progress gives up and tries again', async () => {
    // A slow line, as XMLHttpRequest reports it: upload progress every 100 ms for 1.2 s, then (unless it stalls) the
    // receipt 0.2 s after the upload's end. Its `timeout` is a browser's: from send(), for the whole exchange.
    const sent: { stall: boolean }[] = [];
    class SlowLine {
      upload: { onprogress?: (e: ProgressEvent) => void } = {};
      timeout = 0;
      status = 0;
      responseText = '';
      onload?: () => void;
      onerror?: () => void;
      ontimeout?: () => void;
      onabort?: () => void;
      onloadend?: () => void;
      private scheduled: ReturnType<typeof setTimeout>[] = [];
      constructor(private stall: boolean) {}
      open() {}
      setRequestHeader() {}
      getResponseHeader() {
        return null;
      }
      send() {
        sent.push({ stall: this.stall });
        const later = (ms: number, fn: () => void) => this.scheduled.push(setTimeout(fn, ms));
        if (this.timeout) later(this.timeout, () => this.end('ontimeout'));
        const until = this.stall ? 300 : 1200;
        for (let ms = 100; ms <= until; ms += 100) later(ms, () => this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded: ms, total: 1200 })));
        if (!this.stall) later(1400, () => Object.assign(this, { status: 201, responseText: JSON.stringify(RECEIPT) }).end('onload'));
      }
      abort() {
        this.end('onabort');
      }
      end(what: 'onload' | 'ontimeout' | 'onabort') {
        this.scheduled.forEach(clearTimeout);
        this.scheduled = [];
        this[what]?.();
        this.onloadend?.();
      }
    }
    const real = window.XMLHttpRequest;
    let stall = false;
    (window as { XMLHttpRequest: unknown }).XMLHttpRequest = class extends SlowLine {
      constructor() {
        super(stall);
      }
    };
    try {
      const { el } = await api([{ status: 201, body: RECEIPT }], 'multipart');
      el.setAttribute('timeout', '300');
      await toReview(el, true);
      await next(el);
      await waitUntil(() => Number($<HTMLProgressElement>(el, '.send progress')?.value) >= 50, 'the upload half way');
      expect(shadowText(el, '[part="send-status"]')).to.not.contain('重试');
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 4000);
      expect(sent.length, 'one attempt').to.equal(1);
      fixtureCleanup();
      sessionStorage.clear();
      // A real stall: progress for 0.3 s, then nothing. Given up 0.3 s later, and tried again.
      stall = true;
      sent.length = 0;
      const { el: el2 } = await api([{ status: 201, body: RECEIPT }], 'multipart');
      el2.setAttribute('timeout', '300');
      el2.retryDelays = [5000];
      await toReview(el2, true);
      const start = performance.now();
      await next(el2);
      await waitUntil(() => shadowText(el2, '[part="send-status"]').includes('重试'), 'a retry after the stall', 3000);
      expect(performance.now() - start).to.be.within(500, 1500);
      expect(sent.length).to.equal(1);
    } finally {
      window.XMLHttpRequest = real;
    }
  });

  /** An application with a file, sent (multipart) to a server that takes it: its receipt shows, one request was made. */
  async function sentOnceWithReceipt(): Promise<string> {
    const { el, endpoint } = await api([{ status: 201, body: RECEIPT }], 'multipart');
    await toReview(el, true);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '[part="receipt"]')).to.contain(RECEIPT.queryCode);
    expect((await requestsTo(endpoint)).length).to.equal(1);
    return endpoint;
  }

  it('an old page’s analytics or page-progress script (pace.js) wrapping XMLHttpRequest: the application with its attachment is sent once, the receipt shows', async () => {
    // pace.js replaces the constructor with one that returns the browser's own object, watched; other scripts wrap
    // open and send on its prototype.
    const Real = window.XMLHttpRequest;
    const { open, send } = Real.prototype;
    const seen: string[] = [];
    Real.prototype.open = function (this: XMLHttpRequest, ...a: unknown[]) {
      seen.push(`${a[0]} ${a[1]}`);
      return (open as (...x: unknown[]) => void).apply(this, a);
    };
    Real.prototype.send = function (this: XMLHttpRequest, ...a: unknown[]) {
      this.addEventListener('readystatechange', () => seen.push(`state ${this.readyState}`));
      return (send as (...x: unknown[]) => void).apply(this, a);
    };
    const Paced = function (this: unknown) {
      const req = new Real();
      req.addEventListener('progress', () => {});
      return req;
    } as unknown as typeof XMLHttpRequest;
    Paced.prototype = Real.prototype;
    window.XMLHttpRequest = Paced;
    try {
      const endpoint = await sentOnceWithReceipt();
      expect(seen[0]).to.equal(`POST ${new URL(endpoint, location.href).href}`);
      expect(seen).to.include('state 4');
    } finally {
      window.XMLHttpRequest = Real;
      Object.assign(Real.prototype, { open, send });
    }
  });

  it('an old cross-browser XMLHttpRequest shim without `upload` (the IE-era wrappers): the application is still sent, the receipt shows', async () => {
    const Real = window.XMLHttpRequest;
    // The shape of the 2008 XMLHttpRequest.js wrapper: the browser's request behind an object of its own, with
    // onreadystatechange and the old fields, and nothing for uploads.
    function Shim(this: Record<string, unknown>) {
      const x = new Real();
      const self = this;
      self.readyState = 0;
      x.onreadystatechange = () => {
        Object.assign(self, { readyState: x.readyState, status: x.readyState === 4 ? x.status : 0, responseText: x.readyState === 4 ? x.responseText : '' });
        (self.onreadystatechange as (() => void) | undefined)?.();
        if (x.readyState === 4) (self.onload as (() => void) | undefined)?.();
      };
      x.onerror = () => (self.onerror as (() => void) | undefined)?.();
      Object.assign(self, {
        open: (...a: unknown[]) => (x.open as (...y: unknown[]) => void)(...a),
        send: (b: unknown) => x.send(b as never),
        abort: () => x.abort(),
        setRequestHeader: (k: string, v: string) => x.setRequestHeader(k, v),
        getResponseHeader: (k: string) => x.getResponseHeader(k),
        get responseURL() { return x.responseURL; },
      });
    }
    (window as { XMLHttpRequest: unknown }).XMLHttpRequest = Shim;
    try {
      // (It threw on the missing `upload`: the form said 正在提交 for ever, and sent nothing.)
      await sentOnceWithReceipt();
    } finally {
      window.XMLHttpRequest = Real;
    }
  });

  it('hostile answers from a server: only the receipt’s own fields are kept and sent; an error code named constructor is just text', async () => {
    let { el } = await api([{ status: 201, body: { ...RECEIPT, applicant: { name: '张三', idNumber: VALID.idNumber } } }]);
    let detail: Record<string, unknown> = {};
    el.addEventListener('request-submitted', (e) => (detail = (e as CustomEvent).detail));
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(Object.keys(detail).sort()).to.deep.equal(['dueDate', 'queryCode', 'receivedAt', 'requestId', 'status']);
    const stored = Object.entries(sessionStorage).filter(([k]) => k.includes('request-receipt')).map(([, v]) => v).join('');
    expect(stored).to.contain(RECEIPT.queryCode).and.not.contain(VALID.idNumber);
    ({ el } = await api([{ status: 422, body: { error: { code: 'invalidFields', message: 'x', fields: { name: 'constructor' } } } }]));
    await toReview(el);
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'back on step 1');
    expect(shadowText(el, '#f-name-error')).to.contain('constructor');
  });

  it('a field named like a PHP array (proof[]): its chosen file can be removed', async () => {
    const feed = formFeed() as { sections: { fields: Record<string, unknown>[] }[] };
    feed.sections[2].fields[0].name = 'proof[]';
    const el = await mount(feed);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description });
    await next(el);
    const input = el.shadowRoot!.getElementById('f-proof[]') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(pdf());
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(el, '×').click();
    await el.updateComplete;
    expect($(el, '.files')).to.equal(null);
    expect(input.files!.length).to.equal(0);
  });

  it('bidirectional controls in the server\'s receipt are dropped, as in feeds (an override would reverse the code and the dates after it)', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: { ...RECEIPT, queryCode: 'AB12\u202e-CD34', status: 'rec\u2067eived' } }]);
    const el = await mount(undefined, await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '.code')).to.equal('AB12-CD34');
    expect(shadowText(el, '[part="receipt"]')).to.not.match(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps the receipt over a reload until the applicant starts a new application', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const src = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    let el = await mount(undefined, src);
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    el.remove();
    fixtureCleanup();
    el = await mount(undefined, src);
    expect(shadowText(el, '.code')).to.equal('AB12-CD34');
    expect(shadowText(el, '[part="receipt"]')).to.contain('2026年11月3日');
    expect(shadowText(el, '[part="receipt"]'), 'the calendar lists 2026').not.to.contain('尚未列入');
    // Asked first (one wrong press lost the code): focus on 取消, the code in the question; 取消 and Escape keep the receipt.
    button(el, '填写新的申请').click();
    await focusedIn(el, '#clear-no');
    const ask = $(el, '[role="alertdialog"]')!;
    expect(ask.textContent).to.contain('查询码 AB12-CD34');
    expect(ask.getAttribute('aria-labelledby')).to.equal('clear-q');
    await expectAccessible(el);
    button(el, '取消').click();
    await focusedIn(el, '#clear-open');
    expect(!!$(el, '[role="alertdialog"]'), 'the question').to.equal(false);
    button(el, '填写新的申请').click();
    await focusedIn(el, '#clear-no');
    await sendKeys({ press: 'Escape' });
    await focusedIn(el, '#clear-open');
    expect(shadowText(el, '.code')).to.equal('AB12-CD34');
    expect(Object.keys(sessionStorage).filter((k) => k.includes('request-receipt')).length).to.equal(1);
    button(el, '填写新的申请').click();
    await focusedIn(el, '#clear-no');
    $(el, '[role="alertdialog"]')!.querySelector('button')!.click();
    await focusedIn(el, '#step-h');
    expect(stepTitle(el)).to.equal('申请人信息');
    expect($<HTMLInputElement>(el, '#f-name')).to.equal(null); // applicant type first, nothing filled in
    expect(Object.keys(sessionStorage).filter((k) => k.includes('request-receipt')).length).to.equal(0);
  });

  it('清空表单’s question left open on the review while 提交申请 is pressed: the receipt comes without a question', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const el = await mount(undefined, await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
    await toReview(el);
    button(el, '清空表单').click();
    await focusedIn(el, '#clear-no');
    $(el, '#send').click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    await focusedIn(el, '#receipt-h');
    // (A boolean: chai's message for a DOM element that should not be there takes minutes to build.)
    expect(!!$(el, '[role="alertdialog"]'), 'a question on the receipt').to.equal(false);
    expect(!!button(el, '填写新的申请'), '填写新的申请').to.equal(true);
  });

  it('a character count is not read out after the applicant has moved on', async () => {
    const el = await mount();
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    const area = $<HTMLTextAreaElement>(el, '#f-description');
    area.value = VALID.description;
    area.dispatchEvent(new Event('input'));
    await fill(el, { delivery: 'email' });
    await next(el);
    expect(stepTitle(el)).to.equal('附件与声明');
    await new Promise((r) => setTimeout(r, 1700));
    expect(shadowText(el, '[aria-live="polite"]')).to.not.contain('还可以输入');
  });
});

describe('<request-form> print mode', () => {
  it('prints every choice of a select, radio buttons and a checkbox group with ☑/☐, and the declaration as ☑ and its words; a screen reader hears 已勾选/未勾选', async () => {
    const feed = formFeed({ mode: 'print' });
    const info = (feed.sections as { fields: unknown[] }[])[1]!;
    info.fields.push(
      { name: 'purpose', type: 'select', label: '所需信息的用途', options: [{ value: 'research', label: '科研' }, { value: 'life', label: '生活' }, { value: 'other', label: '其他' }] },
      { name: 'medium', type: 'checkbox', label: '指定提供方式', options: [{ value: 'paper', label: '纸面' }, { value: 'email', label: '电子邮件' }, { value: 'disk', label: '光盘' }] },
    );
    const el = await mount(feed);
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: VALID.description, delivery: 'post', purpose: 'research', medium: 'paper' });
    await fill(el, { medium: 'disk' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    // On screen the review is unchanged: the chosen labels only.
    const review = (label: string) => $$(el, '[part="review"] dl > div').find((d) => d.querySelector('dt')!.textContent === label)!.querySelector('dd')!.textContent!.trim();
    expect(review('所需信息的用途')).to.equal('科研');
    expect(review('指定提供方式')).to.equal('纸面、光盘');
    expect(review('我承诺所填信息真实')).to.equal('已勾选');
    await next(el);
    await focusedIn(el, '#paper-h');
    const row = (label: string) => $$(el, '[part="paper"] tr').find((tr) => tr.querySelector('th[scope="row"]')?.textContent === label)!.querySelector('td')!;
    await emulateMedia({ media: 'print' });
    try {
      expect(printed(row('获取方式'))).to.equal('☑ 邮寄　☐ 电子邮件');
      expect(printed(row('所需信息的用途'))).to.equal('☑ 科研　☐ 生活　☐ 其他');
      expect(printed(row('指定提供方式'))).to.equal('☑ 纸面　☐ 电子邮件　☑ 光盘');
      expect(printed(row('申请人类型'))).to.equal('☑ 公民　☐ 法人或者其他组织');
      // The declaration: one cell across the label and answer columns, its box and its words.
      const declaration = $$(el, '[part="paper"] td').find((td) => td.textContent!.includes('我承诺所填信息真实'))!;
      expect((declaration as HTMLTableCellElement).colSpan).to.equal(2);
      expect(printed(declaration)).to.equal('☑ 我承诺所填信息真实');
      expect(printed($(el, '[part="paper"] table'))).to.not.contain('已勾选');
      // The words for a screen reader take no room on paper.
      for (const v of $$(el, '[part="paper"] td .vh')) expect(v.getBoundingClientRect().width).to.be.at.most(1);
      // No row of short answers breaks across sheets (see 'a long answer … runs on over the next page').
      expect($$(el, '[part="paper"] tr').filter(breakable)).to.deep.equal([]);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(spoken(row('所需信息的用途'))).to.equal('已勾选 科研　未勾选 生活　未勾选 其他');
    expect(spoken($$(el, '[part="paper"] td').find((td) => (td as HTMLTableCellElement).colSpan === 2)!)).to.equal('已勾选 我承诺所填信息真实');
    await expectAccessible(el);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '[part="paper"] .help').startsWith('Print'), 'the paper form in English');
    expect(spoken(row('获取方式'))).to.equal('Ticked 邮寄　Not ticked 电子邮件');
  });

  it('the paper form of a feed without the office’s details names the agency to send it to, and the sentence ends there (no “提交至：” with nothing after it)', async () => {
    const el = await mount({ ...formFeed({ mode: 'print' }), lang: 'zh-CN', agency: { name: '测试区人民政府办公室' } });
    await toReview(el);
    await next(el);
    await focusedIn(el, '#paper-h');
    expect(printed($(el, '[part="paper"] .help'))).to.equal('请打印本申请表，签名后连同身份证明复印件邮寄或当面提交至测试区人民政府办公室。');
    expect($(el, '[part="paper"] h4')).to.equal(null);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, '[part="paper"] .help').startsWith('Print'), 'the paper form in English');
    expect(printed($(el, '[part="paper"] .help'))).to.equal('Print this form, sign it and post or hand it in with a copy of your proof of identity to 测试区人民政府办公室.');
    expect(misLanguaged(el).filter((t) => t.includes('测试区人民政府办公室'))).to.deep.equal([]);
  });

  it('produces a filled, printable application form after the review, with where to send it: the office’s details', async () => {
    const el = await mount(withContact(formFeed({ mode: 'print' })));
    await toReview(el);
    expect(shadowText(el, 'form .btn.primary')).to.equal('生成申请表');
    await next(el);
    await focusedIn(el, '#paper-h');
    expect(shadowText(el, '#paper-h')).to.equal('测试区人民政府办公室政府信息公开申请表');
    const table = shadowText(el, '[part="paper"] table');
    expect(printed($(el, '[part="paper"] table'))).to.contain('申请人信息').and.contain(VALID.idNumber).and.contain('☑ 公民　☐ 法人或者其他组织');
    expect(printed($(el, '[part="paper"] table'))).to.contain('☐ 邮寄　☑ 电子邮件').and.contain('申请人签名（盖章）').and.contain('申请日期');
    // Where to post or hand it in, and when the office is open: each detail named, as <request-status> gives them.
    expect(printed($(el, '[part="paper"] .help'))).to.equal('请打印本申请表，签名后连同身份证明复印件邮寄或当面提交至测试区人民政府办公室。');
    expect(contactOf(el, '[part="paper"]')).to.deep.equal(CONTACT_ZH);
    // No file was chosen: the form does not claim one is enclosed.
    expect(table).to.not.contain('随表附上');
    await expectAccessible(el);
    // On a 320px screen with large text the form still fits (it prints on A4; people look at it on phones first).
    el.style.display = 'block';
    el.style.width = '288px';
    el.largeText = true;
    await el.updateComplete;
    expect(pastRightEdge(el, '[part="paper"] *')).to.deep.equal([]);
  });

  it('keeps the line breaks of an answer and names the files to enclose', async () => {
    const el = await mount(formFeed({ mode: 'print' }));
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: '第一行\n第二行', delivery: 'post' });
    await next(el);
    await chooseFile(el, 'idProof', [pdf('身份证.pdf')]);
    await fill(el, { declaration: true });
    await next(el);
    await next(el);
    await focusedIn(el, '#paper-h');
    const cell = $$(el, '[part="paper"] td').find((td) => td.textContent!.includes('第一行'))!;
    expect(cell.innerText).to.contain('第一行\n第二行');
    expect(shadowText(el, '[part="paper"] table')).to.contain('身份证.pdf （随表附上）');
  });
});

describe('<request-form> printed', () => {
  /** The paper form of a valid application, in a page of its own: `before` and `after` are the host page around it. */
  /** Answers every step, the information wanted as given, and makes the paper form. */
  async function paperWith(el: El, wanted: Record<string, string>): Promise<void> {
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, wanted);
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    await next(el);
    await focusedIn(el, '#paper-h');
  }

  async function paper(attrs: Record<string, string> = {}): Promise<El> {
    const el = await mount(formFeed({ mode: 'print' }));
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    await toReview(el);
    await next(el);
    await focusedIn(el, '#paper-h');
    return el;
  }

  it('printing leaves the rest of the host page out, and no blank pages for it: only the form takes up paper', async () => {
    const el = await paper();
    const before = document.createElement('div');
    before.style.height = '1500px';
    const after = before.cloneNode() as HTMLElement;
    el.before(before);
    el.after(after);
    const print = window.print;
    window.print = () => {};
    try {
      $$(el, '[part="paper"] button').find((b) => b.textContent!.trim() === '打印')!.click();
      await emulateMedia({ media: 'print' });
      // Hidden content that keeps its place would print as pages of white paper before and after the form.
      expect(document.documentElement.scrollHeight).to.be.below(el.getBoundingClientRect().height + 100);
    } finally {
      await emulateMedia({ media: 'screen' });
      window.print = print;
      window.dispatchEvent(new Event('afterprint'));
      before.remove();
      after.remove();
    }
  });

  it('the feed\'s warnings panel (for the webmaster) stays off the applicant\'s paper: the 申请表 and the receipt print without it', async () => {
    const withWarning = (feed: Record<string, unknown>) => ({ ...feed, sections: [...(feed.sections as unknown[]), { id: 'broken' }] });
    const el = await mount(withWarning(formFeed({ mode: 'print' })));
    expect($(el, '[part="warning"]')).to.not.equal(null);
    await toReview(el);
    await next(el);
    await focusedIn(el, '#paper-h');
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const sent = await mount(withWarning(formFeed({ mode: 'api', endpoint })));
    await toReview(sent);
    await next(sent);
    await waitUntil(() => $(sent, '[part="receipt"]'), 'receipt');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[part="warning"]')).display).to.equal('none');
      expect(getComputedStyle($(sent, '[part="warning"]')).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    // On screen the webmaster still sees it.
    expect(getComputedStyle($(el, '[part="warning"]')).display).to.not.equal('none');
  });

  it('on screen, a long answer without spaces does not squeeze its question: no word of a question is cut in two (an 800px column, English labels)', async () => {
    const feed = englishFormFeed({ mode: 'print' });
    const info = (feed.sections as { fields: { name: string; maxLength?: number }[] }[])[1]!;
    info.fields.find((f) => f.name === 'description')!.maxLength = 400;
    const src = await storeFeed(feed);
    const box = mountHtml(html`<request-form src=${src} persist="session"></request-form>`, 'width: 800px');
    const el = box.querySelector('request-form') as El;
    await el.updateComplete;
    await el.loaded;
    await el.updateComplete;
    await paperWith(el, { description: 'https://example.gov.cn/xxgk/' + 'a1b2c3'.repeat(50), delivery: 'email' });
    const cut: string[] = [];
    for (const th of $$(el, '[part="paper"] th[scope="row"]')) {
      const text = [...th.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && !!n.textContent!.trim()) as Text;
      for (const m of text.data.matchAll(/[A-Za-z]+/g)) {
        const r = document.createRange();
        r.setStart(text, m.index!);
        r.setEnd(text, m.index! + m[0].length);
        if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) cut.push(m[0]);
      }
    }
    expect(cut).to.deep.equal([]);
    // Whole words still fit a 320px screen with large text.
    box.style.width = '288px';
    el.largeText = true;
    await el.updateComplete;
    expect(pastRightEdge(el, '[part="paper"] *')).to.deep.equal([]);
  });

  it('on screen, a long Chinese answer does not squeeze its questions to a column of two characters (an 800px column; a phone keeps its fit)', async () => {
    const feed = formFeed({ mode: 'print' });
    (feed.sections as { fields: { name: string; maxLength?: number }[] }[])[1]!.fields.find((f) => f.name === 'description')!.maxLength = 1000;
    const box = mountHtml(html`<request-form src=${await storeFeed(feed)} persist="session"></request-form>`, 'width: 800px');
    const el = box.querySelector('request-form') as El;
    await el.updateComplete;
    await el.loaded;
    await el.updateComplete;
    await paperWith(el, { description: '关于测试区二〇二四年度财政预算执行情况的报告及其附件，包括各部门决算表、政府采购目录和专项资金使用明细。'.repeat(8), delivery: 'email' });
    const narrow = $$(el, '[part="paper"] th[scope="row"]').filter((th) => th.getBoundingClientRect().width < 5 * parseFloat(getComputedStyle(th).fontSize))
      .map((th) => `${th.textContent!.trim()} ${Math.round(th.getBoundingClientRect().width)}px`);
    expect(narrow, 'questions narrower than five characters').to.deep.equal([]);
    box.style.width = '288px';
    el.largeText = true;
    await el.updateComplete;
    expect(pastRightEdge(el, '[part="paper"] *')).to.deep.equal([]);
  });

  it('on a 320px screen in English with large text and text spacing (WCAG 1.4.12), the paper form stays within the element, its answers in a column of their own width', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const feed = lang == 'en' ? englishFormFeed({ mode: 'print' }) : formFeed({ mode: 'print' });
      const box = mountHtml(html`<request-form src=${await storeFeed(feed)} lang=${lang} large-text persist="session"></request-form>`, 'width: 288px');
      const el = box.querySelector('request-form') as El;
      await el.updateComplete;
      await el.loaded;
      await el.updateComplete;
      await paperWith(el, { description: VALID.description, delivery: 'email' });
      for (const spaced of [false, true]) {
        if (spaced) textSpacing(el);
        await el.updateComplete;
        const w = `${lang}${spaced ? ', text spacing' : ''}`;
        expect(pastRightEdge(el, '[part="paper"] *'), w).to.deep.equal([]);
        expect(cutOff(el), w).to.deep.equal([]);
        // An answer's column holds at least four characters of its text a line (two, before).
        const narrow = $$(el, '[part="paper"] td:not(.sign)').filter((td) => td.textContent!.trim() && td.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(td).fontSize))
          .map((td) => `${td.textContent!.trim().slice(0, 20)} ${Math.round(td.getBoundingClientRect().width)}px`);
        expect(narrow, `${w}: answers narrower than four characters`).to.deep.equal([]);
      }
      box.remove();
    }
  });

  it('a form in a narrow positioned column of the host page (a 300px sidebar) prints at the width of the paper, not of the column', async () => {
    const el = await paper();
    const column = document.createElement('div');
    column.style.cssText = 'position:relative;width:300px;margin-left:200px';
    el.before(column);
    column.append(el);
    const print = window.print;
    window.print = () => {};
    try {
      $$(el, '[part="paper"] button').find((b) => b.textContent!.trim() === '打印')!.click();
      await emulateMedia({ media: 'print' });
      const page = document.documentElement.clientWidth;
      const table = $(el, '[part="paper"] table').getBoundingClientRect();
      expect(table.width).to.be.above(page * 0.8);
      expect(table.left).to.be.below(page * 0.1);
    } finally {
      await emulateMedia({ media: 'screen' });
      window.print = print;
      window.dispatchEvent(new Event('afterprint'));
      column.remove();
    }
  });

  it('breaks pages between rows: no answer is cut across two sheets, the title stays with the table', async () => {
    const el = await paper();
    await emulateMedia({ media: 'print' });
    try {
      // Short rows kept whole, a section's first row with its title spanning the section's rows too; that title in a
      // box of its own, kept whole, not the cell: a cell of another writing mode never breaks, and took the section's
      // rows to the next sheet (e2e/run.mjs, 'printing the paper application form leaves no page mostly blank …').
      expect($$(el, '[part="paper"] tr').filter(breakable)).to.deep.equal([]);
      for (const th of $$(el, '[part="paper"] th[rowspan]')) {
        expect([getComputedStyle(th).writingMode, getComputedStyle(th.firstElementChild!).display]).to.deep.equal(['horizontal-tb', 'inline-block']);
      }
      expect(getComputedStyle($(el, '#paper-h')).breakAfter).to.equal('avoid');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('a long answer (所需信息的内容描述 at its maxLength, or many lines) runs on over the next page instead of leaving this one blank; short rows stay whole, and the questions keep a column of their own', async () => {
    const feed = formFeed({ mode: 'print' });
    const info = (feed.sections as { fields: { maxLength?: number }[] }[])[1].fields;
    info[0].maxLength = 1000;
    // Not the first row of its section (which heads the section's title, and was never kept whole).
    info.unshift({ name: 'title', type: 'text', label: '所需信息的名称' } as (typeof info)[0]);
    const el = await mount(feed);
    const long = `${'关于测试区二〇二四年度财政预算执行情况的报告及其附件，包括各部门决算表和专项资金使用明细。'.repeat(20).slice(0, 900)}\n${'第1行\n'.repeat(19)}第20行`;
    expect(long.length).to.be.at.most(1000);
    await paperWith(el, { title: '2024年度财政预算执行情况', description: long, delivery: 'post' });
    await emulateMedia({ media: 'print' });
    try {
      const rows = $$(el, '[part="paper"] tr');
      const label = (tr: HTMLElement) => tr.querySelector('th[scope="row"]')?.textContent;
      // Kept whole, a row taller than what is left of a sheet went to the next one, leaving the rest blank.
      expect(rows.filter(breakable).map(label)).to.deep.equal(['内容描述']);
      // The long answer took the width: each question was squeezed to a character a line, each row as tall.
      for (const th of $$(el, '[part="paper"] th[scope="row"]')) {
        expect(lineCount(th), th.textContent!).to.be.at.most(Math.ceil(th.textContent!.length / 5));
      }
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('prints each section’s title downwards inside its own cell, whatever the font: no character painted on another, or over the rows below (WenQuanYi Zen Hei gives no height in vertical-rl)', async () => {
    const feed = formFeed({ mode: 'print' });
    // A title taller than its section's rows.
    (feed.sections as { title: string }[])[2].title = '身份证明材料与申请人声明';
    const el = await mount(feed);
    await toReview(el);
    await next(el);
    await focusedIn(el, '#paper-h');
    await emulateMedia({ media: 'print' });
    try {
      const titles = $$(el, '[part="paper"] th[rowspan]');
      expect(titles.map((th) => th.textContent!.trim())).to.deep.equal(['申请人信息', '所需信息', '身份证明材料与申请人声明']);
      for (const th of titles) {
        const cell = th.getBoundingClientRect();
        const boxes = charBoxes(th);
        boxes.forEach((b, i) => {
          const where = `${th.textContent!.trim()}[${i}]`;
          expect(b.height, where).to.be.above(8);
          expect([b.left >= cell.left, b.right <= cell.right, b.top >= cell.top, b.bottom <= cell.bottom], where).to.deep.equal([true, true, true, true]);
          // Top to bottom, each below the one before.
          if (i) expect(b.top, where).to.be.at.least(boxes[i - 1].bottom - 1);
        });
      }
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    // An English title is turned on its side, inside its cell too.
    const en = await mount(englishFormFeed({ mode: 'print' }));
    en.lang = 'en';
    await paperWith(en, { description: VALID.description, delivery: 'post' });
    await emulateMedia({ media: 'print' });
    try {
      const th = $$(en, '[part="paper"] th[rowspan]')[1];
      expect(th.textContent!.trim()).to.equal('The information you want');
      const [cell, text] = [th.getBoundingClientRect(), th.firstElementChild!.getBoundingClientRect()];
      expect(getComputedStyle(th.firstElementChild!).writingMode).to.equal('vertical-rl');
      expect(text.height).to.be.above(text.width * 4);
      expect([text.left >= cell.left, text.right <= cell.right, text.top >= cell.top, text.bottom <= cell.bottom]).to.deep.equal([true, true, true, true]);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('a long unbroken answer (a URL) wraps in its own cell on A4; the labels keep their words whole', async () => {
    const feed = englishFormFeed({ mode: 'print' });
    (feed.sections as { fields: { maxLength?: number }[] }[])[1].fields[0].maxLength = 1000;
    const el = await mount(feed);
    el.style.display = 'block';
    el.style.width = '680px';
    const url = `https://example.gov.cn/${'a'.repeat(300)}`;
    await paperWith(el, { description: url, delivery: 'post' });
    await emulateMedia({ media: 'print' });
    try {
      expect(pastRightEdge(el, '[part="paper"] table *')).to.deep.equal([]);
      expect(shadowText(el, '[part="paper"] table').replace(/\s/g, '')).to.contain(url);
      const cut: string[] = [];
      for (const th of $$(el, '[part="paper"] th[scope="row"]')) {
        const node = th.firstChild!.nodeType === Node.TEXT_NODE ? th.firstChild! : th.querySelector('span')?.firstChild ?? th.firstChild!;
        if (node.nodeType !== Node.TEXT_NODE) continue;
        for (const m of (node as Text).data.matchAll(/[A-Za-z]{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) cut.push(m[0]);
        }
      }
      expect(cut, 'label words cut across lines').to.deep.equal([]);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('dark mode prints black on white: the office address and the help are not the dark theme’s light grey', async () => {
    const el = await paper({ theme: 'dark' });
    await emulateMedia({ media: 'print' });
    try {
      for (const sel of ['[part="paper"] .help', '[part="paper"] td', '#paper-h']) {
        expect(getComputedStyle($(el, sel)).color, sel).to.equal('rgb(0, 0, 0)');
      }
      expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<request-form> language of parts (WCAG 3.1.2)', () => {
  async function mountIn(lang: string, feed: unknown): Promise<El> {
    const url = await storeFeed(feed);
    const el = await fixture<El>(html`<request-form src=${url} lang=${lang} persist="session"></request-form>`);
    await el.loaded;
    return el;
  }
  /** The elements of the shadow root with a lang of their own, but for the feed warnings' details (always English). */
  /** The parts marked with a language of their own: the root declares the UI's, and the warnings are in English. */
  const marked = (el: El) => $$(el, '[lang]').filter((e) => e.getAttribute('part') != 'base' && !e.closest('[part~="warning"]'));
  const zh = (feed: Record<string, unknown>) => ({ ...feed, lang: 'zh-CN' });
  /** The applicant's own answers, typed in English: they are shown in the UI's language (English here). */
  const EN_STEP1 = { name: 'Zhang San', idNumber: VALID.idNumber, mobile: VALID.mobile };
  const EN_DESCRIPTION = 'Road budget 2025';

  it('English UI on a feed in zh-CN: every step, the errors, the count announcement, the review and the receipt mark the feed text zh-CN', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }]);
    const el = await mountIn('en', zh(formFeed({ mode: 'api', endpoint, encoding: 'json' })));
    expect(misLanguaged(el), 'first step').to.deep.equal([]);
    expect($(el, 'header .agency').getAttribute('lang')).to.equal('zh-CN');
    expect($(el, 'header h2').hasAttribute('lang')).to.equal(false);
    await expectAccessible(el);
    // The applicant-type question is ours when the feed does not ask it itself: its label is English, the types are not.
    await next(el);
    expect(shadowText(el, '[part="error-summary"] li')).to.equal('Select “Type of applicant”.');
    expect(misLanguaged(el), 'type not chosen').to.deep.equal([]);
    await fill(el, { applicantType: 'naturalPerson', email: 'zhang' });
    await next(el);
    const links = $$(el, '[part="error-summary"] a').map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['Enter “姓名”.', 'Enter “证件号码”.', 'Enter “手机号码”.', '“电子邮箱” must be an email address, like name@example.com.']);
    expect(shadowText(el, '#f-name-error')).to.equal('Error: Enter “姓名”.');
    expect($(el, '#f-name-error span[lang="zh-CN"]').textContent).to.equal('姓名');
    expect(misLanguaged(el), 'errors of step 1').to.deep.equal([]);
    await expectAccessible(el);
    await fill(el, { ...EN_STEP1, email: 'zhang@example.com' });
    await next(el);
    // Typed without leaving the field: 4 characters left, announced with the field's label once typing pauses.
    const ta = $<HTMLTextAreaElement>(el, '#f-description');
    ta.value = EN_DESCRIPTION;
    ta.dispatchEvent(new Event('input'));
    const live = $(el, '[role="status"][aria-live="polite"]');
    await waitUntil(() => live.textContent!.includes('4 characters remaining'), 'counter announcement', 4000);
    expect(misLanguaged(el), 'step 2 and the announcement').to.deep.equal([]);
    await fill(el, { description: EN_DESCRIPTION, delivery: 'email' });
    await next(el);
    await next(el);
    expect(shadowText(el, '[part="error-summary"] li')).to.equal('Read and tick “我承诺所填信息真实”.');
    expect(misLanguaged(el), 'errors of step 3').to.deep.equal([]);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('Check your answers');
    const rows = $$(el, '.answers > div').map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]);
    expect(rows).to.deep.include.members([['Type of applicant', '公民'], ['姓名', 'Zhang San'], ['获取方式', '电子邮件'], ['我承诺所填信息真实', 'Ticked']]);
    expect(misLanguaged(el), 'review').to.deep.equal([]);
    await expectAccessible(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(misLanguaged(el), 'receipt').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('English UI on a feed in zh-CN: the paper form (print mode) marks the agency, sections, labels, options and office zh-CN', async () => {
    const el = await mountIn('en', zh(formFeed({ mode: 'print' })));
    await fill(el, { applicantType: 'naturalPerson', ...EN_STEP1 });
    await next(el);
    await fill(el, { description: EN_DESCRIPTION, delivery: 'post' });
    await next(el);
    await chooseFile(el, 'idProof', [pdf()]);
    await fill(el, { declaration: true });
    await next(el);
    await next(el);
    await focusedIn(el, '#paper-h');
    expect(shadowText(el, '#paper-h')).to.equal('Application for government information to 测试区人民政府办公室');
    expect($(el, '#paper-h span').getAttribute('lang')).to.equal('zh-CN');
    expect(printed($(el, '[part="paper"] table'))).to.contain('☑ 公民').and.contain('☑ 邮寄').and.contain('id.pdf (enclosed)');
    expect(misLanguaged(el), 'paper form').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('zh-CN UI on a feed in English: the first step, the errors and the review mark the feed text en', async () => {
    const el = await mountIn('zh-CN', englishFormFeed());
    expect(misLanguaged(el), 'first step').to.deep.equal([]);
    expect($(el, 'header .agency').getAttribute('lang')).to.equal('en');
    await fill(el, { applicantType: 'naturalPerson' });
    expect(misLanguaged(el), 'first step, with the citizen’s fields').to.deep.equal([]);
    await next(el);
    const links = $$(el, '[part="error-summary"] a').map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['请填写“Name”。', '请填写“ID number”。', '请填写“Mobile number”。']);
    expect(misLanguaged(el), 'errors').to.deep.equal([]);
    await expectAccessible(el);
    // The answers are typed in Chinese, the UI's language.
    await fill(el, STEP1);
    await next(el);
    await fill(el, { description: VALID.description, delivery: 'email', carrier: 'paper' });
    await fill(el, { carrier: 'file' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect(shadowText(el, '[part="review"]')).to.contain('By email').and.contain('张三');
    // The feed's options are joined as the feed's language joins them (not with the Chinese 、).
    expect(shadowText(el, '[part="review"]')).to.contain('Paper, Electronic file');
    expect(misLanguaged(el), 'review').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('same language (zh-CN UI, zh-CN feed): no lang attributes in any state; switched to English, the feed text is marked', async () => {
    const el = await mountIn('zh-CN', zh(formFeed({ mode: 'print' })));
    expect(marked(el), 'first step').to.deep.equal([]);
    await next(el);
    expect(marked(el), 'error summary').to.deep.equal([]);
    // Answers in English, the language the element is switched to at the end (where they are shown in it).
    await fill(el, { applicantType: 'naturalPerson', ...EN_STEP1 });
    await next(el);
    await fill(el, { description: EN_DESCRIPTION, delivery: 'post' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    expect(stepTitle(el)).to.equal('核对申请信息');
    expect(marked(el), 'review').to.deep.equal([]);
    await next(el);
    await focusedIn(el, '#paper-h');
    expect(marked(el), 'paper form').to.deep.equal([]);
    el.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el, '#paper-h').startsWith('Application'), 'English UI');
    expect(marked(el).length).to.be.greaterThan(0);
    expect(misLanguaged(el), 'paper form in English').to.deep.equal([]);
  });
});

describe('<request-form> odd answers and flaky connections', () => {
  it('a 2xx answer without a receipt (a Wi-Fi login page the request was redirected to, a proxy) is not taken for one: the application is sent again; redirected every time, it is the connection to check', async () => {
    const portal = await storeFeed('<html><body>请登录 Wi-Fi</body></html>', { type: 'text/html' });
    const login = { status: 302, headers: { Location: portal }, body: '' };
    let { el, endpoint } = await api([login, { status: 200, body: { ok: true } }, { status: 201, body: RECEIPT }]);
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    expect(shadowText(el, '.code')).to.equal('AB12-CD34');
    let reqs = (await requestsTo(endpoint)).filter((r) => r.method === 'POST');
    expect(reqs.length).to.equal(3);
    expect(new Set(reqs.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    fixtureCleanup();
    sessionStorage.clear();
    ({ el, endpoint } = await api([login]));
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, ALERT), 'failed', 8000);
    expect(shadowText(el, ALERT)).to.contain('请检查网络连接').and.not.contain('网上申请服务工作不正常');
    reqs = (await requestsTo(endpoint)).filter((r) => r.method === 'POST');
    expect(reqs.length, 'the first attempt and the three automatic retries').to.equal(4);
    expect(new Set(reqs.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('the submission address answering 200 with a web page of its own (not redirected: a wrong endpoint’s home page, an app’s fallback page): sent again once, with the same key; then the service is said not to work, not the connection; the answers kept, 重新提交, whom to contact, 生成申请表; focus stays on 提交申请', async () => {
    const HOME = { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>君山区人民政府</title></head><body><h1>首页</h1></body></html>' };
    const { el, endpoint } = await reviewed([HOME, HOME, { status: 201, body: RECEIPT }]);
    el.retryDelays = [30, 30, 30];
    const send = $(el, '#send') as HTMLButtonElement;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, ALERT), 'the failure', 8000);
    const alert = shadowText(el, `${ALERT} [role="alert"]`);
    expect(alert).to.equal('网上申请服务工作不正常，没有接受这次提交，这不是您的网络或填写的问题。申请已保留在本页：请稍后再点击“重新提交”，或与本机关联系，或点击“生成申请表”，打印后邮寄或当面提交。');
    // The office's details follow the alert in the panel (not read out with it), and the paper form.
    expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
    expect($$(el, `${ALERT} button`).map((b) => b.textContent!.trim())).to.deep.equal(['生成申请表']);
    expect($$(el, '.actions button').map((b) => b.textContent!.trim())).to.deep.equal(['上一步', '重新提交', '提交申请']);
    expect(shadowText(el, '[part="review"]')).to.contain(VALID.idNumber);
    expect(el.shadowRoot!.activeElement, 'focus stays on 提交申请').to.equal(send);
    expect(send.getAttribute('aria-disabled')).to.equal('false');
    await expectAccessible(el);
    let reqs = (await requestsTo(endpoint)).filter((r) => r.method === 'POST');
    expect(reqs.length, 'the first attempt and one automatic retry').to.equal(2);
    expect(reqs[1].headers['idempotency-key']).to.equal(reqs[0].headers['idempotency-key']);
    expect(reqs[1].body).to.equal(reqs[0].body);
    el.lang = 'en';
    await waitUntil(() => shadowText(el, ALERT).includes('The online application service is not working properly'), 'in English');
    expect(shadowText(el, ALERT)).to.contain('not a problem with your connection').and.not.contain('Check your connection');
    // 重新提交, later: the same application, the same key.
    $$(el, '.actions button').find((b) => b.textContent!.trim() === 'Send again')!.click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
    reqs = (await requestsTo(endpoint)).filter((r) => r.method === 'POST');
    expect(reqs.length).to.equal(3);
    expect(new Set(reqs.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('a 4xx web page (a firewall’s block page, a 404 page) is not a refusal of the answers: the service is said not to work, 提交申请 stays available, no automatic retry; 重新提交 sends the same key', async () => {
    const WAF = '<html><head><title>403 Forbidden</title></head><body><h1>您的访问被拦截</h1><p>事件编号 8f2c</p></body></html>';
    for (const status of [403, 404]) {
      const { el, endpoint } = await reviewed([{ status, type: 'text/html', body: WAF }, { status: 201, body: RECEIPT }]);
      await next(el);
      await waitUntil(() => $(el, ALERT), `the failure (${status})`);
      const alert = shadowText(el, ALERT);
      expect(alert).to.contain('网上申请服务工作不正常，没有接受这次提交，这不是您的网络或填写的问题。');
      // Not: 内容不变，再次提交也不会被接受；修改任一项后才能再次提交.
      expect(alert).to.not.contain('内容不变').and.not.contain('修改任一项').and.not.contain('提交未成功');
      const send = $(el, '#send');
      expect(send.getAttribute('aria-disabled')).to.equal('false');
      expect(send.hasAttribute('aria-describedby')).to.equal(false);
      expect(contactOf(el, ALERT)).to.deep.equal(CONTACT_ZH);
      expect($$(el, `${ALERT} button`).map((b) => b.textContent!.trim())).to.deep.equal(['生成申请表']);
      await expectAccessible(el);
      await new Promise((r) => setTimeout(r, 200));
      expect((await requestsTo(endpoint)).length, 'no automatic retry').to.equal(1);
      $$(el, '.actions button').find((b) => b.textContent!.trim() === '重新提交')!.click();
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
      const reqs = await requestsTo(endpoint);
      expect(reqs.length).to.equal(2);
      expect(reqs[1].headers['idempotency-key']).to.equal(reqs[0].headers['idempotency-key']);
      fixtureCleanup();
      sessionStorage.clear();
    }
  });

  it('a receipt whose receivedAt is not a time we can read (epoch milliseconds, 2026年9月30日): shown, with a due date', async () => {
    for (const receivedAt of [1790733600000, '2026年9月30日 10:00', undefined]) {
      const { el } = await api([{ status: 201, body: { ...RECEIPT, receivedAt, dueDate: undefined } }]);
      await toReview(el);
      await next(el);
      await waitUntil(() => $(el, '[part="receipt"]'), `receipt (receivedAt ${receivedAt})`);
      expect(shadowText(el, '.code')).to.equal('AB12-CD34');
      expect(shadowText(el, '[part="receipt"] .answers')).to.match(/答复期限\d{4}年\d+月\d+日/);
      sessionStorage.clear();
    }
  });

  it('重新提交 pressed from the keyboard: focus stays in the form (on 提交申请) while the button goes away, also on an automatic retry', async () => {
    const { el, endpoint } = await api([{ status: 503, body: {} }]);
    el.retryDelays = [];
    await toReview(el);
    await next(el);
    await waitUntil(() => $(el, '.panel[part="send-status"]'), 'failed');
    await scriptEndpoint([{ status: 503, body: {}, delay: 300 }, { status: 201, body: RECEIPT, delay: 300 }], endpoint.split('/').pop());
    el.retryDelays = [100];
    const retry = () => $$(el, 'form button').find((b) => b.textContent!.trim() === '重新提交');
    retry()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('正在提交'), 'sending');
    await el.updateComplete;
    expect(retry()).to.equal(undefined);
    await focusedIn(el, 'form .btn.primary');
    // Waiting for the automatic retry, the applicant tabs to 重新提交; the retry starts by itself.
    await waitUntil(() => retry(), 'retry button again');
    retry()!.focus();
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('正在提交'), 'sending again');
    await focusedIn(el, 'form .btn.primary');
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
  });

  it('复制查询码 where the page may not write to the clipboard (an http page, permission refused): not said to be copied; the code is selected', async () => {
    for (const clipboard of [undefined, { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }]) {
      const { el } = await api([{ status: 201, body: RECEIPT }]);
      await toReview(el);
      await next(el);
      await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
      try {
        $$(el, '[part="receipt"] button').find((b) => b.textContent!.trim() === '复制查询码')!.click();
        await waitUntil(() => shadowText(el, '[aria-live="polite"]'), 'announcement');
        expect(shadowText(el, '[aria-live="polite"]')).to.contain('请手动复制');
        expect(shadowText(el, '[aria-live="polite"]')).to.not.contain('已复制');
        expect(getSelection()!.toString()).to.equal('AB12-CD34');
      } finally {
        delete (navigator as unknown as Record<string, unknown>).clipboard;
        getSelection()!.removeAllRanges();
        sessionStorage.clear();
      }
    }
  });

  it('English: one character, one second (not “1 characters”, “in 1 seconds”)', async () => {
    const endpoint = await scriptEndpoint([{ status: 503, body: {} }, { status: 201, body: RECEIPT }]);
    const url = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    const el = await fixture<El>(html`<request-form src=${url} lang="en"></request-form>`);
    await el.loaded;
    el.retryDelays = [1000];
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    await fill(el, { description: '一二三四五六七八九十一二三四五六七八九' });
    expect(shadowText(el, '#f-description-count')).to.equal('You have 1 character remaining');
    await fill(el, { description: '一二三四五六七八九十一二三四五六七八九十一' });
    expect(shadowText(el, '#f-description-count')).to.equal('You have 1 character too many');
    await fill(el, { description: VALID.description, delivery: 'email' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    await next(el);
    await waitUntil(() => shadowText(el, '[part="send-status"]').includes('try again'), 'retry announced');
    expect(shadowText(el, '[part="send-status"]')).to.contain('try again in 1 second (attempt 1)');
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt');
  });
});
