// Old CMS pages replace the built-in Map and Set with home-grown ones (`function Map(){ this.put = … }`), and JSP
// templates hide URL behind a string (`var URL = '/cms/ajax.do'`), which breaks Lit, chart.js and our feed loading on
// the spot. Every shipped build points each module's bare Map, Set and URL (ours, Lit's, chart.js's) at
// src/core/realm.ts, which hands out the browser's own, taken from a fresh realm when the page has replaced them.
// Rolldown's `transform.inject` (the API of @rollup/plugin-inject) does the rewriting: it adds an import where a module
// uses the global name, and leaves local bindings of the same name alone.
import { fileURLToPath } from 'node:url';

const REALM = fileURLToPath(new URL('../src/core/realm.ts', import.meta.url));

/** For `build.rolldownOptions.transform.inject`. */
export const SAFE_GLOBALS = Object.freeze(Object.fromEntries(['Map', 'Set', 'URL'].map((name) => [name, [REALM, name]])));
