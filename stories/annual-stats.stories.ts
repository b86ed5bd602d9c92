import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { attr, commonArgTypes, elementIn, inShadow, logEvent } from './helpers';
import '../src/annual-stats';

/** The attributes of `<annual-stats>` (names as in the Custom Elements Manifest), plus event actions. */
type Args = {
  src?: string;
  year?: number;
  'url-key'?: string;
  'no-url-state'?: boolean;
  'no-charts'?: boolean;
  theme?: 'light' | 'dark' | 'auto';
  'large-text'?: boolean;
  timeout?: number;
  lang?: string;
  onDisclosureLoad?: unknown;
  onDisclosureError?: unknown;
  onAnnualYearChange?: unknown;
};

const render = (a: Args) => html`<annual-stats
  src=${ifDefined(attr(a.src))}
  year=${ifDefined(attr(a.year))}
  url-key=${ifDefined(attr(a['url-key']))}
  ?no-url-state=${a['no-url-state']}
  ?no-charts=${a['no-charts']}
  theme=${ifDefined(attr(a.theme))}
  ?large-text=${a['large-text']}
  timeout=${ifDefined(attr(a.timeout))}
  lang=${ifDefined(attr(a.lang))}
  @disclosure-load=${logEvent(a.onDisclosureLoad)}
  @disclosure-error=${logEvent(a.onDisclosureError)}
  @annual-year-change=${logEvent(a.onAnnualYearChange)}
></annual-stats>`;

/**
 * Statistics of 政府信息公开工作年度报告 from the sample feeds in `demo/feeds/annual/` (岳阳市君山区, sample data).
 * The chart code is loaded on demand, only by reports that draw charts.
 */
const meta = {
  title: 'Elements/annual-stats',
  component: 'annual-stats',
  tags: ['autodocs'],
  render,
  args: { src: 'feeds/annual/2022.json', 'no-url-state': true },
  argTypes: {
    ...commonArgTypes,
    src: {
      control: 'select',
      options: [
        'feeds/annual/2013.json', 'feeds/annual/2020.json', 'feeds/annual/2022.json', 'feeds/annual/index.json',
        'feeds/annual/broken-2021.json', 'feeds/annual/hostile.json', 'mock/feed/annual-index-missing', 'mock/feed/annual-index-2021', 'mock/404',
      ],
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The 2013 report in the old (2008 条例) layout: the seed data the first reports were typed from. */
export const Legacy2013: Story = {
  name: '2013 seed (legacy)',
  args: { src: 'feeds/annual/2013.json' },
};

export const Report2022: Story = {
  name: '2022 (CN-2021)',
  args: { src: 'feeds/annual/2022.json' },
};

export const Report2020: Story = {
  name: '2020 (CN-2019)',
  args: { src: 'feeds/annual/2020.json' },
};

/** An index of several years: a year picker and trend charts. `year` picks the first year shown. */
export const MultiYear: Story = {
  name: 'Multi-year index',
  args: { src: 'feeds/annual/index.json' },
};

/**
 * An index whose 2021 file is missing (404): choosing 2021 shows an error with a retry button for that year only;
 * the year picker and the other years keep working.
 */
export const MissingYear: Story = {
  name: 'Multi-year index, a year missing',
  args: { src: 'mock/feed/annual-index-missing', year: 2021 },
  tags: ['expect:error', 'expect:year-select'],
};

/** Figures that do not add up are listed in the reconciliation panel instead of being silently shown. */
export const Broken: Story = {
  name: 'Broken (reconciliation warnings)',
  args: { src: 'feeds/annual/broken-2021.json' },
  tags: ['expect:reconciliation'],
};

/** Markup and `javascript:` URLs in the report's text and labels: shown as text. */
export const Hostile: Story = {
  args: { src: 'feeds/annual/hostile.json' },
  tags: ['hostile'],
};

/** The English UI on a Chinese feed (`"lang": "zh-CN"`): the report's own text is marked `lang="zh-CN"` (WCAG 3.1.2). */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await inShadow(elementIn(canvasElement, 'annual-stats'), 'header h2[lang="zh-CN"]');
  },
};

/**
 * A traditional-Chinese page (`lang="zh-TW"`; also zh-HK, zh-MO, zh-Hant): the UI's Chinese strings, with money units
 * in 萬元 rather than 万元 (tables, CSV and trend labels), in the national label of Table 二's fee column too
 * (本年收费金额（单位：萬元）); the rest of the national labels stay as the national format writes them.
 */
export const TraditionalChinese: Story = {
  name: 'zh-TW page (萬元)',
  args: { lang: 'zh-TW', src: 'feeds/annual/2022.json' },
  play: async ({ canvasElement }) => {
    await inShadow(elementIn(canvasElement, 'annual-stats'), 'table');
    const text = elementIn(canvasElement, 'annual-stats').shadowRoot!.textContent!;
    if (!text.includes('本年收费金额（单位：萬元）') || text.includes('万元')) throw new Error('a zh-TW page shows its units as 萬元');
  },
};

/** Tables only: the chart code is never loaded, chart data are shown as tables. */
export const NoCharts: Story = {
  name: 'No charts',
  args: { 'no-charts': true },
};

export const LargeText: Story = {
  name: 'Large text (适老化)',
  args: { 'large-text': true },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

export const ErrorNotFound: Story = {
  name: 'Error (404)',
  args: { src: 'mock/404' },
  tags: ['expect:error'],
};

export const Loading: Story = {
  args: { src: 'mock/slow/annual.json', timeout: 600000 },
  tags: ['expect:loading'],
};

/**
 * 320px wide (a phone, or 1280px at 400% zoom), English, large text: the longest labels. Words that cannot fit wrap;
 * the wide tables scroll inside their own box, and the page does not (WCAG 1.4.10).
 */
export const Narrow: Story = {
  name: 'Narrow (320px, English, large text)',
  args: { lang: 'en', 'large-text': true },
  tags: ['long-text'],
  render: (a) => html`<div style="width: 320px; border: 1px dashed #999;">${render(a)}</div>`,
};

/**
 * 320px wide (a desktop at 400% zoom), English, large text, an index of two 2021-format years: the trend's 指标
 * (figure) picker lists every row of Table 三. A national label too long for its list (up to 870px in English) is
 * shown by a short name (`3. Security and stability`), its option named in full; the chart's caption names the figure
 * picked in full. The closed picker ends a name it cannot show whole with an ellipsis; the page does not scroll sideways.
 */
export const NarrowTrend: Story = {
  name: 'Narrow trend picker (320px, English, large text, index)',
  args: { src: 'mock/feed/annual-index-2021', lang: 'en', 'large-text': true },
  tags: ['long-text', 'expect:year-select', 'expect:trend'],
  render: Narrow.render,
};

/**
 * The same in Chinese, the main audience: 320px wide, large text (20px), an index of two 2021-format years. The
 * national labels too long for the picker's list (Table 三 （六）'s rows, 31 and 36 characters, up to 725px in large text)
 * are shown by short names a reader knows (`1. 逾期不补正`, `5. 确认或重新出具信息`, `（二）部分公开`), each option named
 * in full; the tables keep the exact labels.
 */
export const NarrowTrendZh: Story = {
  name: 'Narrow trend picker (320px, 中文, large text, index)',
  args: { src: 'mock/feed/annual-index-2021', lang: 'zh-CN', 'large-text': true },
  tags: ['long-text', 'expect:year-select', 'expect:trend'],
  render: Narrow.render,
};
