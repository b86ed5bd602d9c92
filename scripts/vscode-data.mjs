// Generates dist/vscode.html-custom-data.json (VS Code HTML custom data, format version 1.1) from the Custom
// Elements Manifest (custom-elements.json, written by the build): every tag with its description, attributes with
// their descriptions, enum values from string-literal union types, boolean attributes as valueless; plus the
// `data-disclosure` embed attribute as a global attribute. Use in a project:
//   .vscode/settings.json  { "html.customData": ["./node_modules/disclosure-elements/dist/vscode.html-custom-data.json"] }
// Called from scripts/build.mjs after the manifest is written (`writeVscodeData()`), or run alone:
// `node scripts/vscode-data.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOCS = 'https://www.npmjs.com/package/disclosure-elements';

/** Values the manifest cannot tell from a type (a number with fixed choices, a plain `string`). */
const EXTRA_VALUES = {
  'disclosure-catalogue': { 'page-size': ['10', '20', '50', '100'] },
  'disclosure-provider': { theme: ['light', 'dark', 'auto'] },
};

/** `'light' | 'dark' | 'auto' | undefined` → ['light', 'dark', 'auto']; null when the type is not a literal union. */
export function enumValues(typeText) {
  if (!typeText) return null;
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p && p !== 'undefined' && p !== 'null');
  if (!parts.length || !parts.every((p) => /^(['"]).*\1$/.test(p))) return null;
  return parts.map((p) => p.slice(1, -1));
}

const clean = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').trim();

/** Builds the custom data object from a parsed manifest. */
export function vscodeData(manifest) {
  const tags = [];
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      const lines = [clean(decl.summary || decl.description)];
      if (decl.summary && decl.description && clean(decl.description) !== clean(decl.summary)) lines.push(clean(decl.description));
      const events = (decl.events ?? []).filter((e) => e.name);
      if (events.length) lines.push(`Events: ${events.map((e) => `\`${e.name}\``).join(', ')}.`);
      const seen = new Set();
      const attributes = [];
      for (const a of decl.attributes ?? []) {
        if (!a.name || seen.has(a.name)) continue;
        seen.add(a.name);
        const type = a.type?.text ?? '';
        const attr = { name: a.name };
        const description = [clean(a.description), a.default !== undefined && a.default !== 'undefined' && !/^boolean/.test(type) ? `Default: \`${a.default}\`.` : '']
          .filter(Boolean).join(' ');
        if (description) attr.description = { kind: 'markdown', value: description };
        const values = enumValues(type) ?? EXTRA_VALUES[decl.tagName]?.[a.name] ?? null;
        if (values) attr.values = values.map((name) => ({ name }));
        else if (/^boolean\b/.test(type)) attr.valueSet = 'v';
        attributes.push(attr);
      }
      tags.push({
        name: decl.tagName,
        description: { kind: 'markdown', value: lines.filter(Boolean).join('\n\n') },
        attributes,
        references: [{ name: 'disclosure-elements', url: DOCS }],
      });
    }
  }
  tags.sort((a, b) => a.name.localeCompare(b.name));
  return {
    version: 1.1,
    tags,
    globalAttributes: [
      {
        name: 'data-disclosure',
        description: {
          kind: 'markdown',
          value: 'disclosure-elements embed form for editors that strip unknown tags: the element is created inside this ' +
            'container; its other `data-*` attributes become the element\'s attributes (`data-page-size="50"` → `page-size="50"`).',
        },
        values: ['catalogue', 'annual-stats', 'request-form', 'request-status'].map((name) => ({ name })),
      },
    ],
  };
}

export function writeVscodeData({ manifest = `${root}/custom-elements.json`, out = `${root}/dist/vscode.html-custom-data.json` } = {}) {
  const data = vscodeData(JSON.parse(readFileSync(manifest, 'utf8')));
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
  return data;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = writeVscodeData();
  console.log(`vscode-data: ${data.tags.length} tags → dist/vscode.html-custom-data.json`);
}
