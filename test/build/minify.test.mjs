// The two minifiers of template text in the shipped builds: CSS in css`` and the indentation of html`` templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyCssLiterals, unquoteAttributeValues } from '../../scripts/minify-css-literals.mjs';
import { minifyHtmlTemplates, unquoteAttributes } from '../../scripts/minify-html-literals.mjs';

test('CSS: leading zeros, !important and quoted attribute names go; numbers inside names and other quotes stay', () => {
  assert.equal(minifyCss('a { margin: 0.25em 0 0.5em; width: 10.5em; top: -0.1em }'), 'a{margin:.25em 0 .5em;width:10.5em;top:-.1em}');
  assert.equal(minifyCss('.a0.b { display: none !important; }'), '.a0.b{display:none!important}');
  assert.equal(minifyCss('a { outline-offset: -0.1em; margin: 0 -0.5em; --x-0.5: 1 }'), 'a{outline-offset:-.1em;margin:0 -.5em;--x-0.5:1}');
  assert.equal(minifyCss('b { r: calc(var(--r) * 4); w: calc((1em + 2px) / 2 - 1px) } .x > * { c: 1 }'),
    'b{r:calc(var(--r)*4);w:calc((1em + 2px)/2 - 1px)}.x>*{c:1}', 'spaces around + and - stay; a descendant * is not touched');
  assert.equal(unquoteAttributeValues("[role='tree']>.n,[aria-current=\"page\"]{}"), '[role=tree]>.n,[aria-current=page]{}');
  assert.equal(unquoteAttributeValues("[title='a b'],[x='1a']{content:'=x]'}"), "[title='a b'],[x='1a']{content:'=x]'}");
});

test('css``: every template of our sources is minified; one the plugin cannot read fails the build (it shipped unminified)', () => {
  const { transform } = minifyCssLiterals();
  const id = '/p/src/core/x.styles.ts';
  assert.equal(transform('export const s = css`\n  a { color: red; }\n`;', id).code, 'export const s = css`a{color:red}`;');
  assert.equal(transform('export const s = 1;', id), null, 'no css`` template: untouched');
  // (A backtick quoted in a comment, escaped: the shared styles shipped with every comment and space, 2.3 KB more.)
  assert.throws(() => transform('const s = css`\n  /* \\`anywhere\\` */ a { b: c; }\n`;', id), /cannot minify/);
  assert.throws(() => transform('const s = css`a { b: ${c}; }`;', id), /cannot minify/);
  assert.throws(() => transform('const a = css`a{}`, b = css`x { y: ${z} }`;', id), /cannot minify/, 'the second of two');
});

test('html``: a line break and the white space around it become one space, in nested templates too; nothing else changes', () => {
  const code = [
    'const a = html`<div class="x">',
    '    ${b ? html`<span>',
    '  inner  </span>` : nothing}',
    '  <p>t  t</p>',
    '</div>`;',
    'const c = css`a{',
    '}`;',
    'const s = `keep',
    '  this`;',
    'const t = other`keep',
    '  too`;',
  ].join('\n');
  const r = minifyHtmlTemplates(code, 'x.js');
  assert.equal(r.code, [
    'const a = html`<div class=x> ${b ? html`<span> inner  </span>` : nothing} <p>t  t</p> </div>`;',
    'const c = css`a{\n}`;',
    'const s = `keep\n  this`;',
    'const t = other`keep\n  too`;',
  ].join('\n'));
  assert.equal(r.map.sources[0], 'x.js', 'with a source map');
  assert.equal(minifyHtmlTemplates('const s = `a\n  b`;', 'y.js'), null, 'no html`` template: untouched');
  // An ideographic or no-break space is text, not white space HTML collapses.
  assert.equal(minifyHtmlTemplates('html`<p>　\n　　正文\u00a0\n</p>`', 'z.js').code, 'html`<p>　 　　正文\u00a0 </p>`');
});

test('html``: an attribute value that needs no quotes loses them, and white space before a tag\'s > goes; text, bound values, /> and other values are kept', () => {
  assert.deepEqual(unquoteAttributes(['<p class="a b" id="x" part=\'y\' role="status">say id="x" <b title="t">a="b"</b></p>']),
    ['<p class="a b" id=x part=y role=status>say id="x" <b title=t>a="b"</b></p>'], 'only values inside tags, only bare ones');
  assert.deepEqual(unquoteAttributes(['<input type="text"/><i x="1">', '</i>']), ['<input type="text"/><i x=1>', '</i>'],
    'a value before /> keeps its quotes (the slash would join it)');
  // Across bindings: a binding inside a tag is an attribute's value; one inside quotes keeps them; one in text is text.
  assert.deepEqual(unquoteAttributes(['<a class="x ', '" href=', ' rel="n">', ' <b id="q">', '</b></a>']),
    ['<a class="x ', '" href=', ' rel=n>', ' <b id=q>', '</b></a>']);
  assert.deepEqual(unquoteAttributes(['<a title="', '" id="k">t</a>']), ['<a title="', '" id=k>t</a>']);
  assert.deepEqual(unquoteAttributes(['<a x="y"', '>']), ['<a x="y"', '>'], 'a value a binding follows at once: kept');
  assert.deepEqual(unquoteAttributes(['<!-- <a x="y"> --><a x="=" y="<" z="`" w="">']), ['<!-- <a x="y"> --><a x="=" y="<" z="`" w="">'],
    'a comment, and values that need their quotes (or are empty)');
  assert.deepEqual(unquoteAttributes(['<br x="y" /><br a=b />']), ['<br x="y" /><br a=b />'], 'nor before " />", nor is the space dropped');
  assert.equal(minifyHtmlTemplates('html`<a\n  class="b"\n>c="d" > </a\n><p\n>`', 'u.js').code, 'html`<a class=b>c="d" > </a><p>`',
    'white space before a tag\'s > goes, not in text');
});
