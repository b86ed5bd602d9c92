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
import { VERSION } from './version.js';

const currentScript = document.currentScript as HTMLScriptElement | null;
setScriptBase(currentScript?.src || import.meta.url);

/**
 * What a second copy of the classic script runs instead of itself: the build wraps that file in a guard that calls
 * this when a copy has already run (scripts/build.mjs, LOADED_GUARD). Lit is then not evaluated twice, which under a
 * Trusted Types CSP (`trusted-types lit-html`, no 'allow-duplicates') would throw on the second `lit-html` policy.
 */
const LOADED = Symbol.for('disclosure-elements.loaded');
const warnedVersions = new Set<string>();
(globalThis as { [LOADED]?: (script: HTMLScriptElement | null, version: string) => void })[LOADED] ??= (script, version) => {
  if (version !== VERSION && !warnedVersions.has(version)) {
    warnedVersions.add(version);
    console.warn(`disclosure-elements ${version}: version ${VERSION} is already loaded on this page; keeping it.`);
  }
  startEmbedding(script);
};

export * from './index.js';

if (currentScript) {
  startEmbedding(currentScript);
} else {
  // ES module build: no currentScript; handle the module script tags that load this very file.
  for (const s of scriptsFor(import.meta.url)) embedFromScript(s);
  startEmbedding(null);
}
