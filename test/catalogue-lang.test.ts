// The catalogue marks the feed's text with the feed's language where it differs from the UI's (WCAG 3.1.2, language
// of parts; README, “The feed's language”).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/catalogue.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import { setViewport } from '@web/test-runner-commands';
import { expectAccessible, misLanguaged, scriptEndpoint, shadowText, storeFeed, waitUntil } from './helpers.js';
import { chineseCatalogue, englishCatalogue, smallCatalogue, titlesOf } from './fixtures/catalogue.js';

/** A catalogue whose UI speaks `lang` (its own attribute), on `feed`, loaded with its filter column. */
async function mount(lang: string, feed: unknown): Promise<DisclosureCatalogue> {
  const src = await storeFeed(feed);
  const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue lang=${lang} src=${src} no-url-state></disclosure-catalogue>`);
  await el.loaded;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

/** Ticks the box of `label` in the facet whose legend is `facet`. */
async function tick(el: DisclosureCatalogue, facet: string, label: string): Promise<void> {
  const fs = $$(el, 'fieldset.facet').find((f) => f.querySelector('legend')!.textContent!.trim() === facet);
  const box = [...(fs?.querySelectorAll('label') ?? [])].find((l) => l.querySelector('.text')!.textContent!.trim() === label);
  if (!box) throw new Error(`no ${label} in ${facet}`);
  box.querySelector('input')!.click();
  await el.updateComplete;
}

async function chooseCategory(el: DisclosureCatalogue, id: string): Promise<void> {
  $(el, `[role="treeitem"][data-id="${id}"]`).click();
  await el.updateComplete;
}

/** Opens the details of every entry shown. */
async function openAll(el: DisclosureCatalogue): Promise<void> {
  for (const b of $$<HTMLButtonElement>(el, '.item .actions button')) if (b.getAttribute('aria-expanded') === 'false') b.click();
  await el.updateComplete;
}

/** The elements of the shadow root with a lang attribute, but for the root's own and the warnings' (always English). */
const langMarks = (el: Element) =>
  $$(el, '[lang]').filter((e) => !e.matches('.root') && !e.closest('[part~="warning"]')).map((e) => e.outerHTML.slice(0, 80));

before(async () => {
  await setViewport({ width: 1280, height: 900 });
});

describe('<disclosure-catalogue>: the feed’s language (WCAG 3.1.2)', () => {
  it('English UI, Chinese feed: the title, publisher, categories, terms, chips, entries and details are marked zh-CN; axe passes', async () => {
    const el = await mount('en', chineseCatalogue());
    expect(shadowText(el, '#summary')).to.equal('4 results');
    expect(misLanguaged(el), 'the list').to.deep.equal([]);
    expect($(el, '[part="header"] h2').lang).to.equal('zh-CN');
    expect(shadowText(el, '[part="header"] .publisher')).to.equal('Publisher: 测试县人民政府');
    // The UI's own words stay English: the first tree node, the facets' names, the validity terms.
    expect($(el, '[role="treeitem"][data-id=""] .text').closest('[lang]')!.getAttribute('lang')).to.equal('en');

    await openAll(el);
    expect($$(el, '.detail:not([hidden])')).to.have.length(4);
    expect(misLanguaged(el), 'every entry open').to.deep.equal([]);
    await expectAccessible(el);

    // A category and a term of each facet: the chips name them in English and give the feed's label in Chinese.
    await chooseCategory(el, 'zw');
    await tick(el, 'Topic', '综合政务');
    await tick(el, 'Document type', '通知');
    await tick(el, 'Publisher', '县农业农村局'); // a value the vocabulary lacks, shown as it is
    await tick(el, 'Year', '2013');
    await tick(el, 'Validity', 'Repealed');
    expect($$(el, '.chips li')).to.have.length(7);
    expect(shadowText(el, '.chips li')).to.equal('Categories: 政务信息 ×');
    expect(titlesOf(el)).to.deep.equal(['关于印发农业补贴办法的通知']);
    expect(misLanguaged(el), 'filters chosen').to.deep.equal([]);
    await expectAccessible(el);

    // Search words are highlighted inside the marked titles and keywords. The chip of the search repeats the reader's
    // own words, which are not the feed's: they stay in the UI's language, the one entry expected here.
    $$<HTMLButtonElement>(el, '.chips button').pop()!.click();
    await el.updateComplete;
    const q = $<HTMLInputElement>(el, '#q');
    q.value = '农业';
    q.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, 'mark').length).to.be.greaterThan(2);
    for (const m of $$(el, 'mark')) expect(m.closest('[lang]')!.getAttribute('lang')).to.equal('zh-CN');
    expect(misLanguaged(el), 'a search').to.deep.equal(['en: 农业']);
  });

  it('English UI, Chinese feed, remote mode: the server’s entries and their details are marked zh-CN', async () => {
    const feed = chineseCatalogue();
    const answer = { schemaVersion: 1, items: feed.items, page: { total: 4 }, facetCounts: { genre: { tz: 3, gg: 1 } } };
    const endpoint = await scriptEndpoint([{ body: answer }, { body: answer }]);
    const el = await mount('en', { ...feed, search: { endpoint } });
    await waitUntil(() => titlesOf(el).length === 4, 'the first remote page');
    await openAll(el);
    await tick(el, 'Document type', '通知');
    await waitUntil(() => $$(el, '.chips li').length === 2 && !$(el, '.results[aria-busy="true"]'), 'the filtered page');
    await openAll(el);
    expect($$(el, '.detail:not([hidden])').length).to.be.greaterThan(0);
    expect(misLanguaged(el)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('English UI, Chinese feed: the print view (every result with its details) is marked zh-CN', async () => {
    const el = await mount('en', chineseCatalogue());
    const origPrint = window.print;
    let found: string[] | undefined;
    let open = 0;
    window.print = () => {
      found = misLanguaged(el);
      open = $$(el, '.detail:not([hidden])').length;
    };
    try {
      $$<HTMLButtonElement>(el, '.toolbar button').pop()!.click();
      await waitUntil(() => found, 'print called');
    } finally {
      window.print = origPrint;
      window.dispatchEvent(new Event('afterprint'));
    }
    expect(open).to.equal(4);
    expect(found).to.deep.equal([]);
  });

  it('Chinese UI, English feed: the feed’s text is marked en, the UI’s stays Chinese; axe passes', async () => {
    const el = await mount('zh-CN', englishCatalogue());
    // Language-neutral Latin in the UI's text: the file type and size of an attachment (“PDF, 120.6 KB”: an extension
    // and a unit), and an entry's address in its details (a URL).
    const neutral = /\bPDF\b|\bKB\b|https?:\/\/\S+/g;
    expect(misLanguaged(el, neutral), 'the list').to.deep.equal([]);
    expect($(el, '[part="header"] h2').lang).to.equal('en');
    expect(shadowText(el, '[part="header"] .publisher')).to.equal('发布机构：Test County Government');

    await openAll(el);
    expect(misLanguaged(el, neutral), 'every entry open').to.deep.equal([]);
    // Lists of the feed's terms are joined as the feed's language joins them (not with the Chinese 、).
    const dds = $$(el, '.detail dd').map((dd) => dd.textContent!.trim());
    expect(dds).to.include('farming, spring').and.include('General affairs, Unlisted topic');
    await expectAccessible(el);

    await chooseCategory(el, 'zw');
    await tick(el, '主题分类', 'Unlisted topic'); // a value the vocabulary lacks, shown as it is
    await tick(el, '发布机构', 'Farming office');
    await tick(el, '体裁分类', 'Notice');
    expect(shadowText(el, '.chips li')).to.equal('栏目分类：Government affairs ×');
    expect(titlesOf(el)).to.deep.equal(['Flood control meeting held']);
    await openAll(el);
    expect(misLanguaged(el, neutral), 'filters chosen').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('marks the feed’s text only where its language differs from the UI’s: none when the same, or when not said', async () => {
    const cases = [
      ['zh-CN', chineseCatalogue(), ''],
      ['en', { ...englishCatalogue(), lang: 'EN' }, ''], // tags are compared without regard to case
      ['en', smallCatalogue(), ''], // no lang: taken to be the UI's
      ['en', chineseCatalogue(), 'zh-CN'], // the contrast: the same states, marked
    ] as const;
    for (const [lang, feed, marked] of cases) {
      const el = await mount(lang, feed);
      await openAll(el);
      await chooseCategory(el, 'zw');
      await openAll(el);
      expect($$(el, '.chips li').length).to.be.greaterThan(1);
      expect($(el, '.root').lang).to.equal(lang);
      const marks = langMarks(el);
      if (marked) {
        expect(marks.length, `${lang} UI, ${marked} feed`).to.be.greaterThan(10);
        expect(marks.filter((m) => !m.includes(`lang="${marked}"`)), `${lang} UI, ${marked} feed`).to.deep.equal([]);
      } else expect(marks, `${lang} UI, ${(feed as { lang?: string }).lang ?? 'no'} feed lang`).to.deep.equal([]);
    }
  });
});

describe('the test helpers: stored feeds of test files that run at once', () => {
  it('two test files (pages, each with its own helpers) that store a feed in the same millisecond get different names', async () => {
    // web-test-runner runs two files at once against one test server: a shared name would serve one file the other's
    // feed (here, one without a lang: the Chinese entries were all marked en).
    const now = Date.now;
    Date.now = () => 1_800_000_000_000;
    try {
      const pages = ['a', 'b'].map((p) => import(/* @vite-ignore */ `./helpers.ts?page=${p}`) as Promise<typeof import('./helpers.js')>);
      const [a, b] = await Promise.all(pages);
      expect(a.uniqueName()).to.not.equal(b.uniqueName());
      expect(a.uniqueName('api')).to.not.equal(b.uniqueName('api'));
    } finally {
      Date.now = now;
    }
  });
});
