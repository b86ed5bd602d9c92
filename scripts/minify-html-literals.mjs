// Collapses the indentation inside Lit's html`…` templates in the builds that ship (and in the browser tests, which
// run what ships). Vite minifies JavaScript but leaves template text alone, so every template shipped with its line
// breaks and indentation: about 60 bytes of gzip per element.
//
// Conservative, so that nothing renders differently: only a run of white space that contains a line break is
// touched, and it becomes one space (HTML collapses it to one space anyway). Spaces within a line, text next to a
// binding and attribute values stay as written. Templates are found by parsing the module (acorn, after TypeScript is
// compiled away), never by pattern-matching source text; only templates tagged `html` or `svg` are changed.
import { parse } from 'acorn';
import MagicString from 'magic-string';

const OURS = /[\\/]src[\\/][^?]*\.ts$/;
const TAGS = new Set(['html', 'svg']);

/** The module with its html`` templates collapsed, or null when it has none. */
export function minifyHtmlTemplates(code, id) {
  if (!code.includes('html`') && !code.includes('svg`')) return null;
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  const out = new MagicString(code);
  let changed = false;
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
      for (const q of node.quasi.quasis) {
        const raw = code.slice(q.start, q.end);
        // ASCII white space only (what HTML collapses): an ideographic or no-break space is text.
        const collapsed = raw.replace(/[ \t\r\f]*\n[ \t\r\n\f]*/g, ' ');
        if (collapsed !== raw) {
          out.overwrite(q.start, q.end, collapsed);
          changed = true;
        }
      }
    }
    for (const key in node) {
      const v = node[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(ast);
  return changed ? { code: out.toString(), map: out.generateMap({ source: id, hires: true }) } : null;
}

/** Vite plugin: after TypeScript is compiled, for our own modules (src/**\/*.ts). */
export function minifyHtmlLiterals() {
  return {
    name: 'minify-html-literals',
    enforce: 'post',
    transform(code, id) {
      return OURS.test(id) ? minifyHtmlTemplates(code, id) : null;
    },
  };
}
