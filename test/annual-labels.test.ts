// The national table labels live in the locale files, one a line, read by position (layout.ts). A line missing or two
// lines swapped in one language would pair a Chinese label with the wrong English one and still pass the per-language
// tests, so every pair is pinned here.
import { expect } from '@open-wc/testing';
import { templateFor } from '../src/elements/annual-stats/templates.js';
import { LABEL_PAIRS } from './fixtures/annual-label-pairs.js';

/** Every { zh, en } label in a template object, as "zh | en" strings. */
function pairs(o: unknown, out = new Set<string>()): Set<string> {
  if (o && typeof o === 'object') {
    const r = o as Record<string, unknown>;
    if (typeof r.zh === 'string' && typeof r.en === 'string') out.add(`${r.zh} | ${r.en}`);
    else for (const v of Object.values(r)) pairs(v, out);
  }
  return out;
}

describe('national table labels: Chinese and English pairs', () => {
  it('both templates together use exactly the pinned pairs', () => {
    const found = pairs([templateFor('CN-2021'), templateFor('CN-2019')]);
    const pinned = new Set(LABEL_PAIRS.map(([zh, en]) => `${zh} | ${en}`));
    expect([...found].filter((p) => !pinned.has(p)), 'pairs not pinned').to.deep.equal([]);
    expect([...pinned].filter((p) => !found.has(p)), 'pinned pairs missing').to.deep.equal([]);
  });

  it('a few pairs by where they are in the tables', () => {
    const t = templateFor('CN-2021');
    expect(t.table3.columns[0]!.label).to.deep.equal({ zh: '自然人', en: 'Natural persons' });
    const row = t.table3.rows.find((r) => r.path === 'results.withheld.stateSecret')!;
    expect(row.label).to.deep.equal({ zh: '属于国家秘密', en: 'State secret' });
    expect(t.table4.outcomes.at(-1)!.label).to.deep.equal({ zh: '总计', en: 'Total' });
    const t19 = templateFor('CN-2019');
    expect(t19.table2.blocks.at(-1)!.rows[0]!.label).to.deep.equal({ zh: '政府集中采购', en: 'Centralised government procurement' });
  });
});
