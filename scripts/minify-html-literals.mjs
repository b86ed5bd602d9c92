// Collapses the indentation inside Lit's html`…` templates in the builds that ship (and in the browser tests, which
// run what ships). Vite minifies JavaScript but leaves template text alone, so every template shipped with its line
// breaks and indentation: about 60 bytes of gzip per element.
//
// Conservative, so that nothing renders differently: only a run of white space that contains a line break is
// touched, and it becomes one space (HTML collapses it to one space anyway). Spaces within a line, text next to a
// binding and attribute values stay as written. Templates are found by parsing the module (acorn, after TypeScript is
// compiled away), never by pattern-matching source text; only templates tagged `html` or `svg` are changed.
//
// An attribute's static value that HTML allows unquoted (no white space, quotes, =, <, > or `) loses its quotes:
// class="btn" → class=btn, the same attribute to the browser's parser (Lit's templates are parsed by it). Only inside a
// tag (text is never touched), only a value with no binding in it, and only before > or another attribute (not />,
// whose slash an unquoted value would take). White space before a tag's > goes too.
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
      const quasis = node.quasi.quasis;
      const unquoted = unquoteAttributes(quasis.map((q) => code.slice(q.start, q.end)));
      quasis.forEach((q, i) => {
        const raw = code.slice(q.start, q.end);
        // ASCII white space only (what HTML collapses): an ideographic or no-break space is text.
        const collapsed = unquoted[i].replace(/[ \t\r\f]*\n[ \t\r\n\f]*/g, ' ');
        if (collapsed !== raw) {
          out.overwrite(q.start, q.end, collapsed);
          changed = true;
        }
      });
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

/** An attribute value HTML reads the same without its quotes. */
const BARE = /^[^\s"'=<>`]+$/;

/**
 * The static parts of one template (the text between its bindings) with the quotes dropped around every attribute
 * value that needs none (see above). Tags are followed across the parts: a binding inside a tag is an attribute's value
 * (or the element's), elsewhere a child.
 */
export function unquoteAttributes(parts) {
  let state = 'text';
  return parts.map((part) => {
    let out = '';
    let open = -1; // where the quoted value being read began in this part (-1: it began before a binding)
    for (let i = 0; i < part.length; i++) {
      const ch = part[i];
      if (state === 'text') {
        if (part.startsWith('<!--', i)) state = 'comment';
        else if (ch === '<' && /[a-zA-Z/]/.test(part[i + 1] ?? '')) state = 'tag';
      } else if (state === 'comment') {
        if (part.startsWith('-->', i)) state = 'text';
      } else if (state === 'tag') {
        // White space before the end of a tag (`</p\n>`, whose line break became a space) is dropped (not before />,
        // which an unquoted value before it would take).
        if (/^\s+>/.test(part.slice(i))) continue;
        if (ch === '>') state = 'text';
        else if ((ch === '"' || ch === "'") && part[i - 1] === '=') {
          state = ch;
          open = i;
          continue;
        }
      } else if (ch === state) {
        // The closing quote of a value read whole in this part.
        const value = part.slice(open + 1, i);
        state = 'tag';
        if (open >= 0 && BARE.test(value) && /^(>|\s+[^\s/])/.test(part.slice(i + 1))) {
          out += value;
          continue;
        }
        out += part.slice(Math.max(open, 0), i + 1);
        continue;
      } else continue;
      out += ch;
    }
    // A quoted value that a binding interrupts is kept as written.
    if (state === '"' || state === "'") {
      out += part.slice(Math.max(open, 0));
      open = -1;
    }
    return out;
  });
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
