// What an audit as elderly and disabled readers found: each test was seen failing on the code before its fix.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/provider.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import type { AnnualStats } from '../src/annual-stats.js';
import type { RequestForm } from '../src/request-form.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { scriptEndpoint, storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { $, STEP1, fill, formFeed, next } from './request-fixtures.js';

/** The text of the element's polite live region (visually hidden; a screen reader reads it when browsing onto it). */
const live = (el: Element) => (el.shadowRoot!.querySelector('.vh[aria-live="polite"]')!.textContent ?? '').trim();
/** Sets `lang` on the element and waits for it to follow (the language is observed with a MutationObserver). */
async function setLang(el: HTMLElement & { updateComplete: Promise<boolean> }, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('a language switch leaves no sentence of the previous language in the live region', () => {
  it('<disclosure-catalogue>: 目录已加载… is not left behind once the element speaks English', async () => {
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(smallCatalogue())} lang="zh-CN"></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => live(el).includes('目录已加载'), 'the load said');
    await setLang(el, 'en');
    expect($(el, '[part="header"] h2')).to.exist;
    expect(live(el)).to.equal('');
  });

  it('<disclosure-catalogue> in a <disclosure-provider> whose language changes: the same', async () => {
    const wrap = await fixture<HTMLElement>(html`<disclosure-provider lang="zh-CN"><disclosure-catalogue src=${await storeFeed(smallCatalogue())}></disclosure-catalogue></disclosure-provider>`);
    const el = wrap.querySelector<DisclosureCatalogue>('disclosure-catalogue')!;
    await el.loaded;
    await waitUntil(() => live(el).includes('目录已加载'), 'the load said');
    wrap.setAttribute('lang', 'en');
    await waitUntil(() => el.shadowRoot!.querySelector('#summary')?.textContent?.includes('results'), 'the English UI');
    expect(live(el)).to.equal('');
  });

  it('<annual-stats>: 已显示2020年度报告 is not left behind once the element speaks English', async () => {
    const el = await fixture<AnnualStats>(html`<annual-stats src="/demo/feeds/annual/index.json" lang="zh-CN" no-url-state></annual-stats>`);
    await el.loaded;
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, 'select#year');
    select.value = '2020';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => live(el) === '已显示2020年度报告', 'the year said');
    await setLang(el, 'en');
    expect(live(el)).to.equal('');
  });

  it('<request-form>: 已恢复… is not left behind once the element speaks English', async () => {
    const src = await storeFeed(formFeed());
    const mount = async () => {
      const el = await fixture<RequestForm>(html`<request-form src=${src} persist="session" lang="zh-CN"></request-form>`);
      await el.loaded;
      return el;
    };
    const first = await mount();
    await fill(first, { applicantType: 'naturalPerson', ...STEP1 });
    await next(first);
    await waitUntil(() => Object.keys(sessionStorage).some((k) => k.includes(src)), 'the draft saved');
    first.remove();
    fixtureCleanup();
    const el = await mount();
    await waitUntil(() => live(el).includes('已恢复'), 'the restore said');
    await setLang(el, 'en');
    expect(live(el)).to.equal('');
  });
});

interface AX { role: string; name: string; children?: AX[] }
/** The names of every node of `role` in the accessibility tree Chromium gives a screen reader, in reading order. */
async function namesOf(role: string): Promise<string[]> {
  const out: string[] = [];
  const walk = (n: AX) => {
    if (n.role === role) out.push(n.name);
    n.children?.forEach(walk);
  };
  walk(await executeServerCommand<AX, undefined>('a11y-tree'));
  return out;
}

