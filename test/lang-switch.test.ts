// A language switch (the `lang` attribute, an ancestor's, the provider's) while something is about to be said, or is
// being said: what a screen reader user hears. Each test was seen failing on the code before its fix.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/request-status.js';
import '../src/request-form.js';
import '../src/annual-stats.js';
import type { AnnualStats } from '../src/annual-stats.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import type { RequestStatus } from '../src/request-status.js';
import type { RequestForm } from '../src/request-form.js';
import { expectAccessible, misLanguaged, scriptEndpoint, storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { $, answerToReview, fill, formFeed } from './request-fixtures.js';
import { catalogueStrings } from '../src/locales/catalogue.js';
import { annualStrings } from '../src/locales/annual.js';
import type { LocaleStrings } from '../src/core/locale.js';

type Updating = HTMLElement & { updateComplete: Promise<boolean> };

/**
 * What a screen reader says of a live region from now on: its text each time it changes to something, while it is live
 * (an `aria-live="off"` region, or text that does not change, says nothing).
 */
function heard(region: Element): string[] {
  const said: string[] = [];
  let last = (region.textContent ?? '').trim();
  new MutationObserver(() => {
    const text = (region.textContent ?? '').trim();
    if (text && text !== last && region.getAttribute('aria-live') !== 'off') said.push(text);
    last = text;
  }).observe(region, { subtree: true, childList: true, characterData: true, attributes: true });
  return said;
}

interface AXNode { role: string; name: string; live?: string; children?: AXNode[] }
/** Chromium's accessibility node of the status line that shows `text`: what a screen reader is told of it. */
async function statusNode(text: string): Promise<AXNode | undefined> {
  const find = (n: AXNode): AXNode | undefined =>
    n.role === 'status' && n.children?.some((c) => c.name === text) ? n : n.children?.map(find).find(Boolean);
  return find((await executeServerCommand('a11y-tree')) as AXNode);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setLang(el: Updating, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await sleep(0);
  await el.updateComplete;
}

/**
 * A first switch to `locale` (English unless told) on a slow network: `strings` (one element's string module) are as
 * if that language had not been downloaded yet (has() says no, get() answers with `other`, as Strings does for a locale
 * not loaded) and its download is held back until `done()` (the download comes) or `done(false)` (it fails, as does
 * every download tried again, until a `done()`).
 */
function holdLocale(strings: LocaleStrings, locale = 'en', other = 'zh-CN'): (ok?: boolean) => void {
  // (Over another hold of the same strings, in another locale: each passes the other's locale on to it, and once
  // released lets its own through too, whichever is released first.)
  const { has, get, load } = strings;
  const over = Object.hasOwn(strings, 'has');
  let settle!: (ok: boolean) => void;
  let released = false;
  const held = new Promise<boolean>((r) => (settle = r));
  const mine = {
    has: (l: string) => (released || l != locale) && has.call(strings, l as 'en'),
    get: (l: string) => get.call(strings, (!released && l == locale ? other : l) as 'en'),
    load: (l: string) => (!released && l == locale ? held.then((ok) => (ok ? load.call(strings, l as 'en') : Promise.reject(new Error('held back')))) : load.call(strings, l as 'en')),
  };
  Object.assign(strings, mine);
  return (ok = true) => {
    settle(ok);
    if (!ok) return;
    released = true;
    // On top: what was there before it (the hold under it, or the strings' own functions).
    if ((strings as unknown as typeof mine).has === mine.has) {
      if (over) Object.assign(strings, { has, get, load });
      else for (const k of ['has', 'get', 'load']) delete (strings as unknown as Record<string, unknown>)[k];
    }
  };
}

/** A catalogue in Chinese with a search typed: its count is to be said in 0.65 s. */
async function typed(): Promise<{ el: DisclosureCatalogue; said: string[]; count: number }> {
  const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(smallCatalogue())} lang="zh-CN" no-url-state></disclosure-catalogue>`);
  await el.loaded;
  const region = $(el, '.vh[aria-live="polite"]');
  await waitUntil(() => region.textContent!.includes('目录已加载'), 'the load said');
  const said = heard(region);
  const input = $<HTMLInputElement>(el, '#q');
  input.value = '工作';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return { el, said, count: el.shadowRoot!.querySelectorAll('.item').length };
}

describe('<disclosure-catalogue>: a sentence about to be said when the language is switched', () => {
  it('a result count typed just before the switch is said in the new language (3 results), not in the old (共找到 3 条信息)', async () => {
    const { el, said, count } = await typed();
    expect(count).to.be.above(1);
    // Within the pause before a count is said (the reader may still be typing).
    await setLang(el, 'en');
    await sleep(1000);
    expect(said).to.deep.equal([`${count} results`]);
    expect($(el, '.vh[aria-live="polite"]').textContent!.trim()).to.equal(`${count} results`);
  });

  it('the load of the feed, said a moment after the first rows: switched in that moment, it is said in the new language', async () => {
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(smallCatalogue())} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    const region = await waitUntil(() => el.shadowRoot!.querySelector('.vh[aria-live="polite"]'), 'the live region');
    const said = heard(region);
    await el.loaded;
    // The load is said 50 ms after the rest of the load (completeLoad): the switch comes before it.
    expect(region.textContent!.trim(), 'not said yet').to.equal('');
    await setLang(el, 'en');
    await sleep(400);
    expect(said).to.deep.equal(['Catalogue loaded: 4 entries.']);
  });
});

describe('<disclosure-catalogue>: a sentence about to be said at a first switch to a language still downloading', () => {
  it('a result count typed just before a switch to English, whose strings come 1.2 s later: said in English once they are there (3 results), never in Chinese', async () => {
    const done = holdLocale(catalogueStrings);
    try {
      const { el, said, count } = await typed();
      expect(count).to.be.above(1);
      el.setAttribute('lang', 'en');
      // Past the moment the count is due (0.65 s): the page still shows Chinese, the English strings still coming.
      await sleep(1200);
      expect($(el, '#filters').getAttribute('aria-label'), 'still Chinese').to.equal('筛选');
      expect(said, 'nothing said meanwhile').to.deep.equal([]);
      done();
      await sleep(0);
      await el.updateComplete;
      await sleep(200);
      expect($(el, '#filters').getAttribute('aria-label')).to.equal('Filters');
      expect(said).to.deep.equal([`${count} results`]);
    } finally {
      done();
    }
  });

  it('the English strings fail to download: nothing said in Chinese under lang="en"; once they come (the element tries again), the count is said in English', async () => {
    const done = holdLocale(catalogueStrings);
    try {
      const { el, said, count } = await typed();
      el.setAttribute('lang', 'en');
      await sleep(300);
      done(false);
      await sleep(1000);
      expect(said, 'nothing said meanwhile').to.deep.equal([]);
      // Meanwhile the page shows Chinese, and says so (WCAG 3.1.2): not read with an English voice.
      expect($(el, '#filters').getAttribute('aria-label')).to.equal('筛选');
      expect($(el, '[part="base"]').lang).to.equal('zh-CN');
      // The element tries the download again 3 s after the failure.
      done();
      await waitUntil(() => said.length, 'something said', 4000);
      await sleep(100);
      expect(said).to.deep.equal([`${count} results`]);
      expect($(el, '[part="base"]').lang).to.equal('en');
    } finally {
      done();
    }
  });
});

/** A report in Chinese showing 2021, then 2022 chosen, whose file comes `delay` ms later; what its live region says. */
async function chooseLate(delay: number): Promise<{ el: AnnualStats & Updating; said: string[] }> {
  const year = (y: number, delay = 0) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', custom: [{ key: 'a', label: '指标', value: y }] }, { delay });
  const index = { schemaVersion: 1, reports: [{ year: 2021, url: await year(2021) }, { year: 2022, url: await year(2022, delay) }] };
  const el = await fixture<AnnualStats & Updating>(html`<annual-stats src=${await storeFeed(index)} year="2021" lang="zh-CN" no-charts no-url-state></annual-stats>`);
  const region = await waitUntil(() => el.shadowRoot!.querySelector('select#year') && el.shadowRoot!.querySelector('.vh[aria-live="polite"]'), 'the year picker');
  const said = heard(region);
  const select = $<HTMLSelectElement>(el, 'select#year');
  select.value = '2022';
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  return { el, said };
}

describe('<annual-stats>: the language switched while a chosen year loads', () => {
  it('已显示2022年度报告, said once the year is shown, is said in the new language (Showing the 2022 report) when the switch came while 2022 loaded', async () => {
    const { el, said } = await chooseLate(1500);
    expect(el.shadowRoot!.querySelector('[part~="loading"]'), '2022 still loading').to.exist;
    await setLang(el, 'en');
    await el.loaded;
    await sleep(100);
    expect(said).to.deep.equal(['Showing the 2022 report']);
  });
});

describe('<annual-stats>: a year chosen just before a first switch to a language still downloading', () => {
  /** 2022 chosen (its file comes in 0.6 s) in Chinese, then English asked for, its strings held back. */
  async function chosen(): Promise<{ el: AnnualStats & Updating; said: string[] }> {
    const { el, said } = await chooseLate(600);
    el.setAttribute('lang', 'en');
    return { el, said };
  }

  it('its strings come after the year: 2022 is said once, in English (Showing the 2022 report)', async () => {
    const done = holdLocale(annualStrings);
    try {
      const { said } = await chosen();
      await sleep(1200);
      expect(said, 'nothing said meanwhile').to.deep.equal([]);
      done();
      await waitUntil(() => said.length, 'something said');
      await sleep(100);
      expect(said).to.deep.equal(['Showing the 2022 report']);
    } finally {
      done();
    }
  });

  it('its strings fail to download: nothing said in Chinese under lang="en"; once they come (the element tries again), 2022 is said in English', async () => {
    const done = holdLocale(annualStrings);
    try {
      const { said } = await chosen();
      await sleep(200);
      done(false);
      await sleep(1200);
      expect(said, 'nothing said meanwhile').to.deep.equal([]);
      done();
      await waitUntil(() => said.length, 'something said', 4000);
      await sleep(100);
      expect(said).to.deep.equal(['Showing the 2022 report']);
    } finally {
      done();
    }
  });
});

describe('<request-status>: the language switched while a lookup runs', () => {
  /** Types the sample code and name and presses 查询. */
  async function lookUp(el: RequestStatus & Updating): Promise<void> {
    for (const [id, v] of [['code', 'AB12-CD34'], ['name', '张三']]) {
      const i = $<HTMLInputElement>(el, `#${id}`);
      i.value = v;
      i.dispatchEvent(new Event('input'));
    }
    $(el, 'form .btn.primary').click();
    await el.updateComplete;
    await sleep(50);
  }

  it('正在查询… is said once, at the press; the switch shows “Checking…” without saying it again; the answer is read in English', async () => {
    const endpoint = await scriptEndpoint([{ status: 200, body: { queryCode: 'AB12-CD34', status: 'received', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29', history: [] }, delay: 1200 }]);
    const el = await fixture<RequestStatus & Updating>(html`<request-status src=${await storeFeed(formFeed({ mode: 'print' }, endpoint))} lang="zh-CN" today="2026-09-10"></request-status>`);
    await el.loaded;
    const region = $(el, '[role="status"]');
    const said = heard(region);
    await lookUp(el);
    expect(said).to.deep.equal(['正在查询…']);
    expect((await statusNode('正在查询…'))?.live).to.equal('polite');
    await setLang(el, 'en');
    await sleep(50);
    // Sighted readers see the line in the new language.
    expect(region.textContent!.trim()).to.equal('Checking…');
    expect((await statusNode('Checking…'))?.live, 'a live region for Chromium').to.equal(undefined);
    expect(said, 'nothing more said by the switch').to.deep.equal(['正在查询…']);
    // Nor by a switch back and forth (正在查询… was said already).
    await setLang(el, 'zh-CN');
    await setLang(el, 'en');
    expect(said).to.deep.equal(['正在查询…']);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="result"]'), 'the answer', 5000);
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.match(/^Status: /);
    expect(said).to.deep.equal(['正在查询…']);
    // The next lookup, in English, is said in English (the line is live again).
    $(el, 'form .btn.primary').click();
    await el.updateComplete;
    await sleep(50);
    expect(said).to.deep.equal(['正在查询…', 'Checking…']);
  });

  it('the server’s own words (a history note), asked for in Chinese before the switch, are marked as Chinese in the English answer (a screen reader reads them with a Chinese voice)', async () => {
    const answer = (note: string) => ({ queryCode: 'AB12-CD34', status: 'extended', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29', history: [{ status: 'extended', at: '2026-09-25T03:00:00Z', note }] });
    const endpoint = await scriptEndpoint([{ status: 200, byLanguage: { zh: answer('需要调取档案'), en: answer('The archives are being retrieved') }, delay: 1000 }]);
    const el = await fixture<RequestStatus & Updating>(html`<request-status src=${await storeFeed(formFeed({ mode: 'print' }, endpoint))} lang="zh-CN" today="2026-09-10"></request-status>`);
    await el.loaded;
    await lookUp(el);
    await setLang(el, 'en');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="result"]'), 'the answer', 5000);
    expect(el.shadowRoot!.querySelector('[part="history"] li')!.textContent).to.contain('Time limit extended: 需要调取档案');
    // (The agency and office, from a feed that does not say its language, are not this test's.)
    expect(misLanguaged(el).filter((s) => s.includes('需要调取档案'))).to.deep.equal([]);
    // Asked again in English, the English words are not marked.
    $(el, 'form .btn.primary').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="history"] li')?.textContent?.includes('The archives'), 'the English answer', 5000);
    expect(el.shadowRoot!.querySelector('[part="history"] [lang]')).to.equal(null);
  });
});

describe('<request-form>: the language switched while the application is being sent', () => {
  it('正在提交申请… is said once; the switch shows it in English without saying it again; the next news (a retry) is said in English', async () => {
    const receipt = { requestId: 'r-1', queryCode: 'AB12-CD34', receivedAt: '2026-09-30T02:00:00Z', dueDate: '2026-11-03', status: 'received' };
    const endpoint = await scriptEndpoint([{ status: 503, body: {}, delay: 800 }, { status: 201, body: receipt, delay: 800 }]);
    const el = await fixture<RequestForm & Updating>(html`<request-form src=${await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }))} lang="zh-CN"></request-form>`);
    el.retryDelays = [1000];
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson' });
    await answerToReview(el);
    const region = $(el, '[part="send-status"][role="status"]');
    const said = heard(region);
    $(el, '#send').click();
    await el.updateComplete;
    await sleep(50);
    expect(said).to.deep.equal(['正在提交申请，请稍候…']);
    await setLang(el, 'en');
    await sleep(50);
    expect(region.textContent!.trim()).to.equal('Sending your application…');
    expect(said, 'nothing more said by the switch').to.deep.equal(['正在提交申请，请稍候…']);
    // Nor by a switch back and forth (it was said already).
    await setLang(el, 'zh-CN');
    await setLang(el, 'en');
    expect(said).to.deep.equal(['正在提交申请，请稍候…']);
    // The 503's news, and the sending again after it, are said in English.
    await waitUntil(() => said.length >= 3, 'the retry said', 5000);
    expect(said.slice(1)).to.deep.equal(['Not sent yet. Your application is kept; we will try again in 1 second (attempt 1).', 'Sending your application…']);
  });

  it('sent while offline after a switch: the offline note is said once, in the new language', async () => {
    const endpoint = await scriptEndpoint([{ status: 201, body: {} }]);
    const el = await fixture<RequestForm & Updating>(html`<request-form src=${await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }))} lang="zh-CN"></request-form>`);
    Object.defineProperty(el, 'isOnline', { value: () => false, configurable: true });
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson' });
    await answerToReview(el);
    await setLang(el, 'en');
    const region = $(el, '[part="send-status"][role="status"]');
    const said = heard(region);
    $(el, '#send').click();
    await el.updateComplete;
    await sleep(100);
    const note = 'Your device is offline. Your application is kept and will be sent when you are back online.';
    expect(region.textContent!.trim()).to.equal(note);
    expect(said).to.deep.equal([note]);
    // Said once: switched back and forth, it is shown in Chinese, then in English again, without being said again.
    await setLang(el, 'zh-CN');
    expect(region.textContent!.trim()).to.contain('没有联网');
    await setLang(el, 'en');
    expect(region.textContent!.trim()).to.equal(note);
    expect(said).to.deep.equal([note]);
  });
});

describe('<request-form>: a sentence about to be said when the language is switched', () => {
  it('表单已清空。, said 50 ms after the form is cleared: switched in that moment, it is said in the new language only', async () => {
    const el = await fixture<RequestForm & Updating>(html`<request-form src=${await storeFeed(formFeed())} lang="zh-CN"></request-form>`);
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson', name: '李四' });
    const region = $(el, '.vh[aria-live="polite"]');
    const said = heard(region);
    $(el, '#clear-open').click();
    await el.updateComplete;
    // 确定清空 and the switch in the same moment.
    $(el, '.clear [role="alertdialog"] button').click();
    el.setAttribute('lang', 'en');
    await sleep(300);
    expect(said).to.deep.equal(['The form was cleared.']);
  });
});

describe('the language an element declares is the one its text is shown in (WCAG 3.1.2)', () => {
  /** Each element inside a page part in `pageLang`; the `lang` its own text and a feed text of it are read in. */
  async function declared(pageLang: string): Promise<Record<string, [string, string]>> {
    const form = await storeFeed(formFeed());
    const wrap = await fixture<HTMLDivElement>(html`<div lang=${pageLang}>
      <disclosure-catalogue src=${await storeFeed(smallCatalogue())} no-url-state></disclosure-catalogue>
      <annual-stats src=${await storeFeed({ schemaVersion: 1, year: 2022, template: 'CN-legacy', custom: [{ key: 'a', label: '指标', value: 1 }] })} no-charts no-url-state></annual-stats>
      <request-form src=${form}></request-form>
      <request-status src=${form}></request-status>
    </div>`);
    const out: Record<string, [string, string]> = {};
    for (const el of wrap.children as HTMLCollectionOf<Updating>) {
      await waitUntil(() => el.shadowRoot?.querySelector('h2, legend, label'), `${el.localName} rendered`, 4000);
      await el.updateComplete;
      // The closest lang, as the browser (and a screen reader) resolves it: across the shadow boundary to the page.
      const langOf = (n: Element) => n.closest('[lang]')?.getAttribute('lang') ?? (el.closest('[lang]')!.getAttribute('lang') as string);
      const own = el.shadowRoot!.querySelector('button, h2')!;
      const feedText = el.shadowRoot!.querySelector('label, td, h2')!;
      out[el.localName] = [langOf(own), langOf(feedText)];
    }
    return out;
  }

  it('in a page in a language the library does not ship (Uyghur, lang="ug"): the Chinese it shows, and the feeds\' Chinese text, are marked zh-CN', async () => {
    const got = await declared('ug');
    for (const [name, langs] of Object.entries(got)) expect(langs, name).to.deep.equal(['zh-CN', 'zh-CN']);
  });

  it('in a page in British English: its own text is marked en', async () => {
    const got = await declared('en-GB');
    for (const [name, [own]] of Object.entries(got)) expect(own, name).to.equal('en');
  });
});

/**
 * What a screen reader is told from now on by the live regions in `el`'s shadow root: the text of an alert that appears
 * (or turns into an alert), and any text that changes inside a region while it is live (role alert or status, or
 * aria-live other than off). Text shown where no live region is (a panel that is no longer one) says nothing.
 */
function announced(el: Element): string[] {
  const said: string[] = [];
  const last = new WeakMap<Element, string>();
  const scan = (record: boolean) => {
    for (const r of el.shadowRoot!.querySelectorAll('[role="alert"], [role="status"], [aria-live]')) {
      const text = r.textContent!.trim().replace(/\s+/g, ' ');
      const before = last.get(r);
      if (record && text && text != before && r.getAttribute('aria-live') != 'off' && (before !== undefined || r.getAttribute('role') == 'alert')) said.push(text);
      last.set(r, text);
    }
  };
  scan(false);
  new MutationObserver(() => scan(true)).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return said;
}

/**
 * Chromium's own word: the live setting (`assertive`, `polite`) of the region a text that holds the start of `text` is read in, as
 * its accessibility tree gives it to a screen reader; undefined when it is in none (null: no such text).
 */
async function liveOf(text: string): Promise<string | undefined | null> {
  const find = (n: AXNode, live?: string): string | undefined | null => {
    const l = n.live && n.live != 'off' ? n.live : live;
    if (n.role === 'StaticText' && n.name.includes(text.slice(0, 12))) return l;
    for (const c of n.children ?? []) {
      const r = find(c, l);
      if (r !== null) return r;
    }
    return null;
  };
  return find((await executeServerCommand('a11y-tree')) as AXNode);
}

/**
 * Switches `el` to English with a recorder of what is said from then on: `sel`'s text is in English (`english`) and in
 * no live region, and the switch said nothing. Returns that text and the recorder, for what follows.
 */
async function switchUnsaid(el: Updating, sel: string, english = /^[\x20-\x7e]+$/): Promise<{ en: string; said: string[] }> {
  const said = announced(el);
  await setLang(el, 'en');
  const en = $(el, sel).textContent!.trim();
  expect(en).to.match(english);
  expect(await liveOf(en), 'not a live region any more').to.equal(undefined);
  expect(said, 'nothing said by the switch').to.deep.equal([]);
  return { en, said };
}

describe('an alert already said is not said again by a language switch; a new one is said, in the new language', () => {
  it('<disclosure-catalogue>: its feed’s error, shown in Chinese, is shown in English without being said again; a retry that fails again is said, in English', async () => {
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed({}, { status: 404 })} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    const panel = await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error');
    expect(panel.textContent).to.contain('无法显示数据');
    expect(await liveOf('无法显示数据'), 'said at once, as an alert').to.equal('assertive');
    const { en, said } = await switchUnsaid(el, '[part~="error"] p');
    // Nor by a switch back and forth.
    await setLang(el, 'zh-CN');
    await setLang(el, 'en');
    expect(said).to.deep.equal([]);
    await expectAccessible(el);
    // Tried again, it fails again: that is news, said in English.
    $(el, '[part~="retry-button"]').click();
    await waitUntil(() => said.length, 'the new error said', 4000);
    expect(said).to.deep.equal([$(el, '[part~="error"]').textContent!.trim().replace(/\s+/g, ' ')]);
    expect(said[0]).to.contain(en);
    expect(await liveOf(en)).to.equal('assertive');
  });

  it('<disclosure-catalogue> remote search: the failed search’s alert is not said again by the switch; the next failure is said, in English', async () => {
    const page = { schemaVersion: 1, items: smallCatalogue().items, page: { total: 4 } };
    const endpoint = await scriptEndpoint([{ body: page }, { status: 500, body: 'x', type: 'text/plain' }, { status: 500, body: 'x', type: 'text/plain' }]);
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed({ ...smallCatalogue(), search: { endpoint } })} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => $(el, '#summary')?.textContent?.includes('4'), 'the first page');
    $<HTMLInputElement>(el, '#q').value = '防汛';
    $<HTMLFormElement>(el, 'form.search').requestSubmit();
    await waitUntil(() => $(el, '.panel.error[role="alert"]'), 'the failure');
    const { en, said } = await switchUnsaid(el, '.panel.error p');
    await expectAccessible(el);
    // Searched again, it fails again: said, in English.
    $<HTMLFormElement>(el, 'form.search').requestSubmit();
    await waitUntil(() => said.some((s) => s.includes(en)), 'the new failure said', 4000);
    expect(await liveOf(en)).to.equal('assertive');
  });

  it('<request-form>: the failure to send, said in Chinese, is shown in English without being said again; sent again and failing again, it is said in English', async () => {
    const broken = { status: 404, body: '<html><body>Not Found</body></html>', type: 'text/html' };
    const endpoint = await scriptEndpoint([broken, broken]);
    const el = await fixture<RequestForm & Updating>(html`<request-form src=${await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }))} lang="zh-CN"></request-form>`);
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson' });
    await answerToReview(el);
    $(el, '#send').click();
    const alert = await waitUntil(() => el.shadowRoot!.querySelector('[part="send-status"] [role="alert"]'), 'the failure', 5000);
    const zh = alert.textContent!.trim();
    expect(zh).to.contain('网上申请服务工作不正常');
    const { en, said } = await switchUnsaid(el, '.panel[part="send-status"] p', /^[\x20-\x7e“”’]+$/);
    await setLang(el, 'zh-CN');
    await setLang(el, 'en');
    expect(said).to.deep.equal([]);
    await expectAccessible(el);
    $(el, '#retry').click();
    await waitUntil(() => said.some((s) => s.includes(en)), 'the new failure said', 5000);
    expect(await liveOf(en)).to.equal('assertive');
  });

  it('<request-status>: its form feed’s error is not said again by a switch', async () => {
    const el = await fixture<RequestStatus & Updating>(html`<request-status src=${await storeFeed({}, { status: 404 })} lang="zh-CN"></request-status>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error');
    expect(await liveOf('无法显示数据')).to.equal('assertive');
    await switchUnsaid(el, '[part~="error"] p');
    await expectAccessible(el);
  });

  it('<annual-stats>: a year’s error is not said again by a switch; another year that fails is said, in English', async () => {
    const year = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', custom: [{ key: 'a', label: '指标', value: y }] });
    const index = { schemaVersion: 1, reports: [{ year: 2020, url: await year(2020) }, { year: 2021, url: await storeFeed({}, { status: 404 }) }, { year: 2022, url: await storeFeed({}, { status: 404, delay: 300 }) }] };
    const el = await fixture<AnnualStats & Updating>(html`<annual-stats src=${await storeFeed(index)} year="2021" lang="zh-CN" no-charts no-url-state></annual-stats>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error of 2021');
    expect(await liveOf('2021')).to.equal('assertive');
    const { en, said } = await switchUnsaid(el, '[part~="error"] h2');
    expect(en).to.contain('2021');
    await expectAccessible(el);
    const select = $<HTMLSelectElement>(el, 'select#year');
    select.value = '2022';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => said.length, 'the error of 2022 said', 4000);
    expect(said[0]).to.contain('2022').and.match(/^[\x20-\x7e]+$/);
    expect(await liveOf(said[0])).to.equal('assertive');
  });
});

