import type { Category, CatalogueItem } from '../../schema/catalogue.js';
import { fold, matchesAll, queryTerms } from './search.js';

/** The facets a reader can filter by (besides the category tree and the search words). */
export const FACETS = ['topic', 'genre', 'publisher', 'year', 'validity'] as const;
export type FacetKey = (typeof FACETS)[number];

export const SORTS = ['published-desc', 'published-asc', 'created-desc', 'title'] as const;
export type SortKey = (typeof SORTS)[number];

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface CatalogueQuery {
  q: string;
  category: string | null;
  facets: Record<FacetKey, string[]>;
  sort: SortKey;
  page: number;
  pageSize: number;
}

export const emptyFacets = (): Record<FacetKey, string[]> => ({ topic: [], genre: [], publisher: [], year: [], validity: [] });

export function defaultQuery(pageSize = 20): CatalogueQuery {
  return { q: '', category: null, facets: emptyFacets(), sort: 'published-desc', page: 1, pageSize };
}

export interface QueryResult {
  /** Indexes into the index's items, in sort order, filtered. */
  matches: Int32Array;
  /** Per facet: value → count among items that match every other condition. */
  facetCounts: Record<FacetKey, Map<string, number>>;
  /** Category id → count (an item counts for its categories and all their ancestors). */
  categoryCounts: Map<string, number>;
}

/** A facet's values interned to small integers, for counting in typed arrays. */
class Vocab {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  code(v: string): number {
    let c = this.codes.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(v, c);
      this.values.push(v);
    }
    return c;
  }
}

function itemFacetValues(item: CatalogueItem, facet: FacetKey): string[] {
  switch (facet) {
    case 'topic': return item.topicIds;
    case 'genre': return item.genreId ? [item.genreId] : [];
    case 'publisher': return item.publisher ? [item.publisher] : [];
    case 'year': {
      const d = item.datePublished ?? item.dateCreated;
      return d ? [d.slice(0, 4)] : [];
    }
    case 'validity': return [item.validity ?? 'unknown'];
  }
}

/** The folded text an item is searched by: title, 文号, 索引号, keywords and summary. */
export function searchText(item: CatalogueItem): string {
  return fold([item.title, item.docNo ?? '', item.indexNo ?? '', item.keywords.join(' '), item.summary ?? ''].join('\u0001'));
}

/**
 * An in-memory index over a catalogue: folded search text, interned facet values, category ancestry and cached sort
 * orders. Built once per feed; every query is then a single pass over the items in the chosen order.
 */
export class CatalogueIndex {
  readonly items: readonly CatalogueItem[];
  private hay: string[] | null = null;
  private readonly vocab: Record<FacetKey, Vocab>;
  private readonly facetCodes: Record<FacetKey, Int32Array[]>;
  private readonly catVocab = new Vocab();
  private readonly itemCats: Int32Array[];
  private readonly orders = new Map<SortKey, Int32Array>();

  constructor(items: readonly CatalogueItem[], categories: readonly Category[], private readonly collatorLocale = 'zh-CN') {
    this.items = items;
    this.vocab = { topic: new Vocab(), genre: new Vocab(), publisher: new Vocab(), year: new Vocab(), validity: new Vocab() };
    this.facetCodes = { topic: [], genre: [], publisher: [], year: [], validity: [] };
    const parent = new Map(categories.map((c) => [c.id, c.parentId]));
    const ancestryCache = new Map<string, Int32Array>();
    const ancestry = (id: string): Int32Array => {
      let a = ancestryCache.get(id);
      if (!a) {
        const chain: number[] = [];
        let p: string | null | undefined = id;
        const seen = new Set<string>();
        while (p && !seen.has(p)) {
          seen.add(p);
          chain.push(this.catVocab.code(p));
          p = parent.get(p);
        }
        a = Int32Array.from(chain);
        ancestryCache.set(id, a);
      }
      return a;
    };
    this.itemCats = items.map((item) => {
      if (item.categoryIds.length === 1) return ancestry(item.categoryIds[0]);
      const set = new Set<number>();
      for (const c of item.categoryIds) for (const code of ancestry(c)) set.add(code);
      return Int32Array.from(set);
    });
    for (const f of FACETS) {
      const vocab = this.vocab[f];
      this.facetCodes[f] = items.map((item) => Int32Array.from(itemFacetValues(item, f), (v) => vocab.code(v)));
    }
  }

  /** Folded search text, built on the first search (a catalogue that is only browsed never pays for it). */
  private haystacks(): string[] {
    return (this.hay ??= this.items.map(searchText));
  }

  /** Builds the search text now (e.g. while the browser is idle). */
  warm(): void {
    this.haystacks();
  }

