// Old CMS pages replace built-ins: Prototype.js and MooTools set `Array.from` to a function that ignores map functions
// and returns [] for a Set or an iterator. Our shipped code must not depend on it (spread works on those pages), and the
// chart.js we ship has its calls rewritten (scripts/safe-builtins.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownKeysRuntime, withoutArrayFrom } from '../../scripts/safe-builtins.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const walk = (dir) => readdirSync(join(root, dir)).flatMap((n) => {
  const p = `${dir}/${n}`;
  return statSync(join(root, p)).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
});

test('the code that runs in the browser never calls Array.from (typed arrays\' own .from is fine)', () => {
  const offenders = walk('src').filter((f) => !f.startsWith('src/cli/'))
    .filter((f) => /(^|[^\w$])Array\.from\s*\(/.test(readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
  assert.deepEqual(offenders, []);
});

test('chart.js as shipped: every Array.from call is rewritten as spread, and nothing else changes', () => {
  for (const file of ['node_modules/chart.js/dist/chart.js', 'node_modules/chart.js/dist/chunks/index.js']) {
    const code = readFileSync(join(root, file), 'utf8');
    const out = withoutArrayFrom(code, join(root, file));
    assert.ok(code.includes('Array.from('), `${file} calls Array.from (else this rewrite is not needed any more)`);
    assert.doesNotMatch(out, /\bArray\.from\s*\(/);
    assert.equal(out.replace(/\[\.\.\.(\w+)\]/g, 'Array.from($1)'), code.replace(/\[\.\.\.(\w+)\]/g, 'Array.from($1)'));
  }
  assert.equal(withoutArrayFrom('Array.from(x)', '/src/other.js'), null, 'only chart.js is rewritten');
  assert.throws(() => withoutArrayFrom('Array.from(a, f)', '/node_modules/chart.js/dist/chart.js'), /cannot rewrite/);
});

test("Rolldown's runtime builds module namespaces from their own keys, not from what a page put on Object.prototype", () => {
  const runtime = 'var a = (all) => { let target = {};\n  for (var name in all) {\n    __defProp(target, name, { get: all[name] });\n  }\n};\nvar b = (t, all) => {\n  for (var name in all) __defProp(t, name, {});\n};';
  const out = ownKeysRuntime(runtime, '\0rolldown/runtime.js');
  assert.doesNotMatch(out, /for \(var \w+ in /);
  assert.equal(out.match(/for \(var name of Object\.keys\(all\)\)/g).length, 2);
  assert.equal(ownKeysRuntime(runtime, '/src/other.js'), null, 'only the runtime is rewritten');
  assert.throws(() => ownKeysRuntime('for (var key in from) x();', '\0rolldown/runtime.js'), /cannot rewrite/);
});
