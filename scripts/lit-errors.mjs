// Lit's css`` tag carries two sentences for a developer who misuses it (a CSSResult constructed by hand, a value that
// is not css`` in a css`` template): about 230 bytes of the shared runtime every page downloads, for an error our code
// never makes (its css`` templates are static). The bundled copies say it shorter; the npm build, where Lit is the
// host project's own, is untouched. The build fails if a Lit update changes the text this rewrites.
const CSS_TAG = /node_modules[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/;
const SHORTER = [
  ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"CSSResult"'],
  [`"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`, '"css: "+t'],
];

/** css-tag.js with its two error messages shortened; other code unchanged. */
export function shortLitErrors(code, id) {
  if (!CSS_TAG.test(id.split('?')[0])) return null;
  let out = code;
  for (const [long, short] of SHORTER) {
    if (!out.includes(long)) throw new Error(`${id}: a message scripts/lit-errors.mjs rewrites has changed`);
    out = out.replace(long, short);
  }
  return out;
}

/** Vite plugin form. */
export function litErrors() {
  return {
    name: 'lit-errors',
    transform(code, id) {
      const out = shortLitErrors(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
