/**
 * JSON.parse, with Unicode's bidirectional controls dropped from every string ("Trojan Source"): an embedding,
 * override or isolate (U+202A–U+202E, U+2066–U+2069) or a mark (U+200E, U+200F, U+061C), the Bidi_Control
 * characters, in a feed's text or a server's answer would reorder the text laid out after it (a label's RIGHT-TO-LEFT
 * OVERRIDE turns the 13812345678 of the error message after it into 87654321831). Text without one, written or
 * escaped (`\u202e`), is parsed as it is.
 */
export const parseJson = (text: string): unknown =>
  JSON.parse(text, /\p{Bidi_C}|\\u(20|061)/u.test(text) ? (_, v) => (typeof v == 'string' ? v.replace(/\p{Bidi_C}/gu, '') : v) : undefined);
