// Checks that every name scripts/mangle-props.mjs renames in the shipped builds is safe to rename (see that file's
// header), and that the short names it renames them to cannot clash with anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { MANGLED as MEMBER_SLOTS, MANGLED_KEYS as KEY_SLOTS, FREE, KEYS_FROM, SLOTS, MANGLE_CACHE, shortName, mangleModule } from '../../scripts/mangle-props.mjs';
import { findChrome, chromeArgs } from '../../scripts/chrome.mjs';

/** The names renamed (the lists without their FREE places). */
const MANGLED = MEMBER_SLOTS.filter((n) => n !== FREE);
const MANGLED_KEYS = KEY_SLOTS.filter((n) => n !== FREE);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** The strings modules of src/locales/<locale>/ whose top-level keys may be mangled. */
const STRING_MODULES = ['request', 'catalogue', 'annual', 'core'];
const read = (f) => readFileSync(join(root, f), 'utf8');
const walk = (dir, test) => readdirSync(join(root, dir)).flatMap((n) => {
  const p = `${dir}/${n}`;
  return statSync(join(root, p)).isDirectory() ? walk(p, test) : test(p) ? [p] : [];
});
const srcFiles = walk('src', (p) => p.endsWith('.ts'));
const src = srcFiles.map(read).join('\n');
/** The same without comments (a comment may name a member in backquotes). */
const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
const word = (n) => new RegExp(`(^|[^\\w$])${n.replace(/\$/g, '\\$')}([^\\w$]|$)`);

/** Code bundled with ours: a property of theirs must keep its name. */
const THIRD_PARTY = [
  ...['node_modules/lit-html', 'node_modules/lit-element', 'node_modules/@lit/reactive-element', 'node_modules/@lit/context/lib']
    .flatMap((d) => walk(d, (p) => p.endsWith('.js') && !/[\\/](development|node)[\\/]/.test(p))),
  // The ES build of chart.js that we bundle (not its minified UMD file, whose one-letter variables look like `$e`).
  'node_modules/chart.js/dist/chart.js', ...walk('node_modules/chart.js/dist/chunks', (p) => p.endsWith('.js')),
  'node_modules/@kurkle/color/dist/color.esm.js',
].map(read).join('\n');

/** Public shapes: feeds, events, the intake server's answers, what the README documents. */
const PUBLIC = [
  'README.md', 'docs/feeds.md', '../shared/spec/feeds.md', 'demo/server/openapi.yaml',
  ...walk('demo', (p) => p.endsWith('.json') && !p.includes('node_modules')),
].filter((f) => existsSync(join(root, f))).map(read).join('\n');

/** Every private or protected member declared in the shipped code (src/ without the command-line tool). */
const MEMBER = /\b(?:private|protected)(?: static)?(?: readonly)?( override)?(?: async)?(?: get| set)? (\w+)/g;
const declared = new Set(srcFiles.filter((f) => !f.startsWith('src/cli/')).flatMap((f) =>
  [...read(f).matchAll(MEMBER)].filter((m) => !m[1]).map((m) => m[2])));

/** Why a name may not be renamed, short of the browser check; undefined when nothing here stops it. */
const staticReason = (n) =>
  new RegExp(`['"\`]${n}['"\`]`).test(code) ? 'written in quotes in src/'
  : word(n).test(THIRD_PARTY) ? 'used by Lit, @lit/context or chart.js'
  : word(n).test(PUBLIC) ? 'named by a public document (feed, event, answer)'
  : undefined;

/** Property names of Chromium's own objects (window, every constructor and prototype it exposes). */
async function browserNames() {
  const executablePath = findChrome();
  if (!executablePath) return undefined;
  const browser = await chromium.launch({ executablePath, args: chromeArgs });
  try {
    const page = await browser.newPage();
    return new Set(await page.evaluate(() => {
      const out = new Set();
      const add = (o) => { try { for (const n of Object.getOwnPropertyNames(o)) out.add(n); } catch { /* cross-origin */ } };
      const chain = (o) => { for (let q = o; q; q = Object.getPrototypeOf(q)) add(q); };
      chain(window);
      for (const n of Object.getOwnPropertyNames(window)) {
        let v;
        try { v = window[n]; } catch { continue; }
        if (typeof v === 'function') { add(v); if (v.prototype) chain(v.prototype); } else if (v && typeof v === 'object') chain(v);
      }
      return [...out];
    }));
  } finally {
    await browser.close();
  }
}

test('each slot holds one name or FREE, no name twice, and the keys begin at KEYS_FROM (so that no short name moves)', () => {
  for (const n of SLOTS) assert.ok(n === FREE || (typeof n === 'string' && /^\w+$/.test(n)), `not a name or FREE: ${String(n)}`);
  const names = SLOTS.filter((n) => n !== FREE);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], 'listed twice (write FREE where it was)');
  assert.equal(MEMBER_SLOTS.length, KEYS_FROM, 'MANGLED changed length: every key would be renamed');
  assert.deepEqual(SLOTS, [...MEMBER_SLOTS, ...KEY_SLOTS]);
  // Slot i is the i-th short name, whatever is FREE before it; a FREE slot's short name is given to nothing.
  SLOTS.forEach((n, i) => {
    if (n === FREE) assert.ok(!Object.values(MANGLE_CACHE).includes(shortName(i)), `the free slot ${i} is used`);
    else assert.equal(MANGLE_CACHE[n], shortName(i), n);
  });
  assert.equal(Object.keys(MANGLE_CACHE).length, names.length);
});

