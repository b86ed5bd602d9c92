import { LitElement, ReactiveElement, html, nothing, render, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ContextEvent } from '@lit/context';
import { providerContext, type ProviderSettings } from './context.js';
import { LocaleController, type LocaleId, type LocaleStrings } from './locale.js';
import { coreStrings } from '../locales/core.js';
import { documentBase, resolveUrl } from './url.js';
import { VERSION } from '../version.js';
import type { FeedError, FeedErrorKind, FeedIssue, FeedStatus } from './feed.js';
import { warmFormats } from './format.js';

/**
 * `--de-size` (styles.ts: `1em` on :host) computed to px and inherited into the shadow tree, where the text takes the
 * host's size when it is larger than its own: an accessibility toolbar that enlarges text by setting every element's
 * font-size. Registered once per page: a second copy (two ES module builds, the npm bundle beside the CDN script)
 * finds it registered, which throws. Unregistered (an old browser), `1em` reaches the children as such: no change.
 */
try {
  CSS.registerProperty({ name: '--de-size', syntax: '<length>', inherits: true, initialValue: '0' });
} catch {}

/** Elements with theme="auto" re-render when the system's colour scheme changes. */
const darkScheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
const autoThemed = new Set<DisclosureElement>();
darkScheme?.addEventListener?.('change', () => autoThemed.forEach((el) => el.requestUpdate()));

/**
 * By each message (an error, a list of warnings…), by each element showing it: the strings it was first shown in there,
 * 0 once shown in others. (By element: two elements can show one message, a feed parsed once, in two languages.)
 */
const shownIn = new WeakMap<object, WeakMap<object, unknown>>();

/** What renderFeedState shows of a feed: a FeedController, or anything loading like one (a year of an index). */
export interface FeedState { status: FeedStatus; error?: FeedError; slow?: boolean; retry(): Promise<void> }

/**
 * What every element shares: language (own `lang`, ancestors, provider), the provider's feed base, the theme
 * switches (`theme`, `large-text`) and the rendering of loading, error and warning states.
 */
