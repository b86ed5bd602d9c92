import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DisclosureElement } from '../../core/base.js';
import { baseStyles } from '../../core/styles.js';
import { FeedController, type FeedIssue, type ParseResult } from '../../core/feed.js';
import { formatDate, formatNumber, isolate } from '../../core/format.js';
import { downloadText, toCsv } from '../../core/csv.js';
import { safeHref } from '../../core/url.js';
import { readUrlState, writeUrlState } from '../../core/url-state.js';
import { normalizeLocale, type LocaleId } from '../../core/locale.js';
import { annualStyles } from './annual-stats.styles.js';
import { isAnnualIndex, readAnnual, type AnnualIndexEntry, type AnnualReport, type AnnualTextKey, type CustomFigure, type Publisher } from './model.js';
// (loadCharts after the model and the strings last: the order of this chunk's modules, 5 B smaller in gzip.)
import { loadCharts } from './load-charts.js';
import { reconcile, seriesFigures, seriesKeys, type ReconciliationIssue } from './reconcile.js';
import { isTemplateId, layout, shapeOf, type TemplateId, type ValueKind } from './layout.js';
import {
  dataTable, figuresTable, hasNull, OUTCOME_GROUPS, outcomeTotals, renderTable, rowLabel, seriesLabel, table2, table3, table4,
  type Lang, type TableModel, type Tpl, type Val,
} from './tables.js';
import type { ChartHandle, ChartSpec, ChartTheme } from './chart-spec.js';
import { annualStrings, type AnnualMessages } from '../../locales/annual.js';

type Loaded = { kind: 'index'; reports: AnnualIndexEntry[]; publisher?: Publisher } | { kind: 'report'; report: AnnualReport };

type Year = Extract<Loaded, { kind: 'report' }>;

/** The element's feed: an index of several years, or one year's report (always, for a `year` of an index). */
function parse(json: unknown, url: string, year?: boolean): ParseResult<Loaded> {
  // (Told by what was asked, not by `'reports' in r`: a host page's Object.prototype may have a `reports`.)
  const r = readAnnual(json, url, (year = !year && isAnnualIndex(json)));
  const o = r as unknown as { reports: AnnualIndexEntry[]; publisher?: Publisher; report: AnnualReport };
  return r.ok
    ? { ok: true, data: year ? { kind: 'index', reports: o.reports, publisher: o.publisher } : { kind: 'report', report: o.report }, warnings: r.warnings }
    : r;
}


interface Sec { id: string; heading: string; text: AnnualTextKey[]; groups: string[]; fees?: boolean }
interface ChartEntry { canvas: HTMLCanvasElement; key: string; handle?: ChartHandle }

/**
 * The strings of `locale`, with the traditional script's units (萬元) for a zh-TW, zh-HK, zh-MO or zh-Hant `tag`: in
 * the unit names and in the one national label that names a unit (本年收费金额（单位：万元）, Table 二).
 */
const strings = (locale: LocaleId, tag?: string | null) => {
  const s = annualStrings.get(locale);
  const u = s.unitNamesHant;
  return /^zh-(hant|tw|hk|mo)\b/i.test(tag ?? '') ? { ...s, unitNames: u, tpl: s.tpl.replace(s.unitNames['10kCNY'], u['10kCNY']) } : s;
};

let chartModule: ReturnType<typeof loadCharts> | undefined;
const mq = (q: string) => (typeof matchMedia === 'function' ? matchMedia(q) : undefined);
const forcedColors = mq('(forced-colors: active)');
/** Printing: before it starts (beforeprint) the page is still laid out for the screen; print media apply after. */
const printing = mq('print');
/**
 * The elements whose chosen year is to be said (已显示2022年度报告) once it is shown: kept out of `announcement`, which
 * a language switch empties, so that a year switched while it loads is said in the new language.
 */
const toSay = new WeakSet<object>();
/** The reports on the page (in any shadow root): their URL keys must differ (stateKey). */
const live = new Set<AnnualStats>();
/**
 * Each table that is wider than its box a Tab stop, so that the arrow keys scroll it (WCAG 2.1.1), named by its caption
 * (of Table 二, its first block: the others are in the same box); a table that fits is not one (-1: focused, it keeps
 * focus when it comes to fit, on a wider screen, rather than leave the reader nowhere). Checked after each
 * update (a year, a language, a table opened, large text) and whenever the element changes size (`sizes`: the
 * screen, the zoom, the page's text size).
 */
const fit = (root: ParentNode) => {
  // Table 二's blocks share fixed columns: a figure wider than its column (a sum in 元 at 200 % text, in a font of wide
  // Chinese letters) widens the table to hold it (its box scrolls), measured anew each time (another size, year, font).
  for (const s of root.querySelectorAll<HTMLElement>('.split')) {
    s.style.minWidth = '';
    const k = Math.max(1, ...[...s.querySelectorAll('td.n')].map((td) => td.scrollWidth / td.clientWidth || 1));
    if (k > 1) s.style.minWidth = `${Math.ceil(s.offsetWidth * k) + 1}px`;
  }
  for (const w of root.querySelectorAll('.table-wrap')) {
    w.querySelector('table')!.tabIndex = w.scrollWidth > w.clientWidth ? 0 : -1;
  }
};
/** The reports on the page, each observed while it is there (fit, and the charts' text size). */
let sizes: ResizeObserver | undefined;

/**
 * A UI string made with `\0` in the place of feed text, with `text` there in a `<span lang>` of its own (WCAG 3.1.2:
 * the UI words in the element's language, the feed's text in its own), isolated (`dir=auto`: right-to-left feed text
 * cannot move the UI's punctuation around it).
 */
