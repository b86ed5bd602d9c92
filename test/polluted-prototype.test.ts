// A host page whose Object.prototype has enumerable values on it: an old plugin's prototype-pollution bug (jQuery's
// deep `$.extend(true, …)` before 3.4, a query-string parser reading `?__proto__[title]=…`, an analytics snippet).
// Every plain object then "has" those keys: a feed object without `title` reads the page's, `'help' in field` is true,
// `for…in` walks them. The reader must see what a clean page shows.
import { expect } from '@open-wc/testing';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { FEED_SHAPES, type Shape } from '../src/schema/shapes.js';
import { requestsTo, scriptEndpoint, storeFeed, waitUntil } from './helpers.js';
import { answerToReview, fill, formFeed, RECEIPT } from './request-fixtures.js';

/** In every polluted text: none may reach the reader. */
const MARK = 'POLLUTED';
/** A value for a key of the type the feeds give it: text, a count, a flag, a list, an object. */
function valueFor(key: string, shape: Shape | undefined): unknown {
  const type = shape && 'type' in shape ? shape.type : 'string';
  return type === 'integer' || type === 'number' ? 7
    : type === 'boolean' ? true
      : type === 'array' ? [`${MARK}-${key}`]
        : type === 'object' ? { [MARK]: `${MARK}-${key}` }
          : `${MARK}-${key}`;
}

/** Every key any feed has (its schema's property names), each with a value of its type, and others pages leave there. */
function pollution(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (s: Shape | undefined, defs: Record<string, Shape>, seen: Set<Shape>): void => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    if ('ref' in s) return walk(defs[s.ref], defs, seen);
    if ('anyOf' in s) return s.anyOf.forEach((x) => walk(x, defs, seen));
    if (s.type === 'array') return walk(s.items, defs, seen);
    if (s.type === 'object') {
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (!(k in out)) out[k] = valueFor(k, 'ref' in v ? defs[v.ref] : v);
        walk(v, defs, seen);
      }
      walk(s.values, defs, seen);
    }
  };
  for (const f of FEED_SHAPES) walk(f.root, f.defs, new Set());
  // Not a property descriptor's keys (an option's and a custom figure's `value`): with one of those inherited, every
  // `Object.defineProperty(o, k, { get, set })` on the page throws, the page's own libraries' (Vue 2's reactivity),
  // Lit's property accessors and chart.js's defaults alike (its chunk fails as it loads). No element survives that.
  for (const k of ['value', 'writable', 'get', 'set']) delete out[k];
  // Not feed fields, but read from plain objects: URL state, answers, drafts, receipts, options.
  Object.assign(out, {
    q: `${MARK}-q`, page: '3', year: '2013', sort: `${MARK}-sort`, step: '2', code: `${MARK}-code`,
    hidden: true, disabled: true, checked: true, href: 'http://evil.example/', src: 'http://evil.example/feed.json',
    // `then` and `toJSON` as a query-string parser or `$.extend` leaves them: text. A callable `then` makes every
    // object a thenable, and the browser's own fetch() never settles (it resolves with a Response, whose `then` it
    // calls): no script on such a page loads anything. A callable toJSON changes every JSON.stringify of the page, this
    // test runner's messages too. Functions as old libraries added them: `each`, `extend`.
    then: `${MARK}-then`, toJSON: `${MARK}-toJSON`, each(fn: (x: unknown) => void) { fn(this); },
    extend(o: object) { return Object.assign(this, o); },
    // Options that fetch() and Intl read from the prototype too (a submit's `mode`, a report's `year` and `unit`, a
    // form's `timeZone` and `calendar` are feed keys already): a GET with a body throws, Intl refuses an unknown unit.
    method: 'POST', body: `${MARK}-body`, credentials: 'include', cache: 'force-cache', redirect: 'error', referrer: 'about:client',
    referrerPolicy: 'no-referrer', integrity: 'sha256-x', keepalive: true, priority: 'low', style: 'currency', currency: 'XYZ',
    month: 'long', day: '2-digit', hour12: true, notation: 'compact', signDisplay: 'always',
    // The locales' names (the strings loaded), a module's default, an error's words.
    default: `${MARK}-default`, zh: `${MARK}-zh`, 'zh-CN': `${MARK}-zh-CN`, en: `${MARK}-en`, message: `${MARK}-message`, error: `${MARK}-error`, detail: `${MARK}-detail`,
  });
  return out;
}

