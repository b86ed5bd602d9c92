/**
 * <annual-stats> in English (and its trend picker in Chinese) for readers who zoom: a 320 CSS px screen (a 1280px desktop at 400 %, WCAG 1.4.10), with
 * large text and the browser's text at 200 % (1.4.4). The trend's figure picker (its list is no wider than the screen)
 * and the bar charts' category labels (bars stay told apart).
 */
import { expect, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/annual-stats.js';
import type { AnnualStats } from '../src/annual-stats.js';
import { chartOn } from '../src/elements/annual-stats/charts.js';
import { expectAccessible, mountHtml, storeFeed, waitUntil } from './helpers.js';

const FEEDS = '/demo/feeds/annual';
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface TickChart { width: number; scales: { y: { ticks: { label: string | string[] }[]; options: { ticks: { font: { size: number; family: string } } } } } }

/** In English (or `lang`) in a box of `box` (288px: 320px less a page's usual margins); the charts drawn. */
async function phone(src: string, large = false, font = '', box = 'width: 288px', lang = 'en'): Promise<AnnualStats> {
  const wrap = mountHtml(html`<annual-stats src=${src} lang=${lang} no-url-state ?large-text=${large} style=${font && `--de-font-size: ${font}`}></annual-stats>`, box);
  const el = wrap.querySelector('annual-stats') as AnnualStats;
  await el.updateComplete;
  await el.loaded;
  await el.updateComplete;
  await waitUntil(() => $(el, '#t3') && (!src.includes('index') && !src.includes('store') || $(el, '#trend-key')), 'report and trend', 8000);
  await el.updateComplete;
  await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => chartOn(c)), 'charts drawn', 8000);
  return el;
}

