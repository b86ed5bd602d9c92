import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The locales the library ships. zh-CN is the default, and serves every `zh*` tag. */
export type LocaleId = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: LocaleId = 'zh-CN';

/** A message is text, or a function of its parameters (for counts, names and numbers). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...args: any[]) => string);
export type Messages = { [key: string]: Message | Readonly<Record<string, string>> };
/** One bundle of UI strings per module, in every shipped locale (the English one has the same keys). */
export interface MessageBundle<M extends Messages> { 'zh-CN': M; en: { [K in keyof M]: M[K] } }

/** Maps any BCP 47 tag to a shipped locale: `en*` → en, `zh*` → zh-CN, anything else → null. */
export function normalizeLocale(tag: string | null | undefined): LocaleId | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return null;
}

/** The `lang` of the element itself or its closest ancestor that has one, crossing shadow-root boundaries. */
export function closestLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | null = null;

function observe(root: Node): void {
  if (observedRoots.has(root)) return;
  observer ??= new MutationObserver(() => listeners.forEach((l) => l()));
  observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  observedRoots.add(root);
}

/**
 * Follows the language an element should speak: its own `lang`, else the closest `[lang]` ancestor (across shadow
 * roots), else the provider's, else zh-CN. Re-renders the host when any of those change.
 */
export class LocaleController implements ReactiveController {
  locale: LocaleId = DEFAULT_LOCALE;
  private readonly listener = () => this.refresh();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: () => string | undefined = () => undefined,
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
    const next = normalizeLocale(closestLang(this.host)) ?? normalizeLocale(this.fallback()) ?? DEFAULT_LOCALE;
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}

/** The strings of `bundle` for `locale`. */
export function messagesFor<M extends Messages>(bundle: MessageBundle<M>, locale: LocaleId): M {
  return (bundle[locale] ?? bundle[DEFAULT_LOCALE]) as M;
}
