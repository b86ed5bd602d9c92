/**
 * Entry of the single-file builds a webmaster pastes in with one script tag (dist/disclosure-elements.js, classic
 * script; dist/disclosure-elements.esm.js, ES module). Lit is bundled in; every element registers itself. The chart
 * code of <annual-stats> stays in dist/disclosure-elements.charts.js, loaded from beside this script when needed.
 *
 * It also starts the embed forms that survive CMS editors (src/embed.ts): `data-disclosure` containers, now and
 * added later, and the one-tag form `<script src="…/disclosure-elements.js" data-disclosure="catalogue" …>`. Every
 * run counts: a second script tag loading this file again inserts its own element (the definitions stay).
 */
import { setScriptBase } from './core/script-base.js';
import { embedFromScript, scriptsFor, startEmbedding } from './embed.js';

const currentScript = document.currentScript as HTMLScriptElement | null;
setScriptBase(currentScript?.src || import.meta.url);

export * from './index.js';

if (currentScript) {
  startEmbedding(currentScript);
} else {
  // ES module build: no currentScript; handle the module script tags that load this very file.
  for (const s of scriptsFor(import.meta.url)) embedFromScript(s);
  startEmbedding(null);
}
