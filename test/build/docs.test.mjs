// The feed contract ships in the repository (docs/feeds.md), so the README's links work on a clone; it must stay the
// shared spec, word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('docs/feeds.md is the shared feed contract, word for word (when the shared folder is beside the checkout)', (t) => {
  const shared = join(root, '../shared/spec/feeds.md');
  if (!existsSync(shared)) return t.skip('no ../shared/spec here');
  assert.equal(readFileSync(join(root, 'docs/feeds.md'), 'utf8'), readFileSync(shared, 'utf8'), 'copy ../shared/spec/feeds.md to docs/feeds.md');
});

// ---------------------------------------------------------------------------------------------------------------
// The README, docs/CONTRIBUTING-ELEMENTS.md and demo/server/README.md against the code: every name a webmaster or a
// designer copies from them (attributes, events, parts, `--de-*` tokens and their defaults, environment variables,
// npm scripts, CLI flags, file paths) must be one the code really has, and the lists must be complete where they say
// they are (each element's parts and events; the intake server's variables). Read from the sources, so no build.

const read = (p) => readFileSync(join(root, p), 'utf8');
const readme = read('README.md');
const contributing = read('docs/CONTRIBUTING-ELEMENTS.md');
const serverReadme = read('demo/server/README.md');
const ls = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`);

/** The text under the first heading matching `title`, up to the next heading of the same or a higher level. */
function section(md, title) {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && title.test(l));
  assert.ok(start >= 0, `no heading ${title}`);
  const level = lines[start].match(/^#+/)[0].length;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}} `).test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}
