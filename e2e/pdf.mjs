// Reading the PDFs that page.pdf makes (Chromium's Skia writer), enough for print tests: each page, in page order,
// with its height and its content stream's drawing operators as text. Objects are read by their stream's /Length,
// not by looking for "endobj", which compressed bytes may contain.
import { inflateSync } from 'node:zlib';

/** The pages of `pdf`, in order: `{ height, ops }` (height in points, ops the inflated content operators). */
export function pdfPages(pdf) {
  const buf = Buffer.from(pdf);
  const s = buf.toString('latin1');
  const objs = new Map();
  const re = /(\d+) 0 obj\b/g;
  for (let m; (m = re.exec(s)); ) {
    const at = m.index + m[0].length;
    const end = s.indexOf('endobj', at);
    const streamAt = s.indexOf('stream', at);
    if (streamAt === -1 || streamAt > end) {
      objs.set(m[1], { dict: s.slice(at, end) });
      re.lastIndex = end;
      continue;
    }
    const dict = s.slice(at, streamAt);
    const ref = /\/Length\s+(\d+)\s+0\s+R/.exec(dict);
    const length = ref ? Number(new RegExp(`(?:^|\\s)${ref[1]} 0 obj\\s*(\\d+)`).exec(s)[1]) : Number(/\/Length\s+(\d+)/.exec(dict)[1]);
    let start = streamAt + 'stream'.length;
    if (s[start] === '\r') start++;
    if (s[start] === '\n') start++;
    objs.set(m[1], { dict, data: buf.subarray(start, start + length) });
    re.lastIndex = start + length;
  }
  const refs = (text) => [...text.matchAll(/(\d+)\s+0\s+R/g)].map((r) => r[1]);
  const isType = (o, type) => new RegExp(`/Type\\s*/${type}(?![\\w])`).test(o.dict);
  const rootPages = [...objs.values()].find((o) => isType(o, 'Pages') && !/\/Parent\b/.test(o.dict));
  const pages = [];
  const walk = (o) => {
    if (isType(o, 'Page')) return void pages.push(o);
    for (const id of refs(/\/Kids\s*\[([^\]]*)\]/.exec(o.dict)[1])) walk(objs.get(id));
  };
  walk(rootPages);
  return pages.map((p) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(p.dict)[1];
    const ops = refs(contents).map((id) => {
      const o = objs.get(id);
      return (/\/FlateDecode/.test(o.dict) ? inflateSync(o.data) : o.data).toString('latin1');
    }).join('\n');
    return { height: Number(/MediaBox\s*\[\s*\S+\s+\S+\s+\S+\s+(\S+)\s*\]/.exec(p.dict)[1]), ops };
  });
}

/** The fill colours (`r g b` as written, e.g. "1 0 0") each page of `pdf` paints with. */
export const fillColours = (pdf) => pdfPages(pdf).map(({ ops }) => [...new Set([...ops.matchAll(/(\S+ \S+ \S+) rg\b/g)].map((m) => m[1]))]);