/** Array.prototype's as old libraries extend it (Prototype.js, MooTools, home-grown helpers), and a polluted text. */
const ARRAY_POLLUTION: Record<string, unknown> = {
  each(fn: (x: unknown, i: number) => void) { (this as unknown as unknown[]).forEach(fn); },
  remove() { return this; }, contains(x: unknown) { return (this as unknown as unknown[]).includes(x); },
  first() { return (this as unknown as unknown[])[0]; }, title: `${MARK}-array-title`, label: `${MARK}-array-label`,
};

/**
 * Puts the values on Object.prototype and ARRAY_POLLUTION on Array.prototype (enumerable, as `Object.prototype.x = …`
 * does); returns what removes them.
 */
function pollute(values: Record<string, unknown>): () => void {
  const put = (proto: object, v: Record<string, unknown>) => {
    for (const k of Object.keys(v)) (proto as Record<string, unknown>)[k] = v[k];
    return () => Object.keys(v).forEach((k) => delete (proto as Record<string, unknown>)[k]);
  };
  const undo = [put(Object.prototype, values), put(Array.prototype, ARRAY_POLLUTION)];
  return () => undo.forEach((f) => f());
}

/**
 * What a reader gets from an element: its shadow tree (nested elements' too) as text, with the attributes and the
 * form controls' values; generated ids numbered in order of appearance (another instance has other ones).
 */
function snapshot(host: Element): string {
  const ids = new Map<string, string>();
  const id = (v: string) => v.split(/\s+/).map((x) => (ids.has(x) ? ids.get(x) : (ids.set(x, `#${ids.size}`), ids.get(x)))).join(' ');
  const out: string[] = [];
  const walk = (node: Node, depth: number): void => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        const t = n.textContent!.replace(/\s+/g, ' ').trim();
        if (t) out.push(`${' '.repeat(depth)}"${t}"`);
      } else if (n instanceof Element) {
        const attrs = [...n.attributes].map((a) => {
          const v = /^(id|for|name|aria-(describedby|labelledby|controls|owns|activedescendant|errormessage)|list|form|headers)$/.test(a.name)
            ? id(a.value) : a.name === 'href' || a.name === 'src' ? a.value.replace(/\?p=1\b/, '') : a.value;
          return `${a.name}=${JSON.stringify(v)}`;
        });
        if (n instanceof HTMLInputElement || n instanceof HTMLSelectElement || n instanceof HTMLTextAreaElement) {
          attrs.push(`.value=${JSON.stringify(n.value)}`);
          if (n instanceof HTMLInputElement) attrs.push(`.checked=${n.checked}`);
        }
        out.push(`${' '.repeat(depth)}<${n.localName} ${attrs.join(' ')}>`);
        if (n.shadowRoot) walk(n.shadowRoot, depth + 1);
        walk(n instanceof HTMLTemplateElement ? n.content : n, depth + 1);
      }
    }
  };
  walk(host.shadowRoot!, 0);
  return out.join('\n');
}

type Loaded = HTMLElement & { loaded: Promise<void>; updateComplete: Promise<boolean> };

/** One thing a reader does: the element, its attributes (`src` a feed), what it shows once loaded, what they do then. */
interface Case {
  name: string;
  tag: string;
  attrs: Record<string, string> | (() => Promise<Record<string, string>>);
  settled: (el: Loaded) => boolean;
  /** Before it is in the page (with its feed's absolute URL): a draft kept in the tab, the page's address. */
  before?: (url: string) => void;
  /** What the reader does; what it returns (what was sent over the network) is part of what the page shows. */
  act?: (el: Loaded) => Promise<void | string>;
  /** The draft the form keeps in the tab is part of what it shows (restored after a reload). */
  draft?: boolean;
}

const DRAFT = 'disclosure-elements:request-draft:';

/** Mounts the case, waits for its feed and for it to settle, does what the reader does; the snapshot and the errors. */
async function show(c: Case, polluted: boolean): Promise<{ text: string; errors: string[] }> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String('reason' in e ? e.reason : e.message));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  const attrs = { ...(typeof c.attrs == 'function' ? await c.attrs() : c.attrs) };
  // Another address: a feed parsed on the clean page is not reused.
  if (polluted) attrs.src += '?p=1';
  const url = new URL(attrs.src, location.href).href;
  sessionStorage.clear();
  localStorage.clear();
  const search = location.search;
  history.replaceState(history.state, '', location.pathname);
  c.before?.(url);
  const el = document.createElement(c.tag) as Loaded;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const restore = polluted ? pollute(pollution()) : () => {};
  try {
    document.body.append(el);
    await waitUntil(() => el.shadowRoot && c.settled(el), `${c.tag} ${attrs.src} shown`, 10000);
    const sent = await c.act?.(el);
    // Later renders (a second feed, the locale, a draft saved 0.4 s after the last answer) settle.
    for (let i = 0; i < 8; i++) {
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 80));
    }
    let text = snapshot(el);
    // (The application's key is new each time: a random UUID.)
    if (c.draft) text += `\ndraft: ${sessionStorage.getItem(DRAFT + url)?.replace(/"[\da-f]{8}-[\da-f-]{27}"/, 'a UUID')}`;
    text += `\naddress: ${location.search}`;
    if (sent) text += `\nsent: ${sent}`;
    return { text, errors };
  } finally {
    restore();
    el.remove();
    history.replaceState(history.state, '', location.pathname + search);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  }
}

