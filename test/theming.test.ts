// The theming contract as a designer reads it in README "Theming": every documented `--de-*` token, set on an ancestor
// to a value of its own, shows in the computed style of each element the README says it applies to (the twin tables'
// "elements" column), in the light and the dark scheme. And an agency's own theme keeps text readable (AA) in the
// states an element shows: hover, focus, disabled, selected, error, warning.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { html } from 'lit';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/catalogue.js';
import '../src/annual-stats.js';
import '../src/request-form.js';
import '../src/request-status.js';
import { chartOn } from '../src/elements/annual-stats/charts.js';
import { mountHtml, scriptEndpoint, storeFeed, waitUntil } from './helpers.js';
import { smallCatalogue } from './fixtures/catalogue.js';
import { $, $$, answerToReview, fill, formFeed, next, RECEIPT } from './request-fixtures.js';

type El = HTMLElement & { updateComplete: Promise<boolean>; loaded: Promise<unknown> };
const TAGS = ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status'] as const;
type Tag = (typeof TAGS)[number];

/** README's Theming section: the light tokens, and the dark ones with the elements each applies to. */
async function documented(): Promise<{ light: string[]; dark: Map<string, Tag[]> }> {
  const readme = await (await fetch('/README.md')).text();
  const theming = readme.slice(readme.indexOf('\n## Theming'), readme.indexOf('\n## Security'));
  const expand = (cell: string) => [...cell.matchAll(/`(--de-[\w-]+?)(\d)` … `(?:--de-[\w-]+?|-)(\d)`|`(--de-[\w-]+)`/g)].flatMap((m) =>
    m[4] ? [m[4]] : Array.from({ length: +m[3] - +m[2] + 1 }, (_, i) => `${m[1]}${+m[2] + i}`));
  const light: string[] = [];
  const dark = new Map<string, Tag[]>();
  for (const row of theming.split('\n').filter((l) => /^\| `--de-/.test(l))) {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    for (const token of expand(cells[0])) {
      if (token.startsWith('--de-dark-color-') || /^--de-dark-chart-\d$/.test(token)) {
        if (cells.length < 4) continue; // the light table's row naming the dark twins
        const col = cells[3];
        const tags: Tag[] = col === 'all' ? [...TAGS]
          : col.startsWith('all but') ? TAGS.filter((t) => !col.includes(`<${t}>`))
          : TAGS.filter((t) => col.includes(`<${t}>`));
        dark.set(token, tags);
      } else if (!token.startsWith('--de-dark-')) light.push(token);
    }
  }
  return { light, dark };
}

/** A distinctive value for the i-th colour token: #0102xx (xx from 0x10), and the same as computed styles give it. */
const hex = (i: number) => `#0102${(0x10 + i).toString(16).padStart(2, '0')}`;
const rgb = (i: number) => `rgb(1, 2, ${0x10 + i})`;
const FONT = 'DeThemeTestFace';
const SIZE = 21; // px
const LINE = 1.9;
const RADIUS = '7px';

/** The values for a set of tokens: colours distinct, the others recognisable. */
function values(tokens: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  tokens.forEach((t, i) => {
    if (t.endsWith('font-family')) out[t] = `${FONT}, serif`;
    else if (t.endsWith('font-size')) out[t] = `${SIZE}px`;
    else if (t.endsWith('line-height')) out[t] = String(LINE);
    else if (t.endsWith('radius')) out[t] = RADIUS;
    else if (t.endsWith('cursor-pointer')) out[t] = 'crosshair';
    else out[t] = hex(i);
  });
  return out;
}

/** Every computed colour, radius, font and cursor in an element's shadow root (and its charts' colours). */
function seen(el: Element): Set<string> {
  const out = new Set<string>();
  const nodes = [...el.shadowRoot!.querySelectorAll('*')];
  for (const n of nodes) {
    const s = getComputedStyle(n);
    out.add(s.color);
    out.add(s.backgroundColor);
    for (const c of s.backgroundImage.match(/rgba?\([^)]*\)/g) ?? []) out.add(c);
    for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
      if (s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0) {
        out.add(s.getPropertyValue(`border-${side.toLowerCase()}-color`));
      }
    }
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) out.add(s.outlineColor);
    if (n instanceof HTMLInputElement && (n.type === 'checkbox' || n.type === 'radio')) out.add(s.accentColor);
    if (s.borderTopLeftRadius !== '0px') out.add(`radius:${s.borderTopLeftRadius}`);
    out.add(`cursor:${s.cursor}`);
    if (n.matches('button, input, select, textarea')) out.add(`control-font:${s.fontFamily}`);
    if (n instanceof HTMLCanvasElement) {
      const chart = chartOn(n) as unknown as { data: { datasets: { backgroundColor: string | string[] }[] } } | undefined;
      for (const d of chart?.data.datasets ?? []) for (const c of [d.backgroundColor].flat()) out.add(`chart:${String(c).toLowerCase()}`);
    }
  }
  const root = el.shadowRoot!.querySelector('.root');
  if (root) {
    const s = getComputedStyle(root);
    out.add(`font:${s.fontFamily}`);
    out.add(`size:${s.fontSize}`);
    out.add(`line:${(parseFloat(s.lineHeight) / parseFloat(s.fontSize)).toFixed(2)}`);
  }
  return out;
}

