/**
 * Embed forms that survive rich-text editors which strip unknown tags and attributes (issue 5):
 *
 * - a container: `<div data-disclosure="catalogue" data-src="catalogue.json" data-page-size="50"></div>`: the element
 *   is created inside the div (the div stays, as the container); every other `data-*` attribute is copied to it
 *   without its `data-` prefix; `data-feed-base`, `data-agency` and `data-feed-lang` go to a `<disclosure-provider>` wrapped around it;
 * - a one-tag script: `<script src="…/disclosure-elements.js" data-disclosure="catalogue" data-src="…"></script>`:
 *   the element is inserted right after that script tag.
 *
 * Pure DOM code with no dependency on Lit, shared by the single-file CDN build (src/cdn.ts) and the autoloader
 * (src/autoload.ts). Safe when several copies of the library run on one page: marks and the document observer are
 * kept under global `Symbol.for` keys, so every copy sees them.
 */

/** `data-disclosure` values and the tags they create. The full tag names are accepted too. */
export const EMBED_TAGS: Readonly<Record<string, string>> = {
  catalogue: 'disclosure-catalogue',
  'annual-stats': 'annual-stats',
  'request-form': 'request-form',
  'request-status': 'request-status',
};

/** Every tag of the library (the autoloader loads code for these). */
export const LIBRARY_TAGS = ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status', 'disclosure-provider'];

/** Container attributes that go to the wrapping `<disclosure-provider>` instead of the element. */
const PROVIDER_ATTRIBUTES = ['feed-base', 'agency', 'feed-lang'];

/**
 * The only attributes a `data-*` attribute may become: the elements' own (README), and id/class. Content editors let
 * `data-*` through because it is inert; copied blindly, `data-onfocus` + `data-autofocus` would become a live event
 * handler, and `data-style` a page-covering overlay.
 */
const ELEMENT_ATTRIBUTES = new Set([
  'src', 'page-size', 'url-key', 'no-url-state', 'heading', 'year', 'no-charts', 'persist', 'query-code', 'today',
  'lang', 'theme', 'large-text', 'timeout', 'id', 'class',
]);

/** `[data-disclosure]` elements other than scripts: the containers. */
export const CONTAINER_SELECTOR = '[data-disclosure]:not(script)';

const DONE = Symbol.for('disclosure-elements.embedded');
const WATCH = Symbol.for('disclosure-elements.embed-watch');
const WARNED = Symbol.for('disclosure-elements.embed-warned');

type Marked = Element & { [DONE]?: Element | true };
type Listener = (added: Element) => void;
interface Watch { observer: MutationObserver; listeners: Set<Listener> }
type Global = typeof globalThis & { [WARNED]?: Set<string> };

/** The tag a `data-disclosure` value names, or null (with one console warning per unknown value and page). */
export function tagFor(value: string | null): string | null {
  const v = (value ?? '').trim().toLowerCase();
  if (Object.hasOwn(EMBED_TAGS, v)) return EMBED_TAGS[v];
  if (Object.values(EMBED_TAGS).includes(v)) return v;
  warnOnce(`disclosure-elements: unknown data-disclosure="${value ?? ''}"; expected one of ${Object.keys(EMBED_TAGS).join(', ')}.`);
  return null;
}

/** One console warning per message and page (shared by every copy of the library). */
function warnOnce(message: string): void {
  const warned = ((globalThis as Global)[WARNED] ??= new Set());
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * Builds the element (wrapped in a provider when one of its attributes is present: `data-feed-base`, `data-feed-lang`
 * or `data-agency`) from the `data-*` attributes of `source`. Returns the outermost node, or null for an unknown
 * `data-disclosure` value.
 */
export function createFromData(source: Element): { node: Element; element: Element } | null {
  const tag = tagFor(source.getAttribute('data-disclosure'));
  if (!tag) return null;
  const doc = source.ownerDocument;
  const element = doc.createElement(tag);
  let provider: Element | null = null;
  for (const { name, value } of [...source.attributes]) {
    if (!name.startsWith('data-') || name === 'data-disclosure') continue;
    const attr = name.slice(5);
    if (!attr) continue;
    if (PROVIDER_ATTRIBUTES.includes(attr)) (provider ??= doc.createElement('disclosure-provider')).setAttribute(attr, value);
    else if (ELEMENT_ATTRIBUTES.has(attr)) element.setAttribute(attr, value);
    else warnOnce(`disclosure-elements: ${name} ignored (not an attribute of <${tag}>).`);
  }
  if (provider) provider.appendChild(element);
  return { node: provider ?? element, element };
}

/**
 * Upgrades one `data-disclosure` container: its content (e.g. a fallback link for readers without JavaScript) is
 * replaced by the element. Never twice: returns the element created the first time, or null for an unknown value.
 */
export function upgradeContainer(container: Element): Element | null {
  const marked = container as Marked;
  if (marked[DONE]) return marked[DONE] === true ? null : (marked[DONE] as Element);
  // Inside an editor's editable area (an iframe-less editor on a page that loads the script): left as it is, or the
  // editor would save the element in place of the container's fallback. Not marked: upgraded once no longer editable.
  if (container.localName === 'script' || !container.hasAttribute('data-disclosure') || (container as HTMLElement).isContentEditable) return null;
  const made = createFromData(container);
  marked[DONE] = made?.element ?? true;
  if (!made) return null;
  container.replaceChildren(made.node);
  // While the page is still being parsed, the parser may yet append the container's fallback content after the
  // element: drop it once parsing is done.
  const doc = container.ownerDocument;
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', () => {
      for (const n of [...container.childNodes]) if (n !== made.node) n.remove();
    }, { once: true });
  }
  return made.element;
}

