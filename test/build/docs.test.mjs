// The feed contract ships in the repository (docs/feeds.md), so the README's links work on a clone; it must stay the
// shared spec, word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('docs/feeds.md is the shared feed contract, word for word (when the shared folder is beside the checkout)', (t) => {
  const shared = join(root, '../shared/spec/feeds.md');
  if (!existsSync(shared)) return t.skip('no ../shared/spec here');
  assert.equal(readFileSync(join(root, 'docs/feeds.md'), 'utf8'), readFileSync(shared, 'utf8'), 'copy ../shared/spec/feeds.md to docs/feeds.md');
});