/** What a token set to its test value looks like among `seen`'s values. */
function looks(token: string, value: string, i: number): string[] {
  if (token.endsWith('font-family')) return [`font:${value}`, `control-font:${value}`];
  if (token.endsWith('font-size')) return [`size:${SIZE}px`];
  if (token.endsWith('line-height')) return [`line:${LINE.toFixed(2)}`];
  if (token.endsWith('radius')) return [`radius:${RADIUS}`];
  if (token.endsWith('cursor-pointer')) return ['cursor:crosshair'];
  if (/chart-\d$/.test(token)) return [`chart:${value}`];
  return [rgb(i), `chart:${value}`];
}

const FOUND = {
  queryCode: 'AB12-CD34', status: 'received', outcome: null, receivedAt: '2026-09-01T02:00:00Z', dueDate: '2026-09-29',
  history: [{ status: 'received', at: '2026-09-01T02:00:00Z' }],
};

/** Hovers the first button of a kind (real mouse: :hover), so its hover colours are computed. */
async function hover(el: Element, sel: string): Promise<void> {
  const b = el.shadowRoot!.querySelector(sel);
  if (!b) return;
  b.scrollIntoView({ block: 'center' });
  const r = b.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

/**
 * An element in the states where the tokens show: loaded, with its controls focused and hovered, with an error, a
 * warning, search matches, a selected category, a receipt… `collect` is called in each state.
 */
const scenes: Record<Tag, (style: string, theme: string, collect: (el: Element) => Promise<void>) => Promise<void>> = {
  async 'disclosure-catalogue'(style, theme, collect) {
    const feed = smallCatalogue();
    const src = await storeFeed({ ...feed, items: [...(feed.items as object[]), { id: 'bad', datePublished: '2013-01-01' }] });
    const box = mountHtml(html`<disclosure-catalogue src=${src} no-url-state page-size="1" theme=${theme}></disclosure-catalogue>`, style);
    const el = box.firstElementChild as El;
    await el.updateComplete; // the first update starts the load: only then is \`loaded\` that load's
    await el.loaded;
    await el.updateComplete;
    await hover(el, '.btn.primary');
    await collect(el); // a page of one entry: 上一页 disabled, the current page
    await resetMouse();
    const q = $<HTMLInputElement>(el, '#q');
    q.value = '没有这样的词';
    q.dispatchEvent(new Event('input'));
    await waitUntil(() => $(el, '[part~="empty"]'), 'no match');
    await collect(el); // nothing found: 导出 and 打印 disabled
    q.value = '农业';
    q.dispatchEvent(new Event('input'));
    await waitUntil(() => $(el, 'mark'), 'a search match');
    q.focus();
    await collect(el);
    q.value = '';
    q.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // A category chosen, an entry's details open, a button hovered.
    $<HTMLElement>(el, '[role="treeitem"] .node').click();
    await el.updateComplete;
    $(el, '[part~="item"] details summary, [part~="item"] button[aria-expanded]')?.click();
    await el.updateComplete;
    await hover(el, '.btn:not(.primary)');
    await collect(el);
    await resetMouse();
  },
  async 'annual-stats'(style, theme, collect) {
    // The index (its year select), and a second report without the first chart colour: there it is the primary.
    const box = mountHtml(html`<annual-stats src="/demo/feeds/annual/index.json" no-url-state theme=${theme}></annual-stats>`, style);
    // A report that links to its source (the text published on the portal).
    const withSource = { ...(await (await fetch('/demo/feeds/annual/2022.json')).json()), sourceUrl: 'https://example.gov.cn/2022.html' };
    const plain = mountHtml(html`<annual-stats src=${await storeFeed(withSource)} no-url-state theme=${theme}
      style="--de-chart-1: initial; --de-dark-chart-1: initial"></annual-stats>`, style);
    const other = plain.firstElementChild as El;
    await other.updateComplete;
    await other.loaded;
    await waitUntil(() => $$(other, 'canvas').length && $$(other, 'canvas').every((c) => chartOn(c as HTMLCanvasElement)), 'charts drawn');
    await collect(other);
    const el = box.firstElementChild as El;
    await el.updateComplete; // the first update starts the load: only then is \`loaded\` that load's
    await el.loaded;
    await waitUntil(() => $$(el, 'canvas').length && $$(el, 'canvas').every((c) => chartOn(c as HTMLCanvasElement)), 'charts drawn');
    $(el, '[part~="year-select"], button')?.focus();
    await hover(el, '.btn:not(.primary)');
    await collect(el);
    await resetMouse();
    const broken = mountHtml(html`<annual-stats src="/demo/feeds/annual/broken-2021.json" no-url-state no-charts theme=${theme}></annual-stats>`, style);
    await (broken.firstElementChild as El).updateComplete;
    await (broken.firstElementChild as El).loaded;
    await collect(broken.firstElementChild!);
  },
  async 'request-form'(style, theme, collect) {
    const endpoint = await scriptEndpoint([{ status: 201, body: RECEIPT, delay: 1500 }]);
    const src = await storeFeed(formFeed({ mode: 'api', endpoint, encoding: 'json' }));
    const box = mountHtml(html`<request-form src=${src} theme=${theme}></request-form>`, style);
    const el = box.firstElementChild as El;
    await el.updateComplete; // the first update starts the load: only then is \`loaded\` that load's
    await el.loaded;
    await el.updateComplete;
    await fill(el, { applicantType: 'naturalPerson' });
    await next(el); // nothing filled in: the error summary, the fields in error
    await waitUntil(() => $(el, '[part="error-summary"]'), 'error summary');
    $<HTMLElement>(el, 'input#f-name').focus();
    await hover(el, '.btn:not(.primary)');
    await collect(el);
    await resetMouse();
    // 清空表单's confirmation (a warning panel).
    $$(el, '.btn').find((b) => b.closest('.clear'))?.click();
    await el.updateComplete;
    await collect(el);
    (el.shadowRoot!.activeElement as HTMLElement).click(); // 取消, which has the focus
    await el.updateComplete;
    await answerToReview(el);
    await hover(el, '.btn.primary');
    await collect(el); // the review, 提交申请 hovered
    await resetMouse();
    await next(el); // 提交申请
    await waitUntil(() => $(el, '#send[aria-disabled="true"]'), 'sending');
    await collect(el); // sending: 提交申请, 上一步 and 修改 unavailable
    await waitUntil(() => $(el, '[part="receipt"]'), 'receipt', 8000);
    await collect(el);
  },
  async 'request-status'(style, theme, collect) {
    const endpoint = await scriptEndpoint([{ status: 200, body: FOUND, delay: 1500 }, { status: 404, body: { error: { code: 'notFound', message: 'x' } } }]);
    const src = await storeFeed(formFeed({ mode: 'print' }, endpoint));
    const box = mountHtml(html`<request-status src=${src} today="2026-10-12" theme=${theme}></request-status>`, style);
    const el = box.firstElementChild as El;
    await el.updateComplete; // the first update starts the load: only then is \`loaded\` that load's
    await el.loaded;
    await el.updateComplete;
    const set = (id: string, v: string) => {
      const i = $<HTMLInputElement>(el, `#${id}`);
      i.value = v;
      i.dispatchEvent(new Event('input'));
    };
    set('code', 'AB12-CD34');
    set('name', '张三');
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, 'form .btn.primary[aria-disabled="true"]'), 'looking up');
    await collect(el);
    await waitUntil(() => $(el, '[part="result"]'), 'result (overdue)', 8000);
    $<HTMLInputElement>(el, '#code').focus();
    await hover(el, '.btn:not(.primary)');
    await collect(el);
    await resetMouse();
    set('name', '李四');
    $(el, 'form .btn.primary').click();
    await waitUntil(() => $(el, '[part="lookup-error"]'), 'lookup error');
    await collect(el);
  },
};

