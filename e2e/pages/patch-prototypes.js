// What old CMS pages do to the built-ins (Prototype.js, MooTools, home-grown helpers): enumerable additions to
// Array and Object prototypes, a replaced Array.prototype.indexOf and Array.from, globals named $ and Element.
/* eslint-disable no-extend-native */
Array.prototype.each = function (fn) { for (var i = 0; i < this.length; i++) fn(this[i], i); };
Array.prototype.remove = function (x) { var i = this.indexOf(x); if (i >= 0) this.splice(i, 1); return this; };
Array.prototype.indexOf = function (x) { for (var i = 0; i < this.length; i++) if (this[i] === x) return i; return -1; };
// Prototype.js 1.7 (`Array.from = $A`) and MooTools: no map function, and [] for a Set or an iterator.
Array.from = function $A(it) { if (!it) return []; if (it.toArray) return it.toArray(); var n = it.length || 0, r = new Array(n); while (n--) r[n] = it[n]; return r; };
// Prototype.js 1.6: Array#toJSON returns a string, and JSON.stringify calls it: [1, 2] became the text "[1, 2]".
Array.prototype.toJSON = function () { var r = []; for (var i = 0; i < this.length; i++) r.push(JSON.stringify(this[i])); return '[' + r.join(', ') + ']'; };
String.prototype.trim = function () { return this.replace(/^\s+|\s+$/g, ''); };
Function.prototype.bind = (function (orig) { return function () { return orig.apply(this, arguments); }; })(Function.prototype.bind);
window.$ = function (id) { return document.getElementById(id); };
window.$$ = function (sel) { return document.querySelectorAll(sel); };
window.Class = { create: function () { return function () {}; } };
// The home-grown hash map and set of many old Chinese CMS templates ("js 实现 Map"): global functions that replace the
// built-in Map and Set for every script on the page. Lit and chart.js use those built-ins (src/core/realm.ts).
function Map() {
  this.elements = new Array();
  this.size = function () { return this.elements.length; };
  this.put = function (key, value) { this.elements.push({ key: key, value: value }); };
  this.get = function (key) { for (var i = 0; i < this.elements.length; i++) if (this.elements[i].key === key) return this.elements[i].value; return null; };
}
function Set() { this.items = {}; this.add = function (x) { this.items[x] = true; }; }
// Enumerable values on Object.prototype (a careless `Object.prototype.x = …`, or a prototype-pollution bug in the page's
// own scripts): every `for…in` over a plain object sees them. The single-file build's module namespaces were built with
// one, and the script stopped at once ("Getter must be a function").
Object.prototype.src = 'http://evil.example/feed.json';
Object.prototype.lang = 'xx';
Object.prototype.href = 'http://evil.example/';
// A page-level variable of a JSP or ASP template that shadows the built-in URL for every script on the page.
var URL = '/cms/ajax.do?method=list';
// Old polyfills, installed over the browser's own, each subtly wrong: includes ignoring fromIndex and NaN, find
// skipping holes, String#includes ignoring its position, Object.assign copying inherited values too (for…in without
// hasOwnProperty: with the values on Object.prototype above, every copy gets them as its own).
Array.prototype.includes = function (x) { for (var i = 0; i < this.length; i++) if (this[i] === x) return true; return false; };
Array.prototype.find = function (fn, that) { for (var i = 0; i < this.length; i++) if (i in this && fn.call(that, this[i], i, this)) return this[i]; };
String.prototype.includes = function (s) { return this.indexOf(s) !== -1; };
Object.assign = function (target) {
  for (var i = 1; i < arguments.length; i++) { var src = arguments[i]; if (src != null) for (var k in src) target[k] = src[k]; }
  return target;
};
// The page's own Lit, with its lit/polyfill-support.js (ShadyDOM/ShadyCSS) and an SSR hydration client: globals that a
// copy of Lit calls as it loads, to patch its classes. Our bundled copy is ours: it never calls them.
window.litHtmlPolyfillSupport = window.reactiveElementPolyfillSupport = window.litElementPolyfillSupport =
  window.litElementHydrateSupport = function () { throw new Error("the page's Lit hooks patched our bundled Lit"); };
