import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bare } from './json.js';

/** The locales the library ships. zh-CN is the default, and serves every `zh*` tag. */
export type LocaleId = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: LocaleId = 'zh-CN';

/** A message is text, or a function of its parameters (for counts, names and numbers). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...args: any[]) => string);
export type Messages = { [key: string]: Message | Readonly<Record<string, string>> };
/** Maps any BCP 47 tag to a shipped locale: `en*` → en, `zh*` → zh-CN, anything else → null. */
export function normalizeLocale(tag: string | null | undefined): LocaleId | null {
  // A missing tag is tested as "undefined", which neither matches.
  const t = tag?.trim() as string;
  return /^en(-|$)/i.test(t) ? 'en' : /^zh(-|$)/i.test(t) ? 'zh-CN' : null;
}

/** The `lang` of the element itself or its closest ancestor that has one, crossing shadow-root boundaries. */
export function closestLang(el: Element): string | null {
  // An empty lang="" (unknown) is passed over, as a missing one.
  for (let node: Node | null = el; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    const lang = node instanceof Element && node.getAttribute('lang');
    if (lang) return lang;
  }
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
const observer = new MutationObserver(() => listeners.forEach((l) => l()));

/** Watches the `lang` attributes in `root`. A root observed already is not observed twice (the same options replace). */
const observe = (root: Node) => observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });

/**
 * Follows the language an element should speak: its own `lang`, else the closest `[lang]` ancestor (across shadow
 * roots), else the provider's, else zh-CN. Re-renders the host when any of those change.
 */
export class LocaleController implements ReactiveController {
  locale: LocaleId = DEFAULT_LOCALE;
  /**
   * The language tag the locale came from, as written (`zh-TW`, which speaks zh-CN with traditional units), or null.
   * A change of it re-renders the host even when the locale stays the same.
   */
  lang?: string | null;
  private readonly listener = () => this.refresh();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.listener);
    // Observe the document and every shadow root between it and the host, so ancestor lang changes are seen.
    let root: Node = this.host.getRootNode();
    observe(document.documentElement);
    while (root instanceof ShadowRoot) {
      observe(root);
      root = root.host.getRootNode();
    }
    this.refresh();
  }

  hostDisconnected(): void {
    listeners.delete(this.listener);
  }

  /** Re-reads the language; call when the provider context changes. */
  refresh(): void {
    let lang = closestLang(this.host);
    if (!normalizeLocale(lang)) lang = this.fallback() ?? null;
    if (lang !== this.lang) {
      this.lang = lang;
      this.locale = normalizeLocale(lang) ?? DEFAULT_LOCALE;
      // An element's live region (its `announcement`) still holds its last sentence in the previous language, which a
      // screen reader reads when browsing onto it: emptied (that is not announced, and neither is a language switch).
      // (request-status's says that its status line was said: emptied, the line turns to the new language unsaid.)
      (this.host as { announcement?: unknown }).announcement = '';
      this.host.requestUpdate();
    }
  }
}

/**
 * The UI strings of one module in every shipped locale, each locale in its own chunk: a page downloads only the
 * languages it shows. `load()` fetches a locale once; `get()` is synchronous and answers with the requested locale
 * when it has loaded, else with one that has (an element renders only once its locale is there, see
 * DisclosureElement.scheduleUpdate, so the fallback only serves a language switch that is still loading).
 */
/** What an element needs of a string module: the untyped view of Strings. */
export interface LocaleStrings {
  has(locale: LocaleId): boolean;
  get(locale: LocaleId): unknown;
  shown(locale: LocaleId): LocaleId;
  load(locale: LocaleId): Promise<void>;
}

export class Strings<M extends Messages> implements LocaleStrings {
  private readonly loaded: Partial<Record<LocaleId, M>> = {};
  private readonly pending: Partial<Record<LocaleId, Promise<void>>> = {};

  constructor(private readonly loaders: { [L in LocaleId]: () => Promise<{ default: M }> }) {}

  has(locale: LocaleId): boolean {
    // (bare: a host page's polluted Object.prototype.en is not a loaded locale, nor one on its way, in load.)
    return locale in bare(this.loaded);
  }

  get(locale: LocaleId): M {
    return this.loaded[this.shown(locale)] as M;
  }

  /** The locale `get()` answers with: `locale` once loaded, else zh-CN or en, whichever has (en when neither has). */
  shown(locale: LocaleId): LocaleId {
    return this.has(locale) ? locale : this.has(DEFAULT_LOCALE) ? DEFAULT_LOCALE : 'en';
  }

  /** Loads `locale` once; a failed load (a lost connection) is tried again on the next call. */
  load(locale: LocaleId): Promise<void> {
    return (bare(this.pending)[locale] ??= this.loaders[locale]().then(
      (m) => {
        this.loaded[locale] = m.default;
      },
      (error: unknown) => {
        delete this.pending[locale];
        throw error;
      },
    ));
  }
}