export class DisclosureElement extends LitElement {
  /** Reactive properties (attributes) and internal state: Lit's static form, without decorator code. */
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    largeText: { type: Boolean, reflect: true, attribute: 'large-text' },
    provider: { state: true },
    // Not a positive number (timeout="-1", "abc"): ignored, so the default applies instead of failing every load at once.
    feedTimeout: { attribute: 'timeout', converter: (v) => (Number(v) > 0 ? Number(v) : undefined) },
  };
  static readonly libraryVersion = VERSION;

  /** `light` (default), `dark`, or `auto` (follows the reader's system setting). */
  theme?: 'light' | 'dark' | 'auto';

  /** Larger text and targets for elderly readers (适老化). */
  largeText = false;

  protected provider?: ProviderSettings;

  /** Ends the subscription to the provider's settings. */
  private leaveProvider?: () => void;

  /**
   * Asks the <disclosure-provider> around the element for its settings, now and at every change (the Context
   * Community Protocol's `context-request` event, which its @provide answers).
   */
  private askProvider(): void {
    this.dispatchEvent(new ContextEvent(providerContext, this, (settings, leave) => {
      // Another provider answering (the element moved): the previous one is left.
      if (leave != this.leaveProvider) this.leaveProvider?.();
      this.leaveProvider = leave;
      this.provider = settings;
      // Its lang may change the locale: before the update, which loads that locale's strings.
      this.localeController.refresh();
    }, true));
  }

  protected readonly localeController = new LocaleController(this, () => this.provider?.lang);

  /** The current UI locale. */
  get locale(): LocaleId {
    return this.localeController.locale;
  }

  protected get core() {
    return coreStrings.get(this.locale);
  }

  /** The string modules an element renders with, besides the core ones; loaded per locale before rendering. */
  protected static strings: readonly LocaleStrings[] = [];

  /**
   * Enter pressed inside stays inside: an old page's "Enter anywhere searches the site" (document.onkeydown, keyCode
   * 13), ASP.NET's default button (keypress on the page's form) or a jQuery keyup took the reader away from the middle
   * of an application. Other keys go on to the page (an accessibility toolbar's shortcuts).
   */
  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    for (const k of ['keydown', 'keypress', 'keyup']) root.addEventListener(k, (e) => (e as KeyboardEvent).key == 'Enter' && e.stopPropagation());
    return root;
  }

  /** Set while this element waits for the code of the <disclosure-provider> around it. */
  private providerReady?: Promise<unknown>;

  private allStrings(): LocaleStrings[] {
    return [coreStrings, ...(this.constructor as typeof DisclosureElement).strings];
  }

  /**
   * Waits for the strings of the current locale before rendering (each locale is its own small chunk; with the
   * one-file build it is already there and this costs nothing). `updateComplete` includes the wait.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.providerReady) return this.providerReady.then(() => this.scheduleUpdate());
    const missing = this.allStrings().filter((s) => !s.has(this.locale));
    if (!missing.length) return super.scheduleUpdate();
    return Promise.all(missing.map((s) => s.load(this.locale))).then(
      // Checked again: the language may have changed while these loaded (a page sets lang right after adding the tag).
      () => this.scheduleUpdate(),
      (error: unknown) => {
        // A lost connection while the language chunk loads: render what is there (nothing, if no language has loaded
        // yet — see update()), and try again shortly.
        console.error('disclosure-elements: could not load the UI strings', error);
        setTimeout(() => this.requestUpdate(), 3000);
        super.scheduleUpdate();
      },
    );
  }

  protected override update(changed: PropertyValues): void {
    if (this.allStrings().every((s) => s.get(this.locale))) return super.update(changed);
    // No strings in any language (their chunk could not be loaded): keep the properties, and show the tag's own
    // content instead, such as a link to the old page that the page put inside it.
    (ReactiveElement.prototype as unknown as { update(c: PropertyValues): void }).update.call(this, changed);
    render(html`<slot></slot>`, this.renderRoot, this.renderOptions);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    autoThemed.add(this);
    this.askProvider();
    // <disclosure-provider> is an element of its own (and its own chunk, which no element entry imports). Inside one
    // that is not defined yet, load it, and hold the first render (and feed request) until it answers: its feed-base
    // and language decide what to load. Once defined, ask for its settings again (the first request went unanswered).
    if (!customElements.get('disclosure-provider')) {
      const defined = customElements.whenDefined('disclosure-provider').then(() => this.isConnected && this.askProvider());
      if (this.closest('disclosure-provider')) {
        this.providerReady = import('../provider.js').then(
          () => defined,
          (error: unknown) => console.error('disclosure-elements: could not load <disclosure-provider>', error),
        ).finally(() => {
          this.providerReady = undefined;
        });
      }
    }
    setTimeout(() => warmFormats(this.locale));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    autoThemed.delete(this);
    this.leaveProvider?.();
    // Put back into a provider, it answers at once; put elsewhere, its settings no longer apply.
    this.leaveProvider = this.provider = undefined;
  }

  /** Resolves a `src` value against the provider's `feed-base`, else the document. */
  protected resolveSrc(src: string | null | undefined): string | null {
    if (!src) return null;
    const base = this.provider?.feedBase ? resolveUrl(this.provider.feedBase, documentBase()) : null;
    return resolveUrl(src, base ?? documentBase());
  }

  /**
   * The `lang` attribute for text that comes from a feed (WCAG 3.1.2, language of parts): the feed's own language
   * (its root `lang`, else the provider's `feed-lang`) when it differs from the element's, else `nothing` (the text
   * inherits the element's). The element's is the language its own strings are shown in (`Strings.shown`), which each
   * element's root declares: zh-CN text in a page whose language the library does not ship (`lang="ug"`) is not read
   * with that language's voice, nor is Chinese while the strings of a switch to English cannot be downloaded.
   */
  protected textLang(feed: { lang?: string }): string | typeof nothing {
    const lang = feed.lang ?? this.provider?.feedLang;
    return lang && lang.toLowerCase() != this.allStrings().at(-1)!.shown(this.locale).toLowerCase() ? lang : nothing;
  }

  /** Classes for the inner `.root` wrapper that carries the theme tokens. */
  protected rootClasses(): string {
    const theme = this.theme ?? (this.provider?.theme as typeof this.theme) ?? 'light';
    return `root${this.largeText || this.provider?.largeText ? ' large' : ''}${theme === 'dark' || (theme === 'auto' && darkScheme?.matches) ? ' dark' : ''}`;
  }

  /**
   * On air: the live role (`role`, by default alert) of a panel that shows the message `m` (none: no message) in the
   * strings `t`, while it shows the words it was first shown in; once a language switch has shown it in other words,
   * none, for good (a switch back too). A screen reader takes changed text in a live region as news: the old error,
   * said again in the new language, would sound as if it had just happened. A new message (another object) is live
   * again, and is said in the new language.
   */
  protected air(m: object | false, t: unknown, role = 'alert') {
    const by = m && (shownIn.get(m) ?? shownIn.set(m, new WeakMap()).get(m)!);
    return by && (by.get(this) ?? by.set(this, t).get(this)) == t ? role : (by && by.set(this, 0), nothing);
  }

  /** The loading or error state of a feed, or `nothing` when it has loaded. */
  protected renderFeedState(feed: FeedState, label: string): TemplateResult | typeof nothing {
    const t = this.core;
    if (feed.status === 'loading') {
      return html`<div class="loading" part="loading" aria-busy="true"><p>${feed.slow ? t.slow : t.loading}</p
        ><div class="skeleton" aria-hidden="true"><span></span><span></span><span class="short"></span></div></div>`;
    }
    if (feed.status === 'error' && feed.error) {
      return html`<div class="panel error" part="error" role=${this.air(feed.error, t)}><h2>${t.errorTitle(label)}</h2
        ><p>${this.errorText(feed.error)}</p
        ><button class="btn" type="button" part="retry-button" @click=${() => this.retryFeed(feed)}>${t.retry}</button></div>`;
    }
    if (feed.status === 'idle') {
      return html`<div class="panel warning" part="error" role=${this.air(feed, t, 'status')}><p>${t.errorNoSrc}</p></div>`;
    }
    return nothing;
  }

  /** Retries a feed and moves focus to the element so keyboard users are not left on a removed button. */
  protected async retryFeed(feed: FeedState): Promise<void> {
    // The button goes (for a loading panel), and so does the loading panel once the feed has loaded or failed again:
    // after each, focus that fell to the page goes to what took their place (the reader may have moved it elsewhere).
    for (const step of [0, feed.retry()]) {
      await step;
      await this.updateComplete;
      if (document.activeElement == document.body) this.focusAfterRetry();
    }
  }

  /** Where focus goes when the retry button disappears; elements override to pick a better target. */
  protected focusAfterRetry(): void {
    // A heading drawn before them (the catalogue's title) stays while the feed loads: focus is never dropped to the page.
    const target = this.shadowRoot?.querySelector<HTMLElement>('[part~="loading"], [part~="error"], h2');
    if (target) {
      target.tabIndex = -1;
      target.focus();
    }
  }

  /** A feed error in plain words. */
  protected errorText(error: FeedError): string {
    const t = this.core;
    const { status, detail } = error;
    // Every message is made (they are plain templates), and the one of this kind picked.
    return ({
      network: t.errorNetwork,
      script: t.errorScript,
      notFound: t.errorNotFound,
      server: t.errorServer(status!),
      http: t.errorHttp(status!),
      invalidJson: t.errorInvalidJson,
      html: t.errorHtml,
      timeout: t.errorTimeout(+((this.feedTimeout ?? 20000) / 1e3).toFixed(1)),
      schemaVersion: t.errorSchemaVersion(detail!),
      invalidRoot: t.errorInvalidRoot(detail ?? error.message),
    } satisfies Record<FeedErrorKind, string>)[error.kind];
  }

  /** Milliseconds before a feed request is given up (attribute `timeout`). */
  feedTimeout?: number;

  /**
   * Problems in an otherwise usable feed: counted, the first few named. `skipped` is how many whole entries were left
   * out; with none, the problems were fields dropped from entries that are still shown, and the panel says so.
   */
  /** The feed's problems; their details are for the webmaster and always in English (`lang="en"`, WCAG 3.1.2). */
  protected renderWarnings(warnings: readonly FeedIssue[], skipped: number): TemplateResult | typeof nothing {
    if (!warnings.length) return nothing;
    const t = this.core;
    const shown = warnings.slice(0, 5);
    return html`<div class="panel warning" part="warning" role=${this.air(warnings, t, 'status')}><p
      >${skipped ? t.warningSkipped(skipped) : t.warningIgnored(warnings.length)}</p
      ><details><summary>${t.warningDetails}</summary
        ><ul>${shown.map((w) => html`<li lang="en"><code>${w.path}</code>: ${w.message}</li>`)}</ul
        >${warnings.length > shown.length ? html`<p>${t.warningMore(warnings.length - shown.length)}</p>` : nothing}</details
    ></div>`;
  }
}
