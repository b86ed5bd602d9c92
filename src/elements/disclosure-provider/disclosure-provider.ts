import { LitElement, css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextConsumer, provide } from '@lit/context';
import { providerContext, type ProviderSettings } from '../../core/context.js';
import { documentBase, resolveUrl } from '../../core/url.js';
import { VERSION } from '../../version.js';

/**
 * @tagname disclosure-provider
 * @summary Shared settings for the disclosure elements inside it: where feeds live, the language (of the elements,
 * and of feeds that do not say theirs), the agency.
 *
 * @slot - The elements (and any other content) that use these settings.
 *
 * @example
 * <disclosure-provider feed-base="https://www.example.gov.cn/feeds/" lang="zh-CN" agency="岳阳市君山区人民政府">
 *   <disclosure-catalogue src="catalogue.json"></disclosure-catalogue>
 * </disclosure-provider>
 */
export class DisclosureProvider extends LitElement {
  static readonly libraryVersion = VERSION;
  static override styles = css`:host { display: contents; }`;
  /** Reactive properties (attributes) and internal state: Lit's static form, without decorator code. */
  static override properties: PropertyDeclarations = {
    feedBase: { attribute: 'feed-base' },
    feedLang: { attribute: 'feed-lang' },
    agency: {},
    largeText: { type: Boolean, attribute: 'large-text' },
    theme: {},
  };

  /** Base URL that relative `src` values of the elements inside resolve against (itself relative to the page). */
  feedBase?: string;

  /**
   * The language of the feeds' text (a BCP 47 tag such as `zh-CN`), for feeds that do not say it in their own `lang`:
   * the elements mark that text with it where it differs from their language (WCAG 3.1.2). Not a tag: ignored.
   */
  feedLang?: string;

  /** The agency (publisher) name shown by the elements inside. */
  agency?: string;

  /** Larger text for every element inside (适老化). */
  largeText = false;

  /** Theme for every element inside: light, dark or auto. */
  theme?: string;

  @provide({ context: providerContext })
  settings: ProviderSettings = {};

  /** The settings of a provider around this one: each it does not set itself is taken from there (live). */
  private readonly outerProvider = new ContextConsumer(this, {
    context: providerContext,
    subscribe: true,
    callback: () => this.requestUpdate(),
  });

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues): void {
    const outer = this.outerProvider.value ?? {};
    const feedBase = (this.feedBase && resolveUrl(this.feedBase, documentBase())) || outer.feedBase;
    const next: ProviderSettings = {
      feedBase,
      lang: this.getAttribute('lang') || outer.lang,
      feedLang: /^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(this.feedLang ?? '') ? this.feedLang : outer.feedLang,
      agency: this.agency || outer.agency,
      largeText: this.largeText || !!outer.largeText,
      theme: this.theme || outer.theme,
    };
    const prev = this.settings;
    if (
      prev.feedBase !== next.feedBase || prev.lang !== next.lang || prev.feedLang !== next.feedLang || prev.agency !== next.agency ||
      prev.largeText !== next.largeText || prev.theme !== next.theme
    ) {
      this.settings = next;
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
