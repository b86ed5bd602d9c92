// The demo portal's own page script (old-style, no modules): the 长者模式 (large text), language and dark switches
// that such portals put in their top bar. They only set attributes on <disclosure-provider>. The language chosen is
// kept for the next page (sessionStorage). It is the elements' language only: the portal's own text stays Chinese, so
// <html lang> stays zh-CN, and the switch's own word (English / 中文) is marked with its language (WCAG 3.1.2).
// Pages without elements hide the switches; a page whose provider says data-lang="fixed" (the English FOIA example)
// hides the language switch and keeps its language. The portal is served under Trusted Types (scripts/serve.mjs): words are
// set as textContent, never innerHTML.
(function () {
  var provider = document.querySelector('disclosure-provider');
  function qs(name) { return new RegExp('[?&]' + name + '=([^&]*)').exec(location.search); }
  function bind(id, fn) {
    var b = document.getElementById(id);
    if (!b) return;
    if (!provider) { b.style.display = 'none'; return; }
    b.onclick = function () { fn(b); return false; };
    return b;
  }
  var stored = null;
  try { stored = sessionStorage.getItem('demo-lang'); } catch (e) { /* storage blocked */ }
  var fromUrl = qs('lang');
  var lang = fromUrl ? decodeURIComponent(fromUrl[1]) : stored || 'zh-CN';
  function setLang(l, button) {
    lang = l;
    if (provider) provider.setAttribute('lang', l);
    if (button) {
      button.textContent = l === 'en' ? '中文' : 'English';
      button.lang = l === 'en' ? 'zh-CN' : 'en';
    }
    try { sessionStorage.setItem('demo-lang', l); } catch (e) { /* storage blocked */ }
  }
  bind('toggle-large', function (b) {
    if (provider.hasAttribute('large-text')) provider.removeAttribute('large-text'); else provider.setAttribute('large-text', '');
    b.textContent = provider.hasAttribute('large-text') ? '标准模式' : '长者模式';
  });
  if (provider && provider.getAttribute('data-lang') === 'fixed') {
    document.getElementById('toggle-lang').style.display = 'none';
  } else {
    var langButton = bind('toggle-lang', function (b) { setLang(lang === 'en' ? 'zh-CN' : 'en', b); });
    if (provider) setLang(lang, langButton);
  }
  bind('toggle-dark', function () {
    provider.setAttribute('theme', provider.getAttribute('theme') === 'dark' ? 'light' : 'dark');
  });
})();
