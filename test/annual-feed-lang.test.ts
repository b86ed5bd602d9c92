import { expect, fixture, html } from '@open-wc/testing';
import '../src/annual-stats.js';
import type { AnnualStats } from '../src/annual-stats.js';
import { annualStrings } from '../src/locales/annual.js';
import { mountHtml, storeFeed, waitUntil } from './helpers.js';

// A file of its own: the English strings must not have been loaded by an earlier test in the same page.

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An index of two years with one custom figure in 万元 (10kCNY), its feeds in `lang`. */
async function costIndex(lang: string, label: string): Promise<string> {
  const year = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-legacy', lang, custom: [{ key: 'cost', label, value: y - 2010, unit: '10kCNY' }] });
  return storeFeed({ schemaVersion: 1, lang, reports: [{ year: 2013, url: await year(2013) }, { year: 2014, url: await year(2014) }] });
}

describe('<annual-stats>: the feed’s language', () => {
  it('loaded waits for the feed language’s strings: the trend names an English feed’s figure with its English unit at once', async () => {
    expect(annualStrings.has('en'), 'English strings already loaded: this test would prove nothing').to.equal(false);
    const src = await costIndex('en', 'Disclosure costs');
    const el = await fixture<AnnualStats>(html`<annual-stats lang="zh-CN" no-url-state src=${src}></annual-stats>`);
    await el.loaded;
    expect(text($(el, '#trend-key option'))).to.equal('Disclosure costs (× 10,000 yuan)');
    expect(text($(el, '[part~="trend"] figcaption span[lang="en"]'))).to.equal('Disclosure costs (× 10,000 yuan)');
  });

  it('the trend chart’s accessible name is in the element’s language only; the feed’s label is in the figcaption, marked', async () => {
    const el = await fixture<AnnualStats>(html`<annual-stats lang="zh-CN" no-url-state src=${await costIndex('en', 'Disclosure costs')}></annual-stats>`);
    await el.loaded;
    const name = $(el, '[part~="trend"] .chart').getAttribute('aria-label')!;
    expect(name).not.to.match(/[A-Za-z]/);
    expect(name).to.equal('历年趋势。2013：3；2014：4');
    expect(text($(el, '[part~="trend"] figcaption'))).to.equal('Disclosure costs (× 10,000 yuan)（历年）');
  });

  it('a chart of a feed’s custom figures in another language: its accessible name is the UI’s title only, the figures are in the tables, marked', async () => {
    const el = await fixture<AnnualStats>(html`<annual-stats lang="en" no-url-state src="/demo/feeds/annual/2013.json"></annual-stats>`);
    await el.loaded;
    const chart = $(el, 'canvas[data-chart="c-proactive"]').parentElement!;
    expect(chart.getAttribute('aria-label')).to.equal('Proactive disclosure');
    // The same language: the figures stay in the summary.
    el.setAttribute('lang', 'zh-CN');
    await Promise.resolve();
    await el.updateComplete;
    expect($(el, 'canvas[data-chart="c-proactive"]').parentElement!.getAttribute('aria-label')).to.match(/^主动公开情况。.+：/);
  });

  it('an English chart summary separates its figures with an English semicolon, a Chinese one with ；', async () => {
    const el = await fixture<AnnualStats>(html`<annual-stats lang="en" no-url-state src="/demo/feeds/annual/2022.json"></annual-stats>`);
    await el.loaded;
    const name = () => $(el, 'canvas[data-chart="c-outcomes"]').parentElement!.getAttribute('aria-label')!;
    expect(name()).to.contain(': 18; (2) Partly disclosed').and.not.to.contain('；');
    el.setAttribute('lang', 'zh-CN');
    await Promise.resolve();
    await el.updateComplete;
    expect(name()).to.contain('：18；（二）部分公开');
  });

  it('a zh-TW, zh-HK or zh-Hant page or feed gets 萬元, not 万元', async () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant']) {
      // The page in traditional Chinese: the figure's own table and CSV.
      const page = await fixture<AnnualStats>(html`<annual-stats lang=${tag} no-url-state src=${await costIndex('zh-CN', '公开经费')}></annual-stats>`);
      await page.loaded;
      expect([...page.shadowRoot!.querySelectorAll('#g0 .unit')].map(text), tag).to.deep.equal(['萬元']);
      expect(page.csvFor('g0'), tag).to.contain('公开经费,4,萬元\r\n');
      expect(text($(page, '#trend-key option')), tag).to.equal('公开经费（萬元）');
      page.remove();
      // A traditional-Chinese feed on a simplified page: its figure's label in the trend, which is all in its language.
      const feed = await fixture<AnnualStats>(html`<annual-stats lang="zh-CN" no-url-state src=${await costIndex(tag, '公開經費')}></annual-stats>`);
      await feed.loaded;
      expect(text($(feed, '#trend-key option')), tag).to.equal('公開經費（萬元）');
      feed.remove();
    }
  });

  it('萬元 for a zh-TW component around it: the language of a shadow host is found across the shadow root', async () => {
    const host = mountHtml(html`<div lang="zh-TW"></div>`).firstElementChild!;
    const el = document.createElement('annual-stats') as AnnualStats;
    el.setAttribute('no-url-state', '');
    el.setAttribute('src', await costIndex('zh-CN', '公开经费'));
    host.attachShadow({ mode: 'open' }).append(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#g0 .unit'), 'the figure');
    expect([...el.shadowRoot!.querySelectorAll('#g0 .unit')].map(text)).to.deep.equal(['萬元']);
  });

  it('a page switched from zh-CN to zh-TW shows 萬元 at once, with nothing else changing', async () => {
    const page = mountHtml(html`<div lang="zh-CN"><annual-stats no-url-state src=${await costIndex('zh-CN', '公开经费')}></annual-stats></div>`)
      .firstElementChild!;
    const el = page.querySelector<AnnualStats>('annual-stats')!;
    const units = () => [...el.shadowRoot!.querySelectorAll('#g0 .unit')].map(text).join();
    await waitUntil(() => units(), 'the figure');
    expect(units()).to.equal('万元');
    page.setAttribute('lang', 'zh-TW');
    await waitUntil(() => units() === '萬元', '萬元 after the switch', 1000);
    page.setAttribute('lang', 'zh-CN');
    await waitUntil(() => units() === '万元', '万元 after switching back', 1000);
  });

  /** An index of two CN-2021 years whose Table 二 gives the fees collected (in 万元, the column's unit). */
  const feesIndex = async () => {
    const fees = (y: number) => storeFeed({ schemaVersion: 1, year: y, template: 'CN-2021', proactive: { fees: { amount: y - 2020 } } });
    return storeFeed({ schemaVersion: 1, reports: [{ year: 2021, url: await fees(2021) }, { year: 2022, url: await fees(2022) }] });
  };
  // One test per tag (each loads an index of two years).
  for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant']) {
    it(`a ${tag} page names Table 二’s fee column in 萬元 too: its header, CSV and trend label`, async () => {
      // The language on an ancestor (not with fixture(): for a plain <div> it waits for an animation frame, which a
      // background page never gets); charts only for zh-TW (its chart's summary is an attribute), to keep the tests quick.
      const wrapper = document.createElement('div');
      wrapper.lang = tag;
      document.body.append(wrapper);
      const page = document.createElement('annual-stats') as AnnualStats;
      page.setAttribute('no-url-state', '');
      page.noCharts = tag !== 'zh-TW';
      page.src = await feesIndex();
      wrapper.append(page);
      await page.updateComplete; // the first update starts the load: only then is `loaded` that load's
      await page.loaded;
      expect(text($(page, '#t2b3c0'))).to.equal('本年收费金额（单位：萬元）');
      expect(page.csvFor('t2')).to.contain(',本年收费金额（单位：萬元）,2,萬元');
      expect(text($(page, '#trend-key option'))).to.equal('本年收费金额（单位：萬元）');
      expect($<HTMLOptGroupElement>(page, '#trend-key optgroup').label).to.equal('行政事业性收费');
      expect(page.csvFor('trend')).to.contain('行政事业性收费 · 本年收费金额（单位：萬元）,1,2');
      // Nowhere else either: no text, and no attribute (the charts' summaries, the CSV buttons' names).
      expect(page.shadowRoot!.textContent).not.to.contain('万元');
      const attributes = [...page.shadowRoot!.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
      expect(attributes.join('\n')).not.to.contain('万元');
      if (tag === 'zh-TW') expect(attributes).to.include('行政事业性收费 · 本年收费金额（单位：萬元）（历年）。2021：1；2022：2');
      wrapper.remove();
    });
  }

  it('a simplified-Chinese page keeps Table 二’s fee column as the national format writes it (万元)', async () => {
    const el = await fixture<AnnualStats>(html`<annual-stats lang="zh-CN" no-url-state no-charts src=${await feesIndex()}></annual-stats>`);
    await el.loaded;
    expect(text($(el, '#t2b3c0'))).to.equal('本年收费金额（单位：万元）');
  });

  it('an update reads the page’s language for its strings once, not once per figure (a zh-TW page keeps 萬元)', async () => {
    const el = await fixture<AnnualStats>(html`<annual-stats lang="zh-TW" no-url-state src="/demo/feeds/annual/2022.json"></annual-stats>`);
    await el.loaded;
    const { getAttribute } = Element.prototype;
    let calls = 0;
    Element.prototype.getAttribute = function (this: Element, name: string) {
      if (name === 'lang') calls++;
      return getAttribute.call(this, name);
    };
    try {
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      Element.prototype.getAttribute = getAttribute;
    }
    // Every figure cell of Tables 二, 三 and 四 asks for the strings: some 250 reads of the page's language a render.
    expect(calls).to.be.at.most(1);
    expect([...el.shadowRoot!.querySelectorAll('#t2 .unit')].map(text)).to.include('萬元');
  });
});
