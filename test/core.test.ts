import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { formFeed } from './request-fixtures.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';
import { defineElement } from '../src/define.js';
import { fetchJson, FeedController, FeedError } from '../src/core/feed.js';
import { parseJson } from '../src/core/json.js';
import { LANG_PATTERN } from '../src/schema/constants.js';
import { safeHref } from '../src/core/url.js';
import { csvCell, toCsv } from '../src/core/csv.js';
import { normalizeLocale, Strings } from '../src/core/locale.js';
import { DisclosureElement } from '../src/core/base.js';
import { baseStyles } from '../src/core/styles.js';
import { catalogueStyles } from '../src/elements/disclosure-catalogue/disclosure-catalogue.styles.js';
import { annualStyles } from '../src/elements/annual-stats/annual-stats.styles.js';
import { requestFormStyles } from '../src/elements/request-form/request-form.styles.js';
import { expectAccessible, misLanguaged, mountHtml, requestsTo, scriptEndpoint, sendKeys, shadowText, storeFeed, uniqueName, waitUntil } from './helpers.js';
import { appendCatalogue, chineseCatalogue, englishCatalogue, manyItems, smallCatalogue, titlesOf } from './fixtures/catalogue.js';

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const titles = titlesOf;

before(async () => {
  await setViewport({ width: 1280, height: 900 });
});

describe('<disclosure-provider>', () => {
  it('resolves relative src against feed-base and carries language and agency', async () => {
    // The catalogue's entry does not register the provider: the element loads it, and waits for it before fetching.
    expect(customElements.get('disclosure-provider'), 'provider not registered yet').to.equal(undefined);
    const name = uniqueName();
    await storeFeed({ ...smallCatalogue(), publisher: undefined }, {}, name);
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/store/" lang="en" agency="Test County">
      <disclosure-catalogue src=${name} no-url-state></disclosure-catalogue></disclosure-provider>`);
    const el = wrap.querySelector('disclosure-catalogue') as DisclosureCatalogue;
    await el.loaded;
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    expect(shadowText(el, 'form.search label')).to.equal('Search');
    expect(shadowText(el, '#summary')).to.equal('4 results');
    expect(shadowText(el, '[part="header"]')).to.contain('Publisher: Test County');
    expect(customElements.get('disclosure-provider')).to.not.equal(undefined);
    const elsewhere = performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => u.endsWith(`/${name}`) && !u.includes('/__feeds/store/'));
    expect(elsewhere, 'no request before the provider answered (it would miss feed-base)').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('feed-lang says the language of feeds that do not say theirs; a feed’s own lang wins; not a tag: ignored', async () => {
    const { lang: _, ...unsaid } = chineseCatalogue();
    const name = uniqueName();
    await storeFeed(unsaid, {}, name);
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/store/" lang="en" feed-lang="zh-CN">
      <disclosure-catalogue src=${name} no-url-state></disclosure-catalogue></disclosure-provider>`);
    const provider = wrap.querySelector('disclosure-provider')!;
    const el = wrap.querySelector('disclosure-catalogue') as DisclosureCatalogue;
    await el.loaded;
    await el.updateComplete;
    expect(shadowText(el, 'form.search label')).to.equal('Search');
    expect(misLanguaged(el)).to.deep.equal([]);
    expect($(el, '.item h3 a span').getAttribute('lang')).to.equal('zh-CN');
    // Not a language tag: ignored, so the Chinese text is in the English element's language again.
    provider.setAttribute('feed-lang', 'Chinese');
    await waitUntil(() => !$(el, '.item h3 a span').hasAttribute('lang'), 'feed-lang ignored');
    expect(misLanguaged(el)).to.not.deep.equal([]);
    provider.setAttribute('feed-lang', 'zh-CN');
    await waitUntil(() => $(el, '.item h3 a span').getAttribute('lang') === 'zh-CN', 'feed-lang followed');
    // A feed that says its language keeps it.
    const english = uniqueName();
    await storeFeed(englishCatalogue(), {}, english);
    el.src = english;
    await el.loaded;
    await el.updateComplete;
    expect($(el, '.item h3 a span').hasAttribute('lang'), 'English feed in the English element: nothing to mark').to.equal(false);
    await expectAccessible(el);
  });

  it('follows a change of feed-base and lang', async () => {
    const a = uniqueName();
    const b = uniqueName();
    await storeFeed({ ...smallCatalogue(), title: 'A' }, {}, a);
    await storeFeed({ ...smallCatalogue(), title: 'B' }, {}, b);
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/store/">
      <disclosure-catalogue src=${a} no-url-state></disclosure-catalogue></disclosure-provider>`);
    const provider = wrap.querySelector('disclosure-provider')!;
    const el = wrap.querySelector('disclosure-catalogue') as DisclosureCatalogue;
    await el.loaded;
    expect(shadowText(el, '[part="header"] h2')).to.equal('A');
    el.src = b;
    await el.loaded;
    await el.updateComplete;
    expect(shadowText(el, '[part="header"] h2')).to.equal('B');
    provider.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el, 'form.search label') === 'Search', 'English labels');
  });

  it('an element moved from one provider into another takes the new one’s settings and no longer follows the first', async () => {
    const name = uniqueName();
    await storeFeed(smallCatalogue(), {}, name);
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/store/" lang="en" id="first"><disclosure-catalogue src=${name} no-url-state></disclosure-catalogue></disclosure-provider>
      <disclosure-provider feed-base="/__feeds/store/" lang="zh-CN" id="second"></disclosure-provider>`);
    const [first, second] = wrap.querySelectorAll('disclosure-provider');
    const el = wrap.querySelector('disclosure-catalogue') as DisclosureCatalogue;
    await el.loaded;
    await waitUntil(() => shadowText(el, 'form.search label') === 'Search', 'English from the first provider');
    second.append(el);
    await waitUntil(() => shadowText(el, 'form.search label') === '检索', 'Chinese from the second provider');
    second.setAttribute('large-text', '');
    await waitUntil(() => $(el, '.root').classList.contains('large'), 'the second provider followed');
    first.setAttribute('theme', 'dark');
    await (first as LitElement).updateComplete;
    await el.updateComplete;
    expect($(el, '.root').className, 'the first provider’s theme').to.equal('root large');
  });

  it('an element moved out of its provider (a tab widget re-parenting its panel) no longer uses its settings', async () => {
    const src = await storeFeed(smallCatalogue());
    const wrap = mountHtml(html`<disclosure-provider lang="en" large-text theme="dark"><disclosure-catalogue src=${src} no-url-state></disclosure-catalogue></disclosure-provider><div lang="zh-CN"></div>`);
    const el = wrap.querySelector('disclosure-catalogue') as DisclosureCatalogue;
    await el.loaded;
    await waitUntil(() => shadowText(el, 'form.search label') === 'Search', 'English from the provider');
    expect($(el, '.root').className).to.equal('root large dark');
    wrap.querySelector('div')!.append(el);
    await waitUntil(() => shadowText(el, 'form.search label') === '检索', 'Chinese from its new place');
    expect($(el, '.root').className, 'neither the provider’s large text nor its theme').to.equal('root');
  });

  it('a provider inside another takes the outer one’s settings it does not set itself, and follows their changes', async () => {
    // A site template's provider (feed-base, agency, the portal's 长者模式 button on large-text) around an article's
    // container with data-agency, which wraps a provider of its own.
    const name = uniqueName();
    await storeFeed({ ...smallCatalogue(), publisher: undefined }, {}, name);
    const wrap = mountHtml(html`<disclosure-provider feed-base="/__feeds/store/" agency="Outer County" theme="dark">
      <disclosure-provider lang="en"><disclosure-catalogue src=${name} no-url-state></disclosure-catalogue></disclosure-provider>
      </disclosure-provider>`);
    const outer = wrap.querySelector('disclosure-provider')!;
    const el = wrap.querySelector('disclosure-catalogue') as DisclosureCatalogue;
    await el.loaded;
    await el.updateComplete;
    expect(titles(el), 'loaded from the outer feed-base').to.have.length(4);
    expect(shadowText(el, '[part="header"]')).to.contain('Publisher: Outer County');
    expect($(el, '.root').className).to.contain('dark');
    outer.setAttribute('large-text', '');
    await waitUntil(() => $(el, '.root').classList.contains('large'), 'large text from the outer provider');
    outer.setAttribute('agency', 'Renamed County');
    await waitUntil(() => shadowText(el, '[part="header"]').includes('Renamed County'), 'agency change followed');
    // The inner provider's own settings win.
    wrap.querySelectorAll('disclosure-provider')[1].setAttribute('theme', 'light');
    await waitUntil(() => !$(el, '.root').classList.contains('dark'), 'inner theme wins');
  });
});

