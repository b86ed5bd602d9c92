// What an old CMS page's own scripts do besides patching prototypes (e2e/pages/patch-prototypes.js): an old promise
// library as window.Promise, an analytics or progress script that wraps XMLHttpRequest, an "external link warning"
// that hijacks every link click, window.open/alert/confirm replaced, and a single-page router in hash mode that wraps
// history.pushState. Each records what it saw in window.__seen.
/* eslint-disable no-extend-native */
window.__seen = { xhr: [], warned: [], opened: [], routed: [], alerts: [] };

// (1) An old promise library (the shape of promise-polyfill 6 or es6-promise 3: then, catch, all, race, resolve,
// reject, no finally), assigned to window.Promise unconditionally, as Bluebird's browser build also does. Callbacks
// run from setTimeout, as such libraries did without setImmediate.
(function () {
  function P(fn) {
    var self = this, called = false;
    self.s = 0; self.q = [];
    function settle(s, v) {
      self.s = s; self.v = v;
      setTimeout(function () { var q = self.q; self.q = []; for (var i = 0; i < q.length; i++) q[i](); }, 0);
    }
    function adopt(v) {
      if (v && (typeof v === 'object' || typeof v === 'function')) {
        var then, once = false;
        try { then = v.then; } catch (e) { return settle(2, e); }
        if (typeof then === 'function') {
          try {
            then.call(v, function (x) { if (!once) { once = true; adopt(x); } }, function (e) { if (!once) { once = true; settle(2, e); } });
          } catch (e) { if (!once) { once = true; settle(2, e); } }
          return;
        }
      }
      settle(1, v);
    }
    try {
      fn(function (v) { if (!called) { called = true; adopt(v); } }, function (e) { if (!called) { called = true; settle(2, e); } });
    } catch (e) { if (!called) { called = true; settle(2, e); } }
  }
  P.prototype.then = function (ok, ko) {
    var self = this;
    return new P(function (resolve, reject) {
      function run() {
        var cb = self.s === 1 ? ok : ko;
        if (typeof cb !== 'function') return (self.s === 1 ? resolve : reject)(self.v);
        try { resolve(cb(self.v)); } catch (e) { reject(e); }
      }
      if (self.s > 0) setTimeout(run, 0); else self.q.push(run);
    });
  };
  P.prototype['catch'] = function (ko) { return this.then(null, ko); };
  P.resolve = function (v) { return v instanceof P ? v : new P(function (r) { r(v); }); };
  P.reject = function (e) { return new P(function (_, r) { r(e); }); };
  P.all = function (list) {
    return new P(function (resolve, reject) {
      var out = [], left = list.length;
      if (!left) return resolve(out);
      for (var i = 0; i < list.length; i++) (function (i) { P.resolve(list[i]).then(function (v) { out[i] = v; if (!--left) resolve(out); }, reject); })(i);
    });
  };
  P.race = function (list) {
    return new P(function (resolve, reject) { for (var i = 0; i < list.length; i++) P.resolve(list[i]).then(resolve, reject); });
  };
  window.Promise = P;
})();

// (2) Subtly wrong polyfills of includes, find and Object.assign: in e2e/pages/patch-prototypes.js.

// (3) An analytics or page-progress script (pace.js style): XMLHttpRequest wrapped twice, the constructor (which
// returns the browser's own object, watched) and open/send on the prototype.
(function () {
  var Native = window.XMLHttpRequest, open = Native.prototype.open, send = Native.prototype.send;
  Native.prototype.open = function (method, url) { this.__url = url; window.__seen.xhr.push(method + ' ' + url); return open.apply(this, arguments); };
  Native.prototype.send = function () { var x = this; x.addEventListener('readystatechange', function () { x.__state = x.readyState; }); return send.apply(this, arguments); };
  window.XMLHttpRequest = function (flags) { var req = new Native(flags); req.addEventListener('progress', function () {}); return req; };
  window.XMLHttpRequest.prototype = Native.prototype;
})();

// (4) The "external link warning" (您访问的链接即将离开本站) of many CMS templates: every click on a link anywhere on
// the page (jQuery 1.x's `$(document).on('click', 'a', …)`, which walks up from event.target) is stopped, and the link
// is opened after a confirm.
document.addEventListener('click', function (e) {
  var a = e.target;
  while (a && a.nodeName !== 'A') a = a.parentNode;
  if (!a || !a.href) return;
  e.preventDefault();
  window.__seen.warned.push(a.href);
  if (window.confirm('您访问的链接即将离开本站，是否继续？')) window.open(a.href, '_blank');
});

// (5) window.open, alert and confirm replaced (a pop-up blocker shim, a "friendly" dialog): confirm says no.
window.open = function (url) { window.__seen.opened.push(String(url)); return null; };
window.alert = function (m) { window.__seen.alerts.push(String(m)); };
window.confirm = function (m) { window.__seen.alerts.push(String(m)); return false; };

// (6) A single-page router in hash mode (#/list), which wraps pushState and replaceState to hear every change, and
// puts its own route back when a URL without one is pushed.
(function () {
  var push = history.pushState, replace = history.replaceState;
  function heard(kind) {
    return function (state, title, url) {
      window.__seen.routed.push(kind + ' ' + url);
      var r = (kind === 'push' ? push : replace).call(history, state, title, url);
      if (!location.hash) replace.call(history, state, title, location.pathname + location.search + '#/list');
      return r;
    };
  }
  history.pushState = heard('push');
  history.replaceState = heard('replace');
  if (!location.hash) replace.call(history, null, '', location.pathname + location.search + '#/list');
})();
