// Writes demo/feeds/catalogue.json (the sample catalogue of the demo portal) from the deterministic generator.
import { writeFileSync } from 'node:fs';
import { generateCatalogue } from '../demo/feeds/generate-catalogue.mjs';

const feed = generateCatalogue();
writeFileSync(new URL('../demo/feeds/catalogue.json', import.meta.url), JSON.stringify(feed) + '\n');
console.log(`demo/feeds/catalogue.json: ${feed.items.length} items`);