  /** Item indexes in the given sort order (cached). */
  order(sort: SortKey): Int32Array {
    let o = this.orders.get(sort);
    if (o) return o;
    const idx = Array.from(this.items.keys());
    const items = this.items;
    const byDate = (key: 'datePublished' | 'dateCreated', dir: 1 | -1) => (a: number, b: number) => {
      const da = items[a][key] ?? items[a].dateCreated ?? '';
      const db = items[b][key] ?? items[b].dateCreated ?? '';
      if (da !== db) return da < db ? -dir : dir;
      return a - b;
    };
    if (sort === 'published-desc') idx.sort(byDate('datePublished', -1));
    else if (sort === 'published-asc') idx.sort(byDate('datePublished', 1));
    else if (sort === 'created-desc') idx.sort(byDate('dateCreated', -1));
    else {
      const collator = new Intl.Collator(this.collatorLocale, { numeric: true });
      idx.sort((a, b) => collator.compare(items[a].title, items[b].title) || a - b);
    }
    o = Int32Array.from(idx);
    this.orders.set(sort, o);
    return o;
  }

  /** Every distinct value of a facet, in first-seen order. */
  facetValues(facet: FacetKey): readonly string[] {
    return this.vocab[facet].values;
  }

  /** Runs a query: one pass computes the matches and, for every facet, the counts under the other conditions. */
  run(query: CatalogueQuery): QueryResult {
    const terms = queryTerms(query.q);
    const hay = terms.length ? this.haystacks() : null;
    const order = this.order(query.sort);
    const catCode = query.category === null ? -1 : this.catVocab.codes.get(query.category) ?? -2;
    // Selected codes per facet (values unknown to the index can match nothing).
    const selected = FACETS.map((f) => {
      const vals = query.facets[f];
      if (!vals.length) return null;
      const set = new Set<number>();
      for (const v of vals) {
        const c = this.vocab[f].codes.get(v);
        set.add(c ?? -1);
      }
      return set;
    });
    const facetCounters = FACETS.map((f) => new Int32Array(this.vocab[f].values.length));
    const catCounter = new Int32Array(this.catVocab.values.length);
    const matches = new Int32Array(order.length);
    let n = 0;
    const nf = FACETS.length;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (hay && !matchesAll(hay[i], terms)) continue;
      // Dimension 0 is the category; 1..nf are the facets.
      let failCount = 0;
      let failedDim = -1;
      const cats = this.itemCats[i];
      if (catCode !== -1) {
        let ok = false;
        for (let c = 0; c < cats.length; c++) if (cats[c] === catCode) { ok = true; break; }
        if (!ok) { failCount++; failedDim = 0; }
      }
      for (let d = 0; d < nf; d++) {
        const sel = selected[d];
        if (!sel) continue;
        const codes = this.facetCodes[FACETS[d]][i];
        let ok = false;
        for (let c = 0; c < codes.length; c++) if (sel.has(codes[c])) { ok = true; break; }
        if (!ok) {
          failCount++;
          failedDim = d + 1;
          if (failCount > 1) break;
        }
      }
      if (failCount > 1) continue;
      if (failCount === 0 || failedDim === 0) for (let c = 0; c < cats.length; c++) catCounter[cats[c]]++;
      for (let d = 0; d < nf; d++) {
        if (failCount === 1 && failedDim !== d + 1) continue;
        const codes = this.facetCodes[FACETS[d]][i];
        const counter = facetCounters[d];
        for (let c = 0; c < codes.length; c++) counter[codes[c]]++;
      }
      if (failCount === 0) matches[n++] = i;
    }
    const facetCounts = {} as Record<FacetKey, Map<string, number>>;
    FACETS.forEach((f, d) => {
      const m = new Map<string, number>();
      const values = this.vocab[f].values;
      facetCounters[d].forEach((count, code) => m.set(values[code], count));
      facetCounts[f] = m;
    });
    const categoryCounts = new Map<string, number>();
    catCounter.forEach((count, code) => categoryCounts.set(this.catVocab.values[code], count));
    return { matches: matches.subarray(0, n), facetCounts, categoryCounts };
  }
}

/** Serializes a query into URL parameters (defaults omitted). */
export function queryToState(q: CatalogueQuery, defaultPageSize: number): Record<string, string> {
  const s: Record<string, string> = {};
  if (q.q) s.q = q.q;
  if (q.category) s.cat = q.category;
  for (const f of FACETS) if (q.facets[f].length) s[f] = q.facets[f].join(',');
  if (q.sort !== 'published-desc') s.sort = q.sort;
  if (q.page > 1) s.page = String(q.page);
  if (q.pageSize !== defaultPageSize) s.size = String(q.pageSize);
  return s;
}

/** Reads a query from URL parameters, ignoring anything malformed. */
export function stateToQuery(s: Record<string, string>, defaultPageSize: number): CatalogueQuery {
  const q = defaultQuery(defaultPageSize);
  if (s.q) q.q = s.q.slice(0, 200);
  if (s.cat) q.category = s.cat;
  for (const f of FACETS) if (s[f]) q.facets[f] = s[f].split(',').filter(Boolean).slice(0, 50);
  if ((SORTS as readonly string[]).includes(s.sort)) q.sort = s.sort as SortKey;
  const page = Number.parseInt(s.page ?? '', 10);
  if (page > 0) q.page = page;
  const size = Number.parseInt(s.size ?? '', 10);
  if ((PAGE_SIZES as readonly number[]).includes(size)) q.pageSize = size;
  return q;
}