const fill = (ui: string, text: unknown, lang: Lang) => {
  const [a, b] = ui.split('\0');
  return html`${a}<span dir=auto lang=${lang}>${text}</span>${b}`;
};

/**
 * @tagname annual-stats
 * @summary The statistics of 政府信息公开工作年度报告 (annual reports on government information disclosure): Tables 二, 三
 * and 四 in the national layout, custom figures, the report's text, charts, reconciliation warnings and, for an index
 * of several years, a year picker and trend charts.
 *
 * @event disclosure-load - A feed loaded (the index, or one year's report). `detail: { url, data, warnings, year? }`.
 * @event disclosure-error - A feed could not be loaded. `detail: { url, kind, status, message, year? }`.
 * @event annual-year-change - Another year is shown: the reader picked it, went back or forward in history, or `year` was set again after the index loaded. `detail: { year }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - Title, publisher and dates of the report.
 * @csspart toolbar - The year picker row.
 * @csspart year-select - The year `<select>`.
 * @csspart section - One report section.
 * @csspart table - Every `<table>`.
 * @csspart chart - A chart figure (canvas, toggle and data table).
 * @csspart data-toggle - The "show data table" button of a chart.
 * @csspart csv-button - A CSV download button.
 * @csspart reconciliation - The panel listing figures that do not add up.
 * @csspart warning - Problems found in the feed.
 * @csspart trend - The trend section (index feeds).
 * @csspart loading - The loading state.
 * @csspart error - The error state (whole feed, or one year).
 * @csspart retry-button - The retry button of an error state.
 *
 * @cssprop [--de-chart-1=var(--de-color-primary)] - First chart colour: the bars of figures and the trend, the first outcome group.
 * @cssprop [--de-chart-2=#c25400] - Second chart colour (outcome groups).
 * @cssprop [--de-chart-3=#1e6b34] - Third chart colour (outcome groups).
 * @cssprop [--de-chart-4=#7b3fa0] - Fourth chart colour (outcome groups).
 * @cssprop [--de-chart-5=#8a6d00] - Fifth chart colour (outcome groups).
 * @cssprop [--de-chart-6=#b3261e] - Sixth chart colour (outcome groups).
 * @cssprop [--de-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font family of all text.
 * @cssprop [--de-font-size=medium] - Base font size (the reader's browser setting); every size is in em from it.
 * @cssprop [--de-line-height=1.6] - Line height of body text.
 * @cssprop [--de-color-text=#1f1f1f] - Text, chart labels.
 * @cssprop [--de-color-text-muted=#595959] - Units, notes, legend.
 * @cssprop [--de-color-background=#ffffff] - Background.
 * @cssprop [--de-color-surface=#f5f6f7] - Header cells.
 * @cssprop [--de-color-border=#c4c8cc] - Table borders, chart grid.
 * @cssprop [--de-color-field-border=#767676] - Border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-color-primary=#0b5cad] - Buttons and the first chart colour.
 * @cssprop [--de-color-link=#0b5cad] - Links.
 * @cssprop [--de-color-focus=#c25400] - The focus outline.
 * @cssprop [--de-color-danger=#b3261e] - Error text and borders.
 * @cssprop [--de-color-danger-background=#fdecea] - Background of error panels.
 * @cssprop [--de-color-warning=#7a4b00] - The reconciliation panel.
 * @cssprop [--de-color-warning-background=#fff4d6] - Background of warning panels.
 * @cssprop [--de-radius=0.25em] - Corner radius.
 * @cssprop [--de-cursor-pointer=pointer] - The cursor over buttons and links (an accessibility toolbar's 大鼠标: its hand).
 * @cssprop [--de-dark-color-text=#ececec] - Dark scheme (`theme="dark"`, or `auto` on a dark system): text, chart labels.
 * @cssprop [--de-dark-color-text-muted=#b8b8b8] - Dark scheme: units, notes, legend.
 * @cssprop [--de-dark-color-background=#16181b] - Dark scheme: background.
 * @cssprop [--de-dark-color-surface=#23272b] - Dark scheme: header cells.
 * @cssprop [--de-dark-color-border=#5c636a] - Dark scheme: table borders, chart grid.
 * @cssprop [--de-dark-color-field-border=#8a9199] - Dark scheme: border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-dark-color-primary=#8cc4ff] - Dark scheme: buttons, and the first chart colour unless `--de-dark-chart-1` is set.
 * @cssprop [--de-dark-color-link=#8cc4ff] - Dark scheme: links.
 * @cssprop [--de-dark-color-focus=#ffb347] - Dark scheme: the focus outline.
 * @cssprop [--de-dark-color-danger=#ffb4ab] - Dark scheme: error text and borders.
 * @cssprop [--de-dark-color-danger-background=#3b1512] - Dark scheme: background of error panels.
 * @cssprop [--de-dark-color-warning=#ffd27a] - Dark scheme: the reconciliation panel.
 * @cssprop [--de-dark-color-warning-background=#33280e] - Dark scheme: background of warning panels.
 * @cssprop [--de-dark-chart-1=var(--de-dark-color-primary)] - Dark scheme: the first chart colour (the light scheme's `--de-chart-1` is not used in the dark one).
 * @cssprop [--de-dark-chart-2=#ff9e5e] - Dark scheme: chart colour 2 (outcome groups), lighter to keep 3:1 on the dark background.
 * @cssprop [--de-dark-chart-3=#6fcf8a] - Dark scheme: chart colour 3 (outcome groups), lighter to keep 3:1 on the dark background.
 * @cssprop [--de-dark-chart-4=#c9a0f0] - Dark scheme: chart colour 4 (outcome groups), lighter to keep 3:1 on the dark background.
 * @cssprop [--de-dark-chart-5=#e3c34a] - Dark scheme: chart colour 5 (outcome groups), lighter to keep 3:1 on the dark background.
 * @cssprop [--de-dark-chart-6=#ff8a80] - Dark scheme: chart colour 6 (outcome groups), lighter to keep 3:1 on the dark background.
 */
