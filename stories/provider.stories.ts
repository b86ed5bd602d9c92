import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { attr, commonArgTypes } from './helpers';
import '../src/index';

/** The attributes of `<disclosure-provider>` (names as in the Custom Elements Manifest). */
type Args = {
  'feed-base'?: string;
  lang?: string;
  'feed-lang'?: string;
  agency?: string;
  'large-text'?: boolean;
  theme?: 'light' | 'dark' | 'auto';
};

/**
 * One provider, two elements: both `src` values are relative (`catalogue.json`, `annual/2022.json`) and resolve
 * against the provider's `feed-base`; `lang`, `theme`, `large-text` and `agency` apply to both.
 */
const render = (a: Args) => html`<disclosure-provider
  feed-base=${ifDefined(attr(a['feed-base']))}
  lang=${ifDefined(attr(a.lang))}
  feed-lang=${ifDefined(attr(a['feed-lang']))}
  agency=${ifDefined(attr(a.agency))}
  ?large-text=${a['large-text']}
  theme=${ifDefined(attr(a.theme))}
>
  <disclosure-catalogue src="catalogue.json" page-size="10" no-url-state></disclosure-catalogue>
  <hr style="margin: 2em 0" />
  <annual-stats src="annual/2022.json" no-url-state no-charts></annual-stats>
</disclosure-provider>`;

const meta = {
  title: 'Elements/disclosure-provider',
  component: 'disclosure-provider',
  tags: ['autodocs'],
  render,
  args: { 'feed-base': 'feeds/', agency: '岳阳市君山区人民政府' },
  argTypes: commonArgTypes,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** `feed-base` and `lang` shared by a catalogue and an annual report. */
export const Default: Story = {
  name: 'Shared feed-base and lang',
  args: { lang: 'zh-CN' },
};

/** English elements on Chinese feeds: the feeds' text is marked `lang="zh-CN"` (they say so; `feed-lang` would for feeds that do not). */
export const English: Story = {
  name: 'Shared lang="en"',
  args: { lang: 'en', 'feed-lang': 'zh-CN' },
};

/** `theme` and `large-text` on the provider reach every element inside. */
export const DarkLargeText: Story = {
  name: 'Shared theme and large text',
  args: { theme: 'dark', 'large-text': true },
  globals: { backgrounds: { value: 'dark' } },
};