describe('locale', () => {
  it('maps any zh* tag to zh-CN and en* to en; others to the default', () => {
    expect(normalizeLocale('zh-Hant-TW')).to.equal('zh-CN');
    expect(normalizeLocale('ZH')).to.equal('zh-CN');
    expect(normalizeLocale('en-GB')).to.equal('en');
    expect(normalizeLocale('fr')).to.equal(null);
  });

  it("takes the element's own lang, else the closest [lang] ancestor across shadow roots, and follows changes", async () => {
    const src = await storeFeed(smallCatalogue());
    const wrap = mountHtml(html`<section lang="en"><div id="host"></div></section>`);
    // Put the catalogue inside another element's shadow root: the ancestor lang must still be found.
    const host = wrap.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const el = appendCatalogue(shadow, src);
    await el.loaded;
    await el.updateComplete;
    expect(shadowText(el, '#summary')).to.equal('4 results');
    wrap.querySelector('section')!.setAttribute('lang', 'zh-CN');
    await waitUntil(() => shadowText(el, '#summary') === '共找到 4 条信息', 'Chinese after the ancestor changed');
    el.setAttribute('lang', 'en-US');
    await waitUntil(() => shadowText(el, '#summary') === '4 results', 'own lang wins');
    expect(shadowText(el, '[part="header"] h2')).to.equal('测试目录'); // feed text is not translated
  });

  it('loads each language of a string module once, on demand; a failed load is tried again', async () => {
    let calls = 0;
    let fail = true;
    const strings = new Strings<{ hello: string }>({
      'zh-CN': async () => ({ default: { hello: '你好' } }),
      en: async () => {
        calls++;
        if (fail) throw new TypeError('Failed to fetch dynamically imported module');
        return { default: { hello: 'Hello' } };
      },
    });
    expect(strings.has('zh-CN')).to.equal(false);
    await strings.load('zh-CN');
    await strings.load('zh-CN');
    expect(strings.get('zh-CN').hello).to.equal('你好');
    let error: unknown;
    await strings.load('en').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    expect(strings.has('en')).to.equal(false);
    expect(strings.get('en').hello, 'another language stands in meanwhile').to.equal('你好');
    fail = false;
    await strings.load('en');
    await strings.load('en');
    expect(strings.get('en').hello).to.equal('Hello');
    expect(calls).to.equal(2);
  });

  it('an element renders once its strings are there; when they cannot be loaded it shows its own content and tries again', async () => {
    let fail = true;
    const strings = new Strings<{ hello: string }>({
      'zh-CN': async () => {
        if (fail) throw new TypeError('Failed to fetch dynamically imported module');
        return { default: { hello: '你好' } };
      },
      en: async () => ({ default: { hello: 'Hello' } }),
    });
    class StringsProbe extends DisclosureElement {
      protected static override strings = [strings];
      protected override render() {
        return html`<p>${strings.get(this.locale).hello}</p>`;
      }
    }
    customElements.define('strings-probe', StringsProbe);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      const el = mountHtml(html`<strings-probe><a href="/old-page.html">旧版页面</a></strings-probe>`).querySelector('strings-probe')!;
      await waitUntil(() => errors.length > 0, 'the failure reported');
      expect(String(errors[0])).to.contain('could not load the UI strings');
      expect(el.shadowRoot!.querySelector('p'), 'nothing of its own rendered without strings').to.equal(null);
      await waitUntil(() => el.shadowRoot!.querySelector('slot'), 'the fallback slot');
      const shown = el.shadowRoot!.querySelector('slot')!.assignedElements();
      expect(shown.map((a) => a.textContent), 'the page\'s own fallback content is shown').to.deep.equal(['旧版页面']);
      fail = false;
      await waitUntil(() => el.shadowRoot!.querySelector('p'), 'rendered after the retry', 6000);
      expect(shadowText(el, 'p')).to.equal('你好');
      expect(el.shadowRoot!.querySelector('slot'), 'the fallback is gone').to.equal(null);
      el.setAttribute('lang', 'en');
      await waitUntil(() => shadowText(el, 'p') === 'Hello', 'English loaded on demand');
    } finally {
      console.error = original;
    }
  });

  it('formats dates and numbers through Intl per locale', async () => {
    const feed = { ...smallCatalogue(), items: manyItems(1234) };
    const src = await storeFeed(feed);
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state lang="en"></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    expect(shadowText(el, '#summary')).to.contain('1,234 results');
    expect(shadowText(el, 'ol.items')).to.match(/Jan \d{1,2}, 2013/);
  });
});

