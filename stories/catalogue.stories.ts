import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import junshanTheme from '../demo/theme-junshan.css?raw';
import { attr, commonArgTypes, elementIn, inShadow, logEvent, typeInto } from './helpers';
import '../src/catalogue';

/** The attributes of `<disclosure-catalogue>` (names as in the Custom Elements Manifest), plus event actions. */
type Args = {
  src?: string;
  'page-size'?: number;
  'url-key'?: string;
  'no-url-state'?: boolean;
  heading?: string;
  theme?: 'light' | 'dark' | 'auto';
  'large-text'?: boolean;
  timeout?: number;
  lang?: string;
  onDisclosureLoad?: unknown;
  onDisclosureError?: unknown;
  onDisclosureQuery?: unknown;
  /** The theming tokens' controls (`.storybook/preview.ts`). */
  [token: `--de-${string}`]: string | undefined;
};

const render = (a: Args) => html`<disclosure-catalogue
  src=${ifDefined(attr(a.src))}
  page-size=${ifDefined(attr(a['page-size']))}
  url-key=${ifDefined(attr(a['url-key']))}
  ?no-url-state=${a['no-url-state']}
  heading=${ifDefined(attr(a.heading))}
  theme=${ifDefined(attr(a.theme))}
  ?large-text=${a['large-text']}
  timeout=${ifDefined(attr(a.timeout))}
  lang=${ifDefined(attr(a.lang))}
  @disclosure-load=${logEvent(a.onDisclosureLoad)}
  @disclosure-error=${logEvent(a.onDisclosureError)}
  @disclosure-query=${logEvent(a.onDisclosureQuery)}
></disclosure-catalogue>`;

/**
 * The sample feed is `demo/feeds/catalogue.json` (2,450 entries of 岳阳市君山区). Variants come from the in-page mock
 * (`mock/…`, see `.storybook/mock.ts` and `stories/fixtures.ts`). Stories keep the state out of the address bar
 * (`no-url-state`), so several catalogues on the docs page do not share it.
 */
const meta = {
  title: 'Elements/disclosure-catalogue',
  component: 'disclosure-catalogue',
  tags: ['autodocs'],
  render,
  args: { src: 'feeds/catalogue.json', 'page-size': 10, 'no-url-state': true },
  argTypes: { ...commonArgTypes, 'page-size': { control: 'select', options: [10, 20, 50, 100] } },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

/** The feed never answers: the skeleton (after 4 s it says the network is slow). */
export const Loading: Story = {
  args: { src: 'mock/slow/catalogue.json', timeout: 600000 },
  tags: ['expect:loading'],
};

/**
 * A slow network: the feed answers after 5.5 s (`mock/late/…`), so the skeleton first says it is still loading (after
 * 4 s), then the catalogue shows.
 */
export const SlowNetwork: Story = {
  name: 'Slow network (answers after the still-loading notice)',
  args: { src: 'mock/late/catalogue-small' },
  tags: ['expect:results'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    const loading = await inShadow(el, '[part~="loading"]');
    const first = loading.textContent?.trim();
    // The notice replaces the loading words (in either language) while the feed is still on its way.
    await waitFor(() => {
      const now = el.shadowRoot!.querySelector('[part~="loading"]');
      expect(now).not.toBeNull();
      expect(now!.textContent?.trim()).not.toBe(first);
    }, { timeout: 6000 });
    await inShadow(el, '[part~="results"]', 10000);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="loading"]')).toBeNull());
  },
};

export const ErrorNotFound: Story = {
  name: 'Error (404)',
  args: { src: 'mock/404' },
  tags: ['expect:error'],
};

/**
 * The error said in Chinese, then the element switched to English: its words are shown in English, but the panel is no
 * longer an alert (no `role`), so that a screen reader does not say the old error again as if it had just happened.
 */
