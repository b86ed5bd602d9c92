import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
// (The catalogue is the first entry of the CDN set: the order of its imports is the order of the shared runtime's
// modules in their chunk. The feed code before the base class and its styles compresses 28 B better, and this chunk 5 B.)
import { FeedController, FeedError, fetchJson } from '../../core/feed.js';
import { DisclosureElement } from '../../core/base.js';
import { baseStyles } from '../../core/styles.js';
import { formatBytes, formatDate, formatNumber, isolate } from '../../core/format.js';
import { downloadText, toCsv } from '../../core/csv.js';
import { readUrlState, writeUrlState } from '../../core/url-state.js';
// (The styles come first in the catalogue's chunk: it compresses better so (12 B), gzip finding their class names again
// in the templates.)
import { catalogueStyles } from './disclosure-catalogue.styles.js';
import { IssueList, isObject } from '../../schema/common.js';
import {
  VALIDITIES, checkItems, hrefOf, parseCatalogue, pendingCheck, type CatalogueFeed, type CatalogueItem, type Category, type Term,
} from '../../schema/catalogue.js';
import { catalogueStrings } from '../../locales/catalogue.js';
import { normalizeLocale } from '../../core/locale.js';
import { highlight, queryTerms } from './search.js';
import {
  CatalogueIndex, FACETS, PAGE_SIZES, SORTS, defaultQuery, emptyFacets, newest, queryToState, stateToQuery, yearRun,
  type CatalogueQuery, type FacetKey, type QueryResult, type SortKey,
} from './query.js';

const FACET_PREVIEW = 8;


/** A copy of `set` with `value` added, or removed if it was there (a new Set, so Lit sees the change). */
function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

/**
 * A term and its value in a metadata list, or nothing when there is no value. Grouped in a <div> (allowed in <dl>) so
 * that a row of them can wrap pair by pair. `lang` marks a value that is the feed's text (textLang); `dir=auto` isolates
 * it, as every inline run of feed text here: a right-to-left one (Uyghur) reads right to left and leaves the UI's
 * colons and counts around it on their side (README, Security).
 */
const meta = (term: string, value: unknown, lang: unknown = nothing, cls?: string) =>
  value ? html`<div><dt>${term}</dt><dd class=${cls} dir=auto lang=${lang}>${value}</dd></div>` : nothing;
/** The label of the term or category `id` in `list`, else the id itself (a value the vocabulary lacks). */
const labelOf = (list: readonly Term[], id: string): string => list.find((t) => t.id === id)?.label ?? id;
/** Whether a facet's terms are the feed's text (its vocabularies), not the UI's (validity) or numbers (year). */
const feedTerms = (facet: FacetKey): facet is 'topic' | 'genre' | 'publisher' => facet != 'year' && facet != 'validity';
/**
 * A count from a server's `facetCounts` (feed text, never trusted): a whole number ≥ 0, else none. Only own entries
 * can be one: what every object inherits (`constructor`, `toString`) is a function.
 */
const countIn = (counts: unknown, id: string): number | undefined => {
  const n = isObject(counts) && counts[id];
  return Number.isInteger(n) && (n as number) >= 0 ? (n as number) + 0 : undefined;
};
/** Takes the reader to the results' summary line (共找到 … 条信息), the top of what changed. */
const toSummary = (el: DisclosureCatalogue) => el.renderRoot.querySelector<HTMLElement>('#summary')?.focus();

const MAX_PAGES = 1000;
/**
 * The most entries a printout holds (it says so: 第 1–2,000 条，共 N 条). Measured in Chromium with full entries: the
 * print view of 2,000 is drawn in 0.5 s; of 10,000 in 9 s, and 8 s more to go back; of 30,000 in 79 s.
 */
const PRINT_LIMIT = 2000;
/** The catalogues on the page: their URL keys must differ (stateKey). */
const live = new Set<DisclosureCatalogue>();

interface RemoteState { items: CatalogueItem[]; total: number; facetCounts?: CatalogueFeed['facetCounts']; error?: FeedError; busy: boolean }

/**
 * @tagname disclosure-catalogue
 * @summary The government information disclosure catalogue (政府信息公开目录): search, filter, sort, page and open
 * documents from a JSON feed.
 *
 * @event disclosure-load - The feed loaded. `detail: { url, data, warnings }`.
 * @event disclosure-error - The feed could not be loaded. `detail: { url, kind, status, message }`.
 * @event disclosure-query - The reader changed the search, filters, sort or page, or went back or forward to another. `detail: { query, total }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The heading area.
 * @csspart filters - The category tree and facets.
 * @csspart search - The search form.
 * @csspart results - The result list area.
 * @csspart item - One catalogue entry.
 * @csspart pagination - The page navigation.
 * @csspart empty - The no-results message, with the way back (clear all conditions).
 * @csspart loading - The loading state.
 * @csspart error - The error state: the feed could not be loaded, or (remote mode) a search failed.
 * @csspart warning - The warning about entries that could not be shown.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssprop [--de-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font family.
 * @cssprop [--de-font-size=medium] - Base font size (default: the reader's browser setting).
 * @cssprop [--de-line-height=1.6] - Line height of body text.
 * @cssprop [--de-color-text=#1f1f1f] - Body text.
 * @cssprop [--de-color-text-muted=#595959] - Labels and counts.
 * @cssprop [--de-color-background=#ffffff] - Background.
 * @cssprop [--de-color-surface=#f5f6f7] - Hover and detail backgrounds.
 * @cssprop [--de-color-border=#c4c8cc] - Borders and separators.
 * @cssprop [--de-color-field-border=#767676] - Border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-color-primary=#0b5cad] - Buttons, the selected category, the current page.
 * @cssprop [--de-color-primary-contrast=#ffffff] - Text on the primary colour (primary buttons).
 * @cssprop [--de-color-link=#0b5cad] - Links.
 * @cssprop [--de-color-focus=#c25400] - The focus outline.
 * @cssprop [--de-color-danger=#b3261e] - Error text and borders.
 * @cssprop [--de-color-danger-background=#fdecea] - Background of error panels.
 * @cssprop [--de-color-warning=#7a4b00] - Warning text and borders.
 * @cssprop [--de-color-warning-background=#fff4d6] - Background of warning panels.
 * @cssprop [--de-color-highlight=#ffe58f] - Background of matched search words.
 * @cssprop [--de-radius=0.25em] - Corner radius.
 * @cssprop [--de-cursor-pointer=pointer] - The cursor over buttons and links (an accessibility toolbar's 大鼠标: its hand).
 * @cssprop [--de-dark-color-text=#ececec] - Dark scheme (`theme="dark"`, or `auto` on a dark system): body text.
 * @cssprop [--de-dark-color-text-muted=#b8b8b8] - Dark scheme: labels and counts.
 * @cssprop [--de-dark-color-background=#16181b] - Dark scheme: background.
 * @cssprop [--de-dark-color-surface=#23272b] - Dark scheme: hover and detail backgrounds.
 * @cssprop [--de-dark-color-border=#5c636a] - Dark scheme: borders and separators.
 * @cssprop [--de-dark-color-field-border=#8a9199] - Dark scheme: border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-dark-color-primary=#8cc4ff] - Dark scheme: buttons, the selected category, the current page.
 * @cssprop [--de-dark-color-primary-contrast=#0b1a2a] - Dark scheme: text on the primary colour (primary buttons).
 * @cssprop [--de-dark-color-link=#8cc4ff] - Dark scheme: links.
 * @cssprop [--de-dark-color-focus=#ffb347] - Dark scheme: the focus outline.
 * @cssprop [--de-dark-color-danger=#ffb4ab] - Dark scheme: error text and borders.
 * @cssprop [--de-dark-color-danger-background=#3b1512] - Dark scheme: background of error panels.
 * @cssprop [--de-dark-color-warning=#ffd27a] - Dark scheme: warning text and borders.
 * @cssprop [--de-dark-color-warning-background=#33280e] - Dark scheme: background of warning panels.
 * @cssprop [--de-dark-color-highlight=#6b5400] - Dark scheme: background of matched search words.
 */
