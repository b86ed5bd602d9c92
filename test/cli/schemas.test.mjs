import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateSchemas } from '../../scripts/build-schemas.mjs';
import { root, loadSrc } from './helpers.mjs';

test('schema/*.schema.json are exactly what scripts/build-schemas.mjs generates from src/schema/shapes.ts', async () => {
  const files = await generateSchemas();
  assert.deepEqual(Object.keys(files).sort(), [
    'annual-index.schema.json', 'annual-report.schema.json', 'catalogue.schema.json', 'request-form.schema.json',
  ]);
  for (const [name, text] of Object.entries(files)) {
    const committed = readFileSync(join(root, 'schema', name), 'utf8');
    assert.equal(committed, text, `schema/${name} is out of date: run node scripts/build-schemas.mjs`);
  }
  assert.deepEqual(readdirSync(join(root, 'schema')).filter((f) => f.endsWith('.json')).sort(), Object.keys(files).sort());
});

test('the schemas are draft 2020-12 and carry the contract enums', async () => {
  const files = await generateSchemas();
  const cat = JSON.parse(files['catalogue.schema.json']);
  assert.equal(cat.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(cat.required, ['schemaVersion', 'items']);
  assert.deepEqual(cat.$defs.item.properties.validity.enum, ['valid', 'expired', 'repealed', 'amended', 'unknown', null]);
  assert.match(cat.$defs.item.properties.datePublished.pattern, /\\d\{4\}/);
  const form = JSON.parse(files['request-form.schema.json']);
  assert.ok(form.$defs.field.properties.type.enum.includes('checkbox'));
  const annual = JSON.parse(files['annual-report.schema.json']);
  assert.deepEqual(annual.properties.template.enum, ['CN-2021', 'CN-2019', 'CN-legacy', 'custom']);
});

test('the parsers use the constants of shapes.ts; templates and validators agree with them', async () => {
  const src = await loadSrc();
  assert.equal(src.CATALOGUE_VALIDITIES, src.shapes.VALIDITIES);
  assert.equal(src.FORM_OUTCOMES, src.shapes.OUTCOMES);
  assert.equal(src.FORM_FIELD_TYPES, src.shapes.FIELD_TYPES);
  assert.deepEqual([...src.TEMPLATE_APPLICANT_COLUMNS], [...src.shapes.APPLICANT_COLUMNS]);
  assert.deepEqual([...src.TEMPLATE_TABLE4_GROUPS], [...src.shapes.TABLE4_GROUPS]);
  assert.deepEqual([...src.TEMPLATE_TABLE4_OUTCOMES], [...src.shapes.TABLE4_OUTCOMES]);
  assert.deepEqual([...src.VALIDATORS_VALIDATOR_NAMES].sort(), [...src.shapes.VALIDATOR_NAMES].sort());
  assert.equal(src.shapes.OUTCOMES.length, 21);
});

test('a link in the schemas is http(s) or relative, whatever hides in its scheme', async () => {
  const files = await generateSchemas();
  const cat = JSON.parse(files['catalogue.schema.json']);
  const link = new RegExp(cat.$defs.item.properties.url.pattern);
  assert.equal(cat.$defs.item.properties.url.format, 'uri-reference');
  for (const ok of ['https://www.junshan.gov.cn/xxgk/1.html', 'HTTP://x.cn/', '/xxgk/1.html', '1.html', '//cdn.example/a',
    '?page=2', '#top', 'docs/a:b.pdf', ' https://x.cn/']) {
    assert.ok(link.test(ok), `accepted: ${JSON.stringify(ok)}`);
  }
  for (const bad of ['javascript:alert(1)', 'java\tscript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'mailto:a@b.cn',
    'vbscript:x', 'file:///etc/passwd', '', '   ']) {
    assert.ok(!link.test(bad), `refused: ${JSON.stringify(bad)}`);
  }
  // Every link of every feed carries it (the request form's office site and the annual index's report URLs too).
  for (const text of Object.values(files)) {
    for (const m of text.matchAll(/"format": "uri-reference"/g)) {
      assert.ok(text.slice(m.index, m.index + 200).includes(JSON.stringify(cat.$defs.item.properties.url.pattern)));
    }
  }
});

test('every pattern in the schemas keeps to what RE2-based validators (Go, re2j) compile: no lookaround, no backreference', async () => {
  const files = await generateSchemas();
  for (const [name, text] of Object.entries(files)) {
    for (const [, pattern] of text.matchAll(/"pattern": ("(?:[^"\\]|\\.)*")/g)) {
      assert.doesNotMatch(JSON.parse(pattern), /\(\?<?[=!]|\\[1-9]|\\k</, `${name}: ${pattern}`);
    }
  }
});
