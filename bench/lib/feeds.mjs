// Generated catalogue feeds for the benchmark, cached under node_modules/.cache/bench/ (regenerated when the generator
// changes).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function ensureFeed({ root, cacheDir, count, seed = 2013 }) {
  const generator = join(root, 'demo/feeds/generate-catalogue.mjs');
  const file = join(cacheDir, `catalogue-${count}-${seed}.json`);
  if (existsSync(file) && statSync(file).mtimeMs > statSync(generator).mtimeMs) return { file, generated: false };
  const { generateCatalogue } = await import(pathToFileURL(generator).href);
  const feed = generateCatalogue({ count, seed });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(feed));
  return { file, generated: true, items: feed.items.length };
}
