import type { FeedIssue } from '../core/feed.js';

/** Small tolerant readers used by the feed parsers: each returns a clean value or undefined, and records why. */

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class IssueList {
  readonly issues: FeedIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
}

/** Optional plain text: strings are kept (trimmed); numbers become text; anything else is dropped with an issue. */
export function optText(obj: Record<string, unknown>, key: string, path: string, issues: IssueList): string | undefined {
  const v = obj[key];
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  issues.add(`${path}.${key}`, 'must be text');
  return undefined;
}

/** Optional YYYY-MM-DD date (a full ISO timestamp is cut to its date). */
export function optDate(obj: Record<string, unknown>, key: string, path: string, issues: IssueList): string | undefined {
  const v = obj[key];
  if (typeof v === 'string') {
    const d = v.trim().slice(0, 10);
    // A day that exists: 2013-02-30 would otherwise be shown as 2013年3月2日. (A date-only form is read as UTC; an engine
    // that refuses a day past the month's end gives NaN: refused too.)
    if (ISO_DATE.test(d) && (d.slice(8) < '29' || new Date(d).getUTCDate() === +d.slice(8))) return d;
    if (d === '') return undefined;
  }
  if (v === undefined || v === null) return undefined;
  issues.add(`${path}.${key}`, 'must be a date YYYY-MM-DD');
  return undefined;
}

/** Optional list of text values; a single string is accepted as a one-item list. */
export function optTextList(obj: Record<string, unknown>, key: string, path: string, issues: IssueList): string[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')) return v as string[];
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : null;
  if (!list) {
    issues.add(`${path}.${key}`, 'must be a list of text');
    return undefined;
  }
  const out: string[] = [];
  list.forEach((x, i) => {
    if (typeof x === 'string' && x.trim()) out.push(x.trim());
    else if (typeof x === 'number') out.push(String(x));
    else issues.add(`${path}.${key}[${i}]`, 'must be text');
  });
  return out;
}

/** A non-negative integer or undefined. */
export function optCount(obj: Record<string, unknown>, key: string, path: string, issues: IssueList): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  issues.add(`${path}.${key}`, 'must be a whole number ≥ 0');
  return undefined;
}