export class AnnualStats extends DisclosureElement {
  static override styles = [baseStyles, annualStyles];
  /** Reactive properties (attributes) and internal state: Lit's static form, without decorator code. */
  static override properties: PropertyDeclarations = {
    src: {},
    year: { type: Number },
    urlKey: { attribute: 'url-key' },
    noUrlState: { type: Boolean, attribute: 'no-url-state' },
    noCharts: { type: Boolean, attribute: 'no-charts' },
    chosenYear: { state: true },
    openTables: { state: true },
    trendKey: { state: true },
    announcement: { state: true },
    chartsFailed: { state: true },
  };
  protected static override strings = [annualStrings];

  /** URL of one year's report feed, or of an index of several years. */
  src?: string;
  /** Year shown first when `src` is an index (default: the latest). */
  year?: number;
  /** Prefix of the year parameter in the page URL (default: the element's id, else `annual`; several reports without either: `annual`, `annual2`, … in page order). */
  urlKey?: string;
  /** Keep the chosen year out of the page URL. */
  noUrlState = false;
  /** Tables only: no charts (chart data are shown as tables; the chart code is never loaded). */
  noCharts = false;

  private chosenYear?: number;
  /** The automatic URL key (stateKey) taken while on the page. */
  private autoKey?: string;
  /** The years of an index, each loaded as a feed of its own. */
  private yearFeeds = new Map<number, FeedController<Year>>();
  private openTables?: Set<string>;
  /** The figure the trend shows (unset: 新收, else the first shared one). */
  private trendKey?: string;
  private announcement?: string;
  private chartsFailed?: boolean;

  private readonly reportFeed = new FeedController<Loaded>(this, parse);
  private seen: Loaded | undefined;
  private yearsDone?: Promise<unknown>;
  // (No initial value where none is needed: the tables and chart specs of a rendering are new maps made by render, the
  // tables opened a set made by the first toggle. yearFeeds and chartEntries keep theirs: read before any render.)
  private tableModels?: Map<string, TableModel>;
  private specs!: Map<string, ChartSpec>;
  private chartEntries = new Map<string, ChartEntry>();
  /** Back or forward in history (popstate): the year the URL names. */
  private readonly fromUrl = () => {
    if (this.noUrlState || this.reportFeed.data?.kind !== 'index') return;
    this.pickYear(this.initialYear(this.reportFeed.data.reports.map((e) => e.year)), 'none');
  };
  /** The page laid out for paper and back: the charts drawn again at the width of their boxes (Chart.js only follows a
   *  resize observation, which printing does not wait for: a chart would print at the screen's width, cut off). */
  private readonly onPrint = () => this.chartEntries.forEach((c) => c.handle?.resize());
  /** Forced colours switched on or off: redraw the charts in the new colours. */
  private readonly onForcedColors = () => this.requestUpdate();

  /** Resolves when the feed and, for an index, every year file have loaded or failed. (After the first update, which
   *  starts the load: asked for as soon as the element is in the page, before it, it would not wait for the feed.) */
  get loaded(): Promise<void> {
    return this.updateComplete.then(() => this.reportFeed.loaded).then(() => this.updateComplete).then(() => this.yearsDone).then(() => this.updateComplete).then(() => {});
  }

  /** The year shown (index feeds), or the report's year. */
  get shownYear(): number | undefined {
    return this.chosenYear ?? (this.reportFeed.data?.kind === 'report' ? this.reportFeed.data.report.year : undefined);
  }

  /** The CSV text of a rendered table (`t2`, `t3`, `t4`, `g0`…, `c-proactive`, `c-outcomes`, `trend`), as the button downloads it. */
  csvFor(tableId: string): string | undefined {
    const m = this.tableModels?.get(tableId);
    return m ? toCsv(m.csv) : undefined;
  }