export const ErrorLanguageSwitched: Story = {
  name: 'Error (404), then switched to English',
  args: { src: 'mock/404', lang: 'zh-CN' },
  tags: ['expect:error'],
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="error"][role="alert"]')).not.toBeNull(), { timeout: 10000 });
    el.setAttribute('lang', 'en');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="retry-button"]')?.textContent).toBe('Try again'));
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.getAttribute('role')).toBeNull();
  },
};

/** A CMS that answers a missing file with its HTML error page and status 200. */
export const ErrorHtml: Story = {
  name: 'Error (HTML served)',
  args: { src: 'mock/html' },
  tags: ['expect:error'],
};

export const ErrorBrokenJson: Story = {
  name: 'Error (broken JSON)',
  args: { src: 'mock/badjson' },
  tags: ['expect:error'],
};

/**
 * A script of the host page broke a built-in the element needs while it read the feed (here a broken `Intl` polyfill
 * that throws however it is called): the feed arrived, so the reader is told the page went wrong, not to check their
 * connection (`disclosure-error` kind `script`). Not on the docs page: the broken `Intl` would reach the stories
 * beside it there.
 */
export const ErrorPageScript: Story = {
  name: 'Error (a script of the page broke it)',
  args: { src: 'mock/feed/catalogue-small' },
  tags: ['expect:error', '!autodocs'],
  beforeEach: () => {
    const Real = Intl.DateTimeFormat;
    const broken = () => {
      throw new TypeError('DateTimeFormat is not supported');
    };
    Intl.DateTimeFormat = new Proxy(Real, { apply: broken, construct: broken });
    return () => {
      Intl.DateTimeFormat = Real;
    };
  },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="error"]')?.textContent).toMatch(/本页的程序出错|A program on this page went wrong/), { timeout: 10000 });
  },
};

/** A feed written for a later version of the library (`schemaVersion: 2`) is refused with a clear message. */
export const NewerSchemaVersion: Story = {
  name: 'Newer schemaVersion',
  args: { src: 'mock/v2' },
  tags: ['expect:error'],
};

export const Empty: Story = {
  name: 'Empty (no items)',
  args: { src: 'mock/feed/catalogue-empty' },
  tags: ['expect:empty'],
};

/**
 * Long text at 320px (a phone, or 1280px at 400% zoom): a title, document number, index number, URL and attachment
 * name without a place to break wrap inside the element (WCAG 1.4.10), its details opened.
 */
export const LongText: Story = {
  name: 'Long text (320px)',
  args: { src: 'mock/feed/catalogue-long' },
  tags: ['long-text'],
  render: (a) => html`<div style="width: 320px; border: 1px dashed #999;">${render(a)}</div>`,
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    const more = await inShadow<HTMLElement>(el, '[part~="item"] summary, [part~="item"] button[aria-expanded]');
    more.click();
  },
};

/** Searches the small feed for 预算 by typing into the search box inside the shadow root. */
export const Filtered: Story = {
  args: { src: 'mock/feed/catalogue-small' },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    const input = await inShadow<HTMLInputElement>(el, 'input#q');
    typeInto(input, '预算');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(3));
  },
};

/**
 * A feed split into pages (`page.next`): the first page is shown at once, the rest is loaded after it (with progress
 * while it loads); then all eight entries are searchable.
 */
export const PagedFeed: Story = {
  name: 'Paged feed (page.next)',
  args: { src: 'mock/feed/catalogue-paged' },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    const input = await inShadow<HTMLInputElement>(el, 'input#q');
    typeInto(input, '预算');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(3), { timeout: 10000 });
  },
};

/** The second page of a paged feed is missing (404): the first page stays, and a notice says the rest did not load. */
export const PagedFeedBroken: Story = {
  name: 'Paged feed, a later page fails',
  args: { src: 'mock/feed/catalogue-paged-broken' },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(4), { timeout: 10000 });
  },
};

/** Remote mode (`search.endpoint`): the (mocked) server filters and pages; export and print say 本页. */
export const RemoteMode: Story = {
  name: 'Remote mode (search.endpoint)',
  args: { src: 'mock/feed/catalogue-remote' },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(8), { timeout: 10000 });
    typeInto(await inShadow<HTMLInputElement>(el, 'input#q'), '预算');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(3), { timeout: 10000 });
  },
};