export class DisclosureCatalogue extends DisclosureElement {
  static override styles = [baseStyles, catalogueStyles];
  /** Reactive properties (attributes) and internal state: Lit's static form, without decorator code. */
  static override properties: PropertyDeclarations = {
    src: {},
    pageSize: { type: Number, attribute: 'page-size' },
    urlKey: { attribute: 'url-key' },
    noUrlState: { type: Boolean, attribute: 'no-url-state' },
    heading: {},
    shownQuery: { state: true },
    queryResult: { state: true },
    expanded: { state: true },
    treeOpen: { state: true },
    facetOpen: { state: true },
    filtersOpen: { state: true },
    filtersReady: { state: true },
    announcement: { state: true },
    printing: { state: true },
    extraLoading: { state: true },
    remoteResult: { state: true },
    focusedTreeId: { state: true },
  };
  protected static override strings = [catalogueStrings];

  /** URL of the catalogue feed (relative URLs resolve against the provider's `feed-base`, else the page). */
  src?: string;

  /** Entries per page at first (10, 20, 50 or 100). */
  pageSize = 20;

  /** Prefix of this catalogue's parameters in the page URL (default: the element's id, else `catalogue`, `catalogue2`…). */
  urlKey?: string;

  /** Set to keep the state out of the page URL. */
  noUrlState = false;

  /** Heading shown above the catalogue (default: the feed's `title`, else 政府信息公开目录). */
  heading?: string;

  // (No initial value, which ships as code, where none is needed: a member read as absent until set, or set by
  // startLoading before it is read. Those a template binds as an attribute, such as aria-expanded, start false.)
  private shownQuery: CatalogueQuery = defaultQuery();
  private queryResult?: QueryResult | null;
  private expanded = new Set<string>();
  private treeOpen = new Set<string>();
  private facetOpen = new Set<FacetKey>();
  private filtersOpen = false;
  /**
   * The filter column is drawn one frame after the first rows, so the results appear first. (Until then it is empty,
   * which the styles read: the entries below the fold are laid out once it is drawn.)
   */
  private filtersReady?: boolean;
  private announcement?: string;
  private printing = false;
  private extraLoading?: { loaded: number; total?: number; failed: boolean } | null;
  private remoteResult?: RemoteState | null;
  private focusedTreeId?: string;

  private readonly feed = new FeedController<CatalogueFeed>(this, (json, url) => parseCatalogue(json, url, true), (data) => this.onFeedLoaded(data));
  private searchIndex?: CatalogueIndex | null;
  private allItems!: CatalogueItem[];
  /** True while only the first page is shown and the rest of the load (`completeLoad`) is still to come. */
  private firstPageOnly?: boolean;
  /** The automatic URL key (stateKey) taken while on the page. */
  private autoKey?: string;
  /** Remote mode: the years of the entries seen since the feed loaded (facetTerms). */
  private yrs!: Set<number>;
  /** Entries left out of the later pages of a paged feed (the parsed first page may be shared: it is not changed). */
  private moreSkipped!: number;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private remoteAbort: AbortController | undefined;
  private remoteTimer: ReturnType<typeof setTimeout> | undefined;
  private pagesAbort: AbortController | undefined;
  private readonly onPopState = () => this.restoreFromUrl();

  /** Resolves when the feed (first page) has loaded, with its filter column, or failed. */
  get loaded(): Promise<void> {
    return this.updateComplete
      .then(() => this.feed.loaded)
      .then(() => this.updateComplete)
      .then(() => {});
  }

  private get t() {
    return catalogueStrings.get(this.locale);
  }

  /**
   * The prefix of this catalogue's URL parameters: its url-key or id, else the first automatic key (`catalogue`,
   * `catalogue2` …) that no catalogue on the page holds, taken when first asked for (once the page's catalogues are
   * connected). So one without an id never shares the key of another's id (`id="catalogue"`), and a catalogue removed
   * and added again (an SPA, an AJAX tab) gets its key back. One connected later whose url-key or id another holds as
   * its automatic key moves that one to the next free key (connectedCallback).
   */
  private get stateKey(): string {
    for (let n = 1; !(this.urlKey || this.id || this.autoKey); n++) {
      const key = `catalogue${n > 1 ? n : ''}`;
      if (![...live].some((c) => key == (c.urlKey || c.id || c.autoKey))) this.autoKey = key;
    }
    return this.urlKey || this.id || this.autoKey!;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const key = this.urlKey || this.id;
    live.add(this);
    // This one's key taken already as another's automatic key (this one was added to the page later): that one moves
    // to the next free key, and its state in the page URL with it; this one starts from none.
    for (const c of live) {
      if (key && c.autoKey == key) {
        c.autoKey = '';
        writeUrlState(key, {}, 'replace');
        c.writeUrl('replace');
      }
    }
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
    this.autoKey = '';
    window.removeEventListener('popstate', this.onPopState);
    // The feed's later pages and a server search in flight are not stopped: a catalogue moved in the page (a tab
    // widget, a framework, a view detached and attached again) must still get them. One removed for good finishes
    // its feed's pages (at most MAX_PAGES) and is then collected.
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // (A timeout taken back, or no positive number, is undefined: the default again.)
    this.feed.timeout = this.feedTimeout;
    // (Not at first: the value it had before is undefined then; the page size is read when the feed starts loading.)
    if (changed.get('pageSize') !== undefined) {
      // A page size set later (e.g. by a framework) applies at once; while the feed loads, to the page it will show.
      if (this.feed.status === 'ready') this.setQuery({ pageSize: this.normalPageSize() }, 'replace');
      // (The query of a load that is not shown yet: no event has carried it, so it is changed in place.)
      else this.shownQuery.pageSize = this.normalPageSize();
    }
    if (changed.has('src') || (changed.has('provider') && this.src)) {
      const url = this.resolveSrc(this.src);
      if (url !== (this.feed.url ?? null) || changed.has('src')) this.startLoading(url);
    }
  }

