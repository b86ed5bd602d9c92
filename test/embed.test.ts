// The embed forms that survive CMS editors (src/embed.ts): data-disclosure containers, the one-tag script form, and
// what a default DOMPurify sanitizer leaves of each form.
import { expect } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import '../src/index.js';
import {
  createFromData, embedFromScript, scriptsFor, startEmbedding, tagFor, upgradeAll, upgradeContainer, watchAdded,
} from '../src/embed.js';
import { storeFeed, uniqueName } from './helpers.js';
import type { DisclosureCatalogue } from '../src/catalogue.js';

const feed = {
  schemaVersion: 1,
  publisher: { name: '测试机关' },
  categories: [{ id: 'a', label: '政务信息', parentId: null }],
  items: Array.from({ length: 60 }, (_, i) => ({ id: `i${i}`, title: `通知 ${i}`, categoryIds: ['a'] })),
};

/** Resolves when `check` is truthy (polled with timers), else rejects after `timeout` ms. */
async function until<T>(check: () => T | null | undefined | false, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Captures console.warn while `fn` runs. */
async function captureWarnings(fn: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

const fixtures: Element[] = [];
function mount(html: string): HTMLElement {
  const host = document.createElement('section');
  host.innerHTML = html;
  document.body.append(host);
  fixtures.push(host);
  return host;
}
afterEach(() => fixtures.splice(0).forEach((f) => f.remove()));

let stop: () => void = () => {};
before(() => {
  stop = startEmbedding(null);
});
after(() => stop());

describe('data-disclosure containers', () => {
  it('creates the element inside the div, copying data-* attributes without the prefix', () => {
    const host = mount('<div data-disclosure="catalogue" data-src="c.json" data-lang="en" data-page-size="50" data-no-url-state="" class="box"></div>');
    const div = host.querySelector('div')!;
    upgradeAll(host);
    const el = div.firstElementChild!;
    expect(el.localName).to.equal('disclosure-catalogue');
    expect(div.children.length).to.equal(1);
    expect(el.getAttribute('src')).to.equal('c.json');
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('page-size')).to.equal('50');
    expect(el.hasAttribute('no-url-state')).to.be.true;
    expect(el.hasAttribute('disclosure')).to.be.false;
    expect(el.hasAttribute('class')).to.be.false;
    expect(div.getAttribute('class')).to.equal('box', 'the div stays as the container');
    expect((el as DisclosureCatalogue).pageSize).to.equal(50, 'the defined element took the attribute');
  });

  it('maps every value (and the full tag names) to its element', () => {
    for (const [value, tag] of [['catalogue', 'disclosure-catalogue'], ['annual-stats', 'annual-stats'],
      ['request-form', 'request-form'], ['request-status', 'request-status'], ['disclosure-catalogue', 'disclosure-catalogue'],
      [' Annual-Stats ', 'annual-stats']]) {
      expect(tagFor(value)).to.equal(tag);
    }
  });

  it('wraps the element in a provider for data-feed-base and data-agency', () => {
    const host = mount('<div data-disclosure="annual-stats" data-feed-base="/feeds/" data-agency="某区人民政府" data-src="annual/index.json" data-year="2022"></div>');
    upgradeAll(host);
    const provider = host.querySelector('div > disclosure-provider')!;
    expect(provider).to.exist;
    expect(provider.getAttribute('feed-base')).to.equal('/feeds/');
    expect(provider.getAttribute('agency')).to.equal('某区人民政府');
    const el = provider.firstElementChild!;
    expect(el.localName).to.equal('annual-stats');
    expect(el.getAttribute('src')).to.equal('annual/index.json');
    expect(el.getAttribute('year')).to.equal('2022');
    expect(el.hasAttribute('feed-base')).to.be.false;
  });

  it('data-feed-lang goes to the provider too: an English container on a Chinese feed that does not say so marks the feed text zh-CN', async () => {
    // README <disclosure-provider>: "an English page on Chinese feeds from a CMS you cannot change says lang="en"
    // feed-lang="zh-CN"" — the container form is how such a CMS page embeds the element.
    const url = await storeFeed(feed);
    const host = mount(`<div data-disclosure="catalogue" data-src="${url}" data-lang="en" data-feed-lang="zh-CN" data-no-url-state></div>`);
    const warnings = await captureWarnings(() => upgradeAll(host));
    expect(warnings).to.deep.equal([]);
    const el = host.querySelector<DisclosureCatalogue>('disclosure-catalogue')!;
    await el.loaded;
    await el.updateComplete;
    const title = await until(() => el.shadowRoot!.querySelector('[part~="item"] h3 > span'));
    expect(title.textContent).to.contain('通知');
    expect(title.closest('[lang]')!.getAttribute('lang')).to.equal('zh-CN', 'the Chinese title is read with a Chinese voice');
  });

  it('leaves containers inside an editor’s editable area alone (an iframe-less editor, the site script on the page)', async () => {
    // TinyMCE inline mode, front-end editing: replacing the fallback there would save the custom tag into the article
    // (where the sanitizer drops it, and the fallback link with it).
    const html = '<div data-disclosure="catalogue" data-src="x.json"><a href="/list.html">目录</a></div>';
    const editor = mount(`<div contenteditable="true">${html}</div>`);
    expect(upgradeAll(editor)).to.deep.equal([]);
    const added = document.createElement('div');
    added.innerHTML = html;
    editor.firstElementChild!.append(added); // typed or pasted in: the observer sees it
    await new Promise((r) => setTimeout(r, 20));
    expect(editor.querySelectorAll('disclosure-catalogue').length).to.equal(0);
    expect(editor.firstElementChild!.innerHTML).to.equal(`${html}<div>${html}</div>`);
    // The published page (no longer editable) gets its elements.
    editor.firstElementChild!.removeAttribute('contenteditable');
    expect(upgradeAll(editor).length).to.equal(2);
  });

  it('takes any element as the container (UEditor turns a div into a p)', () => {
    const host = mount('<p data-disclosure="request-form" data-src="f.json">申请</p>');
    upgradeAll(host);
    expect(host.querySelector('p > request-form')!.getAttribute('src')).to.equal('f.json');
  });

  it('replaces the fallback content of the container', () => {
    const host = mount('<div data-disclosure="request-status" data-src="f.json"><a href="/old-status.html">查询申请</a></div>');
    upgradeAll(host);
    const div = host.querySelector('div')!;
    expect(div.children.length).to.equal(1);
    expect(div.firstElementChild!.localName).to.equal('request-status');
  });

  it('upgrades a container present at load (startEmbedding scans the document)', () => {
    const div = document.createElement('div');
    div.setAttribute('data-disclosure', 'request-form');
    div.setAttribute('data-src', 'f.json');
    // Attached while nobody watches, then a fresh start finds it.
    stop();
    document.body.append(div);
    fixtures.push(div);
    stop = startEmbedding(null);
    expect(div.firstElementChild?.localName).to.equal('request-form');
  });

  it('upgrades containers added later, also inside added subtrees, and renders the feed', async () => {
    const src = await storeFeed(feed);
    const host = mount('');
    host.innerHTML = `<div id="a" data-disclosure="catalogue" data-src="${src}" data-no-url-state data-page-size="50"></div>`;
    const nested = document.createElement('article');
    nested.innerHTML = `<p>正文</p><div><div id="b" data-disclosure="catalogue" data-src="${src}" data-no-url-state></div></div>`;
    host.append(nested);
    const a = await until(() => host.querySelector<DisclosureCatalogue>('#a > disclosure-catalogue'));
    const b = await until(() => host.querySelector<DisclosureCatalogue>('#b > disclosure-catalogue'));
    await a.loaded;
    await b.loaded;
    await a.updateComplete;
    await b.updateComplete;
    expect(a.shadowRoot!.querySelectorAll('li.item').length).to.equal(50);
    expect(b.shadowRoot!.querySelectorAll('li.item').length).to.equal(20);
  });

  it('upgrades a container only once, even when it is moved, re-added or scanned again', async () => {
    const host = mount('<div data-disclosure="catalogue" data-src="x.json"></div>');
    const div = host.querySelector('div')!;
    const first = upgradeContainer(div);
    expect(upgradeContainer(div)).to.equal(first);
    expect(upgradeAll(host)).to.deep.equal([]);
    const other = mount('');
    other.append(div); // moved: the observer sees it added again
    await new Promise((r) => setTimeout(r, 20));
    expect(div.querySelectorAll('disclosure-catalogue').length).to.equal(1);
    expect(div.firstElementChild).to.equal(first);
  });

  it('ignores an unknown data-disclosure value with one console warning', async () => {
    const value = uniqueName('nonsense');
    const warnings = await captureWarnings(async () => {
      const host = mount(`<div data-disclosure="${value}"></div><div data-disclosure="${value}"></div>`);
      upgradeAll(host);
      mount(`<div data-disclosure="${value}">keep me</div>`);
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(warnings.filter((w) => w.includes(value)).length).to.equal(1);
    const divs = Array.from(document.querySelectorAll(`[data-disclosure="${value}"]`));
    expect(divs.length).to.equal(3);
    for (const d of divs) expect(d.children.length).to.equal(0);
    expect(divs[2].textContent).to.equal('keep me', 'an unknown container is left as it is');
  });

  it('copies only the elements’ own attributes: data-onfocus, data-autofocus, data-style … stay inert (stored XSS otherwise)', async () => {
    const w = window as unknown as { pwned?: number };
    delete w.pwned;
    const warnings = await captureWarnings(async () => {
      const host = mount(`<div data-disclosure="catalogue" data-src="c.json" data-no-url-state data-id="cat-x"
        data-onfocus="window.pwned=1" data-onmouseover="window.pwned=2" data-autofocus data-tabindex="0"
        data-style="position:fixed;inset:0" data-is="x-y"></div>`);
      upgradeAll(host);
      const el = host.querySelector('disclosure-catalogue')!;
      expect(el.getAttributeNames().sort()).to.deep.equal(['id', 'no-url-state', 'src'].concat(el.hasAttribute('theme') ? ['theme'] : []).sort());
      (el as HTMLElement).focus();
      el.dispatchEvent(new MouseEvent('mouseover'));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(w.pwned).to.equal(undefined);
    expect(warnings.some((x) => x.includes('data-onfocus ignored'))).to.equal(true);
  });

  it('a container named after an Object property (data-disclosure="constructor") is unknown, and the others still upgrade', () => {
    const host = mount('<div data-disclosure="constructor"></div><div data-disclosure="__proto__"></div><div data-disclosure="catalogue" data-src="c.json"></div>');
    upgradeAll(host);
    expect(host.querySelectorAll('disclosure-catalogue').length).to.equal(1);
    expect(tagFor('toString')).to.equal(null);
  });

  it('leaves script tags to the one-tag form', () => {
    const host = mount('');
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.setAttribute('data-disclosure', 'catalogue');
    host.append(s);
    upgradeAll(host);
    expect(s.nextElementSibling).to.equal(null);
  });

  it('stops watching when the last listener is removed, and starts again', async () => {
    const seen: Element[] = [];
    stop();
    const unwatch = watchAdded((el) => seen.push(el));
    const host = mount('<div data-disclosure="catalogue"></div>');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).to.include(host);
    expect(host.querySelector('disclosure-catalogue'), 'no upgrade listener while stopped').to.equal(null);
    unwatch();
    const host2 = mount('');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).not.to.include(host2);
    stop = startEmbedding(null);
    expect(host.querySelector('disclosure-catalogue'), 'the start scan catches up').to.exist;
  });
});

describe('the one-tag script form', () => {
  const fakeScript = (attrs: Record<string, string>) => {
    const s = document.createElement('script');
    s.type = 'text/plain'; // never runs; stands in for document.currentScript
    for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
    return s;
  };

  it('inserts the element right after the script tag', async () => {
    const src = await storeFeed(feed);
    const host = mount('<p>before</p><p>after</p>');
    const s = fakeScript({ src: '/dist/disclosure-elements.js', 'data-disclosure': 'catalogue', 'data-src': src, 'data-no-url-state': '' });
    host.firstElementChild!.after(s);
    const el = embedFromScript(s) as DisclosureCatalogue;
    expect(s.nextElementSibling).to.equal(el);
    expect(el.localName).to.equal('disclosure-catalogue');
    expect(el.getAttribute('src')).to.equal(src);
    expect(el.hasAttribute('src') && !el.hasAttribute('disclosure')).to.be.true;
    await el.loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('li.item').length).to.equal(20);
  });

  it('each script tag counts once: two tags for the same file give two elements', () => {
    const host = mount('');
    const s1 = fakeScript({ src: '/x/disclosure-elements.js', 'data-disclosure': 'catalogue', 'data-src': 'a.json' });
    const s2 = fakeScript({ src: '/x/disclosure-elements.js', 'data-disclosure': 'request-status', 'data-src': 'b.json' });
    host.append(s1, s2);
    const e1 = embedFromScript(s1);
    const e2 = embedFromScript(s2);
    expect(embedFromScript(s1)).to.equal(e1, 'never twice for the same tag');
    expect(host.querySelectorAll('disclosure-catalogue, request-status').length).to.equal(2);
    expect(s1.nextElementSibling).to.equal(e1);
    expect(s2.nextElementSibling).to.equal(e2);
    expect(e2!.getAttribute('src')).to.equal('b.json');
  });

  it('wraps in a provider, and does nothing for a plain script tag', () => {
    const host = mount('');
    const s = fakeScript({ src: '/x.js', 'data-disclosure': 'catalogue', 'data-feed-base': '/feeds/', 'data-src': 'c.json' });
    const plain = fakeScript({ src: '/x.js' });
    host.append(s, plain);
    embedFromScript(s);
    expect(s.nextElementSibling!.localName).to.equal('disclosure-provider');
    expect(s.nextElementSibling!.firstElementChild!.getAttribute('src')).to.equal('c.json');
    expect(embedFromScript(plain)).to.equal(null);
    expect(embedFromScript(null)).to.equal(null);
  });

  it('startEmbedding handles the script it is given; scriptsFor finds module tags of one URL', () => {
    const host = mount('');
    const s = fakeScript({ src: '/m/disclosure-elements.esm.js', 'data-disclosure': 'catalogue' });
    const other = fakeScript({ src: '/m/other.js', 'data-disclosure': 'catalogue' });
    host.append(s, other);
    expect(scriptsFor(new URL('/m/disclosure-elements.esm.js', location.href).href)).to.deep.equal([s]);
    const again = startEmbedding(s);
    again(); // stopping this caller leaves the suite's own watcher running (checked by the DOMPurify test below)
    expect(s.nextElementSibling!.localName).to.equal('disclosure-catalogue');
    expect(scriptsFor(new URL('/m/disclosure-elements.esm.js', location.href).href)).to.deep.equal([]);
  });

  it('createFromData ignores a bare data- attribute', () => {
    const s = fakeScript({ 'data-disclosure': 'catalogue', 'data-': 'x', 'data-heading': '目录' });
    const made = createFromData(s)!;
    expect(made.element.getAttribute('heading')).to.equal('目录');
    expect(made.element.attributes.length).to.equal(1);
  });
});

describe('through DOMPurify with its default configuration', () => {
  const snippet = (src: string) =>
    `<p>本机关政府信息公开目录：</p>
     <div data-disclosure="catalogue" data-src="${src}" data-page-size="50" data-no-url-state="" data-lang="en"></div>
     <disclosure-catalogue src="${src}" page-size="50" no-url-state></disclosure-catalogue>
     <script src="/dist/disclosure-elements.js" data-disclosure="catalogue" data-src="${src}"></script>`;

  it('keeps the data-disclosure div (which then renders) and drops the custom tag and the script', async () => {
    const src = await storeFeed(feed);
    const clean = DOMPurify.sanitize(snippet(src));
    expect(clean).to.include('data-disclosure="catalogue"');
    expect(clean).to.include('data-page-size="50"');
    expect(clean).not.to.include('<disclosure-catalogue', 'the raw tag form does not survive');
    expect(clean).not.to.include('<script', 'the one-tag script form does not survive');
    const host = mount(clean);
    const el = await until(() => host.querySelector<DisclosureCatalogue>('div > disclosure-catalogue'));
    expect(host.querySelectorAll('disclosure-catalogue').length).to.equal(1);
    await el.loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('li.item').length).to.equal(50);
    expect(el.shadowRoot!.querySelector('form.search label')!.textContent!.trim()).to.equal('Search');
  });
});
