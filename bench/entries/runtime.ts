// Entry of the size benchmark only (bench/lib/sizes.mjs): the shared runtime every element pays for once —
// Lit, @lit/context, the shared core (src/core/*), safe registration (src/define.ts), the version, and
// <disclosure-provider>, which every element's entry registers.
// Namespace re-exports keep every export reachable without name clashes between modules.
export * as lit from 'lit';
export * as context from '@lit/context';
export * as base from '../../src/core/base.js';
export * as coreContext from '../../src/core/context.js';
export * as csv from '../../src/core/csv.js';
export * as feed from '../../src/core/feed.js';
export * as format from '../../src/core/format.js';
export * as locale from '../../src/core/locale.js';
export * as styles from '../../src/core/styles.js';
export * as urlState from '../../src/core/url-state.js';
export * as url from '../../src/core/url.js';
export * as define from '../../src/define.js';
export * as version from '../../src/version.js';
export * as provider from '../../src/provider.js';