/** The scripted intake endpoint of the case being shown (each run has its own). */
let endpoint = '';
/** What the form sent to `endpoint`: method, the headers it chose, the body (its key, new each time, as "a UUID"). */
const sentTo = async () => JSON.stringify((await requestsTo(endpoint)).map((r) => [r.method, r.headers['content-type'],
  r.headers['idempotency-key']?.replace(/^[\da-f]{8}-[\da-f-]{27}$/, 'a UUID'), r.headers['accept-language'], r.body.replace(/[\da-f]{8}-[\da-f-]{27}/g, 'a UUID')])).replace(/WebKitFormBoundary\w+/g, 'BOUNDARY');
const submitted = (el: Loaded) => waitUntil(() => el.shadowRoot!.querySelector('[part="receipt"]'), 'the receipt', 8000);
const has = (sel: string) => (el: Loaded) => !!el.shadowRoot!.querySelector(sel);
const q = (el: Loaded, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
const type = async (el: Loaded, sel: string, text: string) => {
  const input = q(el, sel) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await new Promise((r) => setTimeout(r, 400));
  await el.updateComplete;
};
// (no-charts: chart.js reads what its own option objects lack from Object.prototype too, and stops with "resolver is not
// a function"; the element then shows each chart's data table instead, which the reader gets in full either way.)
const CASES: Case[] = [
  { name: 'the catalogue', tag: 'disclosure-catalogue', attrs: { src: '/demo/feeds/catalogue.json', 'no-url-state': '' }, settled: has('li.item') },
  { name: 'the catalogue in English', tag: 'disclosure-catalogue', attrs: { src: '/demo/feeds/catalogue.json', lang: 'en', 'no-url-state': '' }, settled: has('li.item') },
  {
    name: 'the catalogue, searched, an entry’s details opened, its state in the address', tag: 'disclosure-catalogue',
    attrs: { src: '/demo/feeds/catalogue.json', id: 'cat' }, settled: has('li.item'),
    act: async (el) => {
      await type(el, '#q', '通知');
      q(el, 'li.item .actions button').click();
      await el.updateComplete;
    },
  },
  {
    name: 'the catalogue opened from an address with its state', tag: 'disclosure-catalogue', attrs: { src: '/demo/feeds/catalogue.json', id: 'cat' },
    settled: has('li.item'), before: () => history.replaceState(history.state, '', '?cat.q=%E9%98%B2%E6%B1%9B'),
  },
  { name: 'the annual reports', tag: 'annual-stats', attrs: { src: '/demo/feeds/annual/index.json', 'no-url-state': '', 'no-charts': '' }, settled: has('table') },
  { name: 'the annual reports from their address', tag: 'annual-stats', attrs: { src: '/demo/feeds/annual/index.json', id: 'ar', 'no-charts': '' }, settled: has('table') },
  { name: 'the annual report of 2013', tag: 'annual-stats', attrs: { src: '/demo/feeds/annual/index.json', year: '2013', 'no-url-state': '', 'no-charts': '' }, settled: has('table') },
  { name: 'an annual report in English', tag: 'annual-stats', attrs: { src: '/demo/feeds/annual/2020.json', lang: 'en', 'no-url-state': '', 'no-charts': '' }, settled: has('table') },
  { name: 'a hostile annual report', tag: 'annual-stats', attrs: { src: '/demo/feeds/annual/hostile.json', 'no-url-state': '' }, settled: has('table, [role=alert]') },
  { name: 'the request form', tag: 'request-form', attrs: { src: '/demo/feeds/request-form.json' }, settled: has('input') },
  { name: 'the US FOIA form', tag: 'request-form', attrs: { src: '/demo/feeds/request-form-us-foia.json' }, settled: has('input') },
  { name: 'the form printed on paper', tag: 'request-form', attrs: { src: '/demo/feeds/request-form-print.json' }, settled: has('input, button') },
  {
    name: 'a form answered to its review, a file chosen, the draft kept', tag: 'request-form', attrs: async () => ({ src: await storeFeed(formFeed()) }),
    settled: has('input'), draft: true,
    act: async (el) => {
      await fill(el, { applicantType: 'naturalPerson' });
      await answerToReview(el, [new File(['%PDF'], '身份证.pdf', { type: 'application/pdf' })]);
    },
  },
  {
    name: 'a form whose draft is restored (answers, a file to choose again; no key, errors or refusal kept)', tag: 'request-form',
    attrs: async () => ({ src: await storeFeed(formFeed()) }), settled: has('input'), draft: true,
    before: (url) => sessionStorage.setItem(DRAFT + url, JSON.stringify({ v: { applicantType: 'naturalPerson', name: '张三', mobile: '13812345678' }, step: 1, files: { idProof: ['身份证.pdf'] } })),
    // An answer changed: the draft is kept again, with the application's key.
    act: (el) => fill(el, { description: '道路维修经费' }),
  },
  {
    name: 'an application sent to the intake server: the receipt, and what was sent', tag: 'request-form', draft: true,
    attrs: async () => ({ src: await storeFeed(formFeed({ mode: 'api', endpoint: (endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT }])) })) }),
    settled: has('input'),
    act: async (el) => {
      await fill(el, { applicantType: 'naturalPerson' });
      await answerToReview(el);
      q(el, 'form .btn.primary').click();
      await submitted(el);
      expect((await requestsTo(endpoint)).length, 'sent once').to.equal(1);
      return sentTo();
    },
  },
  {
    name: 'an application sent offline: it waits for the connection, then goes once, after a server error, with its files', tag: 'request-form',
    attrs: async () => ({ src: await storeFeed(formFeed({ mode: 'api', endpoint: (endpoint = await scriptEndpoint([{ status: 503, body: { error: { code: 'unavailable' } } }, { status: 201, body: RECEIPT }])) })) }),
    settled: has('input'),
    act: async (el) => {
      let online = false;
      (el as unknown as { isOnline(): boolean }).isOnline = () => online;
      await fill(el, { applicantType: 'naturalPerson' });
      await answerToReview(el, [new File(['%PDF'], '身份证.pdf', { type: 'application/pdf' })]);
      q(el, 'form .btn.primary').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="send-status"]')?.textContent!.trim(), 'the offline note');
      const waiting = q(el, '[part="send-status"]').textContent!.replace(/\s+/g, ' ').trim();
      expect(waiting).to.include('恢复联网后将自动提交');
      expect((await requestsTo(endpoint)).length, 'nothing sent offline').to.equal(0);
      online = true;
      dispatchEvent(new Event('online'));
      // The 503 is retried (after a second or so) with the same body and key.
      await submitted(el);
      expect((await requestsTo(endpoint)).length, 'the 503, then the one stored').to.equal(2);
      return `${waiting}\n${await sentTo()}`;
    },
  },
  { name: 'the status lookup', tag: 'request-status', attrs: { src: '/demo/feeds/request-form.json' }, settled: has('input') },
  {
    name: 'a status looked up', tag: 'request-status', settled: has('input'),
    attrs: async () => ({
      src: await storeFeed(formFeed({ mode: 'print' }, await scriptEndpoint([{ status: 200, body: {
        queryCode: 'AB12-CD34', status: 'extended', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29',
        history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }, { status: 'extended', at: '2026-09-25T03:00:00Z', note: '需要调取档案' }],
      } }]))),
      today: '2026-10-12',
    }),
    act: async (el) => {
      for (const [id, v] of [['code', 'AB12-CD34'], ['name', '张三']]) {
        const i = q(el, `#${id}`) as HTMLInputElement;
        i.value = v;
        i.dispatchEvent(new Event('input'));
      }
      q(el, 'form .btn.primary').click();
      await waitUntil(() => el.shadowRoot!.textContent!.includes('2026'), 'the status', 5000);
    },
  },
];

describe('a host page that polluted Object.prototype', () => {
  for (const c of CASES) {
    it(`${c.name} (<${c.tag}>): the reader sees what a clean page shows`, async () => {
      // The polluted page first: the first case of each element (and language) loads its strings there.
      const dirty = await show(c, true);
      const clean = await show(c, false);
      expect(clean.errors).to.deep.equal([]);
      expect([Object.keys({}), Object.keys([])], 'the pollution is removed').to.deep.equal([[], []]);
      expect(dirty.errors).to.deep.equal([]);
      expect(dirty.text.split('\n').filter((l) => l.includes(MARK) || l.includes('evil'))).to.deep.equal([]);
      expect(dirty.text).to.equal(clean.text);
    });
  }
});
