// "Trojan Source" in feed text: Unicode bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069
// isolates, U+200E/U+200F/U+061C marks) in a feed's strings must not reorder what the reader sees: the feed's own text
// or the UI text, numbers and dates laid out after it.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { scriptEndpoint, storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { BIDI, parseJson } from '../src/core/json.js';
import { $, chooseFile, fill, formFeed, next } from './request-fixtures.js';

const RLO = '\u202E';
const RLI = '\u2067';
const RLM = '\u200F';
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * The lines of an element's shadow DOM whose characters are not laid out left to right in the order they are written,
 * each as "written → seen": what a reader would see reversed. Characters are placed with Range.getClientRects().
 */
function reorderedLines(el: Element): string[] {
  const chars: { ch: string; x: number; y: number; h: number; cell: Element | null }[] = [];
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!;
    // Text for screen readers only (a 1 px clipped box, such as the "错误：" before a message) is not seen.
    const box = node.parentElement!.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    // Table cells side by side are separate paragraphs (a header wrapped over two lines is beside the next one).
    const cell = node.parentElement!.closest('td, th');
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (/\s/.test(ch) || BIDI_CONTROLS.test(ch) || /[\uD800-\uDFFF]/.test(ch)) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getClientRects()[0];
      if (r && r.width > 0) chars.push({ ch, x: r.left, y: r.top + r.height / 2, h: r.height, cell });
    }
  }
  const lines: (typeof chars)[] = [];
  for (const c of chars) {
    const line = lines[lines.length - 1];
    const last = line?.[line.length - 1];
    if (last && last.cell === c.cell && Math.abs(last.y - c.y) < c.h / 2) line.push(c);
    else lines.push([c]);
  }
  return lines
    .map((line) => [line.map((c) => c.ch).join(''), [...line].sort((a, b) => a.x - b.x).map((c) => c.ch).join('')])
    .filter(([written, seen]) => written !== seen)
    .map(([written, seen]) => `${written} → ${seen}`);
}

const shownText = (el: Element) => el.shadowRoot!.textContent!;

