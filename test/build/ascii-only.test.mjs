// The classic scripts are written ASCII-only (scripts/ascii-only.mjs): a GB2312 page reads them as it reads UTF-8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asciiOnly } from '../../scripts/ascii-only.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The columns of a source map's mappings, per generated line (the first field of each segment, made absolute). */
function columns(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return mappings.split(';').map((line) => {
    let col = 0;
    return (line ? line.split(',') : []).map((seg) => {
      let value = 0, shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else break;
      }
      col += value & 1 ? -(value >>> 1) : value >>> 1;
      return col;
    });
  });
}

test('every character outside ASCII becomes a \\u escape that evaluates to the same value', () => {
  const code = 'const a="共找到 3 条",b=`第${n}页（共）`,c=/[一-龥]+\\（/,d="😀",e=/😀/u;';
  const { code: out } = asciiOnly(code);
  assert.doesNotMatch(out, /[^\x00-\x7f]/);
  const run = (src) => new Function('n', `${src}return [a,b,c.source,d,e.test("😀"),c.test("龙（")];`)(2);
  assert.deepEqual(run(out).filter((_, i) => i !== 2), run(code).filter((_, i) => i !== 2));
  assert.equal(new RegExp(run(out)[2]).test('龙（'), true, 'the pattern and its identity escape \\（ match as before');
  assert.match(out, /\\uff08\//, 'the backslash of the identity escape goes (\\\\u would be a backslash and "u")');
  assert.deepEqual(asciiOnly('x="\\\\中"').code, 'x="\\\\\\u4e2d"', 'an escaped backslash before it stays');
});

test('the source map follows: each mapping moves by the columns the escapes added before it', () => {
  // Segments at columns 0, 10 and 14 of line 1 ("中文" grows 10 columns before column 10), 0 of line 2.
  const code = 'var a="中文";b();\nc();';
  const map = { version: 3, sources: ['x.ts'], names: [], mappings: 'AAAA,UAAU,IAAI;AACA' };
  const result = asciiOnly(code, map);
  assert.deepEqual(columns(map.mappings), [[0, 10, 14], [0]]);
  assert.deepEqual(columns(result.map.mappings), [[0, 20, 24], [0]]);
  const line = result.code.split('\n')[0];
  assert.equal(code.slice(10, 14), ';b()');
  assert.equal(line.slice(20, 24), ';b()', 'the segment that was at ;b() is at ;b() again');
  assert.equal(result.map.sources[0], 'x.ts');
});

test('the built classic scripts are ASCII (a GB2312 page reads them alike)', (t) => {
  let files;
  try {
    files = ['disclosure-elements.js', 'disclosure-elements.autoload.js'].map((f) => readFileSync(`${root}/dist/${f}`, 'latin1'));
  } catch {
    t.skip('no dist/: run node scripts/build.mjs first');
    return;
  }
  // (Tested as booleans: the message of a failed match would print 200 KB.)
  for (const text of files) assert.ok(!/[^\x00-\x7f]/.test(text), `a byte outside ASCII at ${text.search(/[^\x00-\x7f]/)}`);
  assert.ok(readdirSync(`${root}/dist`).includes('disclosure-elements.js.map'));
  // A template literal's raw text is the one value the escapes change: the bundle never reads it.
  assert.ok(!/\.raw\b/.test(files[0]), 'the bundle reads .raw');
});