/** The labels of the year facet's values. */
const yearBoxes = (el: HTMLElement): HTMLLabelElement[] => [
  ...([...el.shadowRoot!.querySelectorAll('fieldset.facet')].find((f) => f.querySelector('legend')!.textContent!.startsWith('年份'))?.querySelectorAll('label') ?? []),
];

/**
 * Remote mode, a server that gives no `facetCounts`: the year facet offers every year from the oldest to the newest entry
 * seen (without counts); ticking one asks the server for that year.
 */
export const RemoteModeUncounted: Story = {
  name: 'Remote mode, no year counts',
  args: { src: 'mock/feed/catalogue-remote-uncounted' },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(8), { timeout: 10000 });
    // 年份（须连续）: 2024 and 2023, the years of the entries, without counts.
    await waitFor(() => expect(yearBoxes(el).map((l) => l.textContent!.trim())).toEqual(['2024', '2023']), { timeout: 10000 });
    yearBoxes(el)[1].querySelector('input')!.click();
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(3), { timeout: 10000 });
  },
};

/** Remote mode, the search endpoint answers 500: the error with a retry button, no total or page links. */
export const RemoteModeError: Story = {
  name: 'Remote mode, search fails',
  args: { src: 'mock/feed/catalogue-remote-broken' },
  tags: ['expect:error'],
  // The panel, part="error" like the feed's error state, with its retry button.
  play: async ({ canvasElement }) => {
    await inShadow(elementIn(canvasElement, 'disclosure-catalogue'), '[part~="results"] [part~="error"] button');
  },
};

/** Entries without a title or id, a duplicate id, bad dates: the rest is shown, with a warning naming the problems. */
export const InvalidItems: Story = {
  name: 'Some invalid items (warning)',
  args: { src: 'mock/feed/catalogue-invalid-items' },
  tags: ['expect:warning'],
};

/** Markup and `javascript:` URLs in every field: shown as text, never as links or elements. */
export const Hostile: Story = {
  name: 'Hostile feed',
  args: { src: 'mock/feed/catalogue-hostile' },
  tags: ['hostile'],
};

/**
 * The English UI on the Chinese sample feed, which says `"lang": "zh-CN"`: the feed's text (title, publisher,
 * categories, terms, entries) is marked `lang="zh-CN"`, so that a screen reader reads it with a Chinese voice.
 */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = elementIn(canvasElement, 'disclosure-catalogue');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="item"] h3 [lang]')?.getAttribute('lang')).toBe('zh-CN'), { timeout: 10000 });
  },
};

export const LargeText: Story = {
  name: 'Large text (适老化)',
  args: { 'large-text': true },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** The `--de-*` tokens a theme file sets, as story args: each shows (and can be changed) in its control. */
const tokensOf = (cssText: string): Record<`--de-${string}`, string> =>
  Object.fromEntries([...cssText.matchAll(/(--de-[\w-]+):\s*([^;}]+)/g)].map((m) => [m[1], m[2].trim()]));

/**
 * `demo/theme-junshan.css`: an agency's colours and font through the `--de-*` custom properties. Its tokens are this
 * story's args, so each shows in the Controls panel with its value (change one to try another), and the file itself is
 * shown under the catalogue.
 */
export const Themed: Story = {
  args: tokensOf(junshanTheme),
  tags: ['themed'],
  render: (a) => {
    const style = document.createElement('style');
    style.textContent = junshanTheme;
    return html`${style}${render(a)}
      <details style="margin-top: 1em"><summary>demo/theme-junshan.css</summary><pre style="white-space: pre-wrap">${junshanTheme}</pre></details>`;
  },
};

/** A phone-width column: filters fold away and the layout stacks. */
export const Narrow: Story = {
  name: 'Narrow (360px)',
  render: (a) => html`<div style="width: 360px; max-width: 100%; border: 1px dashed #999;">${render(a)}</div>`,
  parameters: { layout: 'fullscreen' },
};
