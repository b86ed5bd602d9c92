import { checkSchemaVersion, type ParseResult } from '../core/feed.js';
import { resolveUrl, safeHref } from '../core/url.js';
import { IssueList, isObject, optCount, optDate, optText, optTextList } from './common.js';
import { VALIDITIES as SHAPE_VALIDITIES } from './constants/catalogue.js';

/** Types of the catalogue feed (feeds.md §1) as the element uses them after validation. */

export type Validity = (typeof SHAPE_VALIDITIES)[number];
export const VALIDITIES: readonly Validity[] = SHAPE_VALIDITIES;

export interface Term { id: string; label: string; parentId?: string | null; order?: number }
export interface Category extends Term { parentId: string | null }

/** A link as the feed gave it, with the URL it is relative to; resolved (and checked) only when shown: `hrefOf`. */
export interface Linkable { url?: string; base: string }

export interface Attachment extends Linkable { name: string; mediaType?: string; size?: number }

const hrefs = new WeakMap<Linkable, string | null>();
/** The absolute http(s) URL of an item or attachment, or null when it has none that is safe to link. */
export function hrefOf(x: Linkable): string | null {
  let h = hrefs.get(x);
  if (h === undefined) hrefs.set(x, (h = x.url ? safeHref(x.url, x.base) : null));
  return h;
}

export interface CatalogueItem extends Linkable {
  id: string;
  title: string;
  indexNo?: string;
  summary?: string;
  docNo?: string;
  publisher?: string;
  dateCreated?: string;
  datePublished?: string;
  categoryIds: string[];
  topicIds: string[];
  genreId?: string;
  keywords: string[];
  validity?: Validity;
  attachments: Attachment[];
}

export interface CatalogueFeed {
  publisher?: { name?: string; id?: string };
  title?: string;
  guideHref?: string | null;
  categories: Category[];
  facets: { topic: Term[]; genre: Term[]; publisher: Term[] };
  items: CatalogueItem[];
  page?: { total?: number; next?: string | null };
  search?: { endpoint: string };
  /**
   * Optional (added by this library): counts per facet value computed by a remote search endpoint, as it sent them (the
   * element shows only whole numbers ≥ 0: `countIn`).
   */
  facetCounts?: Record<string, Record<string, unknown>>;
  /** Number of items that were in the feed but could not be shown. */
  skipped: number;
}

/** The entries of a list field: none when it is absent, or (with a warning) when it is not a list. */
const listAt = (value: unknown, path: string, issues: IssueList): unknown[] =>
  value == null ? [] : Array.isArray(value) ? value : (issues.add(path, 'must be a list'), []);

function parseTerms(value: unknown, path: string, issues: IssueList): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  listAt(value, path, issues).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(t)) return issues.add(p, 'must be an object');
    const id = typeof t.id === 'number' ? String(t.id) : t.id;
    if (typeof id !== 'string' || !id) return issues.add(`${p}.id`, 'is required');
    if (seen.has(id)) return issues.add(`${p}.id`, `duplicate id "${id}"`);
    const label = (typeof t.label == 'string' && t.label.trim()) || null;
    if (!label) return issues.add(`${p}.label`, 'is required');
    seen.add(id);
    const parentId = typeof t.parentId === 'string' && t.parentId ? t.parentId : null;
    const order = typeof t.order === 'number' && Number.isFinite(t.order) ? t.order : undefined;
    out.push({ id, label, parentId, order });
  });
  return out;
}

/** Drops parent links that point nowhere or form a cycle, so the tree always terminates. */
function sanitizeTree(categories: Term[], issues: IssueList): Category[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories.map((c, i) => {
    let parentId = c.parentId ?? null;
    if (parentId && !byId.has(parentId)) {
      issues.add(`categories[${i}].parentId`, `unknown parent "${parentId}"`);
      parentId = null;
    }
    // Walk up: a cycle means this node would be its own ancestor.
    const seen = new Set([c.id]);
    let p = parentId;
    while (p) {
      if (seen.has(p)) {
        issues.add(`categories[${i}].parentId`, 'forms a cycle');
        parentId = null;
        break;
      }
      seen.add(p);
      p = byId.get(p)?.parentId ?? null;
    }
    return { ...c, parentId };
  });
}