test('no test reads a mangled name as a property (the tests are not mangled: `zhStrings.tpl` would be undefined)', () => {
  const tests = walk('test', (p) => /\.(ts|js|mjs)$/.test(p) && !p.startsWith('test/build/'));
  for (const f of tests) {
    const text = read(f);
    for (const n of [...MANGLED, ...MANGLED_KEYS]) assert.doesNotMatch(text, new RegExp(`\\.${n}(?![\\w$-])`), `${f} reads .${n}`);
  }
});

test('every mangled name is a private or protected member of ours', () => {
  for (const n of MANGLED) {
    assert.match(src, new RegExp(`\\b(private|protected)( static)?( readonly)?( override)?( async)?( get| set)? ${n}\\b`), n);
  }
  assert.equal(new Set(MANGLED).size, MANGLED.length, 'a name is listed twice');
});

test('every mangled key is a top-level key of the same strings module in every locale, and never a nested one', () => {
  const locales = readdirSync(join(root, 'src/locales'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.ok(locales.length >= 2, 'the locales were not found');
  const top = (l, m) => new Set([...read(`src/locales/${l}/${m}.ts`).matchAll(/^  (\w+):/gm)].map((x) => x[1]));
  for (const n of MANGLED_KEYS) {
    const modules = STRING_MODULES.filter((m) => top('zh-CN', m).has(n));
    assert.ok(modules.length, `${n} is not a top-level key of any strings module`);
    for (const l of locales) {
      for (const m of modules) assert.ok(top(l, m).has(n), `${l}/${m}: ${n} is not a top-level key`);
      for (const m of STRING_MODULES) {
        assert.doesNotMatch(read(`src/locales/${l}/${m}.ts`), new RegExp(`^ {3,}['"]?${n}['"]?:`, 'm'), `${l}/${m}: ${n} is also a nested key`);
      }
    }
  }
  const all = [...MANGLED, ...MANGLED_KEYS];
  assert.equal(new Set(all).size, all.length, 'a name is listed twice');
});

test('no mangled name is written in quotes in the code of src/ (a string would miss the rename)', () => {
  for (const n of [...MANGLED, ...MANGLED_KEYS]) assert.doesNotMatch(code, new RegExp(`['"\`]${n}['"\`]`), n);
});

test('a mangled reactive property is internal state (no attribute named after it)', () => {
  for (const f of srcFiles) {
    const text = read(f);
    for (const m of text.matchAll(/static (?:override )?properties[^=]*=\s*\{([\s\S]*?)\n\s*\};/g)) {
      for (const [, name, decl] of m[1].matchAll(/^\s*(\w+):\s*(\{[^}]*\})/gm)) {
        if (MANGLED.includes(name)) assert.match(decl, /state:\s*true/, `${f}: ${name}`);
      }
    }
  }
});

test('no mangled or short name is used by Lit, @lit/context, chart.js, or a public feed, event or answer', () => {
  for (const n of [...MANGLED, ...MANGLED_KEYS, ...Object.values(MANGLE_CACHE)]) assert.ok(!word(n).test(THIRD_PARTY), `third-party code uses ${n}`);
  // A short name in a document is harmless: only a property our code reads could clash, and src/ uses none.
  for (const n of [...MANGLED, ...MANGLED_KEYS]) assert.ok(!word(n).test(PUBLIC), `a public document names ${n}`);
  for (const s of Object.values(MANGLE_CACHE)) assert.ok(!word(s).test(src), `src/ already uses ${s}`);
});

test('no mangled or short name is a property of the browser\'s own objects', async (t) => {
  const names = await browserNames();
  if (!names) return t.skip('no Chromium (npm test installs one)');
  assert.ok(names.size > 2000, `only ${names.size} browser property names were read`);
  for (const n of [...MANGLED, ...MANGLED_KEYS, ...Object.values(MANGLE_CACHE)]) assert.ok(!names.has(n), `the browser has a property ${n}`);

  // The other way round: a private member that every check above would let through is listed, so that a new one
  // does not ship its full name at every use. Names of three letters or fewer gain nothing (a short name is 2–3).
  const missed = [...declared].filter((n) => n.length > 3 && !MANGLED.includes(n) && !staticReason(n) && !names.has(n));
  assert.deepEqual(missed, [], `safe to rename but not in MANGLED (scripts/mangle-props.mjs): ${missed.join(', ')}`);
  // The same for the top-level keys of the elements' strings.
  const keys = STRING_MODULES.flatMap((m) => [...read(`src/locales/zh-CN/${m}.ts`).matchAll(/^  (\w+):/gm)].map((x) => x[1]));
  const missedKeys = keys.filter((n) => n.length > 3 && !MANGLED.includes(n) && !MANGLED_KEYS.includes(n) && !staticReason(n) && !names.has(n));
  assert.deepEqual(missedKeys, [], `safe to rename but not in MANGLED_KEYS (scripts/mangle-props.mjs): ${missedKeys.join(', ')}`);
});

test('renaming is the same in every module, and leaves other names and quoted text alone', async () => {
  const [a, b] = MANGLED;
  const { code } = await mangleModule(
    `class X { ${a}() { return this.${b} + o.other + '${a} in text'; } static properties = { ${b}: { state: true } }; }`, 'x.js');
  assert.ok(code.includes(`${MANGLE_CACHE[a]}()`) && code.includes(`this.${MANGLE_CACHE[b]}`), code);
  assert.ok(code.includes(`${MANGLE_CACHE[b]}: { state: true }`), code);
  assert.ok(code.includes('o.other') && code.includes(`"${a} in text"`), code);
});
