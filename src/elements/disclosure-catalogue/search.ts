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

/** Splits a query into folded terms: whitespace (full-width too) separates terms. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter(Boolean);
}

/** True when every term occurs in the folded haystack. */
export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/** One piece of a highlighted string: text, and whether it matched a term. */
export interface Segment { text: string; match: boolean }

/**
 * Splits `text` into matched and unmatched segments for the given folded terms. Folding is applied per character so
 * positions map back to the original text (a character that folds to several keeps its place). Terms are not empty
 * (queryTerms drops empty ones). `squeeze`: white space does not count, as in the search text of a 文号 or 索引号
 * (searchText); a match marks the spaces inside it too.
 */
export function highlight(text: string, terms: readonly string[], squeeze?: boolean): Segment[] {
  if (!terms.length || !text) return [{ text, match: false }];
  const chars = [...text];
  const foldedChars = chars.map((c) => (squeeze && /\s/.test(c) ? '' : fold(c)));
  // Map each folded code unit back to the index of the original character it came from.
  let folded = '';
  const owner: number[] = [];
  foldedChars.forEach((f, i) => {
    folded += f;
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const marked = new Uint8Array(chars.length);
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      for (let k = owner[at]; k <= owner[at + term.length - 1]; k++) marked[k] = 1;
      from = at + term.length;
    }
  }
  const out: Segment[] = [];
  let current = '';
  let state = marked[0] === 1;
  chars.forEach((c, i) => {
    const m = marked[i] === 1;
    if (m !== state) {
      if (current) out.push({ text: current, match: state });
      current = '';
      state = m;
    }
    current += c;
  });
  if (current) out.push({ text: current, match: state });
  return out;
}
