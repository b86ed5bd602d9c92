/**
 * Entry of the single-file builds a webmaster pastes in with one script tag (dist/disclosure-elements.js, classic
 * script; dist/disclosure-elements.esm.js, ES module). Lit is bundled in; every element registers itself. The chart
 * code of <annual-stats> stays in dist/disclosure-elements.charts.js, loaded from beside this script when needed.
 */
import { setScriptBase } from './core/script-base.js';

setScriptBase((document.currentScript as HTMLScriptElement | null)?.src || import.meta.url);

export * from './index.js';
