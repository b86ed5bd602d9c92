// A language switch (the `lang` attribute, an ancestor's, the provider's) while something is about to be said, or is
// being said: what a screen reader user hears. Each test was seen failing on the code before its fix.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/catalogue.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import { storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { $ } from './request-fixtures.js';

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setLang(el: Updating, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await sleep(0);
  await el.updateComplete;
}

describe('<disclosure-catalogue>: a sentence about to be said when the language is switched', () => {
  it('a result count typed just before the switch is said in the new language (3 results), not in the old (共找到 3 条信息)', async () => {
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${await storeFeed(smallCatalogue())} lang="zh-CN" no-url-state></disclosure-catalogue>`);
    await el.loaded;
    const region = $(el, '.vh[aria-live="polite"]');
    await waitUntil(() => region.textContent!.includes('目录已加载'), 'the load said');
    const said = heard(region);
    const input = $<HTMLInputElement>(el, '#q');
    input.value = '工作';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const count = el.shadowRoot!.querySelectorAll('.item').length;
    expect(count).to.be.above(1);
    // Within the pause before a count is said (the reader may still be typing).
    await setLang(el, 'en');
    await sleep(1000);
    expect(said).to.deep.equal([`${count} results`]);
    expect(region.textContent!.trim()).to.equal(`${count} results`);
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