/** Every element: without src, a warning panel; with a feed that is not there, the error panel. */
async function emptyAndBroken(tag: Tag, style: string, theme: string, collect: (el: Element) => Promise<void>): Promise<void> {
  const box = mountHtml(html``, style);
  for (const src of [null, '/__feeds/missing/none.json']) {
    const el = document.createElement(tag) as El;
    el.setAttribute('theme', theme);
    el.setAttribute('no-url-state', '');
    if (src) el.setAttribute('src', src);
    box.replaceChildren(el);
    await el.updateComplete;
    if (src) await el.loaded;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), `${tag}: error or warning panel`);
    await hover(el, '[part~="retry-button"]');
    await collect(el);
    await resetMouse();
  }
}

describe('theming: each documented --de-* token shows where README says it applies', () => {
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
    document.querySelectorAll('body > div').forEach((d) => d.remove());
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const tag of TAGS) {
      it(`${tag}, ${theme}`, async () => {
        const { light, dark } = await documented();
        expect(light.length, 'light tokens found in README').to.be.greaterThan(20);
        expect(dark.size, 'dark tokens found in README').to.be.greaterThan(20);
        // A light token applies where its dark twin does; font, size, line height and radius everywhere.
        const twin = (t: string) => t.replace(/^--de-/, '--de-dark-');
        const applies = (t: string) => (dark.has(twin(t)) ? dark.get(twin(t))!.includes(tag) : !/chart-\d$/.test(t) || tag === 'annual-stats');
        const tokens = theme === 'light' ? light : [...dark.keys()];
        // The dark scheme is themed by its own colours and the common font, size, line height and radius.
        const common = light.filter((t) => !/color|chart/.test(t));
        const set = theme === 'light' ? tokens : [...tokens, ...common];
        const vals = values(set);
        const style = Object.entries(vals).map(([k, v]) => `${k}: ${v}`).join('; ');
        const all = new Set<string>();
        const collect = async (el: Element) => {
          for (const v of seen(el)) all.add(v);
        };
        await scenes[tag](style, theme, collect);
        await emptyAndBroken(tag, style, theme, collect);
        const missing = set
          .filter((t) => (theme === 'light' ? applies(t) : dark.get(t)?.includes(tag) ?? true))
          .filter((t) => !looks(t, vals[t], set.indexOf(t)).some((v) => all.has(v)));
        expect(missing, `${tag} (${theme}): documented tokens with no effect`).to.deep.equal([]);
        // And no token the README says does not apply here shows anyway (the table would be wrong).
        const unlisted = set
          .filter((t) => !(theme === 'light' ? applies(t) : dark.get(t)?.includes(tag) ?? true))
          .filter((t) => looks(t, vals[t], set.indexOf(t)).some((v) => all.has(v)));
        expect(unlisted, `${tag} (${theme}): tokens shown that README says do not apply`).to.deep.equal([]);
      });
    }
  }
});