describe('safe registration', () => {
  it('defining a taken tag again never throws; another version warns once and the first definition stays', () => {
    const warnings: unknown[][] = [];
    const orig = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const first = customElements.get('disclosure-catalogue');
      class Other extends HTMLElement {
        static readonly libraryVersion = '99.0.0';
      }
      defineElement('disclosure-catalogue', Other);
      defineElement('disclosure-catalogue', Other);
      expect(customElements.get('disclosure-catalogue') === first).to.be.true;
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('already defined');
      // The same version again is silent.
      defineElement('disclosure-catalogue', first!);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = orig;
    }
  });
});

describe('styles in browsers of 2023', () => {
  it('a selector with :has() never shares its rule with others: a browser without :has() (Firefox before 121) drops the whole rule', () => {
    const sheets = { baseStyles, catalogueStyles, annualStyles, requestFormStyles };
    // The selectors of a list, split at its top-level commas.
    const split = (list: string) => {
      const out = [''];
      let depth = 0;
      for (const ch of list) {
        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
        if (ch == ',' && !depth) out.push('');
        else out[out.length - 1] += ch;
      }
      return out.map((x) => x.trim());
    };
    const mixed: string[] = [];
    const walk = (name: string, rules: CSSRuleList) => {
      for (const r of rules) {
        if (r instanceof CSSStyleRule && r.selectorText.includes(':has(')) {
          const sel = split(r.selectorText);
          if (sel.some((x) => !x.includes(':has('))) mixed.push(`${name}: ${r.selectorText}`);
        }
        if ('cssRules' in r) walk(name, (r as CSSGroupingRule).cssRules);
      }
    };
    for (const [name, css] of Object.entries(sheets)) walk(name, css.styleSheet!.cssRules);
    expect(mixed).to.deep.equal([]);
    expect(split('a:not(:has(b, c)), d')).to.deep.equal(['a:not(:has(b, c))', 'd']);
  });
});

describe('links and CSV', () => {
  it('makes links only of http(s) and relative URLs', () => {
    const base = 'https://example.gov.cn/feeds/catalogue.json';
    expect(safeHref('doc.html', base)).to.equal('https://example.gov.cn/feeds/doc.html');
    expect(safeHref('//cdn.example.com/a', base)).to.equal('https://cdn.example.com/a');
    expect(safeHref('http://a.b/c', base)).to.equal('http://a.b/c');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'mailto:a@b.c', '', null, 42]) {
      expect(safeHref(bad, base), String(bad)).to.equal(null);
    }
  });

  it('writes CSV that Excel opens as UTF-8 and that cannot inject formulas', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('-5')).to.equal('-5');
    expect(toCsv([['名称'], ['x']])).to.equal('\uFEFF名称\r\nx\r\n');
  });
});

