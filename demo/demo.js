// The demo portal's own page script (old-style, no modules): the 长者模式 (large text), language and dark switches
// that such portals put in their top bar. They only set attributes on <disclosure-provider>.
(function () {
  var provider = document.querySelector('disclosure-provider');
  function qs(name) { return new RegExp('[?&]' + name + '=([^&]*)').exec(location.search); }
  var lang = qs('lang');
  if (provider && lang) provider.setAttribute('lang', decodeURIComponent(lang[1]));
  function bind(id, fn) { var b = document.getElementById(id); if (b) b.onclick = function () { fn(b); return false; }; }
  bind('toggle-large', function (b) {
    if (!provider) return;
    if (provider.hasAttribute('large-text')) provider.removeAttribute('large-text'); else provider.setAttribute('large-text', '');
    b.innerHTML = provider.hasAttribute('large-text') ? '标准模式' : '长者模式';
  });
  bind('toggle-lang', function (b) {
    if (!provider) return;
    var en = provider.getAttribute('lang') === 'en';
    provider.setAttribute('lang', en ? 'zh-CN' : 'en');
    b.innerHTML = en ? 'English' : '中文';
  });
  bind('toggle-dark', function () {
    if (!provider) return;
    provider.setAttribute('theme', provider.getAttribute('theme') === 'dark' ? 'light' : 'dark');
  });
})();