  /** The strings of this update (every figure cell asks for them: some 250 times a report); read anew at each update. */
  private uiStrings?: AnnualMessages;
  private get t() {
    return (this.uiStrings ??= strings(this.locale, this.localeController.lang));
  }
  /** The national template `id` with the labels of the current language. */
  private tpl(id: TemplateId): Tpl {
    return layout(id, this.t.tpl.split('\n'));
  }
  /**
   * The key of its state in the page URL: its url-key or id, else the first automatic key (`annual`, `annual2` …) that
   * no report on the page holds (those in other components' shadow roots too), taken at its first update, so in the
   * order of the page (a report with no-url-state too, as before), and kept while it is on the page. So one without an
   * id never shares the key of another's id (`id="annual"`), and one removed and added again gets its key back. One
   * connected later whose url-key or id another holds as its automatic key moves that one to the next free key
   * (connectedCallback).
   */
  private get stateKey(): string {
    for (let n = 1; !(this.urlKey || this.id || this.autoKey); n++) {
      const key = `annual${n > 1 ? n : ''}`;
      if (![...live].some((c) => key == (c.urlKey || c.id || c.autoKey))) this.autoKey = key;
    }
    return this.urlKey || this.id || this.autoKey!;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const key = this.urlKey || this.id;
    // (An automatic key taken while off the page, its feed loading, is not kept: another may hold it now.)
    this.autoKey = '';
    live.add(this);
    // This one's key taken already as another's automatic key (this one was added to the page later): that one moves
    // to the next free key, and the year it shows in the page URL with it (none yet: the URL's year is this one's).
    for (const c of live) {
      if (key && c.autoKey == key) {
        c.autoKey = '';
        if (c.chosenYear && !c.noUrlState) {
          writeUrlState(key, {}, 'replace');
          writeUrlState(c.stateKey, { year: String(c.chosenYear) }, 'replace');
        }
      }
    }
    window.addEventListener('popstate', this.fromUrl);
    printing?.addEventListener('change', this.onPrint);
    forcedColors?.addEventListener('change', this.onForcedColors);
    // Resized, also by a toolbar's 文字放大 on the tag (no render): the charts' labels follow the text's size.
    // (fit in the next frame: Table 二 widened within the observer's callback would resize the element in it, an error.)
    (sizes ??= new ResizeObserver((es) => es.forEach((e) => (requestAnimationFrame(() => fit(e.target.shadowRoot!)), (e.target as AnnualStats).syncCharts())))).observe(this);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
    window.removeEventListener('popstate', this.fromUrl);
    printing?.removeEventListener('change', this.onPrint);
    forcedColors?.removeEventListener('change', this.onForcedColors);
    sizes!.unobserve(this);
    // The years' feeds go on loading: an element moved in the page (a tab widget, a framework) must still get them.
    this.chartEntries.forEach((c) => c.handle?.destroy());
    this.chartEntries.clear();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.uiStrings = undefined;
    // (The key taken now, in the order of the page, not when the feed comes.)
    if (!this.hasUpdated) void this.stateKey;
    if (changed.has('feedTimeout')) this.reportFeed.timeout = this.feedTimeout;
    if (changed.has('src') || (changed.has('provider') && this.src && this.resolveSrc(this.src) !== this.reportFeed.url)) {
      this.yearFeeds.forEach((f) => f.cancel());
      this.seen = undefined;
      this.yearFeeds = new Map();
      this.chosenYear = undefined;
      void this.reportFeed.load(this.resolveSrc(this.src));
    }
    const data = this.reportFeed.status === 'ready' ? this.reportFeed.data : undefined;
    if (data && data !== this.seen) {
      this.seen = data;
      if (data.kind === 'index') {
        this.chosenYear = this.initialYear(data.reports.map((e) => e.year));
        for (const { year, url } of data.reports) this.yearFeeds.set(year, this.loadYear(year, url));
        this.yearsDone = Promise.all([...this.yearFeeds.values()].map((f) => f.loaded));
      }
    } else if (changed.has('year') && data?.kind === 'index' && data.reports.some((e) => e.year === this.year)) {
      // The year attribute set again after the index loaded (a framework, a Storybook control): show that year, and name
      // it in the URL (replacing the entry: the reader did not pick it), else a reload would show the URL's older year.
      this.pickYear(this.year!, 'replace');
    }
    if (this.yearFeeds.get(this.chosenYear!)?.data && annualStrings.has(this.locale) && toSay.delete(this)) this.announcement = this.t.yearChanged(this.chosenYear!);
  }

  // ---- several years --------------------------------------------------------------------------------------------

  /**
   * One year of an index, loaded as a feed of its own; its events come from the element, with the year in their detail
   * and, as `data` of `disclosure-load`, the year's report itself (as before years had a FeedController).
   */
  private loadYear(year: number, url: string): FeedController<Year> {
    const host = {
      addController() {},
      requestUpdate: () => this.requestUpdate(),
      dispatchEvent: (e: CustomEvent) => {
        const d = e.detail;
        d.year = year;
        if (d.data) d.data = d.data.report;
        return this.dispatchEvent(e);
      },
    };
    // Its language's strings (for the trend's labels in it) load before `disclosure-load` and `loaded`.
    // (Parsed as a report, in the shape the element's own parser gives a report feed.)
    const feed: FeedController<Year> = new FeedController(host as unknown as this, (json, u) => parse(json, u, true) as ParseResult<Year>, () => {
      const fl = normalizeLocale(feed.lang ?? this.provider?.feedLang);
      if (fl) return annualStrings.load(fl).then(() => this.requestUpdate(), () => {});
    });
    feed.timeout = this.reportFeed.timeout;
    void feed.load(url);
    return feed;
  }

  /**
   * The year in the page URL, else the `year` attribute, else the latest. A year in the URL that the index does not
   * list (an old link, a typo) is replaced there by the one shown, in the same history entry.
   */
  private initialYear(list: number[]): number {
    const inUrl = readUrlState(!this.noUrlState && this.stateKey).year;
    const fromUrl = Number(inUrl);
    const y = list.includes(fromUrl) ? fromUrl : list.includes(this.year!) ? this.year! : list[list.length - 1];
    // (y is undefined for an index without years: nothing to name.)
    if (y && inUrl !== undefined && y !== fromUrl) writeUrlState(this.stateKey, { year: String(y) }, 'replace');
    return y;
  }

  /** After retrying a year, focus stays in the year picker (the feed's own retry: the base class's target). */
  protected override focusAfterRetry(): void {
    const picker = this.shadowRoot?.querySelector<HTMLElement>('#year');
    if (picker) picker.focus();
    else super.focusAfterRetry();
  }

  private pickYear(year: number, history: 'push' | 'replace' | 'none' = 'push'): void {
    if (year === this.chosenYear) return;
    this.chosenYear = year;
    // A year that failed, shown again: its error is news again (a message of its own: an alert even after a language
    // switch had its panel no longer one, see DisclosureElement.air).
    const s = this.yearFeeds.get(year);
    if (s?.error) s.error = Object.create(s.error);
    if (history !== 'none' && !this.noUrlState) writeUrlState(this.stateKey, { year: String(year) }, history);
    // Said once the year is shown (willUpdate): not while its file loads, nor when it failed (its error, an alert, says so).
    toSay.add(this);
    this.dispatchEvent(new CustomEvent('annual-year-change', { bubbles: true, composed: true, detail: { year } }));
  }

