/**
 * Entry of the single-file builds a webmaster pastes in with one script tag (dist/disclosure-elements.js, classic
 * script; dist/disclosure-elements.esm.js, ES module). Lit is bundled in; every element registers itself.
 */
export * from './index.js';
