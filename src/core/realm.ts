/**
 * Map and Set as the browser made them. Old CMS pages often carry a home-grown `function Map(){}`
 * (a hash map with put/get: "js 实现 Map") or `function Set(){}`, which replaces the built-in for every script on the
 * page; Lit and chart.js then fail at once (`this._$AL.has is not a function`). The shipped builds make every module
 * (ours, Lit's, chart.js's) use these instead of the globals (SAFE_GLOBALS in scripts/safe-globals.mjs, Rolldown's
 * `inject`). When the page has replaced one of them, both come from a fresh realm: a blank iframe's, added and
 * removed at once (its built-ins keep working). On other pages this costs one check.
 *
 * Written without the bare names, which the build would otherwise point at this module itself.
 */
type Has = { has?: unknown };
let realm = window as { Map: MapConstructor; Set: SetConstructor };
if (!((realm.Map.prototype as Has).has && (realm.Set.prototype as Has).has)) {
  const frame = document.createElement('iframe');
  document.head.append(frame);
  realm = frame.contentWindow as unknown as typeof realm;
  frame.remove();
}
export const { Map, Set } = realm;
