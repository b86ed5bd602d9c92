/** URL helpers: feed-relative resolution and the rule that only http(s) URLs become links. */

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/** Resolves `value` against `base`; null when it is not a string or cannot be parsed. */
export function resolveUrl(value: unknown, base: string | URL): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

/**
 * The absolute href for a link, or null when it must not be a link: only http: and https: (and relative URLs,
 * resolved against `base`) qualify — never javascript:, data:, vbscript:, file: and the like.
 */
export function safeHref(value: unknown, base: string | URL): string | null {
  const href = resolveUrl(value, base);
  if (!href) return null;
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

/** The document's base URL, falling back to location (documents without a base). */
export function documentBase(): string {
  return document.baseURI || location.href;
}
