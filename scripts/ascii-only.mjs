// Makes a built classic script ASCII-only: every character outside ASCII is written as a \uXXXX escape, and its
// source map's generated columns are moved to match.
//
// Why: a classic <script> without a byte-order mark is decoded in the charset of its Content-Type, else in the page's
// own. Many Chinese government CMS templates are GB2312/GBK pages (`<meta charset="gb2312">`), and a web server's
// default answer for a .js file names no charset (nginx: `application/javascript`): the UTF-8 bytes of the elements'
// Chinese strings were read as GBK, which swallowed quotes after them, and the whole file stopped at a SyntaxError (no
// element appeared). Written as ASCII, the file reads the same in every ASCII-compatible charset. ES modules are always
// read as UTF-8, so the module builds need none of this.
//
// The escapes are safe where the minified code has characters outside ASCII: string, template and regular-expression
// literals, whose values are unchanged (a character beyond the BMP becomes its two UTF-16 halves, which a `u` pattern
// reads as the one character), and identifiers, where \u escapes are allowed. Template literals' raw strings would
// change: test/build/ascii-only.test.mjs checks the bundle never reads `.raw`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One line of a source map's mappings: its segments as arrays of absolute numbers (the VLQ fields made cumulative). */
function decodeLine(text, state) {
  const segments = [];
  for (const seg of text ? text.split(',') : []) {
    const fields = [];
    for (let i = 0, value = 0, shift = 0; i < seg.length; i++) {
      const digit = B64.indexOf(seg[i]);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = shift = 0;
      }
    }
    // Field 0 is relative to the line's previous segment; fields 1–4 to the previous segment of the whole map.
    fields[0] += state[0];
    for (let f = 1; f < fields.length; f++) fields[f] += state[f];
    fields.forEach((v, f) => (state[f] = v));
    segments.push(fields);
  }
  return segments;
}

function vlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1, out = '';
  do {
    const digit = v & 31;
    v >>>= 5;
    out += B64[v ? digit | 32 : digit];
  } while (v);
  return out;
}

function encodeLine(segments, state) {
  return segments.map((fields) => {
    let out = vlq(fields[0] - state[0]);
    for (let f = 1; f < fields.length; f++) out += vlq(fields[f] - state[f]);
    fields.forEach((v, f) => (state[f] = v));
    return out;
  }).join(',');
}

/** `code` with every non-ASCII UTF-16 unit escaped, and `map` (a parsed source map, or undefined) moved to match. */
export function asciiOnly(code, map) {
  // For each line, where it grew: [column in the line as it was, columns added there].
  const grown = [];
  const out = code.split('\n').map((line) => {
    const edits = [];
    grown.push(edits);
    // A character after an odd number of backslashes is an identity escape (\（ in a pattern or a string, the character
    // itself): its backslash goes, or \\u… would read as a backslash and "u…".
    return line.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c, i) => {
      const odd = slashes.length % 2;
      edits.push([i + slashes.length, odd ? 4 : 5]);
      return `${slashes.slice(odd)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
  });
  if (!map) return { code: out.join('\n') };
  const readState = [0, 0, 0, 0, 0], writeState = [0, 0, 0, 0, 0];
  const mappings = map.mappings.split(';').map((text, l) => {
    readState[0] = writeState[0] = 0;
    const segments = decodeLine(text, readState);
    const edits = grown[l] ?? [];
    // Every segment moves by what the line grew before its column: the edits are in column order, so the sum of
    // those before it is found by halving (a minified line has tens of thousands of segments and of edits).
    const sums = [0];
    for (const [, by] of edits) sums.push(sums.at(-1) + by);
    for (const s of segments) {
      let lo = 0, hi = edits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edits[mid][0] < s[0]) lo = mid + 1;
        else hi = mid;
      }
      s[0] += sums[lo];
    }
    return encodeLine(segments, writeState);
  });
  return { code: out.join('\n'), map: { ...map, mappings: mappings.join(';') } };
}

/** Rewrites the built classic script at `path` (and its `.map` beside it, if any) ASCII-only. */
export function makeAsciiOnly(path) {
  const mapPath = `${path}.map`;
  const map = existsSync(mapPath) ? JSON.parse(readFileSync(mapPath, 'utf8')) : undefined;
  const result = asciiOnly(readFileSync(path, 'utf8'), map);
  writeFileSync(path, result.code);
  if (result.map) writeFileSync(mapPath, JSON.stringify(result.map));
}