  private startLoading(url: string | null): void {
    this.pagesAbort?.abort();
    // A search waiting to be sent, or in flight, belongs to the old feed.
    clearTimeout(this.remoteTimer);
    this.remoteAbort?.abort();
    this.allItems = [];
    this.searchIndex = this.queryResult = this.remoteResult = this.extraLoading = null;
    this.firstPageOnly = this.filtersReady = false;
    this.moreSkipped = 0;
    this.yrs = new Set();
    // Nor is a count about to be said (a search typed just before) said of the new feed.
    clearTimeout(this.announceTimer);
    this.announcement = '';
    this.shownQuery = this.urlQuery;
    void this.feed.load(url);
  }

  /** The query the page URL holds (none with no-url-state). */
  private get urlQuery(): CatalogueQuery {
    return stateToQuery(readUrlState(!this.noUrlState && this.stateKey), this.normalPageSize());
  }

  private normalPageSize(): number {
    return (PAGE_SIZES as readonly number[]).includes(this.pageSize) ? this.pageSize : 20;
  }

  /** Shows a loaded feed; the promise (which `loaded` and `disclosure-load` wait for) settles with the filter column. */
  private onFeedLoaded(data: CatalogueFeed): Promise<void> {
    // (Called once the feed is ready: FeedController.)
    const check = pendingCheck(data);
    const q = this.shownQuery;
    this.firstPageOnly = true;
    if (check && !data.search && !data.page?.next && !Object.keys(queryToState(q, q.pageSize)).length) {
      // The first page of the default view (newest first, nothing filtered) needs only which entries are usable and
      // their dates: show it now, and validate every field, index and count once it has been painted. `result` holds
      // the first page's matches and, in `all`, the count of them all (the final one); no counts for the filter
      // column, which is drawn when the load is complete.
      const matches = newest(check.days, q.pageSize);
      this.allItems = [];
      for (const i of matches) this.allItems[i] = check.item(i);
      this.queryResult = { matches, all: check.count } as QueryResult;
    } else this.completeLoad();
    // The filter column comes after the first rows have been painted (unless a newer load has taken over).
    return new Promise((resolve) =>
      this.afterFirstPaint(() => {
        if (this.feed.status === 'ready' && this.feed.data === data) {
          this.completeLoad();
          this.filtersReady = true;
        }
        resolve();
      }),
    );
  }

  /**
   * The rest of a load whose first page is shown: every entry validated, the index, counts, the announcement, the
   * feed's further pages. Runs once per load; whatever needs every entry (a query, the CSV, printing) calls it first.
   */
  private completeLoad(): void {
    const data = this.feed.data;
    if (!this.firstPageOnly || !data) return;
    this.firstPageOnly = false;
    pendingCheck(data)?.finish();
    this.allItems = data.items;
    this.openAncestors(this.shownQuery.category);
    if (data.search) {
      this.remoteResult = { ...data, total: data.page?.total ?? data.items.length, busy: false };
      // The years read from the page URL are cut to one run as ticked ones are (setQuery), the URL with them.
      this.setQuery(this.shownQuery, 'replace');
      this.runRemote(true);
      return;
    }
    // Said: that the load is done (pgs); a feed in pages, that the rest is loading, and once every page has come
    // (loadMorePages), the count of them all. (Its loading starts first: a page the page URL names past the first feed
    // page's entries is not taken out of the URL, runQuery.)
    if (data.page?.next) void this.loadMorePages(data.page.next, data.page.total);
    this.announce(() => this.pgs(), 0);
    this.rebuildIndex();
  }

  /** Runs `fn` once the current rendering has been painted (a frame, or 100 ms where frames do not come). */
  private afterFirstPaint(fn: () => void): void {
    let done = false;
    const run = () => {
      if (!done) fn();
      done = true;
    };
    void this.updateComplete.then(() => {
      requestAnimationFrame(() => setTimeout(run, 0));
      setTimeout(run, 100);
    });
  }

  private rebuildIndex(): void {
    const index = (this.searchIndex = new CatalogueIndex(this.allItems, this.feed.data!.categories));
    this.runQuery(false);
    // Build the search text in small slices right after the first rows are shown, so the first keystroke is fast too.
    const step = () => {
      if (this.searchIndex === index && !index.warm(2000)) setTimeout(step, 0);
    };
    this.afterFirstPaint(step);
  }

  /** Fetches the rest of a feed split into pages (`page.next`), one after another, showing progress. */
  private async loadMorePages(next: string, total?: number): Promise<void> {
    const abort = (this.pagesAbort = new AbortController());
    const seenUrls = new Set<string>([this.feed.url ?? '']);
    const seenIds = new Set(this.allItems.map((i) => i.id));
    let url: string | null = next;
    let pages = 0;
    // Said when it starts (completeLoad) and when it ends (or fails: role=alert), not at every page, which a feed in 100
    // pages would be.
    this.extraLoading = { loaded: this.allItems.length, total, failed: false };
    while (url && !seenUrls.has(url) && pages++ < MAX_PAGES) {
      seenUrls.add(url);
      try {
        const { json } = await fetchJson(url, { signal: abort.signal, timeout: this.feed.timeout });
        if (abort.signal.aborted) return;
        const root = json as { items?: unknown; page?: { next?: unknown } };
        // (Any error here only marks the load failed, below.)
        if (!Array.isArray(root?.items)) throw 0;
        // The entries skipped, then the fields ignored (one list: the page is checked and built at once).
        const issues = new IssueList();
        const check = checkItems(root.items, url, issues, seenIds, this.allItems.length);
        this.allItems = this.allItems.concat(check.items(issues));
        this.moreSkipped += check.skipped;
        this.feed.warnings = [...this.feed.warnings, ...issues.issues];
        const n: unknown = root.page?.next;
        url = typeof n === 'string' && n ? new URL(n, url).href : null;
        this.extraLoading = { loaded: this.allItems.length, total, failed: false };
        this.rebuildIndex();
      } catch {
        if (abort.signal.aborted) return;
        this.extraLoading = { loaded: this.allItems.length, total, failed: true };
        return;
      }
    }
    this.extraLoading = null;
    // The page the page URL names (a link to page 4), which the further pages may hold: shown now.
    this.restoreFromUrl();
    this.announce(() => this.pgs(), 0);
  }

  /**
   * The progress of the further pages of a feed, in words: shown while they load, said when they start; once loaded,
   * what is said: the results a query with conditions finds (a link, a reload: the result line's words), else the
   * count of every entry (which is the results' count then).
   */
  private pgs(): string {
    const x = this.extraLoading;
    const t = this.t;
    return x
      ? x.failed ? t.loadMoreFailed : t.loadingMore(this.fmt(x.loaded), this.fmt(x.total || undefined))
      : (this.activeFilters()[0] ? t.results : t.loadedAnnouncement)(this.fmt(this.total));
  }

  // ---- querying -------------------------------------------------------------------------------------------------

