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
  /** Optional (added by this library): counts per facet value computed by a remote search endpoint. */
  facetCounts?: Record<string, Record<string, number>>;
  /** Number of items that were in the feed but could not be shown. */
  skipped: number;
}

function parseTerms(value: unknown, path: string, issues: IssueList): Term[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add(path, 'must be a list');
    return [];
  }
  const out: Term[] = [];
  const seen = new Set<string>();
  value.forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(t)) return issues.add(p, 'must be an object');
    const id = typeof t.id === 'number' ? String(t.id) : t.id;
    if (typeof id !== 'string' || !id) return issues.add(`${p}.id`, 'is required');
    if (seen.has(id)) return issues.add(`${p}.id`, `duplicate id "${id}"`);
    const label = typeof t.label === 'string' && t.label.trim() ? t.label.trim() : null;
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
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add(path, 'must be a list');
    return [];
  }
  const out: Attachment[] = [];
  value.forEach((a, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(a)) return issues.add(p, 'must be an object');
    const name = typeof a.name === 'string' && a.name.trim() ? a.name.trim() : null;
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

/**
 * Parses one item; returns null (and records why) when it lacks what an entry needs: a unique id and a title.
 * Other bad fields are dropped from the item and noted, so the rest of the entry is still shown.
 */
export function parseItem(raw: unknown, path: string, base: string, issues: IssueList, soft: IssueList): CatalogueItem | null {
  if (!isObject(raw)) {
    issues.add(path, 'must be an object');
    return null;
  }
  const id = typeof raw.id === 'number' ? String(raw.id) : raw.id;
  if (typeof id !== 'string' || !id.trim()) {
    issues.add(`${path}.id`, 'is required');
    return null;
  }
  if (typeof raw.title !== 'string' || !raw.title.trim()) {
    issues.add(`${path}.title`, 'must be text');
    return null;
  }
  const validity = typeof raw.validity === 'string' && (VALIDITIES as readonly string[]).includes(raw.validity)
    ? (raw.validity as Validity)
    : undefined;
  if (raw.validity !== undefined && raw.validity !== null && !validity) soft.add(`${path}.validity`, 'unknown value');
  const genre = optText(raw, 'genreId', path, soft);
  return {
    id: id.trim(),
    title: raw.title.trim(),
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
    attachments: raw.attachments === undefined ? [] : parseAttachments(raw.attachments, `${path}.attachments`, base, soft),
  };
}

/** Parses a list of raw items, skipping the unusable ones and duplicate ids. */
export function parseItems(raw: unknown[], base: string, issues: IssueList, soft: IssueList, seen = new Set<string>(), offset = 0) {
  const items: CatalogueItem[] = [];
  let skipped = 0;
  raw.forEach((r, i) => {
    const path = `items[${i + offset}]`;
    const item = parseItem(r, path, base, issues, soft);
    if (item && seen.has(item.id)) {
      issues.add(`${path}.id`, `duplicate id "${item.id}"`);
    } else if (item) {
      seen.add(item.id);
      items.push(item);
      return;
    }
    skipped++;
  });
  return { items, skipped };
}

/**
 * Validates a catalogue feed: strict at the root (an object, schemaVersion 1, an `items` list), tolerant per item.
 * Relative URLs resolve against the feed's own URL; only http(s) URLs survive as links.
 */
export function parseCatalogue(json: unknown, feedUrl: string): ParseResult<CatalogueFeed> {
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
  const { items, skipped } = parseItems(root.items, feedUrl, issues, soft);
  const page = isObject(root.page)
    ? { total: optCount(root.page, 'total', 'page', soft), next: resolveUrl(root.page.next, feedUrl) }
    : undefined;
  const endpoint = isObject(root.search) ? safeHref(root.search.endpoint, feedUrl) : null;
  const publisher = isObject(root.publisher)
    ? { name: optText(root.publisher, 'name', 'publisher', soft), id: optText(root.publisher, 'id', 'publisher', soft) }
    : undefined;
  const facetCounts = isObject(root.facetCounts) ? (root.facetCounts as CatalogueFeed['facetCounts']) : undefined;
  return {
    ok: true,
    data: {
      publisher,
      title: optText(root, 'title', '', soft),
      guideHref: safeHref(root.guideUrl, feedUrl),
      categories,
      facets: {
        topic: parseTerms(facets.topic, 'facets.topic', soft),
        genre: parseTerms(facets.genre, 'facets.genre', soft),
        publisher: parseTerms(facets.publisher, 'facets.publisher', soft),
      },
      items,
      page,
      search: endpoint ? { endpoint } : undefined,
      facetCounts,
      skipped,
    },
    // Skipped items first: they are what the reader misses.
    warnings: [...issues.issues, ...soft.issues],
  };
}