describe('<annual-stats> in English at 320 CSS px (a desktop at 400 %)', () => {
  beforeEach(async () => {
    await setViewport({ width: 320, height: 640 });
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(() => setViewport({ width: 1280, height: 900 }));

  it('the trend’s figure picker: every option and group fits the 320px list (Table 三’s rows by short names, up to 870px before), named in full; the page does not scroll sideways', async () => {
    // Two CN-2021 years: every row of Table 三 is a figure of the trend; and the demo's index (CN-2019 and CN-2021).
    const both2021 = await storeFeed({ schemaVersion: 1, reports: [{ year: 2021, url: `${FEEDS}/broken-2021.json` }, { year: 2022, url: `${FEEDS}/2022.json` }] });
    for (const src of [both2021, `${FEEDS}/index.json`]) {
      for (const large of [false, true]) {
        const el = await phone(src, large);
        const sel = $<HTMLSelectElement>(el, '#trend-key');
        const em = parseFloat(getComputedStyle(sel).fontSize);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = getComputedStyle(sel).font;
        const width = (s: string) => ctx.measureText(s).width;
        const what = `${src.split('/').pop()}${large ? ', large text' : ''}`;
        // The list is as wide as its longest line, up to the screen's width; an option in a group is indented, and
        // the list may have a scroll bar. (The figure of a feed's own label, or the fees' in large text, may be cut in the
        // closed picker, with an ellipsis: its name is in the chart's caption.)
        const over: string[] = [];
        for (const g of sel.querySelectorAll('optgroup')) if (width(g.label) > innerWidth - 2 * em) over.push(`group ${g.label}: ${width(g.label)}px`);
        for (const o of sel.options) {
          const grouped = o.parentElement instanceof HTMLOptGroupElement;
          if (grouped ? width(o.text) > innerWidth - (large ? 2 : 4) * em : !large && width(o.text) > innerWidth - 2 * em) over.push(`${o.text}: ${width(o.text)}px`);
        }
        expect(over, what).to.deep.equal([]);
        expect(sel.options.length, what).to.be.greaterThan(15);
        // Each option named in full (its aria-label: row, group and figure), and the chart's caption names it in full.
        const longest = [...sel.options].sort((a, b) => b.ariaLabel!.length - a.ariaLabel!.length)[0];
        if (src === both2021) expect([...sel.options].map((o) => o.ariaLabel).join('\n'), what).to.contain('Endangers the “three securities and one stability” (national');
        sel.value = longest.value;
        sel.dispatchEvent(new Event('change'));
        await el.updateComplete;
        // (Named by what it shows, then in full: WCAG 2.5.3.)
        const shortened = longest.ariaLabel!.startsWith(`${longest.text}: `);
        if (src === both2021) expect(shortened, `${what}: ${longest.ariaLabel}`).to.equal(true);
        expect(text(sel.closest('figure')!.querySelector('figcaption')), what).to.contain(shortened ? longest.ariaLabel!.slice(longest.text.length + 2) : longest.ariaLabel);
        // The closed picker within the element, its value ending in an ellipsis where it is cut.
        expect(sel.getBoundingClientRect().right, what).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        expect(getComputedStyle(sel).textOverflow, what).to.equal('ellipsis');
        expect(document.documentElement.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(innerWidth);
        await expectAccessible(el);
        el.parentElement!.remove();
      }
    }
  });

  it('the bar charts’ English category labels tell every bar apart at 320px with large text, and at 640px with text at 200 %: a shortened row keeps its last word and its column', async () => {
    for (const src of [`${FEEDS}/2020.json`, `${FEEDS}/2022.json`]) {
      // (Text at 200 % on a 320px screen, a desktop at 800 %, leaves a label ten letters a line: not checked.)
      for (const [large, font] of [[false, ''], [true, ''], [false, '32px'], [true, '32px']] as const) {
        await setViewport({ width: font ? 640 : 320, height: 640 });
        const el = await phone(src, large, font, font ? 'width: 608px' : undefined);
        const what = `${src.split('/').pop()}${large ? ', large text' : ''}${font ? ', text at 200 % (640px)' : ''}`;
        for (const canvas of $$<HTMLCanvasElement>(el, 'canvas[data-chart^="c-"]')) {
          const chart = chartOn(canvas) as TickChart;
          const ctx = document.createElement('canvas').getContext('2d')!;
          const { size, family } = chart.scales.y.options.ticks.font;
          ctx.font = `${size}px ${family}`;
          const labels = chart.scales.y.ticks.map((t) => [t.label].flat());
          const shown = labels.map((l) => l.join(' '));
          // What the reader sees of each bar differs from every other bar's, and no line is wider than its room.
          expect(new Set(shown).size, `${what} ${canvas.dataset.chart}: ${JSON.stringify(shown)}`).to.equal(shown.length);
          for (const line of labels.flat()) expect(ctx.measureText(line).width, `${what}: “${line}”`).to.be.at.most(chart.width * 0.45 + 0.5);
        }
        // The chart's text summary still names each bar in full.
        expect($(el, '.chart').getAttribute('aria-label'), what).to.contain(src.endsWith('2020.json') ? 'Administrative licensing · Items last year' : 'Rules · Issued this year');
        await expectAccessible(el);
        el.parentElement!.remove();
      }
    }
  });
});

describe('<annual-stats> in Chinese at 320 CSS px (a desktop at 400 %)', () => {
  beforeEach(async () => {
    await setViewport({ width: 320, height: 640 });
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(() => setViewport({ width: 1280, height: 900 }));

  it('the trend’s figure picker in zh-CN: every option and group fits the 320px list (Table 三’s long rows by short names, up to 36 characters before), named in full; the page does not scroll sideways', async () => {
    const both2021 = await storeFeed({ schemaVersion: 1, reports: [{ year: 2021, url: `${FEEDS}/broken-2021.json` }, { year: 2022, url: `${FEEDS}/2022.json` }] });
    for (const src of [both2021, `${FEEDS}/index.json`]) {
      for (const large of [false, true]) {
        const el = await phone(src, large, '', undefined, 'zh-CN');
        const sel = $<HTMLSelectElement>(el, '#trend-key');
        const em = parseFloat(getComputedStyle(sel).fontSize);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = getComputedStyle(sel).font;
        // Measured as the element draws it; but a machine without a CJK font draws Chinese in a fallback font, whose
        // glyphs may be narrower than a Chinese font's (a full em each, “” and fullwidth punctuation too; the test
        // machine's fallback draws about 0.6em): counted as no less.
        const cjk = /[\u2018-\u201d\u3000-\u9fff\uff00-\uffef]/g;
        const width = (s: string) => Math.max(ctx.measureText(s).width, ctx.measureText(s.replace(cjk, '')).width + (s.match(cjk)?.length ?? 0) * em);
        const what = `${src.split('/').pop()}${large ? ', large text' : ''}`;
        // The list is as wide as its longest line, up to the screen's width; an option in a group is indented, and
        // the list may have a scroll bar.
        const over: string[] = [];
        for (const g of sel.querySelectorAll('optgroup')) if (width(g.label) > innerWidth - 2 * em) over.push(`group ${g.label}: ${width(g.label)}px`);
        for (const o of sel.options) {
          const grouped = o.parentElement instanceof HTMLOptGroupElement;
          if (width(o.text) > innerWidth - (grouped ? (large ? 2 : 4) : 2) * em) over.push(`${o.text}: ${width(o.text)}px`);
        }
        expect(over, what).to.deep.equal([]);
        expect(sel.options.length, what).to.be.greaterThan(15);
        // Each option named in full (its aria-label: group and row), a short name first (WCAG 2.5.3: what it shows).
        const full = [...sel.options].map((o) => o.ariaLabel!);
        if (src === both2021) expect(full.join('\n'), what).to.contain('（六）其他处理 · 1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
        for (const o of sel.options) expect(o.ariaLabel!.startsWith(`${o.text}：`) || o.ariaLabel!.endsWith(o.text), `${what}: ${o.ariaLabel}`).to.equal(true);
        const longest = [...sel.options].sort((a, b) => b.ariaLabel!.length - a.ariaLabel!.length)[0];
        sel.value = longest.value;
        sel.dispatchEvent(new Event('change'));
        await el.updateComplete;
        const shortened = longest.ariaLabel!.startsWith(`${longest.text}：`);
        if (src === both2021) expect(shortened, `${what}: ${longest.ariaLabel}`).to.equal(true);
        expect(text(sel.closest('figure')!.querySelector('figcaption')), what).to.contain(shortened ? longest.ariaLabel!.slice(longest.text.length + 1) : longest.ariaLabel);
        // The national labels stay whole in the tables.
        if (src === both2021) expect(text($(el, '#t3')), what).to.contain('申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
        expect(sel.getBoundingClientRect().right, what).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        expect(document.documentElement.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(innerWidth);
        await expectAccessible(el);
        el.parentElement!.remove();
      }
    }
  });
});
