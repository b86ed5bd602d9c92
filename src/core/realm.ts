/**
 * Map, Set and URL as the browser made them. Old CMS pages often carry a home-grown `function Map(){}`
 * (a hash map with put/get: "js 实现 Map") or `function Set(){}`, which replaces the built-in for every script on the
 * page; Lit and chart.js then fail at once (`this._$AL.has is not a function`). A JSP or ASP template's page-level
 * `var URL = '/cms/ajax.do'` does the same to URL: no feed or link would resolve. The shipped builds make every module
 * (ours, Lit's, chart.js's) use these instead of the globals (SAFE_GLOBALS in scripts/safe-globals.mjs, Rolldown's
 * `inject`). When the page has replaced one of them, all three come from a fresh realm: a blank iframe's, added and
 * removed at once (its built-ins keep working; Blob URLs are the exception, see downloadText). On other pages this
 * costs one check.
 *
 * Written without the bare names, which the build would otherwise point at this module itself.
 */
type Has = { has?: unknown };
let realm = window as { Map: MapConstructor; Set: SetConstructor; URL: typeof globalThis.URL };
let frame: HTMLIFrameElement | undefined;
if (!((realm.Map.prototype as Has).has && (realm.Set.prototype as Has).has && (realm.URL as Partial<typeof globalThis.URL>)?.createObjectURL)) {
  frame = document.createElement('iframe');
  document.head.append(frame);
  realm = frame.contentWindow as unknown as typeof realm;
}
// Read while the frame is in the page: a removed frame's window no longer has its Web APIs (URL), only the language's.
export const { Map, Set, URL } = realm;
frame?.remove();
