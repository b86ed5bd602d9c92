// Shared helpers for the browser tests.
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import { render as litRender } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';

const axe = (window as unknown as { axe: typeof Axe }).axe;

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on an element, its shadow DOM included; fails listing violations. */
export async function expectAccessible(el: Element): Promise<void> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  if (result.violations.length) {
    const text = result.violations
      .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
      .join('\n');
    throw new Error(`axe found ${result.violations.length} violation(s):\n${text}`);
  }
}

let counter = 0;
/**
 * This page's part of the names: web-test-runner runs two test files at once, each in its own page with its own
 * counter, against one test server. (The time alone was not enough: two files storing their first feed in the same
 * millisecond got the same name, and one of them the other's feed.)
 */
const page = Math.random().toString(36).slice(2, 10);
/** A unique name so parallel tests never share a stored feed. */
export const uniqueName = (prefix = 'feed') => `${prefix}-${page}-${Date.now().toString(36)}-${++counter}`;

export interface StoreOptions { status?: number; type?: string; delay?: number; etag?: string }

/** Stores a body on the test server and returns the URL that serves it. */
export async function storeFeed(body: unknown, opts: StoreOptions = {}, name = uniqueName()): Promise<string> {
  const headers: Record<string, string> = {};
  if (opts.status) headers['x-status'] = String(opts.status);
  if (opts.type) headers['x-type'] = opts.type;
  if (opts.delay) headers['x-delay'] = String(opts.delay);
  if (opts.etag) headers['x-etag'] = opts.etag;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const r = await fetch(`/__feeds/store/${encodeURIComponent(name)}`, { method: 'PUT', headers, body: text });
  if (!r.ok) throw new Error(`could not store feed ${name}`);
  return `/__feeds/store/${encodeURIComponent(name)}`;
}

export interface ScriptStep {
  status?: number; body?: unknown; type?: string; delay?: number; headers?: Record<string, string>; destroy?: boolean;
  /** Answer a head and part of the body, then lose the connection. */
  cut?: boolean;
  /** The body by the request's Accept-Language, as the intake server chooses its words: Chinese unless English is asked for. */
  byLanguage?: { zh: unknown; en: unknown };
}
/** Scripts a sequence of responses; returns the URL that answers them in turn. */
export async function scriptEndpoint(steps: ScriptStep[], name = uniqueName('api')): Promise<string> {
  await fetch(`/__feeds/script/${encodeURIComponent(name)}`, { method: 'PUT', body: JSON.stringify(steps) });
  return `/__feeds/run/${encodeURIComponent(name)}`;
}

export interface LoggedRequest { method: string; url: string; headers: Record<string, string>; body: string }
/** The requests the test server recorded for a stored feed or scripted endpoint URL. */
export async function requestsTo(url: string): Promise<LoggedRequest[]> {
  const name = url.split('/').pop()!.split('?')[0];
  const r = await fetch(`/__feeds/log/${name}`);
  return r.json();
}

/**
 * Resolves when `check` returns a truthy value (polled every 10 ms), or rejects after `timeout` ms. Polls with timers,
 * not animation frames: web-test-runner runs two test files at once and the page in the background gets no frames.
 */
export async function waitUntil<T>(check: () => T | undefined | null | false, message = 'condition', timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * waitUntil for what a page does only in its rendering steps: a media query's change event (print media, forced
 * colours), a resize observation. A hidden page runs no rendering steps at all, so such a wait would time out however
 * long it were: the page is brought to the front while it is hidden. (Each test file's page has a window of its own,
 * web-test-runner.config.mjs, so none should be; this stays for a run whose pages are tabs.)
 */
export async function waitUntilRendered<T>(check: () => T | undefined | null | false, message = 'condition', timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}${document.visibilityState === 'hidden' ? ' (the page is hidden)' : ''}`);
    if (document.visibilityState === 'hidden') await executeServerCommand('bring-to-front');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits for `n` animation frames (what a page does in its rendering steps after a change: resize observations). */
export async function nextFrames(n: number): Promise<void> {
  let frames = 0;
  const tick = () => ++frames < n && requestAnimationFrame(tick);
  requestAnimationFrame(tick);
  await waitUntilRendered(() => frames >= n, `${n} frames`);
}

/** Text content of the first match in an element's shadow root, whitespace collapsed. */
export function shadowText(el: Element, selector = ':host'): string {
  const root = el.shadowRoot!;
  const node = selector === ':host' ? root : root.querySelector(selector);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sends real key presses through the browser (Chrome DevTools protocol), so focus and default actions are real. */
export { sendKeys } from '@web/test-runner-commands';

/**
 * What in `el`'s shadow root (matching `selector`) reaches past `el`'s right edge: the content that would make a
 * narrow page scroll sideways (WCAG 1.4.10). Each as `tag.class#id`; an empty list when everything fits.
 */