/** sRGB relative luminance and contrast (WCAG 2). */
type RGBA = [number, number, number, number];
const parse = (c: string): RGBA => {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 0];
  const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
};
const over = (top: RGBA, under: RGBA): RGBA => {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1) as RGBA;
};
const lum = ([r, g, b]: RGBA) => {
  const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const contrast = (a: RGBA, b: RGBA) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const brightness = (c: RGBA, k: number): RGBA => [...c.slice(0, 3).map((v) => Math.min(255, v * k)), c[3]] as RGBA;

/** The parent in the flat tree: across the shadow root to its host. */
const up = (n: Element): Element | null => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null);

/** The colours a text is painted with and on: its background composited up the tree, opacity and brightness applied. */
function painted(n: Element, color: string): { fg: RGBA; bg: RGBA } {
  let fg = parse(color);
  const layers: { bg: RGBA; opacity: number; bright: number }[] = [];
  for (let e: Element | null = n; e; e = up(e)) {
    const s = getComputedStyle(e);
    const b = s.filter.match(/brightness\(([\d.]+)\)/);
    layers.push({ bg: parse(s.backgroundColor), opacity: parseFloat(s.opacity), bright: b ? parseFloat(b[1]) : 1 });
  }
  // From the page down: the page's white, then each layer's background; a layer's opacity blends it (and what it
  // holds) with what lies under it.
  let under: RGBA = [255, 255, 255, 1];
  const stack: RGBA[] = [];
  for (const l of layers.reverse()) {
    stack.push(under);
    under = over(l.bg, under);
  }
  let bg = under;
  fg = over(fg, bg);
  // Opacity and filters, from the text's own element outwards.
  layers.reverse();
  stack.reverse();
  layers.forEach((l, i) => {
    if (l.bright !== 1) {
      fg = brightness(fg, l.bright);
      bg = brightness(bg, l.bright);
    }
    if (l.opacity < 1) {
      fg = over([...fg.slice(0, 3), l.opacity] as RGBA, stack[i]);
      bg = over([...bg.slice(0, 3), l.opacity] as RGBA, stack[i]);
    }
  });
  return { fg, bg };
}