  /**
   * Applies a change to the query, runs it and records it in the URL. A server (remote mode) is asked at once, or
   * (`now` false: typing) after a pause.
   */
  private setQuery(patch: Partial<CatalogueQuery>, history: 'push' | 'replace' = 'push', now = history == 'push'): void {
    this.completeLoad();
    const before = JSON.stringify(this.shownQuery);
    // Any change but of the page goes back to the first page.
    const q = { ...this.shownQuery, page: 1, ...patch };
    // A server takes one range of dates (from, to): the years ticked (or, from the page URL, listed) are kept to one
    // unbroken run, the one with the year ticked last; the others are unticked, so what is ticked is what is asked for.
    if (this.remoteResult) q.facets = { ...q.facets, year: yearRun(q.facets.year) };
    this.shownQuery = q;
    this.writeUrl(history);
    // The same query again (typed, then Enter) is not a new search: no second event, no second request, nothing said
    // (Enter says the count itself: onSubmit). After a failed request the same query is asked again: Enter retries it.
    if (JSON.stringify(this.shownQuery) == before && !this.remoteResult?.error) return;
    // From the server, the total is known once it answers: the event waits for it (fetchRemote).
    if (this.remoteResult) this.runRemote(now, true);
    else {
      this.runQuery(true);
      this.queried();
    }
  }

  /** Records the query shown in the page URL (not with no-url-state). */
  private writeUrl(mode: 'push' | 'replace'): void {
    if (!this.noUrlState) writeUrlState(this.stateKey, queryToState(this.shownQuery, this.normalPageSize()), mode);
  }

  private queried(): void {
    this.dispatchEvent(
      new CustomEvent('disclosure-query', { bubbles: true, composed: true, detail: { query: this.shownQuery, total: this.total } }),
    );
  }

  private runQuery(announce: boolean): void {
    if (!this.searchIndex) return;
    this.queryResult = this.searchIndex.run(this.shownQuery);
    const pages = Math.max(1, Math.ceil(this.total / this.shownQuery.pageSize));
    if (this.shownQuery.page > pages) {
      this.shownQuery = { ...this.shownQuery, page: pages };
      // (Not while a feed's further pages load: the page URL keeps a page they may hold, shown once they have come.)
      if (!this.extraLoading) this.writeUrl('replace');
    }
    if (announce) this.announce(() => this.t.results(this.fmt(this.total)));
  }

  private restoreFromUrl(): void {
    if (this.noUrlState || this.feed.status !== 'ready') return;
    const next = this.urlQuery;
    if (next.category != this.shownQuery.category) this.openAncestors(next.category);
    // Back and forward change the results as a reader's choice does (the page hears of it: disclosure-query); the
    // same query (another catalogue's went back) changes nothing. Focus in the catalogue on a control that goes (a chip)
    // moves on as after a reader's change (changeFilters); focus elsewhere on the page is left there.
    const go = () => this.setQuery(next, 'replace');
    (this.renderRoot as ShadowRoot).activeElement ? this.changeFilters(go) : go();
  }

  private get total(): number {
    // After a failed request, none: the last answer's numbers are not those of the search that failed.
    if (this.remoteResult) return this.remoteResult.error ? 0 : this.remoteResult.total;
    return (this.firstPageOnly ? this.queryResult?.all : this.queryResult?.matches.length) ?? 0;
  }

  /**
   * Remote mode (`search.endpoint`): the server filters; the element asks for one page at a time. The request in
   * flight is dropped at once: its answer is for an older query, even while the new one waits to be sent.
   */
  private runRemote(immediate: boolean, notify = false): void {
    clearTimeout(this.remoteTimer);
    this.remoteAbort?.abort();
    const go = () => void this.fetchRemote(notify);
    if (immediate) go();
    else this.remoteTimer = setTimeout(go, 300);
  }

  private remoteUrl(): string {
    const data = this.feed.data!;
    const u = new URL(data.search!.endpoint);
    const q = this.shownQuery;
    // (A number is written as its digits.)
    const set = (k: string, v: string | number) => v && u.searchParams.set(k, v as string);
    // The words as typed, a space between them: not the quotes and commas around them (“防汛”，抗旱: 防汛 抗旱).
    set('q', queryTerms(q.q, true).join(' '));
    set('category', q.category ?? '');
    for (const f of FACETS) if (f != 'year') set(f, q.facets[f].join(','));
    // The years are one unbroken run (setQuery): its first and last.
    const years = q.facets.year.map(Number);
    if (years[0]) {
      set('from', `${Math.min(...years)}-01-01`);
      set('to', `${Math.max(...years)}-12-31`);
    }
    set('sort', q.sort);
    set('page', q.page);
    set('pageSize', q.pageSize);
    return u.href;
  }

  private async fetchRemote(notify: boolean): Promise<void> {
    const abort = (this.remoteAbort = new AbortController());
    const url = this.remoteUrl();
    // Said once (not again for each search typed while the server is still busy), unless the answer comes first.
    if (!this.remoteResult!.busy) this.announce(() => this.core.loading);
    this.remoteResult = { ...this.remoteResult!, busy: true, error: undefined };
    try {
      const { json } = await fetchJson(url, { signal: abort.signal, timeout: this.feed.timeout });
      const parsed = parseCatalogue(json, url);
      if (!parsed.ok) throw new FeedError(parsed.error, parsed.message, url, undefined, parsed.detail);
      if (abort.signal.aborted) return;
      const total = parsed.data.page?.total ?? parsed.data.items.length;
      // A page past the end (an old link, fewer results now): the last page is asked for instead, and the page URL
      // says so (in place: it is the same view).
      const last = Math.ceil(total / this.shownQuery.pageSize);
      if (this.shownQuery.page > last && last) {
        this.shownQuery = { ...this.shownQuery, page: last };
        this.writeUrl('replace');
        return this.fetchRemote(notify);
      }
      this.remoteResult = { ...parsed.data, total, busy: false };
      this.announce(() => this.t.results(this.fmt(this.total)));
      if (notify) this.queried();
    } catch (error) {
      if (abort.signal.aborted) return;
      // Not 正在加载… after the error (role=alert) has been said.
      clearTimeout(this.announceTimer);
      const e = error instanceof FeedError ? error : new FeedError('script', String(error), url);
      this.remoteResult = { ...this.remoteResult!, busy: false, error: e };
    }
  }

  /**
   * Says `text()` after `delay` ms (a count while the reader types: once they pause), in the language of that moment: a
   * language switched meanwhile (which empties the live region, see LocaleController) has it said in the new one, once
   * its strings are there: a first switch downloads them, and until they come (a slow network; a failed download, tried
   * again by DisclosureElement.scheduleUpdate) it waits, 50 ms at a time, rather than say it in the language left; a
   * catalogue taken out of the page meanwhile stops waiting (nothing would end the wait of one removed for good).
   */
  private announce(text: () => string, delay = 600): void {
    clearTimeout(this.announceTimer);
    // Emptied at once (that is not announced), so the same words said again are announced again.
    this.announcement = '';
    this.announceTimer = setTimeout(() => (catalogueStrings.has(this.locale) ? (this.announcement = text()) : this.isConnected && this.announce(text, 0)), delay + 50);
  }

  /** A number as the reader writes it (2,450); a count not known, '' (a category or facet value without one). */
  private fmt(n?: number): string {
    return n === undefined ? '' : formatNumber(n, this.locale);
  }

  // ---- vocabularies (asked for once the feed has loaded) -------------------------------------------------------