describe('feed loading', () => {
  it('parseJson (feeds, and the intake server\'s answers) drops bidirectional controls from every string, written or escaped', () => {
    const text = '{"a":"x\u202Ey","b":["\\u2067z\\u202c",{"c":"\\u061cn\\u200F"}],"d":3,"e":"\\u2014 ok"}';
    expect(parseJson(text)).to.deep.equal({ a: 'xy', b: ['z', { c: 'n' }], d: 3, e: '\u2014 ok' });
    expect(parseJson('["only escaped: \\u202e", "\\u200e"]')).to.deep.equal(['only escaped: ', '']);
    expect(parseJson('{"plain":"测试 \\u00e9"}')).to.deep.equal({ plain: '测试 é' });
  });

  it('a timeout that is not a positive number (timeout="-1", "abc", "0") is ignored: the default applies, the feed loads', async () => {
    const src = await storeFeed(smallCatalogue());
    for (const timeout of ['-1', 'abc', '0']) {
      const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} timeout=${timeout} no-url-state></disclosure-catalogue>`);
      await el.loaded;
      await el.updateComplete;
      expect(titles(el), `timeout="${timeout}"`).to.have.length(4);
      expect(el.feedTimeout, `timeout="${timeout}"`).to.equal(undefined);
    }
  });

  it('a timeout taken back (the attribute removed, or set to "abc") gives the default back: a feed slower than the old one loads', async () => {
    const report = await (await fetch('/demo/feeds/annual/2013.json')).json();
    const elements: [string, unknown, string][] = [
      ['disclosure-catalogue', smallCatalogue(), '共找到'],
      ['annual-stats', report, '主动公开政府信息情况'],
      ['request-form', formFeed(), '下一步'],
      ['request-status', formFeed({ mode: 'print' }, 'https://example.invalid/status'), '查询码'],
    ];
    const failed: string[] = [];
    for (const [tag, feed, shown] of elements) {
      for (const after of [null, 'abc']) {
        const el = document.createElement(tag) as DisclosureElement & { loaded: Promise<void> };
        el.setAttribute('timeout', '300');
        el.setAttribute('no-url-state', '');
        el.setAttribute('no-charts', '');
        mountHtml(nothing).append(el);
        await el.updateComplete;
        if (after === null) el.removeAttribute('timeout');
        else el.setAttribute('timeout', after);
        el.setAttribute('src', await storeFeed(feed, { delay: 800 }));
        await el.loaded;
        await el.updateComplete;
        if (!shadowText(el).includes(shown)) failed.push(`${tag}, timeout ${after ?? 'removed'}: ${shadowText(el).slice(0, 60)}`);
      }
    }
    expect(failed).to.deep.equal([]);
  });

  it('tells apart not-found (also a web server’s 404 page: a missing feed), server error, HTML, invalid JSON and timeout; a byte-order mark is no error', async () => {
    const kinds: string[] = [];
    for (const [body, opts] of [
      ['x', { status: 404, type: 'text/plain' }], ['<html><title>404 Not Found</title></html>', { status: 404, type: 'text/html' }], ['x', { status: 503, type: 'text/plain' }],
      ['<html></html>', {}], ['\r\n\t <!DOCTYPE html><title>登录</title>', {}], ['{oops', {}], [{ schemaVersion: 1 }, { delay: 800 }],
      // Saved by Windows Notepad: UTF-8 with a byte-order mark (response.text() drops it).
      ['\uFEFF{"schemaVersion": 1}', {}],
    ] as const) {
      const url = await storeFeed(body, opts);
      try {
        // A short timeout only where it is the point: a busy machine can take more than 300 ms to answer the others.
        await fetchJson(url, { timeout: 'delay' in opts ? 300 : 10000 });
        kinds.push('ok');
      } catch (e) {
        kinds.push((e as FeedError).kind);
      }
    }
    expect(kinds).to.deep.equal(['notFound', 'notFound', 'server', 'html', 'html', 'invalidJson', 'timeout', 'ok']);
  });

  it('a feed that arrives in pieces, its byte-order mark and its characters cut between them, shows the text as sent; so does one from a fetch polyfill without a body stream', async () => {
    const native = window.fetch;
    const feed = { ...smallCatalogue(), title: '君山区政府信息公开目录' };
    const text = `\uFEFF${JSON.stringify(feed)}`;
    const bytes = new TextEncoder().encode(text);
    // Cut inside the byte-order mark (3 bytes in UTF-8), then inside every Chinese character of the title (3 bytes each).
    const start = new TextEncoder().encode(text.slice(0, text.indexOf('君山区'))).length;
    const cuts = [0, 1, 2, ...Array.from({ length: 11 }, (_, i) => start + 3 * i + 1 + (i % 2)), bytes.length];
    const pieces = cuts.slice(1).map((end, i) => bytes.slice(cuts[i], end));
    const show = async (src = '/pieces.json') => {
      const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
      await el.loaded;
      await el.updateComplete;
      return [shadowText(el, '[part="header"] h2'), ...titles(el), shadowText(el, '[part="error"]')].filter(Boolean);
    };
    // As the test server sends it, in one piece.
    const sent = await show(await storeFeed(text));
    expect(sent[0]).to.equal('君山区政府信息公开目录');
    expect(sent).to.have.length(5);
    try {
      window.fetch = async () => new Response(new ReadableStream<Uint8Array>({
        async pull(controller) {
          const piece = pieces.shift();
          if (!piece) return controller.close();
          await new Promise((r) => setTimeout(r, 1));
          controller.enqueue(piece);
        },
      }), { headers: { 'content-type': 'application/json' } });
      expect(await show()).to.deep.equal(sent);
      // Like an old whatwg-fetch on a CMS page: no body stream, only text() (XMLHttpRequest's text, the mark dropped).
      window.fetch = async () => ({ status: 200, ok: true, headers: new Headers({ 'content-type': 'application/json' }), text: async () => text.slice(1) }) as unknown as Response;
      expect(await show()).to.deep.equal(sent);
    } finally {
      window.fetch = native;
    }
  });

  it('a host page’s fetch polyfill that ignores the abort signal still times out, and a caller’s abort still ends the wait', async () => {
    const native = window.fetch;
    // Like an old whatwg-fetch on a CMS page: the request runs to its end whatever the signal says.
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => native(input, { ...init, signal: undefined });
    try {
      const slow = await storeFeed({ schemaVersion: 1 }, { delay: 3000 });
      let started = performance.now();
      const kind = await fetchJson(slow, { timeout: 300 }).then(() => 'ok', (e: FeedError) => e.kind);
      expect(kind).to.equal('timeout');
      expect(performance.now() - started, 'ended by the timeout, not by the answer').to.be.below(2500);
      const caller = new AbortController();
      started = performance.now();
      const pending = fetchJson(`${slow}?b`, { signal: caller.signal, timeout: 20000 }).then(() => 'ok', (e: unknown) => e);
      setTimeout(() => caller.abort(new DOMException('gone', 'AbortError')), 100);
      const reason = await pending;
      expect((reason as DOMException).message).to.equal('gone');
      expect(performance.now() - started).to.be.below(2500);
    } finally {
      window.fetch = native;
    }
  });

  it('says a dropped field was ignored (not that entries are missing) when every entry is still shown', async () => {
    const feed = smallCatalogue();
    (feed.items as Record<string, unknown>[])[0].dateCreated = '2013/03/01';
    const src = await storeFeed(feed);
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    const warning = shadowText(el, '[part="warning"]');
    expect(warning).to.contain('数据中有 1 处问题');
    expect(warning).to.not.contain('未能显示');
    expect(warning).to.contain('items[0].dateCreated');
    await expectAccessible(el);
  });

  it('shows a "still loading" message on a slow server, then the data', async () => {
    const src = await storeFeed(smallCatalogue(), { delay: 1500 });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    (el as unknown as { feed: { slowAfter: number } }).feed.slowAfter = 300;
    el.src = `${src}?again`;
    await waitUntil(() => shadowText(el, '[part="loading"]').includes('服务器响应较慢'), 'slow message');
    await expectAccessible(el);
    await el.loaded;
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
  });
});

describe('language of feed text (WCAG 3.1.2)', () => {
  // The elements' use of it (textLang, lang on feed text) is tested with each element; the shared part is here.
  /** A bare element with one feed (the test cannot call the base's protected members: the build renames them). */
  class LangProbe extends LitElement {
    static override properties = { src: {} };
    src = '';
    readonly feed = new FeedController<{ title: string }>(this, (json) => ({ ok: true, data: json as { title: string }, warnings: [] }));
    override willUpdate(changed: Map<string, unknown>) {
      if (changed.has('src')) void this.feed.load(this.src ? new URL(this.src, location.href).href : null);
    }
    protected override render() {
      return html`<div lang="en">Title: <p lang=${this.feed.lang ?? nothing}>${this.feed.data?.title}</p></div>`;
    }
  }
  customElements.define('lang-probe', LangProbe);
  const probe = async (feed: unknown) => {
    const el = await fixture<LangProbe>(html`<lang-probe src=${await storeFeed(feed)}></lang-probe>`);
    await el.feed.loaded;
    await el.updateComplete;
    return el;
  };

  it('the feed’s lang is read from its root, and the checker finds text outside its language', async () => {
    const zh = await probe({ lang: 'zh-CN', title: '政府信息公开目录' });
    expect(zh.feed.lang).to.equal('zh-CN');
    expect(misLanguaged(zh)).to.deep.equal([]);
    const unknown = await probe({ title: '政府信息公开目录' });
    expect(unknown.feed.lang).to.equal(undefined);
    expect(misLanguaged(unknown)).to.deep.equal(['en: 政府信息公开目录']);
    const english = await probe({ lang: 'zh', title: 'Catalogue' });
    expect(misLanguaged(english)).to.deep.equal(['zh: Catalogue']);
    expect(misLanguaged(english, /Catalogue/)).to.deep.equal([]);
  });

  it('a lang that is not a language tag is ignored with a warning; the feed schema’s pattern agrees', async () => {
    const pattern = new RegExp(LANG_PATTERN);
    for (const value of ['zh-CN', 'en', 'bo', 'zh-Hant-TW', 'ZH-cn', 'en-US-x-twain', 'de-1996']) {
      const el = await probe({ lang: value, title: 'x' });
      expect([el.feed.lang, pattern.test(value)], value).to.deep.equal([value, true]);
      expect(el.feed.warnings).to.deep.equal([]);
    }
    for (const value of ['', 'z', 'chinese', 'zh_CN', 'zh-', 'en" onclick="x', ' en', 'zh-CN-abcdefghi', 42, null, ['zh']]) {
      const el = await probe({ lang: value, title: 'x' });
      expect([el.feed.lang, typeof value == 'string' && pattern.test(value)], String(value)).to.deep.equal([undefined, false]);
      expect(el.feed.warnings).to.deep.equal([{ path: 'lang', message: 'must be a language tag' }]);
    }
  });
});

describe('<disclosure-catalogue>: big catalogues', () => {
  it('loads a feed split into pages (page.next), showing progress, and searches across all pages', async () => {
    const p3 = await storeFeed({ schemaVersion: 1, items: manyItems(5, 'c') });
    const p2 = await storeFeed({ schemaVersion: 1, items: manyItems(5, 'b'), page: { next: p3.split('/').pop() } });
    const first = { ...smallCatalogue(), page: { total: 14, next: p2.split('/').pop() } };
    const src = await storeFeed(first);
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => shadowText(el, '#summary') === '共找到 14 条信息', 'all pages loaded');
    const q = $(el, '#q') as HTMLInputElement;
    q.value = '第3号';
    q.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(titles(el)).to.have.members(['第3号测试信息', '第3号测试信息']);
  });

  it('a feed split into pages is announced as loaded once, with the count of every page, not of the first', async () => {
    const p2 = await storeFeed({ schemaVersion: 1, items: manyItems(5, 'b') }, { delay: 300 });
    const src = await storeFeed({ ...smallCatalogue(), page: { total: 9, next: p2.split('/').pop() } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    const said: string[] = [];
    const live = $(el, '[aria-live="polite"]');
    new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    await el.loaded;
    await waitUntil(() => said.includes('目录已加载，共 9 条信息。'), 'the whole feed announced');
    await new Promise((r) => setTimeout(r, 100));
    // (Its start is said too: 已加载 4 / 9 条….)
    expect(said.filter(Boolean)).to.deep.equal(['已加载 4 / 9 条，正在加载其余部分…', '目录已加载，共 9 条信息。']);
  });

  it('says so when a later page fails, and keeps what it has', async () => {
    const bad = await storeFeed('gone', { status: 500, type: 'text/plain' });
    const src = await storeFeed({ ...smallCatalogue(), page: { total: 10, next: bad.split('/').pop() } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => shadowText(el, '.progress').includes('部分数据未能加载'), 'partial failure message');
    expect(titles(el)).to.have.length(4);
  });

  it('remote mode asks the search endpoint for each query and shows its page', async () => {
    const remoteItems = { schemaVersion: 1, items: manyItems(3, 'r'), page: { total: 57 }, facetCounts: { genre: { tz: 41 } } };
    const endpoint = await scriptEndpoint([{ body: remoteItems }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => titles(el).length === 3, 'first remote page');
    expect(shadowText(el, '#summary')).to.contain('共找到 57 条信息');
    // The server pages the results: export and print hold the page shown, and their buttons say so.
    const tools = [...el.shadowRoot!.querySelectorAll('.toolbar button')].map((b) => b.textContent!.trim());
    expect(tools).to.deep.equal(['导出本页 CSV', '打印本页']);
    const q = $(el, '#q') as HTMLInputElement;
    q.value = '农业 通知';
    q.dispatchEvent(new Event('input'));
    let log = await requestsTo(endpoint);
    for (let i = 0; i < 100 && log.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      log = await requestsTo(endpoint);
    }
    expect(log).to.have.length(2);
    const last = new URL(log[log.length - 1].url, location.href);
    expect(last.searchParams.get('q')).to.equal('农业 通知');
    expect(last.searchParams.get('page')).to.equal('1');
    expect(last.searchParams.get('pageSize')).to.equal('20');
    expect(last.searchParams.get('sort')).to.equal('published-desc');
    // Quotes and the separators between words (，、;) reach the server as spaces, the words as typed.
    q.value = '“农业”，君政发〔2013〕5号、通知';
    q.dispatchEvent(new Event('input'));
    for (let i = 0; i < 100 && log.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 50));
      log = await requestsTo(endpoint);
    }
    expect(new URL(log[2].url, location.href).searchParams.get('q')).to.equal('农业 君政发〔2013〕5号 通知');
  });
});

describe('<disclosure-catalogue>: the query event', () => {
  it('remote mode: the event and the announcement carry the server’s new total, once the server has answered', async () => {
    const page = (n: number, total: number) => ({ schemaVersion: 1, items: manyItems(n, `r${total}-`), page: { total } });
    const endpoint = await scriptEndpoint([{ body: page(3, 500) }, { body: page(2, 7), delay: 300 }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => shadowText(el, '#summary').includes('500'), 'first remote page');
    await waitUntil(() => shadowText(el, '[aria-live="polite"]').includes('500'), 'the first page announced');
    const events: { total: number }[] = [];
    el.addEventListener('disclosure-query', (e) => events.push((e as CustomEvent).detail));
    const said: string[] = [];
    const live = $(el, '[aria-live="polite"]');
    new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    const q = $(el, '#q') as HTMLInputElement;
    q.value = '防汛';
    q.dispatchEvent(new Event('input'));
    ($(el, 'form.search') as HTMLFormElement).requestSubmit();
    await waitUntil(() => events.length > 0, 'the query event');
    await waitUntil(() => said.some((x) => x.includes('7')), 'the new count announced', 3000);
    expect(events.map((e) => e.total)).to.deep.equal([7]);
    expect(said.filter((x) => x.includes('500')), 'the old total is not announced').to.deep.equal([]);
  });

  it('remote mode: an answer to an older search that comes while the newer one waits to be sent is not shown, said or reported', async () => {
    const page = (n: number, total: number) => ({ schemaVersion: 1, items: manyItems(n, `r${total}-`), page: { total } });
    const endpoint = await scriptEndpoint([{ body: page(3, 500) }, { body: page(2, 7) }, { body: page(1, 1) }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    // The first search's answer is held back until the second search has been typed, and then comes while that one
    // waits its 300 ms (not by timing: on a busy machine the answer could come before the second search was typed).
    const realFetch = window.fetch;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let asked = 0;
    let olderRead!: Promise<unknown>;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const res = await realFetch(...args);
      if (!String(args[0]).includes(endpoint) || ++asked != 2) return res;
      await held;
      // (Read here as well: the element dropped the request when the second search was typed, so its read may fail.)
      olderRead = res.clone().text().catch(() => 'dropped');
      return res;
    };
    try {
      const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
      await el.loaded;
      await waitUntil(() => shadowText(el, '#summary').includes('500'), 'first remote page');
      await waitUntil(() => shadowText(el, '[aria-live="polite"]').includes('500'), 'the first page announced');
      const events: { query: { q: string }; total: number }[] = [];
      el.addEventListener('disclosure-query', (e) => events.push((e as CustomEvent).detail));
      const shown: string[] = [];
      new MutationObserver(() => shown.push(`${shadowText(el, '#summary')} ${shadowText(el, '[aria-live="polite"]')}`))
        .observe(el.shadowRoot!, { childList: true, characterData: true, subtree: true });
      const q = $(el, '#q') as HTMLInputElement;
      q.value = '防汛';
      q.dispatchEvent(new Event('input'));
      await waitUntil(() => asked == 2, 'the first search sent', 3000);
      q.value = '防汛抗旱';
      q.dispatchEvent(new Event('input'));
      release();
      await waitUntil(() => olderRead, 'the older answer come');
      await olderRead;
      await waitUntil(() => shadowText(el, '#summary').startsWith('共找到 1 条'), 'the newer answer', 3000);
      await waitUntil(() => events.length, 'the query event');
      expect((await requestsTo(endpoint)).map((r) => new URL(r.url, location.href).searchParams.get('q'))).to.deep.equal([null, '防汛', '防汛抗旱']);
      expect(events.map((e) => [e.query.q, e.total])).to.deep.equal([['防汛抗旱', 1]]);
      expect(shown.filter((s) => s.includes(' 7 ')), 'the older count').to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('remote mode: a new src while a typed search waits to be sent: the search is not sent, and the new feed shows as it is', async () => {
    const endpoint = await scriptEndpoint([{ body: { schemaVersion: 1, items: manyItems(3, 'r'), page: { total: 3 } } }, { body: { schemaVersion: 1, items: manyItems(2, 'old') } }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    const failures: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => {
      failures.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
      await el.loaded;
      await waitUntil(() => titles(el).length === 3, 'the first remote page');
      const q = $(el, '#q') as HTMLInputElement;
      q.value = '防汛';
      q.dispatchEvent(new Event('input'));
      // A catalogue without an endpoint, which takes longer to come than the search waits.
      el.src = await storeFeed(smallCatalogue(), { delay: 500 });
      await el.updateComplete;
      await el.loaded;
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['关于印发农业补贴办法的通知', '县教育局关于义务教育招生工作的公告', '关于做好春季农业生产工作的通知', '防汛抗旱工作会议召开']);
      expect((await requestsTo(endpoint)).length, 'the typed search was not sent').to.equal(1);
      q.value = '农业';
      q.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(titles(el)).to.have.length(2);
      expect(failures.map(String)).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('remote mode: while the server answers, the entries shown stay readable (axe contrast) and the list says it is busy', async () => {
    const page = (n: number, total: number) => ({ schemaVersion: 1, items: manyItems(n, `r${total}-`), page: { total } });
    const endpoint = await scriptEndpoint([{ body: page(3, 500) }, { body: page(2, 7), delay: 3000 }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => titles(el).length === 3, 'first remote page');
    ($(el, '#q') as HTMLInputElement).value = '防汛';
    ($(el, 'form.search') as HTMLFormElement).requestSubmit();
    await el.updateComplete;
    expect($(el, '[part="results"]').getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(el);
    el.theme = 'dark';
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('remote mode: a page past the end (an old link) shows the last page, not an empty catalogue with “items 1961–57”', async () => {
    const past = { schemaVersion: 1, items: [], page: { total: 57 } };
    const last = { schemaVersion: 1, items: manyItems(17, 'last'), page: { total: 57 } };
    const endpoint = await scriptEndpoint([{ body: past }, { body: last }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    history.replaceState(null, '', `${location.pathname}?old.page=99`);
    try {
      const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} url-key="old"></disclosure-catalogue>`);
      await el.loaded;
      await waitUntil(() => titles(el).length === 17, 'the last page');
      expect(shadowText(el, '#summary')).to.equal('共找到 57 条信息（第 41–57 条，共 57 条）');
      expect(shadowText(el, 'nav.pages')).to.contain('第 3 页，共 3 页');
      const log = await requestsTo(endpoint);
      expect(log.map((r) => new URL(r.url, location.href).searchParams.get('page'))).to.deep.equal(['99', '3']);
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('remote mode: after a failed request, Enter on the same search asks again; Retry does too, and the event follows', async () => {
    const page = { schemaVersion: 1, items: manyItems(2, 'rr'), page: { total: 9 } };
    const endpoint = await scriptEndpoint([{ body: page }, { status: 500, body: 'x', type: 'text/plain' }, { body: page }, { status: 500, body: 'x', type: 'text/plain' }, { body: page }]);
    const src = await storeFeed({ ...smallCatalogue(), search: { endpoint } });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await waitUntil(() => shadowText(el, '#summary').includes('9'), 'first page');
    const events: unknown[] = [];
    el.addEventListener('disclosure-query', (e) => events.push((e as CustomEvent).detail));
    const q = $(el, '#q') as HTMLInputElement;
    q.value = '防汛';
    ($(el, 'form.search') as HTMLFormElement).requestSubmit();
    await waitUntil(() => (el.shadowRoot!.textContent ?? '').includes('重试') || (el.shadowRoot!.textContent ?? '').includes('重新'), 'the failure');
    ($(el, 'form.search') as HTMLFormElement).requestSubmit(); // same text again
    await waitUntil(() => events.length === 1, 'answered, with its event');
    expect((await requestsTo(endpoint)).length).to.equal(3);
  });

  it('the same search again (typed, then Enter) is one event, not two', async () => {
    const src = await storeFeed(smallCatalogue());
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    const events: unknown[] = [];
    el.addEventListener('disclosure-query', (e) => events.push((e as CustomEvent).detail));
    const q = $(el, '#q') as HTMLInputElement;
    q.value = '农业';
    q.dispatchEvent(new Event('input'));
    ($(el, 'form.search') as HTMLFormElement).requestSubmit();
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(titles(el)).to.have.length(2);
  });
});

describe('<disclosure-catalogue>: themes and keyboard', () => {
  it('large-text mode enlarges text and targets; dark mode passes axe contrast', async () => {
    const src = await storeFeed(smallCatalogue());
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const size = () => parseFloat(getComputedStyle($(el, '.item h3')).fontSize);
    const normal = size();
    el.largeText = true;
    await el.updateComplete;
    expect(size()).to.be.closeTo(normal * 1.25, 0.5);
    expect($(el, '.root').classList.contains('large')).to.be.true;
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle($(el, '.root')).backgroundColor).to.equal('rgb(22, 24, 27)');
    // Native controls (the facet checkboxes) are drawn dark too, not white boxes on the dark page.
    expect(getComputedStyle($(el, 'fieldset.facet input')).colorScheme).to.equal('dark');
    await expectAccessible(el);
  });

  it('low vision (WCAG 1.4.11, 1.4.12, 2.5.8): field borders 3:1, the reader’s text spacing reaches the text, 24px tree toggles', async () => {
    const src = await storeFeed(smallCatalogue());
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state
      style="letter-spacing: 0.12em; word-spacing: 0.16em"></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const lum = (c: string) => {
      const [r, g, b] = c.match(/\d+/g)!.slice(0, 3).map((x) => Number(x) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    for (const theme of ['light', 'dark'] as const) {
      el.theme = theme;
      await el.updateComplete;
      const bg = getComputedStyle($(el, '.root')).backgroundColor;
      expect(ratio(getComputedStyle($(el, '#q')).borderTopColor, bg), `${theme} search box border`).to.be.at.least(3);
    }
    const h3 = getComputedStyle($(el, '.item h3'));
    expect(parseFloat(h3.letterSpacing), 'letter spacing from the host').to.be.greaterThan(1);
    expect(parseFloat(h3.wordSpacing), 'word spacing from the host').to.be.greaterThan(1);
    const twisty = $(el, '[role="treeitem"] .twisty').getBoundingClientRect();
    expect(twisty.width).to.be.at.least(24);
  });

  it('text spacing (WCAG 1.4.12): the host\'s word and letter spacing reach the buttons, fields and lists too', async () => {
    const src = await storeFeed(smallCatalogue());
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state
      style="letter-spacing: 0.12em; word-spacing: 0.16em"></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    for (const sel of ['button[type="submit"]', '#q', 'select']) {
      const style = getComputedStyle($(el, sel));
      expect(parseFloat(style.wordSpacing), `word spacing of ${sel}`).to.be.closeTo(parseFloat(style.fontSize) * 0.16, 0.5);
      expect(parseFloat(style.letterSpacing), `letter spacing of ${sel}`).to.be.closeTo(parseFloat(style.fontSize) * 0.12, 0.5);
    }
  });

  it('--de-radius: 0 squares everything, the filter chips included', async () => {
    const src = await storeFeed(smallCatalogue());
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state style="--de-radius: 0"></disclosure-catalogue>`);
    await el.loaded;
    const q = $(el, '#q') as HTMLInputElement;
    q.value = '农业';
    q.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const chips = [...el.shadowRoot!.querySelectorAll('.chips .btn')];
    expect(chips.length).to.be.greaterThan(0);
    for (const b of chips) expect(getComputedStyle(b).borderTopLeftRadius).to.equal('0px');
  });

  it('theme="auto" follows the system colour scheme, also when it changes', async () => {
    const src = await storeFeed(smallCatalogue());
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state theme="auto"></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const bg = () => getComputedStyle($(el, '.root')).backgroundColor;
    // Through the media-features command, which brings this page to the front first: a page in the background (two
    // test files run at once) runs no rendering steps, so its matchMedia listeners would not hear of the change.
    try {
      await executeServerCommand('media-features', { 'prefers-color-scheme': 'light' });
      await waitUntil(() => bg() === 'rgb(255, 255, 255)', 'light');
      await executeServerCommand('media-features', { 'prefers-color-scheme': 'dark' });
      await waitUntil(() => bg() === 'rgb(22, 24, 27)', 'dark after the system changed');
      await expectAccessible(el);
    } finally {
      await executeServerCommand('media-features', {});
    }
  });

  it('can be used by keyboard alone: search, filter, open details, page', async () => {
    const src = await storeFeed({ ...smallCatalogue(), items: [...(smallCatalogue().items as unknown[]), ...manyItems(30)] });
    const el = await fixture<DisclosureCatalogue>(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`);
    await el.loaded;
    await el.updateComplete;
    const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
    // Tab into the element: the first stop is the search box (above the filters, so a keyboard user does not tab
    // through every facet to reach it), then its button, the link past the filters, the category tree, then the facet
    // checkboxes.
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(active()?.id).to.equal('q');
    await sendKeys({ press: 'Tab' });
    expect(active()?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Tab' });
    expect(active()?.classList.contains('skip')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active()?.getAttribute('role')).to.equal('treeitem');
    await sendKeys({ press: 'Tab' });
    expect((active() as HTMLInputElement).type).to.equal('checkbox');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(titles(el).length).to.be.greaterThan(0);
    expect(shadowText(el, '.chips')).to.contain('主题分类');
    // Go to the search box and type.
    ($(el, '#q') as HTMLInputElement).focus();
    await sendKeys({ type: '农业' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['关于印发农业补贴办法的通知', '关于做好春季农业生产工作的通知']);
    // Tab on to the first entry's details button and open it with Enter.
    let guard = 0;
    while (!active()?.matches('.actions button') && guard++ < 30) await sendKeys({ press: 'Tab' });
    expect(active()?.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active()?.getAttribute('aria-expanded')).to.equal('true');
    before.remove();
  });
});