/** Texts under AA in an element's shadow root: `where: ratio` (large text needs 3:1, other text 4.5:1). */
function underAA(el: Element, state: string): string[] {
  const out: string[] = [];
  for (const n of el.shadowRoot!.querySelectorAll('*')) {
    if (n.closest('.vh, [hidden], canvas, svg') || !(n as HTMLElement).offsetParent && getComputedStyle(n).position !== 'fixed') continue;
    const own = [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
    const holder = n instanceof HTMLInputElement && n.placeholder && !n.value;
    if (!own && !holder) continue;
    const s = getComputedStyle(n);
    const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && +s.fontWeight >= 700);
    const need = large ? 3 : 4.5;
    const check = (color: string, what: string) => {
      const { fg, bg } = painted(n, color);
      const r = contrast(fg, bg);
      if (r < need - 0.005) out.push(`${state}: ${what}<${n.localName}${n.className ? `.${String(n.className).split(' ').join('.')}` : ''}> "${(n.textContent || (n as HTMLInputElement).placeholder).trim().slice(0, 20)}" ${r.toFixed(2)}`);
    };
    if (own) check(s.color, '');
    if (holder) check(getComputedStyle(n, '::placeholder').color, 'placeholder of ');
  }
  return out;
}

/** Agencies' themes, each with the pairs README asks for checked (text, muted and link on the background, …). */
const AGENCY: Record<string, string> = {
  'no theme (the defaults)': '',
  'Material red': '--de-color-primary: #d32f2f; --de-color-primary-contrast: #ffffff; --de-color-link: #c62828; --de-color-focus: #d32f2f',
  'red and gold': `--de-color-primary: #a50000; --de-color-primary-contrast: #ffffff; --de-color-link: #8c0000;
    --de-color-focus: #8a6d00; --de-color-surface: #fbf1d6; --de-color-border: #c9a54a; --de-color-highlight: #ffe08a;
    --de-color-text-muted: #5c4a1e; --de-color-danger: #a50000; --de-color-danger-background: #fde8e4`,
  'dark portal (light tokens set dark)': `--de-color-text: #e8e8e8; --de-color-text-muted: #b0b0b0; --de-color-background: #14161a;
    --de-color-surface: #22262c; --de-color-border: #4a5058; --de-color-field-border: #8a9199; --de-color-primary: #f2c14e;
    --de-color-primary-contrast: #1a1400; --de-color-link: #f2c14e; --de-color-focus: #f2c14e; --de-color-danger: #ff9c8f;
    --de-color-danger-background: #3a1410; --de-color-warning: #ffd27a; --de-color-warning-background: #30260c;
    --de-color-success: #7fd39a; --de-color-highlight: #6b5400`,
  'dark portal (theme="dark", the dark tokens\' defaults)': '',
  'serif CJK, large, flat': `--de-font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', SimSun, serif; --de-font-size: 1.25rem;
    --de-radius: 0; --de-line-height: 1.8`,
};