  // ---- formatting -----------------------------------------------------------------------------------------------

  /**
   * A figure as text: not reported, a signed change (`delta`), or a number with at most four decimals (an amount in 万元
   * to the yuan: 0.0035 万元 is 35 元, not 0).
   */
  private figureText(v: number | null | undefined, kind?: ValueKind): string {
    return typeof v === 'number'
      ? formatNumber(v, this.locale, kind === 'delta' ? { signDisplay: 'exceptZero' } : { maximumFractionDigits: 4 })
      : this.t.notReported;
  }

  private valueHtml = (v: Val): TemplateResult | string => {
    const t = this.t;
    if (typeof v.v !== 'number') return html`<span class="vh">${t.notReported}</span>`;
    // A unit the locale file names (CNY, 10kCNY) is UI text; any other is the feed's own word, in its language.
    const ui = v.unit && t.unitNames[v.unit];
    return html`${v.approx ? t.approx : ''}${this.figureText(v.v, v.kind)}${v.unit ? html` <span class="unit" lang=${ui ? nothing : v.lang ?? nothing}>${ui || v.unit}</span>` : nothing}`;
  };

  // ---- rendering ------------------------------------------------------------------------------------------------

  protected override render() {
    this.tableModels = new Map();
    this.specs = new Map();
    const data = this.reportFeed.data;
    const t = this.t;
    return html`<div class=${this.rootClasses()} part="base" lang=${annualStrings.shown(this.locale)}>
      <div class="vh" role="status" aria-live="polite" aria-atomic="true">${this.yearFeeds.get(this.chosenYear!)?.data && this.announcement}</div>
      ${this.renderFeedState(this.reportFeed, t.reportLabel)}
      ${data?.kind === 'index' ? this.renderWarnings(this.reportFeed.warnings, 0) : nothing}
      ${!data ? nothing : data.kind === 'index' ? this.renderIndex(data.reports) : this.renderReport(data.report, this.reportFeed)}
      ${this.chartsFailed ? html`<p class="panel warning" role=${this.air(this, t, 'status')}>${t.chartsFailed}</p>` : nothing}
    </div>`;
  }

  private renderIndex(entries: AnnualIndexEntry[]) {
    const t = this.t;
    const y = this.chosenYear;
    const s = this.yearFeeds.get(y!);
    // .selected, not ?selected: once the reader has picked an option, its selected attribute no longer moves the choice
    // (HTML's option dirtiness), and back/forward would leave the picker on another year than the report shows.
    return html`<div class="toolbar" part="toolbar">
        <label for="year">${t.yearLabel}</label>
        <select id="year" part="year-select" @change=${(e: Event) => this.pickYear(Number((e.target as HTMLSelectElement).value))}>
          ${[...entries].reverse().map((e) => html`<option value=${e.year} .selected=${e.year === y}>${t.yearOption(e.year)}</option>`)}
        </select>
      </div>
      ${s?.data ? this.renderReport(s.data.report, s) : s ? this.renderFeedState(s, t.yearError(y!)) : nothing} ${this.renderTrend(entries)}`;
  }