/** Upgrades every container in `root` (the root itself included). Returns the elements created. */
export function upgradeAll(root: ParentNode = document): Element[] {
  const found: Element[] = [];
  if (root instanceof Element && root.matches(CONTAINER_SELECTOR)) found.push(root);
  if (root.firstChild) found.push(...root.querySelectorAll(CONTAINER_SELECTOR));
  const made: Element[] = [];
  for (const c of found) {
    const wasDone = !!(c as Marked)[DONE];
    const el = upgradeContainer(c);
    if (el && !wasDone) made.push(el);
  }
  return made;
}

/**
 * The one-tag form: when `script` carries `data-disclosure`, inserts the element right after it (once per script
 * tag). Call with `document.currentScript` captured when the script first runs; each script tag counts, so a page
 * with two such tags for the same file gets two elements.
 */
export function embedFromScript(script: Element | null | undefined): Element | null {
  if (!script || !script.hasAttribute('data-disclosure')) return null;
  const marked = script as Marked;
  if (marked[DONE]) return marked[DONE] === true ? null : (marked[DONE] as Element);
  const made = createFromData(script);
  marked[DONE] = made?.element ?? true;
  if (!made) return null;
  script.after(made.node);
  return made.element;
}

/**
 * For ES-module builds (no `document.currentScript`): the `<script data-disclosure>` tags that load `url` and have
 * not been handled yet.
 */
export function scriptsFor(url: string, doc: Document = document): HTMLScriptElement[] {
  return [...doc.querySelectorAll<HTMLScriptElement>('script[data-disclosure][src]')].filter(
    (s) => s.src === url && !(s as Marked)[DONE],
  );
}

/**
 * Calls `listener` for every element added to the document later (each added subtree root once). One
 * MutationObserver per document, shared by every caller and every copy of the library; the returned function removes
 * the listener, and the observer is disconnected when none is left.
 */
export function watchAdded(listener: Listener, doc: Document = document): () => void {
  const holder = doc as Document & { [WATCH]?: Watch };
  let watch = holder[WATCH];
  if (!watch) {
    const listeners = new Set<Listener>();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const node of [...r.addedNodes]) {
          if (node.nodeType !== 1 || !node.isConnected) continue;
          for (const l of [...listeners]) {
            try {
              l(node as Element);
            } catch (error) {
              console.error(error);
            }
          }
        }
      }
    });
    observer.observe(doc, { childList: true, subtree: true });
    watch = holder[WATCH] = { observer, listeners };
  }
  watch.listeners.add(listener);
  const w = watch;
  return () => {
    w.listeners.delete(listener);
    if (!w.listeners.size && holder[WATCH] === w) {
      w.observer.disconnect();
      delete holder[WATCH];
    }
  };
}

const upgradeListener: Listener = (added) => {
  // Cheap for the common case: a text-only or empty node is checked with one `matches`.
  if (added.matches(CONTAINER_SELECTOR) || (added.firstElementChild && added.querySelector(CONTAINER_SELECTOR))) upgradeAll(added);
};

/**
 * Starts the embed forms on a page: the one-tag script (`script`, usually `document.currentScript`), containers
 * present now, and containers added later. Safe to call again (a second load of the script): the observer is shared.
 * Returns a function that stops watching for this caller.
 */
export function startEmbedding(script?: Element | null, doc: Document = document): () => void {
  embedFromScript(script);
  upgradeAll(doc);
  // A listener of its own per call, so that one caller stopping never stops another.
  return watchAdded((added) => upgradeListener(added), doc);
}