describe('theming: an agency theme keeps text at AA in every state', () => {
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });
  for (const [name, style] of Object.entries(AGENCY)) {
    for (const tag of TAGS) {
      it(`${name}: ${tag}`, async () => {
        const bad: string[] = [];
        let state = 0;
        const collect = async (el: Element) => {
          bad.push(...underAA(el, `state ${++state}`));
        };
        const theme = name.includes('theme="dark"') ? 'dark' : 'light';
        await scenes[tag](style, theme, collect);
        await emptyAndBroken(tag, style, theme, collect);
        expect([...new Set(bad)]).to.deep.equal([]);
      });
    }
  }
});

describe('theming: a larger base size', () => {
  it('--de-font-size: large grows with the reader\'s size, whatever the host page\'s html font size; 1.25rem follows the host page', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = 'html { font-size: 62.5% }';
    document.head.append(sheet);
    try {
      const src = await storeFeed(smallCatalogue());
      const sizes: number[] = [];
      for (const size of ['large', '1.25rem']) {
        const box = mountHtml(html`<disclosure-catalogue src=${src} no-url-state></disclosure-catalogue>`, `--de-font-size: ${size}`);
        const el = box.firstElementChild as El;
        await el.updateComplete;
        await el.loaded;
        await el.updateComplete;
        sizes.push(parseFloat(getComputedStyle($(el, '.root')).fontSize));
      }
      const p = document.body.appendChild(document.createElement('p'));
      p.style.fontSize = 'medium';
      const medium = parseFloat(getComputedStyle(p).fontSize);
      p.remove();
      expect(sizes[0], 'large').to.be.greaterThan(medium);
      expect(sizes[1], '1.25rem under html { font-size: 62.5% }').to.be.lessThan(medium);
    } finally {
      sheet.remove();
    }
  });
});

describe('theming: large-text mode (长者模式)', () => {
  it('makes no text smaller: every text of a catalogue, a form, a status page and an annual report is at least as large as without it', async () => {
    const shown = async (el: El) => {
      await el.updateComplete; // the first update starts the load: only then is `loaded` that load's
      await el.loaded;
      await el.updateComplete;
    };
    const src = await storeFeed(formFeed({ mode: 'print' }));
    const els = [
      mountHtml(html`<disclosure-catalogue src=${await storeFeed(smallCatalogue())} no-url-state></disclosure-catalogue>`),
      mountHtml(html`<request-form src=${src}></request-form>`),
      mountHtml(html`<request-status src=${src}></request-status>`),
      mountHtml(html`<annual-stats src="/demo/feeds/annual/2022.json" no-url-state no-charts></annual-stats>`),
    ].map((box) => box.firstElementChild as El & { largeText: boolean });
    for (const el of els) {
      await shown(el);
      // Each element with text of its own (not a text node's parent only through a child element), by its place.
      const sizes = () => $$(el, '*').filter((n) => [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim()))
        .map((n) => [`${n.localName}${n.id ? `#${n.id}` : ''} ${n.textContent!.trim().slice(0, 20)}`, parseFloat(getComputedStyle(n).fontSize)] as const);
      const before = sizes();
      el.largeText = true;
      await el.updateComplete;
      const after = new Map(sizes());
      const smaller = before.filter(([k, v]) => after.has(k) && after.get(k)! < v).map(([k, v]) => `${k}: ${v} -> ${after.get(k)}`);
      expect(smaller, el.localName).to.deep.equal([]);
      expect(before.length, el.localName).to.be.greaterThan(3);
    }
  });
});

/**
 * The colours a focus ring paints outwards from the focused control's border edge, every half pixel: its outline,
 * over its box shadows (the first one on top), or null where it paints nothing (what lies under shows).
 */
function ringBands(n: Element): (RGBA | null)[] {
  const s = getComputedStyle(n);
  const shadows = s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/).map((sh) => {
    const [x, y, blur, spread = 0] = (sh.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) ?? []).map(parseFloat);
    return { colour: parse(sh), spread: !x && !y && !blur && !sh.includes('inset') ? spread : 0 };
  });
  const offset = parseFloat(s.outlineOffset);
  const width = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth);
  const out: (RGBA | null)[] = [];
  for (let d = 0.25; d < Math.max(offset + width, ...shadows.map((sh) => sh.spread)); d += 0.5) {
    out.push(d >= offset && d < offset + width ? parse(s.outlineColor) : shadows.find((sh) => sh.spread > d)?.colour ?? null);
  }
  return out;
}