  /** A report, from the feed `f` (the element's, or a year's of an index): its warnings, and its language for its text. */
  private renderReport(r: AnnualReport, f: { warnings: FeedIssue[]; lang?: string }) {
    const t = this.t;
    const l = this.textLang(f);
    const national = isTemplateId(r.template);
    const shape = shapeOf(r);
    const tpl = this.tpl(national ? r.template as TemplateId : shape);
    // Table 三 as the feed gave （六） (one row or three, the model reads both): its figures shown, its warnings named.
    if (r.applications?.results.other) tpl.table3 = this.tpl(shape).table3;
    const href = r.sourceUrl ? safeHref(r.sourceUrl, r.sourceUrl) : null;
    /** A section: its text fields and custom-figure groups (by default its own id), and whether it shows the fees. */
    const sec = (id: string, text: string[] = [id], groups = text, fees = false): Sec =>
      ({ id, heading: national ? tpl.sections.find((s) => s.id === id)!.label : t.legacySections[id], text: text as AnnualTextKey[], groups, fees });
    const both = ['fees', 'other'];
    const secs = [
      sec('overview'),
      sec('proactive'),
      sec('applications', undefined, ['applications', 'requests']),
      ...(national ? [] : [sec('fees', undefined, undefined, true)]),
      sec('reviewLitigation'),
      sec('problems', ['problems', 'improvements'], ['problems']),
      national ? sec('other', both, both, true) : sec('other'),
    ].filter((s) =>
      // The three sections with a table are named as the report's fields that hold it (proactive, applications,
      // reviewLitigation); no other section id is a field of the report.
      (r as unknown as Record<string, unknown>)[s.id] || s.text.some((k) => r.text[k]) || (s.fees && r.feesCollected) || r.custom.some((f) => s.groups.includes(f.group!)));
    const known = new Set(r.groups.map((g) => g.id));
    // Groups no section shows, and '' for the figures of no (known) group.
    const rest = r.groups.map((g) => g.id).filter((g) => !secs.some((s) => s.groups.includes(g)));
    if (r.custom.some((f) => !f.group || !known.has(f.group))) rest.push('');
    const issues = reconcile(r, tpl);
    // Every issue names its column; rowTotal and table4Total issues name their row (reconcile.ts).
    const label = (i: ReconciliationIssue): string => {
      if (i.rule === 'table4Total') {
        const g = tpl.table4.groups.find((x) => `reviewLitigation.${x.key}` === i.row)!;
        return [g.parent, g.label].filter(Boolean).join(' ');
      }
      if (i.rule !== 'rowTotal') return tpl.table3.columns.find((c) => c.key === i.column)!.label;
      const row = tpl.table3.rows.find((x) => x.path === i.row);
      return row ? rowLabel(row, ' ') : i.row!;
    };
    // The report's publisher, else the index's (each in its feed's language), else the provider's agency (the page's).
    const data = this.reportFeed.data;
    const own = r.publisher?.name;
    const ix = data?.kind === 'index' && data.publisher?.name;
    const by = own || ix || this.provider?.agency;
    // (role=none: outside <main>, as on old CMS pages, a <header> is the page's banner landmark, which this is not.)
    return html`<header part="header" role="none">
        <h2 lang=${r.title ? l : nothing}>${r.title || t.title(r.year)}</h2>
        <p class="meta">
          ${by ? html`<span>${fill(t.publishedBy('\0'), by, own ? l : ix ? this.textLang(this.reportFeed) : nothing)}</span>` : nothing}
          ${r.publishedAt ? html`<span>${t.publishedAt(formatDate(r.publishedAt, this.locale))}</span>` : nothing}
          ${href ? html`<a href=${href} rel="noopener">${t.source}</a>` : nothing}
          ${r.sample ? html`<span class="badge">${t.sample}</span>` : nothing}
        </p>
      </header>
      ${this.renderWarnings(f.warnings, 0)} ${issues.length ? html`<div class="panel warning" part="reconciliation" role=${this.air(r, t, 'status')}>
        <h3>${t.reconTitle}</h3>
        <p>${t.reconIntro}</p>
        <ul>${issues.map((i) => html`<li>${
          // The sums are of counts (whole numbers): figureText writes them as formatNumber would.
          { columnBalance: t.reconColumn, rowTotal: t.reconRow, resultsTotal: t.reconResults, table4Total: t.reconTable4 }[i.rule](label(i), this.figureText(i.expected), this.figureText(i.actual))}</li>`)}</ul>
      </div>` : nothing} ${this.paras(r.text.intro, l)}
      ${secs.map((s) => this.renderSection(r, tpl, s, national, l, known))}
      ${rest.length
        ? html`<section part="section"><h3>${t.otherFigures}</h3>${rest.map((g) => this.renderGroup(r, g, known, l))}</section>`
        : nothing}
`;
  }

  private paras(text: string | undefined, lang: Lang) {
    if (!text) return nothing;
    return text.split(/\n[ \t\u3000]*\n/).map((p) => p.trim()).filter(Boolean).map((p) => html`<p class="text" lang=${lang}>${p}</p>`);
  }

  /** A section of the report; `l`, the language of the report's text; `known`, the ids of the report's groups. */
  private renderSection(r: AnnualReport, tpl: Tpl, s: Sec, national: boolean, l: Lang, known: Set<string>) {
    const t = this.t;
    let table: unknown = nothing;
    let chart: unknown = nothing;
    if (s.id === 'proactive' && r.proactive) {
      const [model, bars] = table2(r, tpl, t, l);
      table = this.renderTableBlock(model, national);
      chart = this.renderChart('c-proactive', t.proactiveChart, bars.labels, [{ label: t.value, data: bars.data }], true);
    } else if (s.id === 'proactive') {
      const figs = r.custom.filter((f) => f.group === s.id);
      if (figs.filter((f) => typeof f.value === 'number').length > 1) {
        chart = this.renderChart('c-proactive', t.proactiveChart, figs.map((f) => f.label), [{ label: t.value, data: figs.map((f) => f.value) }], true, figs.map(() => l));
      }
    }
    if (s.id === 'applications' && r.applications) {
      table = this.renderTableBlock(table3(r, tpl), national);
      chart = this.renderChart('c-outcomes', t.outcomesChart, OUTCOME_GROUPS.map((g) => t.outcomeLabels[g]), [{ label: t.value, data: outcomeTotals(r, tpl) }], true);
    }
    if (s.id === 'reviewLitigation' && r.reviewLitigation) table = this.renderTableBlock(table4(r, tpl, t), national);
    const both = s.text.filter((k) => r.text[k]).length > 1;
    return html`<section part="section" aria-labelledby=${`s-${s.id}`}>
      <h3 id=${`s-${s.id}`}>${s.heading}</h3>
      ${s.text.map((k) => html`${both && k === 'improvements' ? html`<h4>${t.improvements}</h4>` : nothing}${this.paras(r.text[k], l)}`)}
      ${table} ${chart}
      ${s.fees && r.feesCollected ? html`<p>${t.feesCollected}${t.colon}${this.valueHtml({ v: r.feesCollected.amount, kind: 'amount', unit: r.feesCollected.unit, lang: l })}</p>` : nothing}
      ${s.groups.map((g) => this.renderGroup(r, g, known, l))}
    </section>`;
  }

  private renderGroup(r: AnnualReport, id: string, known: Set<string>, l: Lang) {
    const t = this.t;
    const figs: CustomFigure[] = r.custom.filter((f) => (id ? f.group === id : !f.group || !known.has(f.group)));
    if (!figs.length) return nothing;
    const i = id ? r.groups.findIndex((g) => g.id === id) : r.groups.length;
    const caption = id ? r.groups[i]?.label ?? id : t.ungrouped;
    return this.renderTableBlock(figuresTable(`g${i}`, caption, figs, t, l, id ? l : nothing));
  }

