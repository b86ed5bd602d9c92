// Lit's css`` error sentences are shortened in the bundled copies (scripts/lit-errors.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shortLitErrors } from '../../scripts/lit-errors.mjs';

// The browser build of the module, which the bundles take (the "node" export is another file).
const file = fileURLToPath(new URL('../../node_modules/@lit/reactive-element/css-tag.js', import.meta.url));

test("Lit's css-tag.js: both sentences shortened, the <style> fallback gone; other modules untouched", () => {
  const code = readFileSync(file, 'utf8');
  const out = shortLitErrors(code, file);
  assert.ok(out.length < code.length - 400);
  assert.equal(/not constructable|page security|litNonce|ShadyCSS|createElement\("style"\)|cssRules/.test(out), false);
  // Style sheets are always adopted, and what css`` makes is unchanged.
  assert.match(out, /S=\(s,o\)=>\{s\.adoptedStyleSheets=o\.map\(/);
  assert.match(out, /replaceSync\(this\.cssText\)/);
  assert.equal(shortLitErrors(code, '/x/node_modules/lit-html/directive.js'), null);
});

test('a Lit whose messages changed stops the build (nothing is shortened silently wrong)', () => {
  assert.throws(() => shortLitErrors('throw Error("something else")', file), /lit-errors\.mjs rewrites has changed/);
});

test("Lit's hooks for the page's own Lit (polyfill support, SSR hydration, version lists) are not in the bundled copies", () => {
  const rel = ['lit-html/lit-html.js', '@lit/reactive-element/reactive-element.js', 'lit-element/lit-element.js'];
  for (const r of rel) {
    const f = fileURLToPath(new URL(`../../node_modules/${r}`, import.meta.url));
    const code = readFileSync(f, 'utf8');
    assert.match(code, /PolyfillSupport/);
    const out = shortLitErrors(code, f);
    assert.equal(/PolyfillSupport|HydrateSupport|Versions\?\?=|Symbol\.metadata|litPropertyMetadata/.test(out), false, r);
    // Only those statements go.
    assert.ok(out.length > code.length - 400, r);
  }
});

test('a built classic script ignores a Lit polyfill-support hook the page has set (the page does not patch our Lit)', async () => {
  const { existsSync } = await import('node:fs');
  const js = fileURLToPath(new URL('../../dist/disclosure-elements.js', import.meta.url));
  if (!existsSync(js)) return;
  assert.equal(/litHtmlPolyfillSupport|litElementHydrateSupport|reactiveElementPolyfillSupport/.test(readFileSync(js, 'utf8')), false);
});