/**
 * The contrast of a focus ring against what lies next to its outer edge (`next`): that of its outermost band of
 * another colour (a band of `next`'s colour does not show, and the band inside it is what is seen against it).
 */
function ringContrast(bands: (RGBA | null)[], next: RGBA): number {
  for (const b of [...bands].reverse()) {
    if (b && contrast(over(b, next), next) > 1.05) return contrast(over(b, next), next);
  }
  return 1;
}

describe('theming: focus rings on a page of the other lightness (WCAG 1.4.11, 2.4.11)', () => {
  afterEach(() => {
    fixtureCleanup();
    document.body.style.removeProperty('background');
  });
  const mounts: Record<string, (theme: string) => Promise<El>> = {
    async 'disclosure-catalogue'(theme) {
      const box = mountHtml(html`<disclosure-catalogue src=${await storeFeed(smallCatalogue())} no-url-state theme=${theme}></disclosure-catalogue>`);
      return box.firstElementChild as El;
    },
    async 'annual-stats'(theme) {
      const box = mountHtml(html`<annual-stats src="/demo/feeds/annual/2022.json" no-url-state no-charts theme=${theme}></annual-stats>`);
      return box.firstElementChild as El;
    },
  };
  for (const [tag, mount] of Object.entries(mounts)) {
    for (const [theme, page, pageName] of [['dark', [255, 255, 255, 1], 'white'], ['light', [0, 0, 0, 1], 'black']] as [string, RGBA, string][]) {
      it(`${tag}, theme="${theme}" on a ${pageName} page: the ring of the first control reached with Tab (not a table) shows at 3:1 against the page and the element`, async () => {
        document.body.style.background = pageName;
        const before = document.createElement('button');
        const el = await mount(theme);
        el.before(before);
        await el.updateComplete;
        await el.loaded;
        await el.updateComplete;
        before.focus();
        // (A table's ring is drawn inside it, on the element's own background: the first control after the tables.)
        do await sendKeys({ press: 'Tab' });
        while (el.shadowRoot!.activeElement?.localName === 'table');
        const focused = el.shadowRoot!.activeElement!;
        expect(focused, 'focus in the element').to.exist;
        expect(focused.matches(':focus-visible')).to.equal(true);
        const bands = ringBands(focused);
        // The element's background, next to the ring inside the element.
        const surface = parse(getComputedStyle(el.shadowRoot!.querySelector('.root')!).backgroundColor);
        const what = `${focused.localName}.${focused.className}: ${JSON.stringify(bands)}`;
        expect(ringContrast(bands, page), `against the ${pageName} page, ${what}`).to.be.at.least(3);
        expect(ringContrast(bands, surface), `against the element's background, ${what}`).to.be.at.least(3);
        before.remove();
      });
    }
  }
});

describe('the dark scheme on a light page', () => {
  afterEach(() => {
    fixtureCleanup();
    document.querySelectorAll('body > div').forEach((d) => d.remove());
  });

  it('each element’s text keeps a space from the edge of its dark box (it touched it)', async () => {
    const form = await storeFeed(formFeed({ mode: 'print' }));
    const box = mountHtml(html`
      <disclosure-catalogue src=${await storeFeed(smallCatalogue())} no-url-state theme="dark"></disclosure-catalogue>
      <annual-stats src="/demo/feeds/annual/2022.json" no-url-state no-charts theme="dark"></annual-stats>
      <request-form src=${form} theme="dark"></request-form>
      <request-status src=${form} theme="dark"></request-status>`);
    document.body.style.background = 'white';
    for (const el of box.children as unknown as El[]) {
      await el.updateComplete;
      await el.loaded;
      await el.updateComplete;
      const root = el.shadowRoot!.querySelector('.root')!.getBoundingClientRect();
      const heading = el.shadowRoot!.querySelector('h2, h3')!.getBoundingClientRect();
      const em = parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.root')!).fontSize);
      expect(heading.left - root.left, `${el.localName}: left`).to.be.at.least(em / 2);
      expect(heading.top - root.top, `${el.localName}: top`).to.be.at.least(em / 2);
    }
  });
});