function parseAttachments(value: unknown, path: string, base: string, issues: IssueList): Attachment[] {
  const out: Attachment[] = [];
  listAt(value, path, issues).forEach((a, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(a)) return issues.add(p, 'must be an object');
    const name = (typeof a.name == 'string' && a.name.trim()) || null;
    if (!name) return issues.add(`${p}.name`, 'is required');
    out.push({
      name,
      url: typeof a.url === 'string' ? a.url : undefined,
      base,
      mediaType: typeof a.mediaType === 'string' ? a.mediaType : undefined,
      size: typeof a.size === 'number' && a.size >= 0 ? a.size : undefined,
    });
  });
  return out;
}

/** yyyymmdd (20130305) of a valid `YYYY-MM-DD` date: char codes minus 48 each, in one expression (48 × 11111111). */
export const dayOf = (s: string): number =>
  s.charCodeAt(0) * 1e7 + s.charCodeAt(1) * 1e6 + s.charCodeAt(2) * 1e5 + s.charCodeAt(3) * 1e4
  + s.charCodeAt(5) * 1000 + s.charCodeAt(6) * 100 + s.charCodeAt(8) * 10 + s.charCodeAt(9) - 533333328;

/** An entry that passed `checkItems` (an object with an id and a title), field by field; bad fields are dropped and noted. */
function buildItem(raw: Record<string, unknown>, path: string, base: string, soft: IssueList): CatalogueItem {
  const validity = typeof raw.validity === 'string' && (VALIDITIES as readonly string[]).includes(raw.validity)
    ? (raw.validity as Validity)
    : undefined;
  if (raw.validity != null && !validity) soft.add(`${path}.validity`, 'unknown value');
  const genre = optText(raw, 'genreId', path, soft);
  return {
    id: String(raw.id).trim(),
    title: (raw.title as string).trim(),
    indexNo: optText(raw, 'indexNo', path, soft),
    summary: optText(raw, 'summary', path, soft),
    docNo: optText(raw, 'docNo', path, soft),
    publisher: optText(raw, 'publisher', path, soft),
    dateCreated: optDate(raw, 'dateCreated', path, soft),
    datePublished: optDate(raw, 'datePublished', path, soft),
    categoryIds: optTextList(raw, 'categoryIds', path, soft) ?? [],
    topicIds: optTextList(raw, 'topicIds', path, soft) ?? [],
    genreId: genre,
    keywords: optTextList(raw, 'keywords', path, soft) ?? [],
    validity,
    url: typeof raw.url === 'string' ? raw.url : undefined,
    base,
    attachments: parseAttachments(raw.attachments, `${path}.attachments`, base, soft),
  };
}

/**
 * The first, cheap look at a list of raw entries: which ones can be shown (an object with an id and a title, the id
 * not seen before: the others are skipped and recorded in `issues`) and each one's date, enough to sort them and
 * show the first page. `items` then validates every field of the shown ones. One lean loop: it runs before the first
 * rows are shown, mostly on code not yet optimized.
 */
export function checkItems(raw: unknown[], base: string, issues: IssueList, seen = new Set<string>(), offset = 0) {
  const n = raw.length;
  /**
   * Per raw entry: its publication (else creation) date as yyyymmdd (0 without one) when it is shown; -1 when it is
   * skipped; -2 when skipped as a duplicate id (its fields are still checked, as a full parse does).
   */
  const days = new Float64Array(n).fill(-1);
  const path = (i: number) => `items[${i + offset}]`;
  const scratch = new IssueList();
  // The day of a date field's value (0: none, or not a date), each value read once: a feed's dates repeat.
  const dayCache = new Map<unknown, number>();
  const day = (v: unknown) => {
    let d = dayCache.get(v);
    if (d === undefined) dayCache.set(v, (d = (v = optDate({ v }, 'v', '', scratch)) ? dayOf(v as string) : 0));
    return d;
  };
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = raw[i];
    if (!isObject(r)) {
      issues.add(path(i), 'must be an object');
      continue;
    }
    const id = typeof r.id === 'number' ? String(r.id) : typeof r.id === 'string' ? r.id.trim() : '';
    if (!id) issues.add(`${path(i)}.id`, 'is required');
    else if (typeof r.title !== 'string' || !r.title.trim()) issues.add(`${path(i)}.title`, 'must be text');
    else if (seen.size === seen.add(id).size) {
      issues.add(`${path(i)}.id`, `duplicate id "${id}"`);
      days[i] = -2;
    } else {
      count++;
      // The date `items` keeps (its problems are recorded there).
      days[i] = day(r.datePublished) || day(r.dateCreated);
    }
  }
  const build = (i: number, soft: IssueList) => buildItem(raw[i] as Record<string, unknown>, path(i), base, soft);
  return {
    days,
    count,
    skipped: n - count,
    /** Shown raw entry i, validated (its problems are recorded by `items`, in feed order). */
    item: (i: number) => build(i, new IssueList()),
    /** Every shown entry, validated, the problems of their fields recorded in `soft`. */
    items(soft: IssueList): CatalogueItem[] {
      const items: CatalogueItem[] = [];
      for (let i = 0; i < n; i++) {
        if (days[i] === -1) continue;
        const item = build(i, soft);
        if (days[i] >= 0) items.push(item);
      }
      return items;
    },
  };
}