  /**
   * A table with its legend and CSV button; `quiet`: its caption only for assistive technology (a heading above says the
   * same). The table scrolls in its box, with the keyboard too: the table takes focus while it is wider than the box
   * (fit), named by its caption, not the box, which would be a third name of the same words after the heading and the caption.
   */
  private renderTableBlock(m: TableModel, quiet?: boolean) {
    const t = this.t;
    this.tableModels!.set(m.id, m);
    return html`<div class="table-wrap">${renderTable(m, this.valueHtml, quiet)}</div>
      ${hasNull(m) ? html`<p class="legend">${t.legend}</p>` : nothing}
      <div class="actions">
        <button class="btn" type="button" part="csv-button" aria-label=${t.downloadCsvOf(isolate(m.caption))}
          @click=${() => downloadText(`${this.stateKey}-${this.shownYear ?? ''}-${m.id}.csv`, toCsv(m.csv))}>${t.downloadCsv}</button>
      </div>`;
  }

  /**
   * A chart with its data table (`model`, else one made of `labels`, each in its language `langs` when from a feed);
   * `cap`: the figcaption, when `title` holds feed text to mark. Unless the charts are off or have failed, the canvas
   * with a text summary, the data table behind a toggle. Labels in the feed's language are left out of the summary, an
   * attribute of one language: they are in the tables, marked.
   */
  private renderChart(id: string, title: string, labels: string[], datasets: [{ label: string; data: (number | null)[]; approx?: (boolean | undefined)[] }], horizontal = false, langs?: Lang[], picker: unknown = nothing, model?: TableModel, cap: unknown = title) {
    const t = this.t;
    let table: unknown = this.renderTableBlock(model ?? dataTable(id, t.chartData(title), t.figure, labels, datasets, langs));
    if (!this.noCharts && !this.chartsFailed) {
      // The outcomes chart is a breakdown: one palette colour per group.
      this.specs.set(id, { horizontal, labels, datasets, locale: this.locale, byCategory: id === 'c-outcomes' });
      const open = !!this.openTables?.has(id);
      table = html`<div class="chart" role="img" aria-label=${langs?.some((l) => l != nothing) ? title : t.chartSummary(title,
        // (A chart draws one series, `datasets` says so: its summary names each category and its figure.)
        labels.map((l, i) => l + t.colon + (datasets[0].approx?.[i] ? t.approx : '') + this.figureText(datasets[0].data[i])).join(t.sep) || t.chartEmpty)} data-height=${horizontal ? `${Math.max(8, labels.length * 2.2 + 3)}em` : nothing}>
        <canvas data-chart=${id}></canvas>
      </div>
      <div class="actions">
        <button class="btn" type="button" part="data-toggle" aria-expanded=${String(open)} aria-controls=${`${id}-box`}
          aria-label=${/* Named by its chart (the words shown first), as the CSV buttons are: a list of buttons heard three
            times 显示数据表 tells none apart. The trend's table holds every figure, not the one drawn. */
            t.withUnit(open ? t.hideTable : t.showTable, id == 'trend' ? t.trendTitle : title)}
          @click=${() => {
            const s = new Set(this.openTables);
            if (!s.delete(id)) s.add(id);
            this.openTables = s;
          }}>${open ? t.hideTable : t.showTable}</button>
      </div>
      <div id=${`${id}-box`} ?hidden=${!open}>${table}</div>`;
    }
    return html`<figure part="chart"><figcaption>${cap}</figcaption>${picker}${table}</figure>`;
  }

