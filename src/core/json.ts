/**
 * JSON.parse, with Unicode's bidirectional controls dropped from every string ("Trojan Source"): an embedding,
 * override or isolate (U+202A–U+202E, U+2066–U+2069) or a mark (U+200E, U+200F, U+061C), the Bidi_Control
 * characters, in a feed's text or a server's answer would reorder the text laid out after it (a label's RIGHT-TO-LEFT
 * OVERRIDE turns the 13812345678 of the error message after it into 87654321831). Text without one, written or
 * escaped (`\u202e`), is parsed as it is.
 *
 * The twelve characters of `\p{Bidi_C}`, all in the BMP, are written out as a class without the u flag: Chromium's
 * first run of the Unicode-property pattern over a 4.5 MB feed took 12 ms, of the plain class 4 ms (test/bidi.test.ts
 * checks that the class is exactly `\p{Bidi_C}`).
 */
export const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** One of them, written or escaped (`\u20…`, `\u061…`): the text needs the reviver. */
const BIDI_OR_ESCAPE = RegExp(`${BIDI.source}|\\\\u(20|061)`);

/**
 * `x`, its plain objects (all the way down, through lists) without a prototype, on a page whose Object.prototype has
 * enumerable values (a prototype-pollution bug of its own scripts: `$.extend(true, …)`, a query-string parser): else
 * a field an object lacks would be read from the page's (its `title`, `lang`, `help`), and `for…in` and `in` would
 * find them too. Elsewhere `x` as it is, at the cost of one loop that ends at once.
 */
export function bare<T>(x: T, polluted?: unknown): T {
  for (polluted in {}) {
    // (Each object once: stripped, it has no `constructor`.)
    if (Array.isArray(x) || (x?.constructor == Object && Object.setPrototypeOf(x, null))) Object.values(x as object).forEach(bare);
    break;
  }
  return x;
}

export const parseJson = (text: string): unknown =>
  bare(JSON.parse(text, BIDI_OR_ESCAPE.test(text) ? (_, v) => (typeof v == 'string' ? v.replace(BIDI, '') : v) : undefined));