describe('bidirectional controls in feed text', () => {
  it('the parser drops exactly the Bidi_Control characters, written or escaped, and nothing else', () => {
    // The shipped class is written out for speed; it must be \p{Bidi_C}, no more and no less, over the whole BMP.
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (/\p{Bidi_C}/u.test(ch) !== new RegExp(BIDI.source).test(ch)) differ.push(c.toString(16));
    }
    expect(differ).to.deep.equal([]);
    expect(parseJson(`{"a":"x${RLO}y\\u2067z${RLM}","b":["\\u202e1","\\u2014"]}`)).to.deep.equal({ a: 'xyz', b: ['1', '—'] });
    // A written-out backslash before "u202e" is text, not an escape: it stays.
    expect(parseJson('{"a":"\\\\u202e"}')).to.deep.equal({ a: '\\u202e' });
  });

  it('<disclosure-catalogue>: a title, publisher or label cannot reorder what follows it', async () => {
    const feed = smallCatalogue() as { title: string; publisher: { name: string }; items: { title: string; docNo?: string }[];
      categories: { label: string }[]; facets: { publisher: { label: string }[] } };
    feed.title = `测试${RLO}目录 2013年`;
    feed.publisher.name = `测试县${RLI}人民政府`;
    feed.items[0].title = `关于做好${RLO}春季农业生产工作的通知`;
    feed.items[0].docNo = `君政发${RLM}〔2013〕5号`;
    feed.categories[0].label = `政务${RLO}信息`;
    feed.facets.publisher[0].label = `县${RLO}政府`;
    // One of them written as a JSON escape, as JSON encoders that escape all but ASCII write it.
    const text = JSON.stringify(feed).replace(RLI, '\\u2067');
    expect(text).to.contain('测试县\\u2067人民政府');
    const el = await fixture(html`<disclosure-catalogue src=${await storeFeed(text)} no-url-state></disclosure-catalogue>`);
    await (el as unknown as { loaded: Promise<void> }).loaded;
    await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(reorderedLines(el)).to.deep.equal([]);
    expect(shownText(el)).to.contain('关于做好春季农业生产工作的通知');
    expect(shownText(el)).to.contain('测试县人民政府');
    expect(shownText(el)).not.to.match(BIDI_CONTROLS);
  });

  it('<annual-stats>: a publisher name or a custom figure’s label cannot reorder what follows it', async () => {
    const feed = await (await fetch('/demo/feeds/annual/2022.json')).json();
    feed.publisher.name = `君山区${RLO}人民政府`;
    feed.title = `${feed.title}${RLO} 2022`;
    for (const c of feed.custom ?? []) c.label = `${RLO}${c.label}`;
    for (const g of feed.groups ?? []) g.label = `${RLO}${g.label}`;
    expect((feed.custom ?? []).length).to.be.greaterThan(0);
    const el = await fixture(html`<annual-stats src=${await storeFeed(feed)} lang="zh-CN" no-charts no-url-state></annual-stats>`);
    await (el as unknown as { loaded: Promise<void> }).loaded;
    await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(reorderedLines(el)).to.deep.equal([]);
    expect(shownText(el)).not.to.match(BIDI_CONTROLS);
  });

  it('<request-form>: a field label or the agency name cannot reorder the error messages, numbers and examples after it', async () => {
    const feed = formFeed() as { agency: { name: string; office: Record<string, string> };
      sections: { title: string; fields: { label: string; help?: string }[] }[] };
    feed.agency.name = `测试区${RLO}人民政府办公室`;
    feed.agency.office.phone = `${RLO}0730-8888 1234`;
    feed.sections[0].fields[0].label = `姓${RLO}名`;
    feed.sections[0].fields[1].help = `18 位${RLO}居民身份证号码`;
    feed.sections[0].fields[3].label = `手机号码${RLO}`;
    feed.sections[0].fields[4].label = `电子邮箱${RLM}`;
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<request-form src=${await storeFeed(feed)} lang="zh-CN"></request-form>`);
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson', mobile: '1381234', email: 'x@' });
    await next(el);
    // “手机号码”应为 11 位手机号码，例如 13812345678。
    expect($(el, '#f-mobile-error').textContent).to.contain('13812345678');
    expect(reorderedLines(el)).to.deep.equal([]);
    expect(shownText(el)).not.to.match(BIDI_CONTROLS);
  });

  it('<request-status>: a status note from the server cannot reorder the history or dates after it', async () => {
    const endpoint = await scriptEndpoint([{
      status: 200,
      body: {
        queryCode: 'AB12-CD34', status: 'extended', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29',
        history: [
          { status: 'received', at: '2026-09-01T02:00:00Z', note: `已${RLO}受理 2026-09-01` },
          { status: 'extended', at: '2026-09-25T03:00:00Z', note: `需要调取档案${RLO} 延期 20 个工作日` },
        ],
      },
    }]);
    const feed = formFeed({ mode: 'print' }, endpoint) as { agency: { name: string } };
    feed.agency.name = `测试区${RLO}人民政府办公室`;
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<request-status src=${await storeFeed(feed)} query-code="AB12-CD34" lang="zh-CN" today="2026-10-12"></request-status>`);
    await el.loaded;
    const name = $<HTMLInputElement>(el, '#name');
    name.value = '张三';
    name.dispatchEvent(new Event('input'));
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="result"]'), 'result');
    await el.updateComplete;
    expect(reorderedLines(el)).to.deep.equal([]);
    expect(shownText(el)).to.contain('延期 20 个工作日');
    expect(shownText(el)).not.to.match(BIDI_CONTROLS);
  });
});

