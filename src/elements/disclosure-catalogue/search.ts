/**
 * Search that works for Chinese text: substring matching (Chinese has no spaces between words), several terms ANDed,
 * full-width and half-width forms folded together (NFKC), case folded, and the bracket variants that 文号 are written
 * with — 〔2013〕, [2013], (2013), （2013）, 【2013】, ［2013］ — treated as the same.
 */

const OPEN = /[〔【［\[（(﹝〖｛{]/g;
const CLOSE = /[〕】］\]）)﹞〗｝}]/g;

/** Folds text for matching. Length may change (NFKC), so use it for haystacks and terms, not for highlighting. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(OPEN, '[').replace(CLOSE, ']');
}

/**
 * Splits a query into folded terms: white space (full-width too), quotes (" “” ＂) and the separators ， 、 , ; ； between
 * them separate terms (folding makes ＂ " too). A term with other punctuation inside (君政发〔2013〕5号,
 * 006991234/2013-00001) stays whole; text that holds a separator (防汛、抗旱) is found still, its parts being ANDed.
 * `asTyped`: the words as typed, not folded (what a server is sent).
 */
export function queryTerms(query: string, asTyped?: boolean): string[] {
  return (asTyped ? query : fold(query))
    .split(/[\s"“”，、,;；]+/)
    .filter(Boolean);
}

/** True when every term occurs in the folded haystack. */
export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/**
 * Splits `text` into pieces that alternately did not and did match the given folded terms: the first piece (perhaps
 * empty) did not, the second did, and so on. Folding is applied per character so positions map back to the original
 * text (a character that folds to several keeps its place). Terms are not empty (queryTerms drops empty ones).
 * `squeeze`: white space does not count, as in the search text of a 文号 or 索引号 (searchText); a match marks the
 * spaces inside it too.
 */
export function highlight(text: string, terms: readonly string[], squeeze?: boolean): string[] {
  const chars = [...text];
  // The folded text, and for each of its code units the index of the original character it came from.
  let folded = '';
  const owner: number[] = [];
  chars.forEach((c, i) => {
    const f = squeeze && /\s/.test(c) ? '' : fold(c);
    folded += f;
    for (let k = f.length; k--; ) owner.push(i);
  });
  const marked = new Uint8Array(chars.length);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) marked.fill(1, owner[at], owner[at + term.length - 1] + 1);
  }
  // The piece being built is a match when there is an even number of pieces.
  const out = [''];
  chars.forEach((c, i) => {
    if (out.length % 2 == marked[i]) out.push('');
    out[out.length - 1] += c;
  });
  return out;
}
