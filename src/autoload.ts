/**
 * The autoloader, dist/disclosure-elements.autoload.js: a tiny classic script that finds the library's tags and
 * `data-disclosure` containers on the page (now and added later) and loads only the code of the elements present,
 * from the ES-module set beside it (`cdn/catalogue.js`, `cdn/annual-stats.js`, …, built by
 * scripts/build-cdn-split.mjs; shared chunks and the chart chunk load through their imports). Each element's code is
 * requested once.
 *
 * <script src="https://unpkg.com/disclosure-elements@0.1.0/dist/disclosure-elements.autoload.js"></script>
 *
 * Also takes the one-tag form: `<script src="…/disclosure-elements.autoload.js" data-disclosure="catalogue" …>`.
 */
import { LIBRARY_TAGS, CONTAINER_SELECTOR, embedFromScript, upgradeAll, watchAdded } from './embed.js';

const script = document.currentScript as HTMLScriptElement | null;
// A classic script has no import.meta; without currentScript (an unusual loader), find our tag by its file name.
const base =
  script?.src ||
  document.querySelector<HTMLScriptElement>('script[src*="disclosure-elements.autoload"]')?.src ||
  document.baseURI;
/** The folder of `base` (absolute): by hand, since a page's own `var URL = '…'` may hide the built-in URL (realm.ts). */
const dir = base.replace(/[?#].*/, '').replace(/[^/]*$/, '');
const TAG_SELECTOR = LIBRARY_TAGS.join(',');
/** Tags whose code is loading or loaded. A plain object, not a Set: old pages replace Set with their own (realm.ts). */
const started: Record<string, boolean> = {};

/** The file in cdn/ for a tag: `disclosure-catalogue` → catalogue, `disclosure-provider` → provider. */
const entryFor = (tag: string) => tag.replace(/^disclosure-/, '');

function load(tag: string): void {
  if (started[tag] || customElements.get(tag)) return;
  started[tag] = true;
  import(/* @vite-ignore */ `${dir}cdn/${entryFor(tag)}.js`).catch((error: unknown) => {
    started[tag] = false;
    console.error(`disclosure-elements: could not load the code of <${tag}>`, error);
  });
}

function scan(root: Element | Document): void {
  upgradeAll(root);
  if (root instanceof Element && LIBRARY_TAGS.includes(root.localName)) load(root.localName);
  for (const el of [...root.querySelectorAll(TAG_SELECTOR)]) load(el.localName);
}

embedFromScript(script);
scan(document);
watchAdded((added) => {
  if (LIBRARY_TAGS.includes(added.localName) || added.matches(CONTAINER_SELECTOR) || added.firstElementChild) scan(added);
});