  private facetTerms(facet: FacetKey): Term[] {
    // (Drawn only once the feed has loaded.)
    if (feedTerms(facet)) {
      const vocab = this.feed.data!.facets[facet];
      const known = new Set(vocab.map((t) => t.id));
      // Values items name that the vocabulary lacks are shown as their raw value, not dropped.
      return [...vocab, ...(this.searchIndex?.facetValues(facet) ?? []).filter((v) => !known.has(v)).map((v) => ({ id: v, label: v }))];
    }
    if (facet === 'validity') {
      const values = this.searchIndex?.facetValues('validity') ?? VALIDITIES;
      return values.map((v) => ({ id: v, label: this.t.validityValues[v] ?? v }));
    }
    // In remote mode, the years the server counts (facetCounts.year).
    const remote = this.remoteResult;
    const counts = remote?.facetCounts?.year;
    let years = this.searchIndex?.facetValues('year') ?? Object.keys(counts ?? {}).filter((y) => /^\d{4}$/.test(y));
    if (remote && !counts) {
      // Without them, every year from the oldest to the newest entry seen (the feed's first, then every answer's:
      // sorted oldest first, the oldest), with no count; the server is asked for the range ticked all the same.
      const seen = this.yrs;
      for (const i of remote.items) seen.add(+(i.datePublished ?? i.dateCreated ?? '').slice(0, 4));
      // (0: an entry without a date.)
      seen.delete(0);
      const all: string[] = (years = []);
      for (let y = Math.min(...seen); y <= Math.max(...seen); y++) all.push(`${y}`);
    }
    return [...years].sort().reverse().map((y) => ({ id: y, label: y }));
  }

  private termLabel(facet: 'topic' | 'genre' | 'publisher', id: string | undefined): string {
    return id ? labelOf(this.feed.data!.facets[facet], id) : '';
  }

  private categoryLabel(id: string): string {
    return labelOf(this.feed.data!.categories, id);
  }