  private renderTrend(entries: AnnualIndexEntry[]) {
    const t = this.t;
    // The years loaded, by the index's years: a year's file may hold a report of another year (2021 → 2022.json).
    const loaded = entries.map((e) => this.yearFeeds.get(e.year)!).filter((f) => f?.data);
    const ready = loaded.map((f) => f.data!.report);
    const failed = entries.filter((e) => this.yearFeeds.get(e.year)?.status === 'error').map((e) => e.year);
    if (ready.length < 2) return nothing;
    const keys = seriesKeys(ready);
    if (!keys.length) return nothing;
    const key = [this.trendKey, 'newReceived'].find((k) => keys.includes(k!)) ?? keys[0];
    const tpls = [this.tpl('CN-2021'), this.tpl('CN-2019')];
    // A custom figure's label (and unit) is the feed's text: of the latest year, which seriesLabel reads it from (every
    // year has every key). The other labels are the national templates', UI text.
    const cl = this.textLang(loaded.at(-1)!);
    const lang = (k: string) => (k.startsWith('custom.') ? cl : nothing);
    // An <option> holds text only, so it cannot mark the UI's unit words apart from the feed's label: a custom figure's
    // label is all in the feed's language, its money unit as that language names it (公开经费（万元） in the English UI),
    // when the library ships that language (loadYear loads its strings; for other languages, the UI's).
    const fl = typeof cl == 'string' && normalizeLocale(cl);
    // Each figure's name looked up once (the picker asks for it many times: its option, its group, its group's others).
    const named = new Map<string, string[]>();
    const parts = (k: string) => {
      const s = lang(k) === nothing || !fl ? t : strings(fl, cl as string);
      return named.get(k) ?? named.set(k, seriesLabel(k, ready, tpls, s.withUnit, t.feesCollected, s.unitNames)).get(k)!;
    };
    const label = (k: string) => parts(k).join(' · ');
    // Oldest first (the index is sorted by year); every report has every key (seriesKeys), so each map holds each figure drawn.
    const years = ready.map((r) => String(r.year));
    const maps = ready.map(seriesFigures);
    // A custom figure a year gives as 3.5万余 (approximate): 约 / about before its number, that year's only.
    const approx = (r: AnnualReport, k: string) => r.custom.find((f) => `custom.${f.key}` === k)?.approximate;
    // .selected, as in the year picker: once the reader has picked, a selected attribute no longer moves the choice, and
    // a year that loads late (which can drop the figure picked) would leave the picker on another figure than is drawn.
    // An option names the figure within its row, group or clause (Table 四's 行政复议 …), an <optgroup> of the figures
    // there (in place of the first of them), so that it is short enough to read on a phone; the chart's caption names
    // it in full, and so does each option's name: a screen reader arrowing through the closed picker hears no group.
    // (At 400 % zoom the list is 320px wide: a national label too long for it, Table 三's English rows up to 870px, is
    // shown by its short name, pickLabels.)
    const group = (k: string) => parts(k).at(-2);
    const full = t.tpl.split('\n');
    const pick = t.pickLabels.split('\n');
    const short = (s: string) => s.replace(/^(\d+\. )?(.+)/, (_, n = '', l) => n + (pick[full.indexOf(l)] || l));
    const option = (k: string, s = short(parts(k).at(-1)!)) => html`<option value=${k} lang=${lang(k)} dir=auto .selected=${k === key}
      aria-label=${/* Its name begins with what it shows (WCAG 2.5.3). */ (s == parts(k).at(-1) ? '' : s + t.colon) + label(k)}>${s}</option>`;
    // The chart's name (an attribute: one language) in the UI's words only; a feed's figure is named in the figcaption,
    // marked with its language. The data table behind the trend lists every shared figure, not only the one drawn.
    return html`<section part="trend" aria-labelledby="s-trend">
      <h3 id="s-trend">${t.trendTitle}</h3>
      <p>${t.trendNote(keys.length)} ${failed.length ? t.trendMissing(failed) : ''}</p>
      ${this.renderChart('trend', lang(key) === nothing ? t.trendChart(label(key)) : t.trendTitle, years, [{ label: label(key), data: maps.map((m) => m.get(key)!), approx: ready.map((r) => approx(r, key)) }], false, undefined, html`<p class="trend-pick"><label for="trend-key">${t.trendFigure}</label>
        <select id="trend-key" @change=${(e: Event) => (this.trendKey = (e.target as HTMLSelectElement).value)}>
          ${keys.map((k) => {
            const same = keys.filter((x) => group(x) === group(k));
            return !group(k) ? option(k) : same[0] !== k ? nothing : html`<optgroup label=${short(group(k)!)}>${same.map((x) => option(x))}</optgroup>`;
          })}
        </select></p>`, dataTable('trend', t.chartData(t.trendTitle), t.figure, keys.map(label),
        maps.map((m, i) => ({ label: years[i], data: keys.map((k) => m.get(k)!), approx: keys.map((k) => approx(ready[i], k)) })), keys.map(lang), t.approxColumn),
        fill(t.trendChart('\0'), label(key), lang(key)))}
    </section>`;
  }

  // ---- charts ---------------------------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Heights are set through the CSSOM, not a style attribute, which a strict CSP (style-src-attr) would block.
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.chart[data-height]')) box.style.height = box.dataset.height!;
    fit(this.renderRoot);
    void this.syncCharts();
  }

  private async syncCharts(): Promise<void> {
    // No canvas with no-charts, nor once the charts have failed (renderChart draws tables instead).
    const canvases = [...this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
    const todo: [string, ChartEntry, ChartSpec][] = [];
    const live = new Set<string>();
    let theme: ChartTheme | undefined;
    // The theme is read only when a canvas is drawn: in a .chart box, in .root.
    if (canvases.length) {
      const cs = getComputedStyle(this.renderRoot.querySelector('.root')!);
      const v = (n: string) => cs.getPropertyValue(n).trim();
      theme = { palette: [1, 2, 3, 4, 5, 6].map((i) => v(`--_chart-${i}`) || '#0b5cad'), text: v('--_text') || '#1f1f1f', grid: v('--_border') || '#c4c8cc', font: cs.fontFamily,
        // The text size around the charts (large-text mode enlarges the children of .root, not .root itself).
        size: Math.max(12, Math.round(parseFloat(getComputedStyle(this.renderRoot.querySelector('.chart')!).fontSize) * 0.8125)) };
    }
    for (const canvas of canvases) {
      const id = canvas.dataset.chart!;
      const spec = this.specs.get(id);
      if (!spec) continue;
      live.add(id);
      const key = JSON.stringify([spec, theme]);
      const old = this.chartEntries.get(id);
      if (old && old.canvas === canvas && old.key === key) continue;
      old?.handle?.destroy();
      const entry: ChartEntry = { canvas, key };
      this.chartEntries.set(id, entry);
      todo.push([id, entry, spec]);
    }
    for (const [id, c] of this.chartEntries) {
      if (!live.has(id)) {
        c.handle?.destroy();
        this.chartEntries.delete(id);
      }
    }
    if (!todo.length) return;
    let mod: Awaited<ReturnType<typeof loadCharts>>;
    try {
      mod = await (chartModule ??= loadCharts());
    } catch {
      chartModule = undefined;
      this.chartsFailed = true;
      return;
    }
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    for (const [id, entry, spec] of todo) {
      if (this.chartEntries.get(id) !== entry || !entry.canvas.isConnected || !this.isConnected) continue;
      try {
        entry.handle = mod.drawChart(entry.canvas, spec, theme!, reduced);
      } catch {
        // Something on the host page broke chart.js: say so and show the chart data as tables.
        this.chartsFailed = true;
      }
    }
  }
}