// Right-to-left feed text (Uyghur in Arabic script, from portals in Xinjiang; Arabic or Hebrew names elsewhere) laid out
// inline in the UI's left-to-right text: each run of it is isolated (dir="auto"), so that it reads right to left within
// itself and the UI's punctuation and numbers around it keep their side.
const UG = 'ئۇيغۇر تىلى';
/** A request form on `feed`, with the applicant's type and details entered: on the second step. */
async function formAtStep2(feed: ReturnType<typeof formFeed>) {
  const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
    html`<request-form src=${await storeFeed(feed)} lang="zh-CN"></request-form>`);
  await el.loaded;
  await fill(el, { applicantType: 'naturalPerson' });
  await fill(el, { name: '张三', idNumber: '11010519491231002X', mobile: '13812345678' });
  await next(el);
  return el;
}

/** The box of the characters `from`–`to` of the first text node under `el` that holds `text`. */
function boxOf(el: Element, text: string, part = text): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + text.indexOf(part));
    range.setEnd(node, at + text.indexOf(part) + part.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`no text ${text}`);
}
const rtl = (el: Element | null) => !!el && el.matches(':dir(rtl)');

describe('right-to-left feed text', () => {
  it('<disclosure-catalogue>: an Uyghur title, label or publisher is isolated; the counts and UI text around it keep their side', async () => {
    const feed = smallCatalogue() as { publisher: { name: string }; items: { title: string }[];
      categories: { label: string }[]; facets: { publisher: { label: string }[] } };
    // “2024-year …”: the year is read first, at the right of the title.
    const title = `2024-يىلى ${UG}`;
    feed.publisher.name = UG;
    feed.items[0].title = title;
    feed.categories[3].label = UG;
    feed.facets.publisher[0].label = UG;
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<disclosure-catalogue src=${await storeFeed(feed)} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const root = el.shadowRoot!;
    root.querySelector<HTMLElement>('[role="treeitem"][data-id="wj"]')!.click();
    await el.updateComplete;
    const base = root.querySelector('[part="base"]')!;
    expect(base.matches(':dir(ltr)')).to.equal(true);
    const runs = [...root.querySelectorAll('span')].filter((s) => s.childElementCount == 0 && s.textContent!.includes(UG));
    // The publisher line, the item title, the tree item, the facet label and the chip.
    expect(runs.map((s) => s.closest('.publisher, h3, [role="treeitem"], .facet, .chips')?.className || s.closest('h3, [role="treeitem"]')?.tagName))
      .to.have.members(['publisher', 'H3', 'LI', 'facet', 'chips']);
    for (const s of runs) {
      expect(rtl(s), s.outerHTML).to.equal(true);
      expect(s.parentElement!.matches(':dir(ltr)'), s.outerHTML).to.equal(true);
    }
    // The title's year is at its right, where a right-to-left reader starts.
    const h3 = root.querySelector('.item h3')!;
    expect(boxOf(h3, title, '2024').left).to.be.greaterThan(boxOf(h3, title, UG).right - 1);
    // The facet's count stays at the right of its label, the chip's “×” at the right of the value and its name at the left.
    const facet = runs.find((s) => s.closest('.facet'))!.closest('label')!;
    expect(facet.querySelector('.count')!.getBoundingClientRect().left).to.be.greaterThan(boxOf(facet, UG).right - 1);
    const chip = runs.find((s) => s.closest('.chips'))!.closest('button')!;
    expect(boxOf(chip, '×').left).to.be.greaterThan(boxOf(chip, UG).right - 1);
    expect(boxOf(chip, '栏目').right).to.be.lessThan(boxOf(chip, UG).left + 1);
  });
  it('<annual-stats>: an Uyghur publisher name in “发布机构：…” is isolated', async () => {
    const feed = await (await fetch('/demo/feeds/annual/2022.json')).json();
    feed.publisher.name = UG;
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<annual-stats src=${await storeFeed(feed)} lang="zh-CN" no-charts no-url-state></annual-stats>`);
    await el.loaded;
    await el.updateComplete;
    const run = [...el.shadowRoot!.querySelectorAll('span')].find((s) => s.textContent === UG)!;
    expect(run.parentElement!.textContent).to.equal(`发布机构：${UG}`);
    expect(rtl(run)).to.equal(true);
    expect(run.parentElement!.matches(':dir(ltr)')).to.equal(true);
  });

  it('<request-form>: an Uyghur agency name in the paper form’s title and office details is isolated', async () => {
    const feed = formFeed() as { agency: { name: string; office: Record<string, string> };
      sections: { fields: { label: string; options?: { label: string }[] }[] }[] };
    feed.agency.name = UG;
    feed.agency.office.address = UG;
    // 获取方式: by post (پوچتا), by e-mail (ئېلخەت), each ticked or not on paper.
    feed.sections[1].fields[1].label = UG;
    feed.sections[1].fields[1].options!.forEach((o, i) => (o.label = ['پوچتا', 'ئېلخەت'][i]));
    const el = await formAtStep2(feed);
    await fill(el, { description: '2025年道路维修经费', delivery: 'email' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    $(el, '#send').click();
    await waitUntil(() => $(el, '[part="paper"]'), 'the paper form');
    const h = $(el, '#paper-h');
    expect(h.textContent).to.contain(`${UG}政府信息公开申请表`);
    expect(rtl(h.querySelector('span'))).to.equal(true);
    expect(h.matches(':dir(ltr)')).to.equal(true);
    const dd = [...el.shadowRoot!.querySelectorAll('[part="paper"] [part="office"] dd')].find((d) => d.textContent === UG)!;
    expect(rtl(dd)).to.equal(true);
    const paper = $(el, '[part="paper"]');
    const runs = [...paper.querySelectorAll('span')].filter((s) => ['پوچتا', 'ئېلخەت', UG].includes(s.textContent!));
    // The title, the two choices (☐/☑ each) and the agency in the line under the form.
    expect(runs.map((s) => s.textContent)).to.deep.equal([UG, 'پوچتا', 'ئېلخەت', UG]);
    for (const s of runs) expect(rtl(s), s.textContent!).to.equal(true);
    expect(rtl(runs[1].parentElement)).to.equal(false);
  });
});

// Feed text in an attribute (an aria-label among the UI's words) cannot carry dir="auto": it is
// wrapped in U+2068 FSI … U+2069 PDI when it holds right-to-left letters (other text is left as it is, so the names of
// Chinese or English labels do not change). An <option> whose text is all feed text gets dir="auto", which Chromium
// honours in the closed picker and its list. What a reader is shown is checked by laying the attribute out in a
// left-to-right line, as a braille display or an accessibility viewer shows it.
const YEAR_UG = `2024-يىلى ${UG}`;
/** `text` laid out in a left-to-right paragraph of the page: the boxes of its parts. */
function laidOut(text: string, rtl = UG) {
  const p = document.createElement('p');
  p.dir = 'ltr';
  p.textContent = text;
  document.body.append(p);
  const at = (part: string) => boxOf(p, text, part);
  return { at, yearAtRight: at('2024').left > at(rtl).right - 1, remove: () => p.remove() };
}

describe('a right-to-left page (an Uyghur-language portal, <html dir="rtl">)', () => {
  it('the Chinese UI stays left to right: the search box after its label, the counts and brackets in their order', async () => {
    const box = document.body.appendChild(document.createElement('div'));
    box.dir = 'rtl';
    try {
      const el = document.createElement('disclosure-catalogue') as HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> };
      el.setAttribute('lang', 'zh-CN');
      el.setAttribute('no-url-state', '');
      el.setAttribute('src', await storeFeed(smallCatalogue()));
      box.append(el);
      await el.loaded;
      await el.updateComplete;
      const root = el.shadowRoot!;
      expect(reorderedLines(el)).to.deep.equal([]);
      expect(root.querySelector('form.search label')!.getBoundingClientRect().right).to.be.lessThan(root.querySelector('#q')!.getBoundingClientRect().left + 1);
    } finally {
      box.remove();
    }
  });
});

describe('right-to-left feed text in attributes and options', () => {
  it('<disclosure-catalogue>: the chip’s and the “details” button’s names isolate an Uyghur value or title: its year stays at its right', async () => {
    const feed = smallCatalogue() as { items: { title: string }[]; categories: { label: string }[] };
    feed.items[0].title = YEAR_UG;
    feed.categories[3].label = YEAR_UG;
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<disclosure-catalogue src=${await storeFeed(feed)} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const names = [...root.querySelectorAll('.item .actions button')].map((b) => b.getAttribute('aria-label')!);
    const details = [names.find((n) => n.includes(UG))!, names.find((n) => n.includes(feed.items[1].title))!];
    root.querySelector<HTMLElement>('[role="treeitem"][data-id="wj"]')!.click();
    await el.updateComplete;
    const chip = root.querySelector('.chips button')!.getAttribute('aria-label')!;
    for (const name of [details[0], chip]) {
      const line = laidOut(name);
      try {
        expect(line.yearAtRight, name).to.equal(true);
      } finally {
        line.remove();
      }
    }
    expect(details[0]).to.equal(`\u2068${YEAR_UG}\u2069 的详细信息`);
    expect(chip).to.equal(`取消条件：栏目分类：\u2068${YEAR_UG}\u2069`);
    // A Chinese title's name is as it was.
    expect(details[1]).to.equal(`${feed.items[1].title} 的详细信息`);
  });

  it('<disclosure-catalogue>: a title in a right-to-left script beyond the BMP (Adlam, Hanifi Rohingya) is isolated in the “details” button’s name too', async () => {
    const feed = smallCatalogue() as { items: { title: string }[] };
    // Adlam (U+1E900…, written for Fulani) and Hanifi Rohingya (U+10D00…): UTF-16 surrogate pairs, strong right to left.
    const scripts = ['\u{1E900}\u{1E923}\u{1E924}\u{1E922}\u{1E925}', '\u{10D00}\u{10D01}\u{10D02}\u{10D03}'];
    scripts.forEach((w, i) => (feed.items[i].title = `2024 ${w}`));
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<disclosure-catalogue src=${await storeFeed(feed)} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const names = [...el.shadowRoot!.querySelectorAll('.item .actions button')].map((b) => b.getAttribute('aria-label')!);
    for (const w of scripts) {
      const name = names.find((n) => n.includes(w))!;
      expect(name).to.equal(`\u2068${`2024 ${w}`}\u2069 的详细信息`);
      // Isolated, the title reads right to left within itself (its year at its right, as in the Uyghur test above), and
      // the UI's words stay after it; without the isolate the year stood at the left, as in a left-to-right line.
      const line = laidOut(name, w);
      try {
        expect(line.yearAtRight, name).to.equal(true);
        expect(line.at('的详细信息').left, name).to.be.greaterThan(Math.max(line.at(w).right, line.at('2024').right) - 1);
      } finally {
        line.remove();
      }
    }
  });

  it('<annual-stats>: an Uyghur custom figure in the trend picker reads right to left; the CSV button’s name isolates its group’s label', async () => {
    const year = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', lang: 'ug',
      custom: [{ key: 'cost', label: YEAR_UG, value: y - 2010, group: 'g' }, { key: 'visits', label: UG, value: y, group: 'g' }],
      groups: [{ id: 'g', label: YEAR_UG }] });
    const src = await storeFeed({ schemaVersion: 1, lang: 'ug', reports: [{ year: 2013, url: await year(2013) }, { year: 2014, url: await year(2014) }] });
    const el = await fixture<HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> }>(
      html`<annual-stats src=${src} lang="zh-CN" no-charts no-url-state></annual-stats>`);
    await el.loaded;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const select = await waitUntil(() => root.querySelector<HTMLSelectElement>('#trend-key'), 'the trend picker');
    expect(select.matches(':dir(ltr)')).to.equal(true);
    const options = [...select.options].filter((o) => o.text.includes(UG));
    expect(options.length).to.be.greaterThan(0);
    for (const o of options) expect(rtl(o), o.outerHTML).to.equal(true);
    // The table of the feed's group of figures: its CSV button is named by the group's label.
    const names = [...root.querySelectorAll('[part~="csv-button"]')].map((b) => b.getAttribute('aria-label')!).filter((n) => n.includes(YEAR_UG));
    expect(names).to.deep.equal([`CSV 下载（\u2068${YEAR_UG}\u2069）`]);
    for (const name of names) {
      const line = laidOut(name);
      try {
        expect(line.yearAtRight, name).to.equal(true);
      } finally {
        line.remove();
      }
    }
  });

  it('<request-form>: a file with an Uyghur name reads right to left in the list of chosen files, in its 移除 button’s name and in what is said when it is removed', async () => {
    const el = await formAtStep2(formFeed());
    await fill(el, { description: '2025年道路维修经费' });
    await next(el);
    const file = `${YEAR_UG}.pdf`;
    await chooseFile(el, 'idProof', [new File(['x'], file, { type: 'application/pdf' })]);
    const shown = el.shadowRoot!.querySelector('ul.files li bdi')!;
    expect(shown.textContent).to.equal(file);
    expect(shown.matches(':dir(rtl)'), 'the name is laid out right to left').to.equal(true);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('ul.files button')!;
    const name = button.getAttribute('aria-label')!;
    expect(name).to.equal(`移除 \u2068${file}\u2069`);
    button.click();
    await waitUntil(() => $(el, '[aria-live="polite"]').textContent!.includes('已移除'), 'the removal said aloud');
    const said = $(el, '[aria-live="polite"]').textContent!.trim();
    expect(said).to.equal(`已移除 \u2068${file}\u2069。`);
    for (const text of [name, said]) {
      const line = laidOut(text);
      try {
        expect(line.yearAtRight, text).to.equal(true);
      } finally {
        line.remove();
      }
    }
  });

  it('<request-form>: the options of a select read right to left when the feed’s are Uyghur; the review’s “修改：” names isolate the field’s label', async () => {
    const feed = formFeed() as { sections: { fields: { type: string; label: string; options?: { label: string }[] }[] }[] };
    const delivery = feed.sections[1].fields[1];
    delivery.type = 'select';
    delivery.label = YEAR_UG;
    delivery.options!.forEach((o, i) => (o.label = ['پوچتا', 'ئېلخەت'][i]));
    const el = await formAtStep2(feed);
    const select = $<HTMLSelectElement>(el, '#f-delivery');
    expect(select.matches(':dir(ltr)')).to.equal(true);
    expect([...select.options].map((o) => `${o.text} ${rtl(o) ? 'rtl' : 'ltr'}`)).to.deep.equal(['请选择 ltr', 'پوچتا rtl', 'ئېلخەت rtl']);
    await fill(el, { description: '2025年道路维修经费', delivery: 'email' });
    await next(el);
    await fill(el, { declaration: true });
    await next(el);
    const names = [...el.shadowRoot!.querySelectorAll('[part="review"] button')].map((b) => b.getAttribute('aria-label')!);
    const name = names.find((n) => n.includes(UG))!;
    expect(name).to.equal(`修改：\u2068${YEAR_UG}\u2069`);
    const line = laidOut(name);
    try {
      expect(line.yearAtRight, name).to.equal(true);
    } finally {
      line.remove();
    }
    expect(names).to.include('修改：内容描述');
  });
});
