/**
 * Keeps an element's state in the page URL's query string under its own key prefix (`<key>.q`, `<key>.page` …), so
 * results can be bookmarked and shared, the back button works, and two elements on one page do not clash. Parameters
 * that belong to the host page or to other elements are left alone.
 */

export type StateRecord = Record<string, string>;

/** The state under `prefix` in the page URL; none (an empty record) without a prefix: an element with no-url-state. */
export function readUrlState(prefix: string | false): StateRecord {
  // (No prototype: a key the URL lacks is not read from a host page's Object.prototype.)
  const out: StateRecord = Object.create(null);
  const p = `${prefix}.`;
  if (prefix) new URLSearchParams(location.search).forEach((value, key) => {
    if (key.startsWith(p)) out[key.slice(p.length)] = value;
  });
  return out;
}

/** The URL with this prefix's parameters replaced by `state` (empty values are removed). */
export function urlWithState(prefix: string, state: StateRecord, href: string = location.href): string {
  const url = new URL(href);
  const params = url.searchParams;
  const p = `${prefix}.`;
  for (const key of [...params.keys()]) if (key.startsWith(p)) params.delete(key);
  for (const [k, v] of Object.entries(state)) if (v !== '') params.set(p + k, v);
  return url.href;
}

/** Writes the state into the address bar: `push` makes a new history entry, `replace` amends the current one. */
export function writeUrlState(prefix: string, state: StateRecord, mode: 'push' | 'replace'): void {
  const next = urlWithState(prefix, state);
  if (next === location.href) return;
  try {
    history[`${mode}State` as const](history.state, '', next);
  } catch {
    // Sandboxed iframes and some file:// pages refuse history changes; the element still works without them.
  }
}