/** The backticked words of a text. */
const ticked = (text) => [...text.replace(/^ *```[\s\S]*?^ *```/gm, "").matchAll(/`([^`]+)`/g)].map((m) => m[1]);
/** The text from a line starting with `label` to the next blank line. */
function paragraph(text, label) {
  const at = text.indexOf(label);
  assert.ok(at >= 0, `no "${label}" in the section`);
  const end = text.indexOf('\n\n', at);
  return text.slice(at + label.length, end < 0 ? undefined : end);
}
const fenced = (md, lang) => [...md.matchAll(/^ *```(\w*)\n([\s\S]*?)^ *```/gm)].filter((m) => !lang || lang.test(m[1])).map((m) => m[2]);

const ELEMENTS = {
  'disclosure-catalogue': { dir: 'src/elements/disclosure-catalogue', heading: /^## `<disclosure-catalogue>`/ },
  'annual-stats': { dir: 'src/elements/annual-stats', heading: /^## `<annual-stats>`/ },
  'request-form': { dir: 'src/elements/request-form', heading: /^### `<request-form>`/ },
  'request-status': { dir: 'src/elements/request-status', heading: /^### `<request-status>`/ },
  'disclosure-provider': { dir: 'src/elements/disclosure-provider', heading: /^## `<disclosure-provider>`/ },
};
const coreSource = read('src/core/base.ts');
const sourceOf = (tag) => ls(ELEMENTS[tag].dir).map(read).join('\n');
const classFile = (tag) => read(`${ELEMENTS[tag].dir}/${tag}.ts`);
/** The attributes an element observes: its static `properties` (and the base class's), plus the global `lang`. */
function observed(tag) {
  const attrs = new Set(['lang']);
  const sources = [classFile(tag), ...(tag === 'disclosure-provider' ? [] : [coreSource])];
  for (const src of sources) {
    const block = src.match(/static override properties: PropertyDeclarations = \{([\s\S]*?)\n {2}\};/);
    assert.ok(block, `${tag}: no static properties`);
    for (const m of block[1].matchAll(/^\s*(\w+): \{([^}]*)\}/gm)) {
      if (/state: true/.test(m[2])) continue;
      const named = m[2].match(/attribute: '([^']+)'/);
      attrs.add(named ? named[1] : m[1].toLowerCase());
    }
  }
  return attrs;
}
/** JSDoc tags of an element class (`@csspart`, `@event`, `@cssprop`): what Storybook's docs pages show. */
const jsdoc = (tag, kind) => [...classFile(tag).matchAll(new RegExp(`@${kind} \\[?([\\w-]+)(?:=([^\\]]*)\\])?`, 'g'))].map((m) => [m[1], m[2]]);
/** An element's own sources, and those it imports from another element's folder (request-status: request-form/net.ts). */
const withShared = (tag) => sourceOf(tag) + [...classFile(tag).matchAll(/from '\.\.\/([\w-]+\/[\w.-]+)\.js'/g)]
  .filter((m) => !m[1].startsWith(`${tag}/`)).map((m) => read(`src/elements/${m[1]}.ts`)).join('\n');
const partsInTemplates = (tag) => new Set([...(withShared(tag) + coreSource).matchAll(/part="([\w-]+)"/g)].map((m) => m[1]));
const dispatched = new Set([...ls('src/core').concat(...Object.values(ELEMENTS).map((e) => ls(e.dir))).map(read).join('\n')
  .matchAll(/new CustomEvent(?:<[^(]*>)?\(\s*'([\w-]+)'/g)].map((m) => m[1]));

const eventNames = (text) => ticked(text).filter((w) => /^(disclosure|request|annual)-[a-z-]+$/.test(w));
/** The parts and events the README lists for each element. */
function readmeLists(tag) {
  const s = section(readme, ELEMENTS[tag].heading);
  switch (tag) {
    case 'disclosure-catalogue':
      return { parts: ticked(paragraph(s, '\nParts:')), events: eventNames(paragraph(s, '\nEvents')) };
    case 'annual-stats':
      return { parts: ticked(section(s, /^### Parts/)), events: [...section(s, /^### Events/).matchAll(/^\| `([\w-]+)`/gm)].map((m) => m[1]) };
    case 'request-form':
      return { parts: ticked(paragraph(s, '\nParts:').split('Custom properties')[0]), events: eventNames(paragraph(s, '\nEvents:')) };
    case 'request-status':
      return { parts: ticked(paragraph(s, ' Parts:')), events: eventNames(paragraph(readme, 'Events from every element:')) };
    default:
      return { parts: [], events: [] };
  }
}

test('README: each element\'s parts are the ones it renders, and the same as its JSDoc (Storybook\'s docs)', () => {
  for (const tag of ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status']) {
    const { parts } = readmeLists(tag);
    assert.ok(parts.length > 5, `${tag}: README parts found`);
    const rendered = partsInTemplates(tag);
    for (const p of parts) assert.ok(rendered.has(p), `${tag}: README names part="${p}", which it never renders`);
    assert.deepEqual([...parts].sort(), jsdoc(tag, 'csspart').map(([p]) => p).sort(), `${tag}: README parts = @csspart list`);
  }
});

test('README: each element\'s events are dispatched, and the same as its JSDoc', () => {
  for (const tag of ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status']) {
    const { events } = readmeLists(tag);
    for (const e of events) assert.ok(dispatched.has(e), `${tag}: README names the event ${e}, never dispatched`);
    assert.deepEqual([...events].sort(), jsdoc(tag, 'event').map(([e]) => e).sort(), `${tag}: README events = @event list`);
  }
  // The framework snippets listen to events by name too: ondisclosure-load={…} (React), @disclosure-load="…" (Vue).
  const listened = fenced(readme, /^(jsx|vue|html)$/).flatMap((b) => [...b.matchAll(/\s(?:on|@)((?:disclosure|request|annual)-[\w-]+)=/g)].map((m) => m[1]));
  assert.ok(listened.length >= 4);
  for (const e of listened) assert.ok(dispatched.has(e), `a README snippet listens to ${e}, never dispatched`);
});

test('README: every attribute in an element\'s table, a snippet or a CMS recipe is one the element observes', () => {
  const known = Object.fromEntries(Object.keys(ELEMENTS).map((t) => [t, observed(t)]));
  // The tables.
  for (const tag of Object.keys(ELEMENTS)) {
    const s = section(readme, ELEMENTS[tag].heading);
    const tables = [...s.matchAll(/^\| [Aa]ttribute.*\n((?:\|.*\n?)+)/gm)].map((m) => m[1]).join('\n');
    const rows = [...tables.matchAll(/^\| ((?:`[\w-]+`(?:, )?)+) \|/gm)].flatMap((m) => ticked(m[1]));
    assert.ok(rows.length >= 3, `${tag}: attribute rows found`);
    for (const a of rows) assert.ok(known[tag].has(a), `${tag}: README's table names the attribute ${a}, not observed`);
  }
  for (const [, a] of section(readme, /^## Every element/).matchAll(/^\| `([\w-]+)` \|/gm)) {
    for (const tag of Object.keys(ELEMENTS).filter((t) => t !== 'disclosure-provider')) assert.ok(known[tag].has(a), `Every element: ${a} on ${tag}`);
  }
  // Tags written in any code block (HTML snippets, Vue, the Drupal list): <tag attr attr="…" :attr="…">.
  const tagRe = new RegExp(`<(${Object.keys(ELEMENTS).join('|')})\\b([^>]*)>`, 'g');
  const GLOBAL = new Set(['id', 'class', 'style', 'hidden']);
  let seen = 0;
  for (const block of [...fenced(readme), ...fenced(contributing)]) {
    const jsx = /className=|=\{/.test(block);
    for (const [, tag, attrs] of block.matchAll(tagRe)) {
      for (const [, raw] of attrs.matchAll(/(?:^|\s)([:@]?[\w.-]+)(?==|\s|$|\/)/g)) {
        if (raw.startsWith('@') || raw.startsWith('on') || GLOBAL.has(raw)) continue;
        seen++;
        if (raw.endsWith('.prop') || (jsx && /[A-Z]/.test(raw))) {
          const prop = raw.replace(/^:/, '').replace(/\.prop$/, '');
          assert.match(classFile(tag) + coreSource, new RegExp(`\\b${prop}[?!]?[:=]|get ${prop}\\(`), `<${tag} ${raw}>: no property ${prop}`);
        } else {
          assert.ok(known[tag].has(raw.replace(/^:/, '')), `<${tag} ${raw}> in a README snippet: not an attribute of ${tag}`);
        }
      }
    }
  }
  assert.ok(seen > 30, `snippet attributes found (${seen})`);
  const embed = read('src/embed.ts');
  const listIn = (re) => [...embed.match(re)[1].matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
  const providerAttrs = listIn(/const PROVIDER_ATTRIBUTES = \[([^\]]*)\]/);
  const elementAttrs = listIn(/const ELEMENT_ATTRIBUTES = new Set\(\[([^\]]*)\]/);
  // data-disclosure containers and one-tag scripts: data-x → attribute x of the element, or of the provider wrapped around it.
  const containerAttrs = (block) => [...block.matchAll(/<(?:div|p|script)\b[^>]*data-disclosure="([\w-]+)"[^>]*>/g)]
    .map((m) => [m[1], [...m[0].matchAll(/\sdata-([\w-]+)/g)].map((d) => d[1]).filter((a) => a !== 'disclosure')]);
  for (const block of fenced(readme)) {
    for (const [kind, attrs] of containerAttrs(block)) {
      const tag = kind.includes('-') && kind in ELEMENTS ? kind : kind === 'catalogue' ? 'disclosure-catalogue' : kind;
      for (const a of attrs) assert.ok(known[tag].has(a) || providerAttrs.includes(a), `data-disclosure="${kind}" data-${a}: not an attribute`);
    }
  }
  // README: "Every attribute of the element's table in the README works this way" (and the provider's go to the
  // provider wrapped around it): the lists src/embed.ts copies from.
  for (const tag of Object.keys(ELEMENTS).filter((t) => t !== 'disclosure-provider')) {
    for (const a of known[tag]) assert.ok(elementAttrs.includes(a), `data-${a} on a data-disclosure="${tag}" container is not copied (src/embed.ts)`);
  }
  for (const a of known['disclosure-provider']) assert.ok(providerAttrs.includes(a) || elementAttrs.includes(a), `data-${a} on a container reaches neither the element nor its provider (src/embed.ts)`);
  // TinyMCE's tag[a|b], UEditor's 'tag': ['a', …], WordPress's 'a' => true, Drupal's div[data-*] lists.
  const recipes = section(readme, /^### CMS recipes/);
  for (const [, tag, list] of recipes.matchAll(/'?(disclosure-[\w-]+|annual-stats|request-[\w-]+)(?:\[|': \[)([^\]]+)\]/g)) {
    for (const a of list.split(/[|,]\s*/).map((w) => w.replace(/['\s]/g, '')).filter(Boolean)) {
      if (GLOBAL.has(a) || a === '*') continue;
      assert.ok(known[tag].has(a), `CMS recipe: ${tag}[${a}] is not an attribute`);
    }
  }
  const anyAttr = new Set(Object.values(known).flatMap((s) => [...s]));
  for (const [, a] of recipes.matchAll(/'([\w-]+)' => true/g)) assert.ok(anyAttr.has(a) || GLOBAL.has(a), `WordPress recipe: ${a} is not an attribute`);
  for (const [, a] of recipes.matchAll(/'data-([\w-]+)'/g)) assert.ok(anyAttr.has(a) || elementAttrs.includes(a) || a === 'disclosure', `UEditor recipe: data-${a} is not an attribute`);
  for (const [, a] of recipes.matchAll(/\sdata-([\w-]+)(?=[\s>])/g)) assert.ok(anyAttr.has(a) || elementAttrs.includes(a) || a === 'disclosure', `Drupal recipe: data-${a} is not an attribute`);
});

test('README: each CMS recipe that lists attributes lists all of them (a tag or data-* attribute left out is removed by the editor)', () => {
  const embed = read('src/embed.ts');
  const listIn = (re) => [...embed.match(re)[1].matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
  const containerAttrs = [...listIn(/const ELEMENT_ATTRIBUTES = new Set\(\[([^\]]*)\]/), ...listIn(/const PROVIDER_ATTRIBUTES = \[([^\]]*)\]/)];
  const tags = Object.keys(ELEMENTS).join('|');
  const recipes = section(readme, /^### CMS recipes/).split(/^#### /m).slice(1);
  assert.ok(recipes.length >= 6, 'the recipes (WordPress, Drupal, CKEditor 4 and 5, TinyMCE, UEditor)');
  let lists = 0;
  for (const recipe of recipes) {
    const name = recipe.slice(0, recipe.indexOf('\n'));
    /** tag → attributes named for it in this recipe, in any of the editors' syntaxes. */
    const named = new Map();
    const add = (tag, words) => named.set(tag, new Set([...(named.get(tag) ?? []), ...words]));
    const words = (list) => list.split(/[\s|,]+/).map((w) => w.replace(/['"]/g, '')).filter(Boolean);
    // TinyMCE tag[a|b], CKEditor 4 tag[a,b], UEditor 'tag': ['a', 'b'], Drupal <tag a b>.
    for (const [, tag, list] of recipe.matchAll(new RegExp(`'?(${tags})(?:\\[|': \\[)([^\\]]+)\\]`, 'g'))) add(tag, words(list));
    for (const [, tag, list] of recipe.matchAll(new RegExp(`<(${tags}) ([^>]+)>`, 'g'))) add(tag, words(list));
    // WordPress: $tags['tag'] = $common + array( 'a' => true, … );
    const common = recipe.match(/\$common = array\(([^;]*)\);/)?.[1] ?? '';
    const keys = (text) => [...text.matchAll(/'([\w-]+)' => true/g)].map((m) => m[1]);
    for (const [, tag, plus, list] of recipe.matchAll(new RegExp(`\\$tags\\['(${tags})'\\]\\s*= (\\$common \\+ )?array\\(([^;]*)\\);`, 'g'))) {
      add(tag, [...(plus ? keys(common) : []), ...keys(list)]);
    }
    for (const [tag, attrs] of named) {
      lists++;
      for (const a of observed(tag)) assert.ok(attrs.has(a), `CMS recipe "${name}": <${tag}> lacks ${a}, which the editor would then remove`);
    }
    // The container: UEditor's div: ['data-…'], Drupal's <div data-disclosure data-…>.
    const div = recipe.match(/\bdiv: \[([^\]]+)\]/)?.[1] ?? recipe.match(/<div (data-disclosure[^>]*)>/)?.[1];
    if (div) {
      lists++;
      const attrs = new Set(words(div));
      assert.ok(attrs.has('data-disclosure'), `CMS recipe "${name}": container list lacks data-disclosure`);
      for (const a of containerAttrs) assert.ok(attrs.has(`data-${a}`), `CMS recipe "${name}": container list lacks data-${a}`);
    }
  }
  assert.ok(lists >= 10, `recipe lists found (${lists})`);
});

/** `var(--de-x, fallback)` in the styles: token → its default. */
const fallbacks = new Map();
for (const file of [...ls('src/core'), ...Object.values(ELEMENTS).flatMap((e) => ls(e.dir))]) {
  for (const m of read(file).matchAll(/var\((--de-[\w-]+),\s*((?:[^()]|\([^()]*\))+)\)/g)) fallbacks.set(m[1], m[2].trim().replace('var(--_primary)', 'primary'));
}

test('README and JSDoc: every --de-* token named exists in the styles, with the default the README gives', () => {
  assert.ok(fallbacks.size > 30);
  const expand = (text) => text.replace(/(--de-[\w-]*?)(\d)`? … `?(?:--de-[\w-]*?|-)(\d)\b/g, (_, stem, a, b) =>
    Array.from({ length: b - a + 1 }, (_, i) => `${stem}${+a + i}`).join(' '));
  for (const [name, text] of [['README.md', readme], ['CONTRIBUTING-ELEMENTS.md', contributing]]) {
    for (const [token] of expand(text).matchAll(/--de-[\w-]*\w/g)) {
      if (/^--de-(dark-)?(color|font)$/.test(token)) continue; // "the common `--de-color-*` tokens"
      assert.ok(fallbacks.has(token), `${name} names ${token}, which no style reads`);
    }
  }
  // Every token the styles read is documented (the Theming tables, with ranges written A … B).
  const theming = expand(section(readme, /^## Theming/));
  for (const token of fallbacks.keys()) assert.match(theming, new RegExp(`${token}\\b`), `${token} is read by the styles but not in README's Theming`);
  // The defaults in the Theming tables: | `--de-a` / `--de-b` | `#x` / `#y` | …
  let compared = 0;
  for (const [, tokens, defaults] of theming.matchAll(/^\| ((?:`--de-[\w-]+`(?: \/ )?)+) \| ((?:`[^`]+`(?: \/ )?)+) \|/gm)) {
    const ts = ticked(tokens);
    const ds = ticked(defaults);
    if (ts.length !== ds.length) continue;
    ts.forEach((t, i) => {
      compared++;
      assert.equal(fallbacks.get(t), ds[i] === '--de-dark-color-primary' ? 'primary' : ds[i], `README Theming: default of ${t}`);
    });
  }
  assert.ok(compared > 25, `defaults compared (${compared})`);
  // The JSDoc @cssprop defaults (the Storybook controls' placeholders) are the styles' fallbacks.
  for (const tag of ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status']) {
    for (const [token, def] of jsdoc(tag, 'cssprop')) {
      assert.ok(fallbacks.has(token), `${tag} @cssprop ${token}: no style reads it`);
      if (def === undefined) continue;
      const want = fallbacks.get(token).replace(/\s+/g, ' ');
      assert.equal(def.replace('var(--de-color-primary)', 'primary').replace('var(--de-dark-color-primary)', 'primary'), want, `${tag} @cssprop ${token} default`);
    }
  }
});

test('README and demo/server/README.md: every environment variable named is read, and every one read is documented', () => {
  const code = [...ls('demo/server'), 'demo/server/run.mjs', ...readdirSync(join(root, 'scripts')).filter((f) => f.endsWith('.mjs')).map((f) => `scripts/${f}`), 'web-test-runner.config.mjs']
    .map(read).join('\n');
  const readVars = new Set([...code.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]));
  const named = (md) => ticked(md).map((w) => w.match(/^([A-Z][A-Z0-9_]{2,})(?:=|$)/)?.[1]).filter((v) => v && /_|PORT|PATH/.test(v));
  // Not variables: a constant of scripts/mangle-props.mjs, a DOMPurify option.
  const inDocs = new Set([...named(readme), ...named(serverReadme)].filter((v) => !['MANGLED_KEYS', 'ADD_TAGS'].includes(v)));
  for (const line of readme.match(/^\s*[A-Z_]+=\S+ (?:npm|node)/gm) ?? []) inDocs.add(line.trim().split('=')[0]);
  assert.ok(inDocs.size >= 10, [...inDocs].join());
  for (const v of inDocs) assert.ok(readVars.has(v), `the docs name ${v}, which nothing reads`);
  for (const v of [...readVars].filter((v) => v.startsWith('INTAKE_'))) {
    assert.match(serverReadme, new RegExp(`\\| \`${v}\` \\|`), `demo/server reads ${v}; its README's table lacks it`);
  }
  // Defaults of the intake server's table are the code's.
  const main = read('demo/server/main.ts');
  for (const [, v, def] of serverReadme.matchAll(/^\| `(INTAKE_[A-Z_]+)` \| `([^`]+)` \|/gm)) {
    const use = main.match(new RegExp(`env\\.${v}[^\\n]*`));
    if (!use) continue;
    assert.ok(use[0].includes(def.replace(/^demo\/|^\S+\//, '')) || use[0].includes(def), `${v}: README default ${def}, code: ${use[0]}`);
  }
});

test('the docs: every npm script, CLI flag and repository path named exists', () => {
  const scripts = JSON.parse(read('package.json')).scripts;
  for (const [name, text] of [['README.md', readme], ['CONTRIBUTING', contributing], ['demo/server/README.md', serverReadme], ['bench/README.md', read('bench/README.md')]]) {
    for (const [, s] of text.matchAll(/npm run ([\w:-]+)/g)) assert.ok(s in scripts, `${name}: npm run ${s} is not a script`);
    for (const [, s] of text.matchAll(/npm (start|test)\b/g)) assert.ok(s in scripts, `${name}: npm ${s}`);
    // Repository paths (not build output): src/…, demo/…, scripts/…, test/…, e2e/…, bench/…, docs/…, stories/…
    for (const w of ticked(text).filter((t) => !/^[A-Z_]+=/.test(t)).flatMap((t) => t.split(/[\s,()]+/))) {
      const m = w.match(/^((?:src|demo|scripts|test|e2e|bench|docs|stories)\/[\w./@-]*[\w/])(?::|$)/);
      if (!m || /\*|<|…|\{/.test(w) || m[1].startsWith('demo/server/data')) continue;
      const p = m[1];
      const base = name === 'demo/server/README.md' && !existsSync(join(root, p)) ? join(root, 'demo/server', p) : join(root, p);
      assert.ok(existsSync(base) || existsSync(join(root, p)), `${name} names ${p}, which does not exist`);
    }
  }
  // A name placed in a file (`riskyPattern` in `src/schema/request-form.ts`, `buildServer()` from `run.mjs`) is there.
  for (const [name, text, dir] of [['README.md', readme, ''], ['CONTRIBUTING', contributing, ''], ['demo/server/README.md', serverReadme, 'demo/server/']]) {
    for (const [, id, file] of text.matchAll(/`(\w+)(?:\([^`]*\))?` (?:in|from|\()\s*`([\w./-]+\.(?:ts|mjs))`/g)) {
      const path = existsSync(join(root, file)) ? file : dir + file;
      assert.ok(existsSync(join(root, path)) && read(path).includes(id), `${name}: ${id} is not in ${file}`);
    }
  }
  // CLI flags in the headings and text of the command-line section are options the tool reads.
  const cli = readdirSync(join(root, 'src/cli')).map((f) => read(`src/cli/${f}`)).join('\n');
  const flags = new Set([...section(readme, /^## Command-line tool/).matchAll(/(?<![\w-])(--[a-z][\w-]+|-o)\b/g)].map((m) => m[1]));
  assert.ok(flags.size >= 10, [...flags].join());
  for (const f of flags) assert.match(cli, new RegExp(`['"\`]${f}['"\`=]|\\b${f.replace(/^-+/, '')}\\b`), `README names the CLI option ${f}`);
});

test('stories: each element\'s story sets every attribute it observes (a control per attribute on its docs page)', () => {
  const stories = { 'disclosure-catalogue': 'catalogue', 'annual-stats': 'annual-stats', 'request-form': 'request-form', 'request-status': 'request-status', 'disclosure-provider': 'provider' };
  for (const [tag, file] of Object.entries(stories)) {
    const story = read(`stories/${file}.stories.ts`);
    const render = story.match(new RegExp(`const render = [^\\n]*html\`<${tag}([\\s\\S]*?)>`));
    assert.ok(render, `${file}.stories.ts renders <${tag}>`);
    for (const a of observed(tag)) assert.match(render[1], new RegExp(`\\s\\??${a}=\\$\\{`), `<${tag}>'s story does not set ${a}`);
  }
});

test('CONTRIBUTING-ELEMENTS: the provider settings it lists are the context\'s fields', () => {
  const listed = ticked(contributing.match(/context from `<disclosure-provider>`: ([^)]*)\)/)[1]);
  const fields = [...read('src/core/context.ts').match(/interface ProviderSettings \{([\s\S]*?)\n\}/)[1].matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]);
  assert.deepEqual([...listed].sort(), [...fields].sort());
});

// ---------------------------------------------------------------------------------------------------------------
// What a script author copies from the README besides names: the fields of each event's detail, the error kinds, the
// public properties and methods, and the numbers the README gives for the code's limits and defaults.

/** The keys of an object literal `{ a, b: x, c }` (top level only). */
function literalKeys(text) {
  let depth = 0;
  let part = '';
  const parts = [];
  for (const ch of text) {
    if ('{[('.includes(ch)) depth++;
    if ('}])'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts.map((p) => p.trim().match(/^(\w+)/)?.[1]).filter(Boolean);
}
const allSource = [...ls('src/core'), ...Object.values(ELEMENTS).flatMap((e) => ls(e.dir))].map(read).join('\n');

test('README: the detail fields given for each event are the ones dispatched, and the error kinds are every kind', () => {
  /** event → the keys of its detail, read from the code that dispatches it. */
  const dispatchedDetail = new Map();
  for (const m of allSource.matchAll(/new CustomEvent(?:<[^(]*>)?\(\s*'([\w-]+)',\s*\{[^]*?detail: (\{[^}]*\}|\w+)/g)) {
    const [, name, detail] = m;
    const keys = detail.startsWith('{') ? literalKeys(detail.slice(1, -1))
      : literalKeys(allSource.match(new RegExp(`const ${detail}(?:: \\w+)? = \\{([^}]*)\\}`))[1]);
    dispatchedDetail.set(name, new Set([...(dispatchedDetail.get(name) ?? []), ...keys]));
  }
  assert.ok(dispatchedDetail.size >= 5, [...dispatchedDetail.keys()].join());
  // `event` … `{ a, b }` in the README's prose and tables (the part "with `year`" is the annual years' addition).
  const text = readme.replace(section(readme, /^### CMS recipes/), '');
  let compared = 0;
  for (const [, name, fields] of text.matchAll(/`((?:disclosure|request|annual)-[a-z-]+)`(?:[^`{}]|`detail`){0,60}?`(\{ [\w,\s]+ \})`/g)) {
    const want = dispatchedDetail.get(name);
    assert.ok(want, `README gives a detail for ${name}, which is never dispatched`);
    assert.deepEqual(literalKeys(fields.slice(1, -1)).sort(), [...want].filter((k) => k !== 'year' || name === 'annual-year-change').sort(),
      `README: the detail of ${name} is ${fields}`);
    compared++;
  }
  assert.ok(compared >= 7, `event details compared (${compared})`);
  const kinds = read('src/core/feed.ts').match(/export type FeedErrorKind =([^;]*);/)[1].match(/'(\w+)'/g).map((k) => k.slice(1, -1));
  const listed = ticked(readme.match(/\(`kind`: ([^)]*)\)/)[1]);
  assert.deepEqual([...listed].sort(), [...kinds].sort(), 'README lists every error kind (`kind`: …)');
});

test('README: the properties and methods it names are public members of the element, and csvFor\'s table ids exist', () => {
  const members = (tag) => {
    const src = classFile(tag) + (tag === 'disclosure-provider' ? '' : coreSource);
    return new Set([...src.matchAll(/^ {2}(?:get |async |override )?(\w+)[(?:!=]/gm)].map((m) => m[1])
      .filter((n) => !new RegExp(`^ {2}(private|protected) (?:readonly |static )*${n}\\b`, 'm').test(src)));
  };
  const named = [
    ['disclosure-catalogue', paragraph(section(readme, ELEMENTS['disclosure-catalogue'].heading), '\nProperties and methods:')],
    ['annual-stats', section(section(readme, ELEMENTS['annual-stats'].heading), /^### Attributes/).split('Methods and properties:')[1]],
    ['request-form', [...section(readme, ELEMENTS['request-form'].heading).matchAll(/^\| `([\w()]+)` \((?:property|method)\)/gm)].map((m) => `\`${m[1]}\``).join(' ')],
  ];
  let n = 0;
  for (const [tag, text] of named) {
    const has = members(tag);
    for (const w of ticked(text).filter((w) => /^[a-z]\w*(\(\w*\))?$/.test(w) && !/^(t\d|g\d|trend)$/.test(w))) {
      n++;
      assert.ok(has.has(w.replace(/\(.*/, '')), `README names ${w} on <${tag}>, not a public member`);
    }
  }
  assert.ok(n >= 7, `members checked (${n})`);
  const annual = ls(ELEMENTS['annual-stats'].dir).map(read).join('\n');
  const ids = ticked(readme.match(/The table ids are ([^.]*)\./)[1]);
  assert.ok(ids.length >= 6);
  for (const id of ids.map((i) => i.replace(/…$/, ''))) {
    assert.ok(/^g\d$/.test(id) ? annual.includes('`g${i}`') : new RegExp(`['"]${id}['"]`).test(annual), `csvFor: no table id ${id}`);
  }
});

test('README: the numbers it gives for limits, defaults and timings are the code\'s', () => {
  const form = read('src/elements/request-form/request-form.ts');
  const catalogue = read('src/elements/disclosure-catalogue/disclosure-catalogue.ts');
  const num = (src, re, what) => {
    const m = src.match(re);
    assert.ok(m, `not found in the code: ${what}`);
    return Number(m[1].replace(/_/g, ''));
  };
  const inReadme = (re, what) => {
    const m = readme.match(re);
    assert.ok(m, `not found in the README: ${what}`);
    return m;
  };
  // The jurisdictions' reply and extension periods, and their time zones.
  const rules = Object.fromEntries([...read('src/rules/working-days.ts').matchAll(/'([\w-]+)': rules\((\d+), (\d+)(?:, '([^']+)')?\)/g)]
    .map(([, j, a, b, tz]) => [j, { a, b, tz }]));
  assert.ok(Object.keys(rules).length >= 4);
  const defaults = inReadme(/jurisdiction\s+defaults \(([^)]*)\)/, 'the jurisdiction defaults')[1];
  for (const j of Object.keys(rules).filter((j) => j !== 'custom')) {
    const m = defaults.match(new RegExp(`${j} (\\d+) \\+ (\\d+)`));
    assert.ok(m, `README's jurisdiction defaults lack ${j} (reply + extension): ${defaults}`);
    assert.deepEqual([m[1], m[2]], [rules[j].a, rules[j].b], `README: ${j} defaults`);
  }
  for (const [, tz, j] of readme.matchAll(/(\w+\/\w+) for ([\w-]+)/g)) assert.equal(rules[j]?.tz, tz, `README: the time zone of ${j}`);
  // Request form: resends, time-outs, the counter and the draft.
  const delays = num(form, /retryDelays: number\[\] = \[(\d+)/, 'retryDelays');
  assert.equal(inReadme(/`retryDelays` \(property\) \| Waits before automatic resends, default `(\[[\d, ]+\])`/, 'retryDelays')[1],
    form.match(/retryDelays: number\[\] = (\[[\d, ]+\])/)[1]);
  const secs = JSON.parse(form.match(/retryDelays: number\[\] = (\[[\d, ]+\])/)[1]).map((ms) => `${ms / 1000} s`).join(', ');
  assert.match(readme, new RegExp(`resent after ${secs}, then`), 'README: the resend waits');
  assert.ok(delays > 0);
  assert.equal(Number(inReadme(/gives up a submission attempt after that long without progress \(default (\d+) s\)/, 'submission timeout')[1]) * 1000,
    num(read('src/elements/request-form/net.ts'), /timeout = (\d+),?\s*\)/, 'post timeout'));
  assert.equal(Number(inReadme(/milliseconds before a feed request is given up \(default (\d+)/, 'feed timeout')[1]),
    num(read('src/core/feed.ts'), /options\.timeout \?\? (\d+)/, 'feed timeout'));
  assert.equal(Number(inReadme(/announced politely ([\d.]+) s after typing stops/, 'counter')[1]) * 1000,
    num(form, /charCounter\(left\)\}`\), (\d+)\)/, 'the counter announcement'));
  assert.equal(Number(inReadme(/Answers are saved ([\d.]+) s after typing stops/, 'draft')[1]) * 1000,
    num(form, /saveDraft\(\), (\d+)\)/, 'the draft timer'));
  assert.equal(Number(inReadme(/takes longer than (\d+) s is said/, 'slow note')[1]) * 1000, num(form, /slowNote\), (\d+)\)/, 'the slow note'));
  assert.equal(Number(inReadme(/`Retry-After` \(at most (\d+) minutes\)/, 'Retry-After')[1]) * 60,
    num(form, /Math\.min\(retryAfter \?\? 0, (\d+)\)/, 'Retry-After cap'));
  // Catalogue: page sizes, the printout's limit, the remote request's parameters.
  const sizes = read('src/elements/disclosure-catalogue/query.ts').match(/PAGE_SIZES = \[([\d, ]+)\]/)[1];
  assert.equal(inReadme(/a page-size choice \(([\d, ]+)\)/, 'page sizes')[1], sizes);
  assert.equal(inReadme(/entries per page at first \(([\d, or]+)\)/, 'page-size attribute')[1].replace(' or', ','), sizes);
  assert.equal(Number(inReadme(/up to the first ([\d,]+), which/, 'print limit')[1].replace(/,/g, '')), num(catalogue, /const PRINT_LIMIT = (\d+)/, 'PRINT_LIMIT'));
  const params = [...inReadme(/`GET endpoint\?([^`]*)`/, 'remote request')[1].matchAll(/(\w+)=/g)].map((m) => m[1]);
  const remote = catalogue.match(/private remoteUrl\(\)[^]*?\n {2}\}/)[0];
  const facets = read('src/elements/disclosure-catalogue/query.ts').match(/FACETS = \[([^\]]*)\]/)[1].match(/\w+/g).filter((f) => f !== 'year');
  const sent = [...remote.matchAll(/set\('(\w+)'/g)].map((m) => m[1]).flatMap((k) => (k === 'f' ? facets : [k]));
  if (/for \(const f of FACETS\)/.test(remote)) sent.push(...facets);
  assert.deepEqual([...params].sort(), [...new Set(sent)].sort(), 'README: the parameters of a remote search request');
});

test('README: the size budgets it names are the bench\'s and the build\'s', async () => {
  const bench = read('bench/run.mjs');
  const budgets = Object.fromEntries([...bench.match(/const BUDGET_KIB = \{([^}]*)\}/)[1].matchAll(/'?([\w +-]+?)'?: (\d+)/g)].map((m) => [m[1].trim(), Number(m[2])]));
  const dev = section(readme, /^## Development/);
  assert.equal(Number(dev.match(/`<annual-stats>` \(budget (\d+) KiB\)/)?.[1]), budgets['annual-stats'], 'README: the budget of <annual-stats>');
  assert.equal(Number(dev.match(/`<request-status>` \(budget (\d+) KiB\)/)?.[1]), budgets['request-form + request-status'], 'README: the budget of the request pair');
  const { AUTOLOAD_BUDGET } = await import('../../scripts/build-cdn-split.mjs');
  assert.equal(Number(readme.match(/\(gzipped; budget (\d+) KiB\)/)?.[1]) * 1024, AUTOLOAD_BUDGET, 'README: the autoloader\'s budget');
});

test('README (Development): the layout of src/ names every file and folder of src/, and only those', () => {
  const block = fenced(section(readme, /^## Development/)).find((b) => b.startsWith('src/'));
  assert.ok(block, 'the layout block');
  const srcLines = block.split('\n').slice(1, block.split('\n').findIndex((l, i) => i > 0 && !l.startsWith('  ')));
  const named = new Set(srcLines.flatMap((l) => l.trim().split(/\s{2,}/)[0].split(/,\s*/)).map((n) => n.replace(/\/$/, '').replace(/\/.*$/, '')));
  const actual = readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory() || (d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))).map((d) => d.name);
  for (const n of named) assert.ok(actual.includes(n), `README's layout names src/${n}, which does not exist`);
  for (const n of actual) assert.ok(named.has(n), `src/${n} is not in README's layout`);
});

test('README (Command-line tool): each command\'s options, and their choices, are those of its --help usage line', () => {
  const main = read('src/cli/main.ts');
  const cli = section(readme, /^## Command-line tool/);
  const heads = [...cli.matchAll(/^### `(\w+)[^`]*`$/gm)];
  assert.ok(heads.length >= 4, 'command headings');
  /** `[--x VALUE|…]` → option name → its choices (when listed with |), `-o` included. */
  const options = (text) => new Map([...text.matchAll(/\[(-o|--[\w-]+)(?: ([^\]]+))?\]/g)]
    .filter(([, o]) => o !== '--quiet').map(([, o, v]) => [o, v && /^[\w-]+(\|[\w-]+)+$/.test(v) && !/^NAME\|N$/.test(v) ? v : '']));
  for (const [heading, cmd] of heads) {
    const usage = main.match(new RegExp(`${cmd}: \`Usage: \\$\\{NAME\\} ([^\\n]*)`))?.[1];
    assert.ok(usage, `no --help usage for ${cmd}`);
    const want = options(usage);
    let have = options(heading);
    if (!have.size) {
      // A heading without its options (validate): the ones its text names.
      const text = section(cli, new RegExp(`^### \`${cmd}\\b`));
      have = new Map([...text.matchAll(/`(--[\w-]+)`/g)].filter(([, o]) => o !== '--quiet').map(([, o]) => [o, want.get(o) ?? '?']));
    }
    assert.deepEqual(Object.fromEntries([...have].sort()), Object.fromEntries([...want].sort()), `README's ${cmd}: options as in its --help (${usage})`);
  }
});

test('README: every pinned URL and versioned folder is the package\'s version', () => {
  const { version } = JSON.parse(read('package.json'));
  const pinned = [...readme.matchAll(/disclosure-elements@([\w.-]+)\//g), ...readme.matchAll(/\/disclosure-elements\/(\d+\.\d+\.\d+)\//g)].map((m) => m[1]);
  assert.ok(pinned.length >= 8, `pinned URLs found (${pinned.length})`);
  for (const v of pinned) assert.equal(v, version, 'README pins another version than package.json');
});
