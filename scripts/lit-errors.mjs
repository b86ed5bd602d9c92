// What the bundled copies of Lit carry for a developer or for other people's Lit code, and our elements never use:
//
// - Lit's css`` tag carries two sentences for a developer who misuses it (a CSSResult constructed by hand, a value
//   that is not css`` in a css`` template): about 230 bytes of the shared runtime every page downloads, for an error
//   our code never makes (its css`` templates are static). The bundled copies say it shorter.
// - Lit's hooks for the page: `litHtmlPolyfillSupport`, `reactiveElementPolyfillSupport`, `litElementPolyfillSupport`
//   (ShadyDOM/ShadyCSS, for browsers without shadow DOM, which our minimum browsers all have) and
//   `litElementHydrateSupport` (server-rendered Lit), each a global that, when the host page's own Lit (its own
//   `lit/polyfill-support.js`, its SSR client) has set it, our copy would call to patch our classes, and the
//   `litHtmlVersions`-style lists Lit's development build reads to warn of two copies. A copy bundled into our script
//   is ours: the host page does not patch it (the host page is untrusted), and 88 B of the runtime go.
//
// The npm build, where Lit is the host project's own, is untouched. The build fails if a Lit update changes the text
// this rewrites.
const SHORTER = [
  [/node_modules[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/, [
    ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"CSSResult"'],
    [`"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`, '"css: "+t'],
    // Constructable style sheets are in every browser we support (Chrome 73, Firefox 101, Safari 16.4): the <style>
    // fallback (and its litNonce) is for browsers without them, or for a page that forces the ShadyDOM polyfill.
    ['e=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,', 'e=!0,'],
    ['S=(s,o)=>{if(e)s.adoptedStyleSheets=o.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(const e of o){const o=document.createElement("style"),n=t.litNonce;void 0!==n&&o.setAttribute("nonce",n),o.textContent=e.cssText,s.appendChild(o)}},c=e?t=>t:t=>t instanceof CSSStyleSheet?(t=>{let e="";for(const s of t.cssRules)e+=s.cssText;return r(e)})(t):t;',
      'S=(s,o)=>{s.adoptedStyleSheets=o.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet)},c=t=>t;'],
  ]],
  [/node_modules[\\/]lit-html[\\/]lit-html\.js$/, [
    [/,B=t\.litHtmlPolyfillSupport;B\?\.\(S,k\),\(t\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ';'],
  ]],
  [/node_modules[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/, [
    [',p=a.reactiveElementPolyfillSupport,', ','],
    [/,p\?\.\(\{ReactiveElement:y\}\),\(a\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ';'],
    // Standard decorators' metadata (our classes declare `static properties`, no decorators): nor is the page's
    // `Symbol.metadata` set for it.
    ['Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', ''],
    ['const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}', ''],
  ]],
  [/node_modules[\\/]lit-element[\\/]lit-element\.js$/, [
    [/,s\.litElementHydrateSupport\?\.\(\{LitElement:i\}\);const o=s\.litElementPolyfillSupport;o\?\.\(\{LitElement:i\}\);/, ';'],
    [/\(s\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ''],
  ]],
];

/** A Lit module with the text above rewritten; null for any other module. */
export function shortLitErrors(code, id) {
  const file = id.split('?')[0];
  const edits = SHORTER.find(([re]) => re.test(file))?.[1];
  if (!edits) return null;
  let out = code;
  for (const [from, to] of edits) {
    const found = typeof from === 'string' ? out.includes(from) : from.test(out);
    if (!found) throw new Error(`${id}: a text scripts/lit-errors.mjs rewrites has changed`);
    out = out.replace(from, to);
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