describe('panels that are not live regions stay so: a language switch says nothing of them', () => {
  it('<request-form>’s error summary (read once, by the focus on its heading)', async () => {
    const el = await fixture<RequestForm & Updating>(html`<request-form src=${await storeFeed(formFeed())} lang="zh-CN"></request-form>`);
    await el.loaded;
    $(el, 'form[part="step"] .btn.primary').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error-summary"]'), 'the error summary');
    await switchUnsaid(el, '[part="error-summary"] h3');
  });

  it('<request-status>’s lookup error (read once, by the focus on it)', async () => {
    const endpoint = await scriptEndpoint([{ status: 404, body: {}, type: 'application/json' }]);
    const el = await fixture<RequestStatus & Updating>(html`<request-status src=${await storeFeed(formFeed({ mode: 'print' }, endpoint))} lang="zh-CN"></request-status>`);
    await el.loaded;
    for (const [id, v] of [['code', 'AB12-CD34'], ['name', '张三']]) {
      const i = $<HTMLInputElement>(el, `#${id}`);
      i.value = v;
      i.dispatchEvent(new Event('input'));
    }
    $(el, 'form .btn.primary').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#failure'), 'the lookup error', 4000);
    await sleep(50);
    await switchUnsaid(el, '#failure');
  });
});

