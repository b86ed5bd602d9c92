// A Vite/Rollup plugin that minifies the CSS inside Lit's css`…` tagged templates (comments, indentation, spaces
// around punctuation). Vite minifies JavaScript but leaves template literal contents alone, so the styles would
// otherwise ship with every space and comment. A css`…` template it cannot read (an interpolation ${…} or a backslash,
// such as an escaped backtick in a comment) fails the build: left as it was, it would ship unminified (a backtick
// quoted in a comment of the shared styles once added 2.3 KB to the runtime every page downloads).

/** Minifies one stylesheet's text. Conservative: never touches strings, never removes a space a selector needs. */
export function minifyCss(text) {
  const out = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    // 0.5em → .5em, -0.1em → -.1em (not inside a name or a longer number: a0.b, 10.5, x-0.5 stay)
    .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
    .replace(/([:\s,(])-0\.(\d)/g, '$1-.$2')
    .replace(/ !important/g, '!important')
    .trim();
  return tightCalc(out);
}

/** calc(a * 4) → calc(a*4): spaces around * and / are optional inside calc() (not around + and -, and not in selectors,
 * where `a *` is a descendant). */
function tightCalc(css) {
  let out = '';
  let at = 0;
  for (let i = css.indexOf('calc(', at); i >= 0; i = css.indexOf('calc(', at)) {
    let depth = 1;
    let j = i + 5;
    for (; j < css.length && depth; j++) depth += css[j] === '(' ? 1 : css[j] === ')' ? -1 : 0;
    out += css.slice(at, i + 5) + css.slice(i + 5, j).replace(/\s*([*/])\s*/g, '$1');
    at = j;
  }
  return out + css.slice(at);
}

/** [role='tree'] → [role=tree]: quotes around an attribute selector's value are not needed when it is a name. */
export const unquoteAttributeValues = (css) => css.replace(/=(['"])([A-Za-z_][\w-]*)\1\]/g, '=$2]');

/** A quoted CSS string (font names, content:'…'), kept as it is. */
const STRING = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`;
const COMMENT_OR_STRING = new RegExp(String.raw`(${STRING})|\/\*[\s\S]*?\*\/`, 'g');
const STRING_SPLIT = new RegExp(`(${STRING})`);

export function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      let changed = false;
      const out = code.replace(/\bcss`([^`$\\]*)`/g, (whole, raw) => {
        changed = true;
        // Comments first, found in one pass with the strings (a comment may hold a quote — "page's" — and a string
        // may hold "/*"); then the strings are kept as they are and the rest minified.
        const body = raw.replace(COMMENT_OR_STRING, (m, str) => str ?? ' ');
        return `css\`${unquoteAttributeValues(body.split(STRING_SPLIT).map((p, i) => (i % 2 ? p : minifyCss(p))).join(''))}\``;
      });
      const left = out.match(/\bcss`(?![^`$\\]*`)/);
      if (left) throw new Error(`${id}: a css\`…\` template with \${…} or a backslash, which this plugin cannot minify: write it without`);
      return changed ? { code: out, map: null } : null;
    },
  };
}