export type ItemCheck = ReturnType<typeof checkItems>;

/** The entry checks of feeds parsed with `parseCatalogue(…, true)` whose entries are not validated yet. */
const pending = new WeakMap<CatalogueFeed, ItemCheck & { finish(): void }>();

/**
 * The first look at the entries of a feed parsed with `parseCatalogue(…, true)`, while they are not validated yet;
 * its `finish()` validates them (once): it fills `items` and puts their problems into the warnings.
 */
export const pendingCheck = (feed: CatalogueFeed) => pending.get(feed);

/**
 * Validates a catalogue feed: strict at the root (an object, schemaVersion 1, an `items` list), tolerant per item.
 * Relative URLs resolve against the feed's own URL; only http(s) URLs survive as links.
 * With `lazy`, the entries are only checked (`pendingCheck`: which are shown, their dates, the skipped ones in the
 * warnings): `items` stays empty until `pendingCheck(feed).finish()`, so a first page can be shown sooner.
 */
export function parseCatalogue(json: unknown, feedUrl: string, lazy = false): ParseResult<CatalogueFeed> {
  const rootError = checkSchemaVersion(json);
  if (rootError) return rootError;
  const root = json as Record<string, unknown>;
  if (!Array.isArray(root.items)) {
    return { ok: false, error: 'invalidRoot', message: 'items must be a list', detail: 'items' };
  }
  const issues = new IssueList();
  const soft = new IssueList();
  const categories = sanitizeTree(parseTerms(root.categories, 'categories', soft), soft);
  const facets = isObject(root.facets) ? root.facets : {};
  const check = checkItems(root.items, feedUrl, issues);
  const at = soft.issues.length;
  const items = lazy ? [] : check.items(soft);
  const page = isObject(root.page)
    ? { total: optCount(root.page, 'total', 'page', soft), next: resolveUrl(root.page.next, feedUrl) }
    : undefined;
  const endpoint = isObject(root.search) ? safeHref(root.search.endpoint, feedUrl) : null;
  const publisher = isObject(root.publisher)
    ? { name: optText(root.publisher, 'name', 'publisher', soft), id: optText(root.publisher, 'id', 'publisher', soft) }
    : undefined;
  // Kept as sent: the element shows only the whole numbers ≥ 0 among them (countIn).
  const facetCounts = isObject(root.facetCounts) ? (root.facetCounts as CatalogueFeed['facetCounts']) : undefined;
  const data: CatalogueFeed = {
    publisher,
    title: optText(root, 'title', '', soft),
    guideHref: safeHref(root.guideUrl, feedUrl),
    categories,
    facets: Object.fromEntries(['topic', 'genre', 'publisher'].map((f) => [f, parseTerms(facets[f], `facets.${f}`, soft)])) as CatalogueFeed['facets'],
    items,
    page,
    search: endpoint ? { endpoint } : undefined,
    facetCounts,
    skipped: check.skipped,
  };
  // Skipped items first: they are what the reader misses.
  const warnings = [...issues.issues, ...soft.issues];
  if (lazy) {
    // Fills `items`, and inserts the problems found in them into the warnings, in place and where a full parse puts them.
    const finish = () => {
      pending.delete(data);
      const itemSoft = new IssueList();
      data.items = check.items(itemSoft);
      const tail = warnings.splice(issues.issues.length + at);
      for (const list of [itemSoft.issues, tail]) for (const w of list) warnings.push(w);
    };
    pending.set(data, { ...check, finish });
  }
  return { ok: true, data, warnings };
}