describe('a status panel already shown is not said again by a language switch', () => {
  it('<disclosure-catalogue>: its feed’s warnings (数据中有…) are shown in English without being said', async () => {
    const feed = smallCatalogue();
    (feed.items as Record<string, unknown>[])[0].dateCreated = '2013-02-30';
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(feed)} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    // The load is said 50 ms after it (a switch before that says it in English, as it should): said first.
    await waitUntil(() => $(el, '.vh[aria-live="polite"]').textContent!.includes('目录已加载'), 'the load said');
    const zh = $(el, '[part="warning"] p').textContent!.trim();
    expect(await liveOf(zh)).to.equal('polite');
    await switchUnsaid(el, '[part="warning"] p');
    await expectAccessible(el);
  });

  it('<annual-stats>: the reconciliation warnings of a report are shown in English without being said', async () => {
    const el = await fixture<AnnualStats & Updating>(html`<annual-stats src="/demo/feeds/annual/broken-2021.json" lang="zh-CN" no-charts no-url-state></annual-stats>`);
    await el.loaded;
    await el.updateComplete;
    const zh = $(el, '[part~="reconciliation"] h3').textContent!.trim();
    expect(await liveOf(zh)).to.equal('polite');
    await switchUnsaid(el, '[part~="reconciliation"] h3');
    await expectAccessible(el);
  });
});