export function pastRightEdge(el: Element, selector = '*'): string[] {
  const right = el.getBoundingClientRect().right;
  return [...el.shadowRoot!.querySelectorAll(selector)]
    .filter((e) => e.getBoundingClientRect().right > right + 0.5)
    .map((e) => `${e.localName}.${e.className}#${e.id}`);
}

const mounted: HTMLElement[] = [];
/**
 * Renders a template into a fresh container on the page (removed after each test). Unlike open-wc's `fixture`, it
 * does not wait for an animation frame, which never comes in a background page.
 */
export function mountHtml(template: unknown, style = ''): HTMLDivElement {
  const container = document.createElement('div');
  if (style) container.setAttribute('style', style);
  document.body.append(container);
  mounted.push(container);
  litRender(template, container);
  return container;
}
afterEach(() => {
  for (const c of mounted.splice(0)) c.remove();
});

/**
 * Replaces Array.from as Prototype.js 1.7 (`Array.from = $A`) and MooTools do on old CMS pages: map functions are
 * ignored, and anything without a `length` (a Set, an iterator) becomes []. Returns a function that undoes it.
 */
export function patchArrayFromLikePrototypeJs(): () => void {
  const original = Array.from;
  Array.from = function $A(iterable: { length?: number; [i: number]: unknown; toArray?: () => unknown[] } | null) {
    if (!iterable) return [];
    if (typeof iterable.toArray === 'function') return iterable.toArray();
    let length = iterable.length || 0;
    const results = new Array(length);
    while (length--) results[length] = iterable[length];
    return results;
  } as typeof Array.from;
  return () => {
    Array.from = original;
  };
}

/**
 * Language of parts (WCAG 3.1.2): the visible text of an element's shadow root whose language — the `lang` of its
 * closest ancestor, within the shadow root, else of the host's — does not fit its script. Text with a Chinese
 * character must be inside a `zh*` language; text with Latin words and no Chinese must be outside one. Each entry
 * reads `lang: text`, so a failure names the text. `ignore` takes out Latin that is language-neutral (URLs, codes).
 * Attributes (aria-label, placeholder) hold one language only and are not checked.
 */
export function misLanguaged(host: Element, ignore?: RegExp): string[] {
  const out: string[] = [];
  const hostLang = host.closest('[lang]')?.getAttribute('lang') ?? '';
  const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = (node.textContent ?? '').trim();
    if (!text || !parent || parent.closest('style, script, template')) continue;
    const lang = (parent.closest('[lang]')?.getAttribute('lang') ?? hostLang).toLowerCase();
    const han = /\p{Script=Han}/u.test(text);
    const latin = /[A-Za-z]{2,}/.test(ignore ? text.replace(ignore, '') : text);
    if (han ? !lang.startsWith('zh') : latin && lang.startsWith('zh')) out.push(`${lang}: ${text}`);
  }
  return out;
}

/**
 * Applies WCAG 1.4.12's text spacing (line height 1.5, paragraphs 2em apart, letters 0.12em, words 0.16em) to every
 * element of a shadow root, as a reader's text-spacing stylesheet or extension does.
 */
export function textSpacing(el: Element): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }
    p { margin-bottom: 2em !important }`);
  el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
}

/**
 * Text cut off: a box that hides or clips its overflow holding more than it shows, or a button whose text reaches past its edges. Visually hidden text (1px, clipped) is meant to be.
 */
export function cutOff(el: Element): string[] {
  const name = (e: Element) => `${e.localName}.${e.className}#${e.id} ${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}`;
  const out: string[] = [];
  for (const e of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || e.closest('[hidden]') || e.clientWidth <= 1 || /^(canvas|option|style|select|input|textarea)$/.test(e.localName)) continue;
    const hides = (o: string) => o === 'hidden' || o === 'clip';
    if ((hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1)) {
      out.push(`${name(e)}: ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`);
    }
    if (e.localName === 'button' && e.textContent!.trim()) {
      const r = document.createRange();
      r.selectNodeContents(e);
      const t = r.getBoundingClientRect();
      const b = e.getBoundingClientRect();
      if (t.left < b.left - 0.5 || t.right > b.right + 0.5 || t.top < b.top - 0.5 || t.bottom > b.bottom + 0.5) out.push(`${name(e)}: text outside its button`);
    }
  }
  return out;
}

/**
 * The headings of an element's shadow root as a screen reader's heading list gives them: level (`aria-level`, else the
 * tag's) and text, in document order.
 */
export function headingOutline(el: Element): string[] {
  return [...el.shadowRoot!.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]')]
    .filter((h) => (h as HTMLElement).offsetParent !== null || h.getClientRects().length > 0)
    .map((h) => `${h.getAttribute('aria-level') ?? h.tagName.slice(1)} ${h.textContent!.trim()}`);
}

/** No heading deeper than one level below the one before it (a screen reader's heading list then reads as an outline). */
export function expectNoSkippedLevel(el: Element): void {
  const outline = headingOutline(el);
  outline.forEach((h, i) => i && expect(parseInt(h), outline.join(' / ')).to.be.at.most(parseInt(outline[i - 1]) + 1));
}
