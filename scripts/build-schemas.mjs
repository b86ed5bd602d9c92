// Writes the published JSON Schema files (draft 2020-12) from the one description of the feed shapes,
// src/schema/shapes.ts: schema/catalogue.schema.json, request-form, annual-report, annual-index.
//   node scripts/build-schemas.mjs            write schema/*.schema.json
//   node scripts/build-schemas.mjs --out DIR  write them to DIR instead
//   node scripts/build-schemas.mjs --check    exit 1 when the committed files differ from what would be written
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The schema files as { 'catalogue.schema.json': text, … }. */
export async function generateSchemas() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/schema/shapes.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const shapes = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const files = {};
  for (const feed of shapes.FEED_SHAPES) {
    files[`${feed.id}.schema.json`] = `${JSON.stringify(shapes.jsonSchemaOf(feed), null, 2)}\n`;
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const dir = outAt >= 0 ? args[outAt + 1] : join(root, 'schema');
  const files = await generateSchemas();
  if (args.includes('--check')) {
    const stale = Object.entries(files).filter(([name, text]) => {
      const p = join(dir, name);
      return !existsSync(p) || readFileSync(p, 'utf8') !== text;
    });
    if (stale.length) {
      console.error(`schema files out of date: ${stale.map(([n]) => n).join(', ')}; run node scripts/build-schemas.mjs`);
      process.exit(1);
    }
    console.log(`schema files up to date (${Object.keys(files).length})`);
  } else {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    console.log(`wrote ${Object.keys(files).map((n) => join(dir, n)).join(', ')}`);
  }
}