describe('<annual-stats>: a year that failed, chosen again after a language switch', () => {
  it('its error is said again, in English, as it is without a switch (the reader chose that year)', async () => {
    const year = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', custom: [{ key: 'a', label: '指标', value: y }] });
    const index = { schemaVersion: 1, reports: [{ year: 2020, url: await year(2020) }, { year: 2021, url: await storeFeed({}, { status: 404 }) }] };
    const el = await fixture<AnnualStats & Updating>(html`<annual-stats src=${await storeFeed(index)} year="2021" lang="zh-CN" no-charts no-url-state></annual-stats>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error of 2021');
    await setLang(el, 'en');
    const en = $(el, '[part~="error"] h2').textContent!.trim();
    expect(await liveOf(en), 'not said again by the switch').to.equal(undefined);
    const said = announced(el);
    const select = $<HTMLSelectElement>(el, 'select#year');
    for (const y of ['2020', '2021']) {
      select.value = y;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    await sleep(100);
    expect(said.filter((s) => s.includes('2021'))).to.have.length(1);
    expect(said.find((s) => s.includes('2021'))).to.contain(en);
    expect(await liveOf(en)).to.equal('assertive');
    await expectAccessible(el);
  });
});

describe('more panels already said, not said again by a language switch', () => {
  it('<disclosure-catalogue>: the failure of its further pages (an alert)', async () => {
    const src = await storeFeed({ ...smallCatalogue(), page: { total: 14, next: 'missing-page-2.json' } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    const p = await waitUntil(() => el.shadowRoot!.querySelector('.progress[role="alert"]'), 'the failure', 4000);
    expect(await liveOf(p.textContent!.trim())).to.equal('assertive');
    await switchUnsaid(el, '.progress');
    await expectAccessible(el);
  });

  it('<annual-stats>: 图表无法加载 (a status)', async () => {
    const measure = CanvasRenderingContext2D.prototype.measureText;
    CanvasRenderingContext2D.prototype.measureText = () => {
      throw new TypeError('broken by the host page');
    };
    try {
      const el = await fixture<AnnualStats & Updating>(html`<annual-stats src="/demo/feeds/annual/2022.json" lang="zh-CN" no-url-state></annual-stats>`);
      const p = await waitUntil(() => el.shadowRoot!.querySelector('.panel.warning[role="status"]'), 'the notice', 8000);
      expect(await liveOf(p.textContent!.trim())).to.equal('polite');
      const said = announced(el);
      await setLang(el, 'en');
      await sleep(100);
      const en = $(el, 'p.panel.warning').textContent!.trim();
      expect(en).to.match(/^[\x20-\x7e]+$/);
      expect(await liveOf(en)).to.equal(undefined);
      expect(said).to.deep.equal([]);
    } finally {
      CanvasRenderingContext2D.prototype.measureText = measure;
    }
  });
});

describe('two elements showing one feed in two languages', () => {
  it('each says the feed’s warnings in its own language: both panels are live (the parsed feed, and its warnings, are shared)', async () => {
    const report = await (await fetch('/demo/feeds/annual/2022.json')).json();
    report.publishedAt = 'yesterday';
    // With an ETag, the second element takes the first one's parse (its warnings, the same objects).
    const src = await storeFeed(report, { etag: '"w1"' });
    const zh = await fixture<AnnualStats>(html`<annual-stats src=${src} lang="zh-CN" no-url-state no-charts></annual-stats>`);
    const zhPanel = await waitUntil(() => zh.shadowRoot!.querySelector('[part~="warning"]'), 'the Chinese warning');
    const en = await fixture<AnnualStats>(html`<annual-stats src=${src} lang="en" no-url-state no-charts></annual-stats>`);
    const enPanel = (await waitUntil(() => en.shadowRoot!.querySelector('[part~="warning"] p:lang(en)'), 'the English warning')).closest('[part~="warning"]')!;
    await zh.updateComplete;
    expect(enPanel.textContent).to.contain('publishedAt');
    expect([zhPanel.getAttribute('role'), enPanel.getAttribute('role')]).to.deep.equal(['status', 'status']);
    // Each element keeps what it said: a switch of one says nothing again, and leaves the other as it is.
    const { said } = await switchUnsaid(zh, '[part~="warning"] p');
    expect(said).to.deep.equal([]);
    await en.updateComplete;
    expect(enPanel.getAttribute('role')).to.equal('status');
  });
});

describe('the language switched while the first language’s strings are still downloading', () => {
  it('the element waits for the new language’s strings too, and shows them (it rendered in the language it first waited for, and stayed so)', async () => {
    // A page that sets lang right after adding the tag (the demo's language switch, kept for the next page, does so as
    // the page loads): the element was waiting for its Chinese; once that came, it rendered, under lang="en", with the
    // English not there (Chinese shown and declared), and nothing made it render again when the English came.
    const zh = holdLocale(annualStrings, 'zh-CN', 'en');
    const en = holdLocale(annualStrings);
    try {
      const el = document.createElement('annual-stats') as AnnualStats;
      el.setAttribute('src', await storeFeed({}, { delay: 20000 }));
      el.setAttribute('lang', 'zh-CN');
      el.toggleAttribute('no-url-state', true);
      document.body.append(el);
      await sleep(50);
      el.setAttribute('lang', 'en');
      await sleep(50);
      zh();
      await sleep(100);
      en();
      await sleep(100);
      await el.updateComplete;
      const root = $(el, '[part="base"]');
      expect(root.getAttribute('lang')).to.equal('en');
      expect($(el, '[part~="loading"]').textContent).to.contain('Loading');
      el.remove();
    } finally {
      zh();
      en();
    }
  });
});