describe('controls are named apart: a screen reader’s list of buttons tells each from the others', () => {
  for (const [lang, show] of [['zh-CN', '显示全部（9）'], ['en', 'Show all (9)']]) {
    it(`<disclosure-catalogue>: each facet's show-all button names its facet, the words shown first (${lang})`, async () => {
      const feed = smallCatalogue() as { facets: Record<string, { id: string; label: string }[]>; items: Record<string, unknown>[] };
      // Nine topics and nine genres, each with an entry: both facets offer 显示全部（9）.
      feed.facets.topic = Array.from({ length: 9 }, (_, i) => ({ id: `t${i}`, label: `T${i}` }));
      feed.facets.genre = Array.from({ length: 9 }, (_, i) => ({ id: `g${i}`, label: `G${i}` }));
      feed.items = Array.from({ length: 9 }, (_, i) => ({ id: `x${i}`, title: `X${i}`, topicIds: [`t${i}`], genreId: `g${i}` }));
      const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(feed)} lang=${lang}></disclosure-catalogue>`);
      await el.loaded;
      await el.updateComplete;
      const names = (await namesOf('button')).filter((n) => n.startsWith(show));
      expect(names, names.join(' | ')).to.deep.equal(lang == 'en' ? ['Show all (9) Topic', 'Show all (9) Document type'] : ['显示全部（9） 主题分类', '显示全部（9） 体裁分类']);
    });
  }

  for (const [lang, show, hide] of [['zh-CN', '显示数据表', '隐藏数据表'], ['en', 'Show data table', 'Hide data table']]) {
    it(`<annual-stats>: each chart's data-table button names its chart, the words shown first (${lang})`, async () => {
      const el = await fixture<AnnualStats>(html`<annual-stats src="/demo/feeds/annual/index.json" year="2022" lang=${lang} no-url-state></annual-stats>`);
      await el.loaded;
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="data-toggle"]').length === 3, 'three charts');
      let names = (await namesOf('button')).filter((n) => n.startsWith(show));
      expect(names).to.have.length(3);
      expect(new Set(names).size, names.join(' | ')).to.equal(3);
      // The trend's table holds every figure of the years: named by the trend, not by the figure drawn.
      expect(names[2]).to.equal(lang == 'en' ? 'Show data table (Trends over the years)' : '显示数据表（历年趋势）');
      // The label shown stays at the start of the name (WCAG 2.5.3): a voice user says the words they see.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="data-toggle"]')!.click();
      await el.updateComplete;
      names = (await namesOf('button')).filter((n) => n.startsWith(hide));
      expect(names).to.have.length(1);
      expect(names[0]).to.not.equal(hide);
    });
  }
});

describe('<annual-stats>: a year picked is said when it is shown, and only then', () => {
  const report2020 = async () => (await fetch('/demo/feeds/annual/2020.json')).json();
  async function picked(steps: Parameters<typeof scriptEndpoint>[0]) {
    const index = {
      schemaVersion: 1,
      reports: [
        { year: 2013, url: new URL('/demo/feeds/annual/2013.json', location.href).href },
        { year: 2020, url: new URL(await scriptEndpoint(steps), location.href).href },
      ],
    };
    const el = await fixture<AnnualStats>(html`<annual-stats src=${await storeFeed(index)} year="2013" lang="zh-CN" no-url-state></annual-stats>`);
    const select = await waitUntil(() => el.shadowRoot!.querySelector<HTMLSelectElement>('select#year'), 'the year picker');
    await waitUntil(() => el.shadowRoot!.querySelector('header h2'), 'the 2013 report');
    // 2020 is still on its way (a slow connection).
    select.value = '2020';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="loading"]'), 'the year loading').to.exist;
    return el;
  }

  it('a year still loading is not said to be shown; it is said once it is', async () => {
    const el = await picked([{ status: 200, body: await report2020(), delay: 1200 }]);
    expect(live(el)).to.equal('');
    await waitUntil(() => el.shadowRoot!.querySelector('header h2')?.textContent?.includes('2020'), 'the 2020 report');
    await el.updateComplete;
    expect(live(el)).to.equal('已显示2020年度报告');
  });

  it('a year whose file then fails: its error is the news, not 已显示2020年度报告 left beside it', async () => {
    const el = await picked([{ status: 500, body: {}, delay: 1200 }, { status: 200, body: await report2020() }]);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"][role="alert"]'), 'the error');
    await el.updateComplete;
    expect(live(el)).to.equal('');
    // Its retry button brings it: said once shown.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('header h2')?.textContent?.includes('2020'), 'the 2020 report');
    await el.updateComplete;
    expect(live(el)).to.equal('已显示2020年度报告');
  });
});

describe('<request-form>: what the live region said of one step is not left for the next', () => {
  it('内容描述：还可以输入 N 个字, said on the step with the description, is gone once the applicant has moved on', async () => {
    const el = await fixture<RequestForm>(html`<request-form src=${await storeFeed(formFeed())} persist="session"></request-form>`);
    await el.loaded;
    await fill(el, { applicantType: 'naturalPerson', ...STEP1 });
    await next(el);
    const ta = $<HTMLTextAreaElement>(el, '#f-description');
    ta.value = '2025年道路维修经费';
    ta.dispatchEvent(new Event('input'));
    await waitUntil(() => live(el).includes('还可以输入'), 'the count said', 4000);
    await next(el);
    expect($(el, '#step-h')!.textContent).to.contain('附件与声明');
    // Browsing onto it on the next step, a screen reader would read a count of a field no longer there.
    expect(live(el)).to.equal('');
  });
});
