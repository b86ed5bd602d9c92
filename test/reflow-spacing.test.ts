/**
 * Every element on a 320 CSS px screen (a 1280px desktop at 400 %, WCAG 1.4.10) with the browser's text at 200 % (the
 * element's `medium`: --de-font-size 32px), in large-text mode, with a reader's text spacing (WCAG 1.4.12: lines
 * 1.5, paragraphs 2em apart, letters 0.12em, words 0.16em; set on the host page's box, which letter and word spacing
 * reach by inheritance, and inside as a bookmarklet that reaches shadow roots does), and all three at once, in English
 * and Chinese: the states a reader meets stay within the element, no text runs out of its box (a button, a chip, a
 * heading) or is cut off, and a closed picker cut at its edge says so (…). Only the annual report's data tables may scroll sideways (their cells'
 * words and figures within the cells). With the text as it comes, no word is broken where its line would hold it.
 */
import { expect, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/provider.js';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { chartOn } from '../src/elements/annual-stats/charts.js';
import { brokenWords } from '../e2e/broken-words.mjs';
import { cutOff, expectAccessible, mountHtml, scriptEndpoint, storeFeed, nextFrames, textSpacing, waitUntil } from './helpers.js';
import { englishCatalogue, chineseCatalogue, manyItems } from './fixtures/catalogue.js';
import { $, $$, answerToReview, englishFormFeed, fill, formFeed, next } from './request-fixtures.js';

type Shown = HTMLElement & { updateComplete: Promise<boolean>; loaded: Promise<unknown>; largeText: boolean };

const name = (e: Element) => `${e.localName}.${e.className} “${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;

/**
 * What the reader would have to scroll sideways for or cannot read: a box or a line of text past the element's right
 * edge (what a data table's scroll area holds left out), a box whose text runs out of it, text cut off (a button's
 * text outside it), a closed picker cut at its edge without an ellipsis, and the page wider than the screen.
 */
function unreadable(el: Element): string[] {
  const out: string[] = [];
  const right = el.getBoundingClientRect().right;
  const skip = (n: Element) => n.closest('.table-wrap, style, option, [hidden], .vh, canvas');
  for (const e of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const s = getComputedStyle(e);
    if (skip(e) || s.display === 'none' || s.display === 'contents') continue;
    if (e.getBoundingClientRect().right > right + 0.5) out.push(`past the edge: ${name(e)}`);
    // (A field's own text scrolls in it.)
    if (s.display !== 'inline' && !/^(input|select|textarea)$/.test(e.localName) && !/auto|scroll/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
      out.push(`runs out of its box: ${name(e)} ${e.scrollWidth} in ${e.clientWidth}`);
    }
  }
  const walk = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    if (!t.textContent!.trim() || skip(t.parentElement!)) continue;
    const r = document.createRange();
    r.selectNodeContents(t);
    if (r.getBoundingClientRect().right <= right + 0.5) continue;
    // (Spaces at the end of a line of pre-wrap text hang past it unseen: only the characters drawn count.)
    const text = t.textContent!;
    const past = [...text].some((ch, i) => {
      if (/\s/.test(ch)) return false;
      r.setStart(t!, i);
      r.setEnd(t!, i + 1);
      return r.getBoundingClientRect().right > right + 0.5;
    });
    if (past) out.push(`text past the edge: ${name(t.parentElement!)}`);
  }
  // A data table scrolls, but a cell's words and figures stay in it (past it, they run into the next one).
  for (const cell of el.shadowRoot!.querySelectorAll('.table-wrap :is(th, td)')) {
    const r = document.createRange();
    r.selectNodeContents(cell);
    if (cell.checkVisibility() && r.getBoundingClientRect().right > cell.getBoundingClientRect().right + 0.5) out.push(`runs out of its cell: ${name(cell)}`);
  }
  for (const sel of el.shadowRoot!.querySelectorAll('select')) {
    const s = getComputedStyle(sel);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = s.font;
    ctx.letterSpacing = s.letterSpacing;
    ctx.wordSpacing = s.wordSpacing;
    // (Less the arrow's room.)
    const room = sel.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.fontSize);
    const shown = sel.selectedOptions[0]?.text ?? '';
    if (ctx.measureText(shown).width > room && s.textOverflow !== 'ellipsis') out.push(`picker cut without an ellipsis: “${shown}”`);
  }
  out.push(...cutOff(el));
  if (document.documentElement.scrollWidth > innerWidth) out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  return out;
}

const SPACING = 'line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em';
/**
 * Text as it comes (where no word may be broken); at 200 %, with and without the reader's text spacing; large text with
 * it; text at 200 % and large text; all three.
 */
const CONDITIONS = [['as it comes', '', false, false], ['text at 200 %', '32px', false, false], ['text at 200 %, text spacing', '32px', false, true],
  ['large text, text spacing', '', true, true], ['text at 200 % and large text', '32px', true, false], ['text at 200 %, large text, text spacing', '32px', true, true]] as const;

/** Each element in `els` under each condition: what is unreadable, by condition and element. */
async function check(box: HTMLElement, els: Shown[], what: string, settle?: () => Promise<unknown>, large$ = (on: boolean) => els.forEach((el) => (el.largeText = on))): Promise<string[]> {
  // (A copy: the shadow root's own list changes as sheets are adopted.)
  const sheets = new Map(els.map((el) => [el, [...el.shadowRoot!.adoptedStyleSheets]]));
  const out: string[] = [];
  for (const [c, font, large, spaced] of CONDITIONS) {
    box.setAttribute('style', `width: 288px; margin: 0 16px; ${spaced ? SPACING : ''}`);
    large$(large);
    for (const el of els) {
      el.style.setProperty('--de-font-size', font);
      el.shadowRoot!.adoptedStyleSheets = sheets.get(el)!;
      if (spaced) textSpacing(el);
    }
    for (const el of els) await el.updateComplete;
    await settle?.();
    await new Promise((r) => setTimeout(r, 50));
    // What the elements do at the next frames once their size changed (annual-stats widens Table 二 to its figures).
    await nextFrames(3);
    for (const el of els) out.push(...unreadable(el).map((u) => `${what}, ${c}: <${el.localName}> ${u}`));
    // (Where every word fits on a line, none is broken.)
    if (c === 'as it comes') for (const el of els) out.push(...brokenWords(el.shadowRoot!).map((u) => `${what}, ${c}: <${el.localName}> a word broken: ${u}`));
    // (At 200 % the paper form's cells and a catalogue entry's details are laid out one under another.)
    if (c === 'text at 200 %') for (const el of els) await expectAccessible(el);
  }
  return out;
}

describe('every element on a 320px screen with text at 200 %, large text and the reader’s text spacing (WCAG 1.4.10, 1.4.12)', () => {
  before(async () => {
    await setViewport({ width: 320, height: 640 });
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(() => setViewport({ width: 1280, height: 900 }));

  for (const lang of ['en', 'zh-CN']) {
    it(`<request-form> (${lang}): each step, its error summary, the review, the receipt (“Start a new application” ran past its button) and the paper form (its table ran past the element)`, async () => {
      const feed = lang === 'en' ? englishFormFeed : formFeed;
      const RECEIPT = { requestId: 'r-1', queryCode: 'K7QM4XPA9R', receivedAt: '2026-09-30T02:00:00Z', dueDate: '2026-11-03', status: 'received' };
      const out: string[] = [];
      for (const submit of [{ mode: 'api', endpoint: await scriptEndpoint([{ status: 201, body: RECEIPT }]), encoding: 'json' }, { mode: 'print' }]) {
        const box = mountHtml(html`<request-form lang=${lang} src=${await storeFeed(feed(submit))}></request-form>`);
        const el = box.firstElementChild as Shown;
        await el.updateComplete;
        await el.loaded;
        await el.updateComplete;
        const steps: [string, () => Promise<unknown>][] = submit.mode === 'api' ? [
          ['the applicant type', async () => fill(el, { applicantType: 'naturalPerson' })],
          ['the error summary', async () => next(el)],
          ['the review', async () => answerToReview(el)],
          ['the receipt', async () => {
            await next(el);
            await waitUntil(() => $(el, '[part="receipt"]'), 'the receipt');
          }],
        ] : [['the paper form', async () => {
          await fill(el, { applicantType: 'naturalPerson' });
          await answerToReview(el);
          await next(el);
          await waitUntil(() => $(el, '#paper-h'), 'the paper form');
        }]];
        for (const [what, go] of steps) {
          await go();
          out.push(...await check(box, [el], what));
        }
        expect($(el, '[part="error-summary"], [part="receipt"], [part="paper"]'), submit.mode).to.exist;
        box.remove();
        sessionStorage.clear();
      }
      expect(out).to.deep.equal([]);
    });

    it(`<disclosure-provider> around the catalogue (filters, a chip, details, pages; a long publisher name; a feed that failed), request-status (an application’s history) and annual-stats (2020, with its trend; Table 二’s headers and figures ran out of their cells) (${lang})`, async () => {
      const catalogue = lang === 'en' ? englishCatalogue() : chineseCatalogue();
      // The first entry's publisher a long Chinese name (an English page of a Chinese feed): “Publisher” beside it broke
      // as “Publishe” / “r”.
      (catalogue.items as unknown[]).push(...manyItems(45), { id: 'long', title: 'Notice', datePublished: '2030-01-01', publisher: '君山区人民政府办公室政务公开科信息公开与政府网站管理股', categoryIds: ['zw'], topicIds: ['zhzw', 'kjjy'], genreId: 'tz', validity: 'valid' });
      const FOUND = { queryCode: 'K7QM4XPA9R', status: 'correctionRequested', receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29',
        history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }, { status: 'correctionRequested', at: '2026-09-08T02:00:00Z', note: 'Proof of identity' }] };
      const status = (lang === 'en' ? englishFormFeed : formFeed)({ mode: 'print' }, await scriptEndpoint([{ status: 200, body: FOUND }]));
      const box = mountHtml(html`<disclosure-provider lang=${lang}><disclosure-catalogue no-url-state src=${await storeFeed(catalogue)}></disclosure-catalogue
        ><disclosure-catalogue no-url-state src="/__feeds/missing/none.json"></disclosure-catalogue
        ><request-status today="2026-10-12" src=${await storeFeed(status)}></request-status
        ><annual-stats no-url-state year="2020" src="/demo/feeds/annual/index.json"></annual-stats></disclosure-provider>`);
      const els = [...box.querySelectorAll<Shown>('disclosure-provider > *')];
      for (const el of els) {
        await el.updateComplete;
        await el.loaded.catch(() => undefined);
        await el.updateComplete;
      }
      const [cat, failed, st, annual] = els;
      await waitUntil(() => $(failed, '[part~="error"]'), 'the failed feed’s error');
      $(cat, '.filters-toggle').click();
      await cat.updateComplete;
      $(cat, '.facet input').click();
      await cat.updateComplete;
      $(cat, '.item .actions .btn').click();
      await cat.updateComplete;
      expect($$(cat, '.chips .btn').length).to.be.greaterThan(1);
      for (const [id, v] of [['code', 'K7QM4XPA9R'], ['name', '张三']]) {
        $<HTMLInputElement>(st, `#${id}`).value = v;
        $(st, `#${id}`).dispatchEvent(new Event('input'));
      }
      $(st, 'form .btn.primary').click();
      await waitUntil(() => $(st, '[part="history"]'), 'the history');
      await waitUntil(() => $(annual, '#trend-key'), 'the trend');
      await annual.updateComplete;
      for (const b of $$(annual, '[part~="data-toggle"][aria-expanded="false"]')) b.click();
      const charts = () => waitUntil(() => $$(annual, 'canvas').every((c) => chartOn(c as HTMLCanvasElement)), 'charts drawn', 8000);
      await charts();
      // Large text from the provider, as a portal's 长者模式 button sets it.
      const provider = box.firstElementChild as Shown;
      const out = await check(box, els, lang, charts, (on) => (provider.largeText = on));
      // (Table 二's figures, 1,380 or 18,653,000 元, in their fixed columns: the table widens to hold them, annual-stats' fit.)
      expect(out).to.deep.equal([]);
    });
  }
});
