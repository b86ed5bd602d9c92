// Lit's css`` error sentences are shortened in the bundled copies (scripts/lit-errors.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shortLitErrors } from '../../scripts/lit-errors.mjs';

// The browser build of the module, which the bundles take (the "node" export is another file).
const file = fileURLToPath(new URL('../../node_modules/@lit/reactive-element/css-tag.js', import.meta.url));

test("Lit's css-tag.js: both sentences shortened, nothing else changed; other modules untouched", () => {
  const code = readFileSync(file, 'utf8');
  const out = shortLitErrors(code, file);
  assert.ok(out.length < code.length - 200);
  assert.doesNotMatch(out, /not constructable|page security/);
  // Only the two string literals differ: the code around them is the same.
  assert.equal(out.replace('"CSSResult"', '').replace('"css: "+t', ''), code.replace(/"CSSResult is not[^"]*"/, '').replace(/"Value passed[^"]*"\+t\+"[^"]*"/, ''));
  assert.equal(shortLitErrors(code, '/x/node_modules/lit-html/lit-html.js'), null);
});

test('a Lit whose messages changed stops the build (nothing is shortened silently wrong)', () => {
  assert.throws(() => shortLitErrors('throw Error("something else")', file), /lit-errors\.mjs rewrites has changed/);
});
