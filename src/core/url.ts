/** URL helpers: feed-relative resolution and the rule that only http(s) URLs become links. */

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
  // A parsed URL's href starts with its scheme, in lower case.
  return href && /^https?:/.test(href) ? href : null;
}

/** The document's base URL (a <base href>, else its own URL: never empty). */
export function documentBase(): string {
  return document.baseURI;
}