  private childrenOf(): Map<string | null, Category[]> {
    const map = new Map<string | null, Category[]>();
    for (const c of this.feed.data!.categories) {
      const list = map.get(c.parentId) ?? [];
      list.push(c);
      map.set(c.parentId, list);
    }
    for (const list of map.values()) list.sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9));
    return map;
  }

  private openAncestors(id: string | null): void {
    if (!id) return;
    const cats = this.feed.data!.categories;
    const open = new Set(this.treeOpen);
    // Up to the root: the parse has dropped every parent link that forms a cycle (sanitizeTree).
    for (let p: string | null | undefined = id; (p = cats.find((c) => c.id === p)?.parentId); ) open.add(p);
    this.treeOpen = open;
    this.focusedTreeId = id;
  }

  private facetCount(facet: FacetKey, id: string): number | undefined {
    if (this.remoteResult) return countIn(this.remoteResult.facetCounts?.[facet], id);
    return this.queryResult?.facetCounts[facet].get(id) ?? 0;
  }

  private categoryCount(id: string | null): number | undefined {
    if (this.remoteResult) return id === null ? undefined : countIn(this.remoteResult.facetCounts?.category, id);
    // (The tree is drawn once the load is complete: the counts are there.)
    return id === null ? this.queryResult!.all : this.queryResult!.categoryCounts.get(id) ?? 0;
  }

  // ---- rendering ------------------------------------------------------------------------------------------------

  protected override render() {
    const data = this.feed.data;
    const t = this.t;
    const title = this.heading || data?.title || t.title;
    const publisher = data?.publisher?.name || this.provider?.agency;
    // The feed's title and publisher are its text; the heading attribute, the built-in title and the provider's
    // agency are the page's.
    const lang = this.textLang(this.feed);
    // (Lines break inside tags and bindings, not between tags: white space between tags ships as a space. The title area
    // is no <header>: outside <main>, as on old CMS pages, that is the page's banner landmark, which this is not.)
    return html`<div class=${this.rootClasses()} part="base" lang=${catalogueStrings.shown(this.locale)}><div
        class="hd" part="header"><h2 lang=${this.heading || !data?.title ? nothing : lang}>${title}</h2>${
        publisher ? html`<span class="publisher">${t.publisher}${t.colon}<span dir=auto
            lang=${data?.publisher?.name ? lang : nothing}>${publisher}</span></span>` : nothing}${
        data?.guideHref ? html`<a href=${data.guideHref}>${t.guide}</a>` : nothing}</div>${
        this.renderFeedState(this.feed, title)}${
        this.feed.status === 'ready' && data ? this.renderCatalogue(data) : nothing}<div
        class="vh" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div></div>`;
  }

  private renderCatalogue(data: CatalogueFeed): TemplateResult {
    const t = this.t;
    // The filters open with a link past them to the results (WCAG 2.4.1: about 30 tab stops otherwise), out of sight
    // until focused; gone with the filters (narrow, closed) or when there are none (styles). A control of the results
    // disabled while it has focus (导出 CSV, 打印, 上一页 when Back or a server's answer leaves no results or no page
    // before) loses it (Chromium fires focusout at it): focus goes to the result line, not to the page.
    return html`${
      this.renderWarnings(this.feed.warnings, data.skipped + this.moreSkipped)}${this.extraLoading
        ? html`<p class="progress" role=${this.air(this.extraLoading.failed && this.extraLoading, t)}>${this.pgs()}</p>`
        : nothing}${this.renderSearch()}<div class="cols"><button class="btn filters-toggle" aria-expanded=${this.filtersOpen}
          aria-controls="filters"
              @click=${() => (this.filtersOpen = !this.filtersOpen)}>${this.filtersOpen ? t.hideFilters : t.showFilters}</button><div
          id="filters" class="filters ${this.filtersOpen ? 'open' : ''}" part="filters" role="region" aria-label=${t.filters}>${
          this.filtersReady ? [
            html`<button class="btn skip"
                @click=${() => toSummary(this)}>${t.skipToResults}</button>`,
            data.categories.length ? this.renderTree() : nothing,
            FACETS.map((f) => this.renderFacet(f)),
          ] : nothing}</div><div
          class="results" part="results" aria-busy=${!!this.remoteResult?.busy}
          @focusout=${(e: FocusEvent) => (e.target as HTMLButtonElement).disabled && toSummary(this)}>${
          this.renderToolbar()}${this.renderChips()}${this.renderList()}${this.renderPagination()}</div></div>`;
  }

  private renderTree(): TemplateResult {
    const t = this.t;
    const children = this.childrenOf();
    const selected = this.shownQuery.category;
    const focusId = this.focusedTreeId || selected || '';
    const lang = this.textLang(this.feed);
    // Whether the tab stop (focusId) is among the items drawn: when it is not (a category a link names that the feed
    // lacks, or inside a folded branch), "all" takes it, so the tree stays reachable by Tab. "All" is drawn last.
    let found = false;
    const node = (c: Category | null, level: number): TemplateResult => {
      const id = c?.id ?? '';
      const focus = focusId === id || (!c && !found);
      found ||= focus;
      // ("All" has no children: no category's parent is '', see parseCatalogue.)
      const kids = children.get(id) ?? [];
      const open = this.treeOpen.has(id);
      const n = this.fmt(this.categoryCount(id || null));
      const label = c?.label ?? t.allCategories;
      const isSelected = (selected ?? '') === id;
      // The accessible name is the label and its count, as a count (政务信息，3 条), not the nested group's text. (The
      // spaces between them keep the text a reader sees, 政务信息 3, in that name for axe's label-in-name check.)
      return html`<li role="treeitem" data-id=${id} aria-level=${level}
        aria-selected=${isSelected} aria-expanded=${kids.length ? open : nothing}
        aria-label=${t.withCount(isolate(label), n)}
        tabindex=${focus ? 0 : -1}
        @click=${(e: Event) => { e.stopPropagation(); this.selectCategory(id || null); }}><span class="node"><span
          class="twisty" aria-hidden="true"
            @click=${(e: Event) => { if (kids.length) { e.stopPropagation(); this.toggleTree(id); } }}>${kids.length ? (open ? '▾' : '▸') : ''}</span> <span
          class="text" dir=auto lang=${c ? lang : nothing}>${label}</span> ${n && html`<span class="count">${n}</span>`}</span>${
        kids.length && open ? html`<ul role="group">${kids.map((k) => node(k, level + 1))}</ul>` : nothing}</li>`;
    };
    const roots = (children.get(null) ?? []).map((r) => node(r, 1));
    return html`<nav aria-labelledby="tree-label"><h3 id="tree-label">${t.categories}</h3><ul role="tree"
        aria-labelledby="tree-label" @keydown=${this.onTreeKey} @focusin=${this.onTreeFocus} @focusout=${() => (this.focusedTreeId = '')}>${node(null, 1)}${roots}</ul></nav>`;
  }

  // (The listeners a template names, @keydown=${this.onTreeKey}, are methods: Lit calls them with the element as
  // `this`. Only onPopState, given to window, is bound.)
  // Focus leaving the tree gives the tab stop back to the selected category (focusout clears focusedTreeId; moving within
  // the tree, focusin sets it again before any update): Tab into a tree lands on its selected node (APG, tree view).
  private onTreeFocus(e: FocusEvent) {
    const item = (e.target as HTMLElement).closest('[role=treeitem]') as HTMLElement | null;
    if (item) this.focusedTreeId = item.dataset.id!;
  }

  private onTreeKey(e: KeyboardEvent) {
    const tree = e.currentTarget as HTMLElement;
    const items = [...tree.querySelectorAll<HTMLElement>('[role=treeitem]')];
    const current = (e.target as HTMLElement).closest('[role=treeitem]') as HTMLElement | null;
    if (!current) return;
    const i = items.indexOf(current);
    const id = current.dataset.id!;
    // (The tab stop follows focus: onTreeFocus.)
    const focus = (el: HTMLElement | null | undefined) => el?.focus();
    const expanded = current.getAttribute('aria-expanded');
    switch (e.key) {
      case 'ArrowDown': focus(items[i + 1]); break;
      case 'ArrowUp': focus(items[i - 1]); break;
      case 'Home': focus(items[0]); break;
      case 'End': focus(items[items.length - 1]); break;
      case 'ArrowRight':
        if (expanded === 'false') this.toggleTree(id);
        else if (expanded === 'true') focus(current.querySelector<HTMLElement>('[role=treeitem]'));
        break;
      case 'ArrowLeft':
        if (expanded === 'true') this.toggleTree(id);
        else focus(current.parentElement?.closest<HTMLElement>('[role=treeitem]'));
        break;
      case 'Enter':
      case ' ':
        this.selectCategory(id || null);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  private toggleTree(id: string): void {
    this.treeOpen = toggled(this.treeOpen, id);
  }

  private async selectCategory(id: string | null): Promise<void> {
    // (Focus is on it, or goes to it: the tab stop follows, onTreeFocus.)
    this.setQuery({ category: id });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[role=treeitem][data-id="${CSS.escape(id ?? '')}"]`)?.focus();
  }

  private renderFacet(facet: FacetKey): TemplateResult | typeof nothing {
    const terms = this.facetTerms(facet);
    const selected = new Set(this.shownQuery.facets[facet]);
    // Keep choices that have results (or are selected); an empty facet is not offered.
    const visible = terms.map((term) => ({ term, count: this.facetCount(facet, term.id) })).filter(({ term, count }) => count !== 0 || selected.has(term.id));
    if (!visible.length) return nothing;
    const all = this.facetOpen.has(facet);
    const t = this.t;
    const lang = feedTerms(facet) ? this.textLang(this.feed) : nothing;
    // (The legend names the group; and the show-all button, after its words, heard apart from the other facets' in a
    // screen reader's list of buttons: 显示全部（17） 主题分类.) A value is named with its count as a count (2013，95 条).
    return html`<fieldset
        class="facet"><legend>${this.t[facet]}${facet == 'year' && this.remoteResult ? t.yearsInRun : ''}</legend><ul>${(all ? visible : visible.slice(0, FACET_PREVIEW)).map(({ term, count }) => {
          const n = this.fmt(count);
          return html`<li><label><input type="checkbox" .checked=${selected.has(term.id)}
              aria-label=${t.withCount(isolate(term.label), n)}
              @change=${(e: Event) => this.changeFilters(() => this.toggleFacet(facet, term.id, (e.target as HTMLInputElement).checked))}><span
              class="text" dir=auto lang=${lang}>${term.label}</span> ${n && html`<span class="count">${n}</span>`}</label></li>`;
        })}</ul>${visible.length > FACET_PREVIEW
        ? html`<button class="btn link" aria-expanded=${all}
            @click=${() => (this.facetOpen = toggled(this.facetOpen, facet))}>${all ? t.showFewer : t.showAll(visible.length)}<span
            class="vh">${this.t[facet]}</span></button>`
        : nothing}</fieldset>`;
  }

  private toggleFacet(facet: FacetKey, id: string, on: boolean): void {
    const current = this.shownQuery.facets[facet].filter((v) => v !== id);
    if (on) current.push(id);
    this.setQuery({ facets: { ...this.shownQuery.facets, [facet]: current } });
  }

  private renderSearch(): TemplateResult {
    const t = this.t;
    return html`<form class="search" role="search" part="search" aria-label=${t.searchLabel} @submit=${this.onSubmit}><label
        for="q">${t.searchLabel}</label><input id="q" type="search" name="q" .value=${this.shownQuery.q}
        placeholder=${t.searchPlaceholder}
        aria-describedby="q-hint" autocomplete="off" enterkeyhint="search" @input=${this.onInput} @compositionend=${this.onInput}><button
            class="btn primary" type="submit">${t.searchLabel}</button><p class="hint"
            id="q-hint">${t.searchHint}</p></form>`;
  }

  /**
   * A search started from none gets its own history entry (Back returns to the view before it); typing on amends it.
   * While an input method composes (拼音 letters before the characters are chosen), nothing is searched or announced
   * and no server asked: the search starts with the chosen characters (compositionend).
   */
  private onInput(e: Event) {
    if ((e as InputEvent).isComposing) return;
    this.setQuery({ q: (e.target as HTMLInputElement).value }, this.shownQuery.q ? 'replace' : 'push', false);
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    this.setQuery({ q: (e.target as HTMLFormElement & { q: HTMLInputElement }).q.value.trim() });
    // Said again at once on Enter (a local search is done already); a server's answer says it when it comes.
    if (!this.remoteResult) this.announce(() => this.t.results(this.fmt(this.total)), 0);
  }

  private renderToolbar(): TemplateResult {
    const t = this.t;
    const total = this.total;
    // The range of the results shown, when they are not all of them (第 1–2,000 条，共 N 条).
    const [from, to] = this.rng;
    // In the order of SORTS.
    const sortLabels = [t.sortPublishedDesc, t.sortPublishedAsc, t.sortCreatedDesc, t.sortTitle];
    return html`<div class="toolbar"><p class="summary" id="summary"
        tabindex="-1">${this.remoteResult?.busy ? this.core.loading : [this.remoteResult?.error ? '' : t.results(this.fmt(total)), to - from < total ? html`<span
        class="count">${t.resultsRange(this.fmt(from + 1), this.fmt(to), this.fmt(total))}</span>` : nothing]}</p><label>${t.sortLabel}<select
          @change=${(e: Event) => this.setQuery({ sort: (e.target as HTMLSelectElement).value as SortKey })}>${
          SORTS.map((k, i) => html`<option value=${k} .selected=${this.shownQuery.sort === k}>${sortLabels[i]}</option>`)}</select></label><label>${
          t.pageSizeLabel}<select @change=${(e: Event) => {
            // The page that holds the first entry shown (on entries 121–140, 100 a page shows 101–200, not 1–100).
            const n = +(e.target as HTMLSelectElement).value;
            this.setQuery({ pageSize: n, page: 1 + ((from / n) | 0) });
          }}>${
          PAGE_SIZES.map((n) => html`<option value=${n} .selected=${this.shownQuery.pageSize === n}>${n}</option>`)}</select></label><button
          class="btn" @click=${this.exportCsv}
          ?disabled=${!total}>${this.remoteResult ? t.exportCsvPage : t.exportCsv}</button><button class="btn"
          @click=${this.print} ?disabled=${!total}>${this.remoteResult ? t.printPage : t.print}</button></div>`;
  }

  /**
   * The conditions in force: the UI's name of each, its value, and the value's `lang` (textLang) when it is the feed's
   * text (a category, a topic, genre or publisher; not the reader's search words, a year or a validity).
   */
  private activeFilters(): { name: string; value: string; lang: unknown; remove: () => void }[] {
    const q = this.shownQuery;
    const t = this.t;
    const lang = this.textLang(this.feed);
    const out: { name: string; value: string; lang: unknown; remove: () => void }[] = [];
    const words = q.q.trim();
    if (words) out.push({ name: t.searchLabel, value: words, lang: nothing, remove: () => this.setQuery({ q: '' }) });
    if (q.category) out.push({ name: t.categories, value: this.categoryLabel(q.category), lang, remove: () => this.setQuery({ category: null }) });
    for (const f of FACETS) {
      const terms = this.facetTerms(f);
      for (const v of q.facets[f]) {
        out.push({ name: this.t[f], value: labelOf(terms, v), lang: feedTerms(f) ? lang : nothing, remove: () => this.toggleFacet(f, v, false) });
      }
    }
    return out;
  }

  private renderChips(): TemplateResult | typeof nothing {
    const active = this.activeFilters();
    if (!active.length) return nothing;
    const t = this.t;
    // The accessible name joins the UI's words and the value in one language (README, “The feed's language”).
    return html`<ul class="chips" aria-label=${t.activeFilters}>${active.map((a) => html`<li><button class="btn"
        aria-label=${t.removeFilter(`${a.name}${t.colon}${isolate(a.value)}`)}
        @click=${() => this.changeFilters(a.remove)}>${a.name}${t.colon}<span dir=auto lang=${a.lang}>${a.value}</span> <span
            aria-hidden="true">×</span></button></li>`)}<li><button class="btn link"
            @click=${this.clearAll}>${t.clearAll}</button></li></ul>`;
  }

  private clearAll() {
    this.changeFilters(() => this.setQuery({ q: '', category: null, facets: emptyFacets() }));
  }

  /**
   * Changes the filters (a chip removed, a facet value ticked or unticked); when the control that had focus is gone
   * (its chip, or a value that no longer has results), focus goes to the remaining filters, else to the search box.
   */
  private async changeFilters(change: () => void): Promise<void> {
    change();
    await this.updateComplete;
    if (!(this.renderRoot as ShadowRoot).activeElement) (this.renderRoot.querySelector<HTMLElement>('.chips button') ?? this.renderRoot.querySelector<HTMLElement>('#q'))?.focus();
  }

  /** The items of the current page (or, while printing, of every page up to a limit); `all`: every result (the CSV). */
  private visibleItems(all?: boolean): CatalogueItem[] {
    if (this.remoteResult) return this.remoteResult.items;
    if (!this.queryResult) return [];
    return [...this.queryResult.matches.subarray(...(all ? [] : this.rng))].map((i) => this.allItems[i]);
  }

  /**
   * The results shown, as [first, end) among them all: a page, or in a printout the first PRINT_LIMIT (in remote mode
   * a printout holds the server's page).
   */
  private get rng(): [number, number] {
    const { page, pageSize } = this.shownQuery;
    const all = this.printing && !this.remoteResult;
    const total = this.total;
    const from = all ? 0 : Math.min(total, (page - 1) * pageSize);
    return [from, Math.min(total, all ? PRINT_LIMIT : from + pageSize)];
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const e = this.remoteResult?.error;
    if (e) {
      // Retrying removes the button: focus goes to the result summary (正在加载…, then the count), as after a page change.
      return html`<div class="panel error" part="error"
          role=${this.air(e, t)}><p>${t.remoteError} ${this.errorText(e)}</p><button class="btn"
          @click=${() => (this.runRemote(true, true), this.updateComplete.then(() => toSummary(this)))}>${this.core.retry}</button></div>`;
    }
    const items = this.visibleItems();
    if (!items.length) {
      const filtered = this.activeFilters()[0];
      return html`<div class="empty"
          part="empty"><p><strong>${filtered ? t.noResults : t.noItems}</strong></p>${filtered ? html`<p>${t.noResultsHelp}</p><button
          class="btn primary" @click=${this.clearAll}>${t.clearAll}</button>` : nothing}</div>`;
    }
    const terms = queryTerms(this.shownQuery.q);
    return html`<ol class="items" aria-labelledby="summary"
        start=${this.rng[0] + 1}>${items.map((item, i, all) => this.renderItem(item, terms, i, all))}</ol>`;
  }

  /** `text` with the search words marked; `squeeze` for a 文号 or 索引号, whose spaces the search ignores. */
  private marked(text: string, terms: readonly string[], squeeze?: boolean): TemplateResult | string {
    if (!terms.length) return text;
    return html`${highlight(text, terms, squeeze).map((s, i) => (i % 2 ? html`<mark>${s}</mark>` : s))}`;
  }

  /** An entry; `all` the entries shown with it. */
  private renderItem(item: CatalogueItem, terms: readonly string[], i: number, all: CatalogueItem[]): TemplateResult {
    const t = this.t;
    // The details button names its entry. Entries of one title shown together (a notice issued again each year) are
    // told apart in it, in a screen reader's list of buttons too (WCAG 2.4.6), by the 文号, else the date published,
    // else the 索引号: the first that none of the others shares; an entry whose title is its own keeps the short name.
    const keys = (o: CatalogueItem) => [o.docNo, formatDate(o.datePublished, this.locale), o.indexNo];
    const mine = keys(item);
    const same = all.filter((o) => o != item && o.title == item.title);
    const other = same[0] && mine.find((v) => v && !same.some((o) => keys(o).includes(v)));
    const open = this.expanded.has(item.id) || this.printing;
    // By position: an item id is any text (spaces included), which an aria-controls list cannot hold.
    const detailId = `d${i}`;
    const lang = this.textLang(this.feed);
    const title = html`<span dir=auto lang=${lang}>${this.marked(item.title, terms)}</span>`;
    const href = hrefOf(item);
    return html`<li class="item" part="item"><h3>${href ? html`<a href=${href} target="_blank"
        rel="noopener noreferrer">${title}<span class="vh">${t.newWindow}</span></a>` : html`${title} <span
        class="count">${t.noLink}</span>`}</h3><dl
        class="meta summary-meta">${
          meta(t.indexNo, item.indexNo && this.marked(item.indexNo, terms, true), lang)}${
          meta(t.publisher, this.termLabel('publisher', item.publisher), lang)}${
          meta(t.docNo, item.docNo && this.marked(item.docNo, terms, true), lang)}${
          meta(t.dateCreated, formatDate(item.dateCreated, this.locale))}${
          meta(t.datePublished, mine[1])}${
          meta(t.validity, item.validity && t.validityValues[item.validity], nothing, `validity-${item.validity}`)}</dl><div
        class="actions"><button class="btn link" aria-expanded=${open} aria-controls=${detailId}
          aria-label=${t.detailsFor(isolate(item.title), other && isolate(other))}
              @click=${() => (this.expanded = toggled(this.expanded, item.id))}>${t.details}</button></div><div class="detail"
              id=${detailId} ?hidden=${!open}>${open ? this.renderDetail(item, terms, lang) : nothing}</div></li>`;
  }

  /** An entry's details; `lang` (textLang) marks the feed's text in them. */
  private renderDetail(item: CatalogueItem, terms: readonly string[], lang: unknown): TemplateResult {
    const t = this.t;
    // Lists of the feed's terms take the separator of the feed's language (、 in Chinese), else of the element's: from
    // the strings of that language (loaded for it; ", " of English for a language the library has none for).
    const l = normalizeLocale(this.feed.lang ?? this.provider?.feedLang ?? this.locale) ?? 'en';
    if (!catalogueStrings.has(l)) catalogueStrings.load(l).then(() => this.requestUpdate(), () => {});
    const sep = catalogueStrings.get(l).sep;
    return html`${
      item.summary ? html`<p><strong>${t.summary}${t.colon}</strong><span dir=auto
          lang=${lang}>${this.marked(item.summary, terms)}</span></p>` : nothing}<dl
          class="meta">${
            meta(t.topic, item.topicIds.map((id) => this.termLabel('topic', id)).join(sep), lang)}${
            meta(t.genre, this.termLabel('genre', item.genreId), lang)}${
            meta(t.keywords, item.keywords.length && this.marked(item.keywords.join(sep), terms), lang)}${
            meta(t.category, item.categoryIds.map((id) => this.categoryLabel(id)).join(sep), lang)}${
            meta(t.link, hrefOf(item))}</dl>${item.attachments.length
        ? html`<p><strong>${t.attachments}${t.colon}</strong></p><ul>${item.attachments.map((a) => {
                const href = hrefOf(a);
                const name = html`<span dir=auto lang=${lang}>${a.name}</span>`;
                return html`<li>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${name}<span
                    class="vh">${t.newWindow}</span></a>` : name}
                  <span class="count">${t.fileMeta([this.kindOf(a.mediaType, a.name), a.size! >= 0 && formatBytes(a.size!, this.locale)]
                    .filter(Boolean) as string[])}</span></li>`;
              })}</ul>`
        : nothing}`;
  }

  private kindOf(mediaType: string | undefined, name: string): string {
    // The name's extension, else the media type's subtype (PDF), else 文件.
    return (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? mediaType?.split('/').pop())?.toUpperCase() || this.t.typeUnknown;
  }

  private renderPagination(): TemplateResult | typeof nothing {
    const t = this.t;
    const pages = Math.ceil(this.total / this.shownQuery.pageSize);
    if (pages <= 1) return nothing;
    const page = Math.min(this.shownQuery.page, pages);
    // The first and last pages and two either side of this one; a gap for each run left out, stepped over (a server
    // may give any total).
    const parts: (number | 'gap')[] = [];
    for (let p = 1; p <= pages; p++) {
      if (p == 1 || p == pages || Math.abs(p - page) < 3) parts.push(p);
      else {
        parts.push('gap');
        p = p < page ? page - 3 : pages - 1;
      }
    }
    return html`<nav class="pages" part="pagination" aria-label=${t.pagination}><ul><li><button class="btn" ?disabled=${page <= 1}
        @click=${() => this.goPage(page - 1, pages)}>${t.prev}</button></li>${parts.map((p) => p === 'gap'
          ? html`<li class="gap" aria-hidden="true">…</li>`
          : html`<li><button class="btn" aria-label=${t.pageN(this.fmt(p))} aria-current=${p === page ? 'page' : nothing}
              @click=${() => this.goPage(p, pages)}>${this.fmt(p)}</button></li>`)}<li><button class="btn"
                  ?disabled=${page >= pages} @click=${() => this.goPage(page + 1, pages)}>${t.next}</button></li><li
                  class="count">${t.pageOf(this.fmt(page), this.fmt(pages))}</li></ul></nav>`;
  }

  private async goPage(page: number, pages: number): Promise<void> {
    this.setQuery({ page });
    this.announce(() => this.t.pageOf(this.fmt(page), this.fmt(pages)), 0);
    await this.updateComplete;
    toSummary(this);
  }

  /** All current results (every page) as CSV. */
  csv(): string {
    this.completeLoad();
    const t = this.t;
    const rows: unknown[][] = [[t.indexNo, t.titleColumn, t.summary, t.docNo, t.publisher, t.dateCreated, t.datePublished, t.validity, t.link]];
    for (const item of this.visibleItems(true)) {
      // (toCsv writes nothing for a field that is absent.)
      rows.push([
        item.indexNo, item.title, item.summary, item.docNo, this.termLabel('publisher', item.publisher), item.dateCreated,
        item.datePublished, t.validityValues[item.validity ?? 'unknown'], hrefOf(item),
      ]);
    }
    return toCsv(rows);
  }

  private exportCsv() {
    downloadText(this.t.csvFilename, this.csv());
  }

  private async print() {
    this.completeLoad();
    this.printing = true;
    await this.updateComplete;
    const done = () => (this.printing = false);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    // Browsers that print synchronously have fired afterprint already; make sure the view returns.
    setTimeout(done, 1000);
  }
}
