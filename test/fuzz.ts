// Malformed and hostile feeds, generated; the suites are test/fuzz-*.test.ts. Each element is given its sample feeds
// with one hostile value put everywhere it fits, then with a few random changes (a value of another type, a missing or
// duplicated entry, markup, a javascript: link, a "__proto__" key, a cut-off body), and must show either its content or
// a clear message — never an uncaught error, a blank box, markup from the feed, a link that is not http(s), or a
// polluted Object.prototype. The random changes come from a seeded generator: a failure names its seed and the
// changes, and `FUZZ_SEED` below replays one.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { expectAccessible } from './helpers.js';
import { seededRandom } from '../scripts/seeded-random.mjs';

/** Mutated feeds per sample feed; a seed to replay one case alone (its number in the failure message), or null. */
const CASES = 5;
const FUZZ_SEED: number | null = null;

export type J = unknown;


// Stand-ins replaced in the JSON text: an own "__proto__" key cannot be made with an object literal.
const PROTO_VALUE = '@@proto-value@@';
const PROTO_KEY = '@@proto-key@@';
/** Right-to-left text behind a RIGHT-TO-LEFT OVERRIDE. */
const RTL = '\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629';
/** Strings a feed's text or link could hold instead of its own. */
const STRINGS: J[] = [
  '', ' ', '0', '12', 'x'.repeat(3000), '<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1', ' JavaScript:window.__pwned=1', 'data:text/html,<b>x</b>', '//evil.example/x',
  RTL, '\u0000\u0007\ufffe', '2013-02-30', '9999-99-99T99:99', 'NaN',
  'constructor', '__proto__', 'toString', 'hasOwnProperty',
];
/** Any value in place of any other. */
const NASTY: J[] = [
  ...STRINGS, null, 0, -1, 1.5, 1e21, -1e21, true, false, [], {}, [null], [[[]]], { id: 'x' }, PROTO_VALUE,
];

type Path = (string | number)[];

function paths(v: J, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function parentOf(root: J, p: Path): [Record<string | number, J>, string | number] | null {
  if (!p.length) return null;
  let node = root as Record<string | number, J>;
  for (const k of p.slice(0, -1)) node = node[k] as Record<string | number, J>;
  return [node, p[p.length - 1]!];
}

/** One random change to `root` (in place, but the root itself may be replaced: the new root is returned), described. */
function mutate(root: J, rnd: () => number, say: string[]): J {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Entries deep in the feed are most of its paths; the top-level fields get a fair share too.
  const all = paths(root);
  const top = all.filter((p) => p.length === 1);
  const p = rnd() < 0.3 && top.length ? pick(top) : pick(all);
  const at = parentOf(root, p);
  const name = p.join('.') || '(root)';
  const op = Math.floor(rnd() * 6);
  if (!at) {
    const v = pick(NASTY);
    say.push(`root = ${JSON.stringify(v)}`);
    return v;
  }
  const [parent, key] = at;
  const old = parent[key];
  if (op === 0 || op === 1) {
    // A string is mostly replaced by another string (where links and text are checked), else by anything.
    const v = typeof old === 'string' && rnd() < 0.7 ? pick(STRINGS) : pick(NASTY);
    parent[key] = v;
    say.push(`${name} = ${JSON.stringify(v)?.slice(0, 60)}`);
  } else if (op === 2) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    say.push(`delete ${name}`);
  } else if (op === 3 && Array.isArray(parent)) {
    parent.splice(key as number, 0, structuredClone(old));
    say.push(`duplicate ${name}`);
  } else if (op === 3 && parent && typeof parent === 'object') {
    parent[PROTO_KEY] = structuredClone(old) ?? {};
    say.push(`${p.slice(0, -1).join('.')}.__proto__ = copy of ${name}`);
  } else if (op === 4) {
    const v = typeof old === 'number' ? String(old) : typeof old === 'string' && old !== '' && !isNaN(+old) ? +old : typeof old === 'string' ? [old] : Array.isArray(old) ? { ...old } : JSON.stringify(old ?? null);
    parent[key] = v;
    say.push(`${name} retyped to ${JSON.stringify(v)?.slice(0, 60)}`);
  } else {
    // Many of one thing: a long list, or a long string.
    const v = Array.isArray(old) ? Array.from({ length: 300 }, (_, i) => structuredClone(old[i % Math.max(1, old.length)] ?? i)) : `${String(old)}`.repeat(200);
    parent[key] = v;
    say.push(`${name} made long`);
  }
  return root;
}

/** The JSON text of `v`, with the stand-ins for "__proto__" put in. */
const text = (v: J) => (JSON.stringify(v) ?? 'null')
  .replaceAll(`"${PROTO_VALUE}"`, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')
  .replaceAll(`"${PROTO_KEY}"`, '"__proto__"');

function mutated(base: J, seed: number): { body: string; changes: string[] } {
  const rnd = seededRandom(seed);
  const changes: string[] = [];
  let root = structuredClone(base);
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) root = mutate(root, rnd, changes);
  let body = text(root);
  // Now and then a body cut off (a connection lost, a proxy's limit).
  if (rnd() < 0.08) {
    body = body.slice(0, Math.floor(rnd() * body.length));
    changes.push(`cut at ${body.length}`);
  }
  return { body, changes };
}

const LINK_KEY = /url|href|link|endpoint|page$/i;
/** Keys whose strings name things (ids, kinds, enums, field names): given the names of Object.prototype's members. */
const ID_KEY = /(^id$|Ids?$|^template$|^jurisdiction$|^type$|^validator$|^mode$|^status$|^outcome$|^lang$|^genre|^publisher$|^value$|^name$|^applicantType$|^category|^parentId$|^key$|^unit$)/;

interface Change {
  /** A leaf (by its key) replaced by what this answers, unless undefined. */
  leaf?: (leaf: J, key: string) => J | undefined;
  list?: (list: J[]) => J[];
  object?: (o: Record<string, J>) => Record<string, J>;
}

/** A copy of `v`, each leaf, list and object (once its contents are copied) passed through `change` where it says. */
function rebuild(v: J, change: Change, key = ''): J {
  if (Array.isArray(v)) {
    const list = v.map((x) => rebuild(x, change, key));
    return change.list ? change.list(list) : list;
  }
  if (v && typeof v === 'object') {
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rebuild(x, change, k)]));
    return change.object ? change.object(o) : o;
  }
  const r = change.leaf?.(v, key);
  return r === undefined ? v : r;
}

/** The same change made everywhere it applies, one kind at a time: whatever part of the feed a hostile value reaches. */
function everywhere(base: J): { body: string; changes: string[] }[] {
  const out: [string, J][] = [];
  const isText = (leaf: J, k: string) => typeof leaf === 'string' && !LINK_KEY.test(k) && !ID_KEY.test(k);
  for (const x of ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '', 'x'.repeat(3000), RTL, '\u0000\u0007\ufffe', 'constructor'])
    out.push([`every text = ${JSON.stringify(x).slice(0, 40)}`, rebuild(base, { leaf: (l, k) => (isText(l, k) ? x : undefined) })]);
  for (const x of ['javascript:window.__pwned=1', ' JavaScript:window.__pwned=1', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example/x', '', 'x'.repeat(3000)])
    out.push([`every link = ${JSON.stringify(x).slice(0, 40)}`, rebuild(base, { leaf: (l, k) => (typeof l === 'string' && LINK_KEY.test(k) ? x : undefined) })]);
  for (const x of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])
    out.push([`every name = ${JSON.stringify(x)}`, rebuild(base, { leaf: (l, k) => (typeof l === 'string' && ID_KEY.test(k) ? x : undefined) })]);
  for (const x of [0, -1, 1.5, 1e21, '12', null])
    out.push([`every number = ${JSON.stringify(x)}`, rebuild(base, { leaf: (l) => (typeof l === 'number' ? x : undefined) })]);
  out.push(['every list empty', rebuild(base, { list: () => [] })]);
  out.push(['every list entry twice', rebuild(base, { list: (a) => a.flatMap((x) => [x, x]) })]);
  out.push(['every object with a "__proto__" key', rebuild(base, { object: (o) => ({ ...o, [PROTO_KEY]: PROTO_VALUE }) })]);
  return out.map(([what, v]) => ({ body: text(v), changes: [what] }));
}

const problems: string[] = [];
const onError = (e: ErrorEvent) => problems.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`);

/** What is wrong with what an element shows. */
function checkShown(el: Element): string[] {
  const root = el.shadowRoot!;
  const out: string[] = [];
  const shown = [...root.querySelectorAll<HTMLElement>('*')].some((e) => e.checkVisibility() && e.innerText?.trim());
  if (!shown) out.push('nothing shown');
  for (const e of root.querySelectorAll('*')) {
    if (/^(script|iframe|object|embed|img|svg|math|style|link|meta|base|form)$/.test(e.localName) && !(e.localName === 'form' && !e.getAttribute('action'))) out.push(`a <${e.localName}> element`);
    for (const a of e.attributes) if (/^on/i.test(a.name)) out.push(`attribute ${a.name} on <${e.localName}>`);
    const href = e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action');
    if (href && !href.startsWith('#') && !/^(https?|blob):$/.test(new URL(href, location.href).protocol)) out.push(`link ${href.slice(0, 80)}`);
  }
  if ((window as { __pwned?: unknown }).__pwned) out.push('script from the feed ran');
  if (({} as { polluted?: unknown }).polluted || (Object.prototype as { polluted?: unknown }).polluted) out.push('Object.prototype polluted');
  return out;
}

/** Waits for the element's feed to load, then lets it settle (charts, a second feed). */
export async function settle(el: El): Promise<void> {
  await el.loaded;
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
}

/** Presses the element's first buttons, boxes and disclosures once each, picks each select's last option, searches. */
async function pressAround(el: El, max = 12): Promise<void> {
  const root = el.shadowRoot!;
  const buttons = [...root.querySelectorAll<HTMLElement>('button:not([aria-disabled="true"]), input[type=checkbox], input[type=radio], summary')].slice(0, max);
  for (const b of buttons) {
    if (!b.isConnected) continue;
    b.click();
    await el.updateComplete;
  }
  for (const s of root.querySelectorAll<HTMLSelectElement>('select')) {
    if (s.options.length < 2) continue;
    s.selectedIndex = s.options.length - 1;
    s.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    s.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  const q = root.querySelector<HTMLInputElement>('input[type=search], input#q');
  if (q) {
    q.value = '通知 a';
    q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

export type El = Element & { loaded: Promise<void>; updateComplete: Promise<unknown> };

export interface Target {
  name: string;
  bases: () => Promise<J[]>;
  /** Whether each state that fills every place with one value is checked with axe-core too (slow: the main feeds only). */
  axe?: boolean;
  /** Shows the element with `body` as its feed (or as the answer it asks for). */
  mount: (body: string) => Promise<El>;
}

export const raw = async (url: string) => (await fetch(url)).json() as Promise<J>;

/** The two tests of each target: one hostile value everywhere it fits, one kind at a time; random seeded changes. */
export function fuzzSuite(title: string, targets: Target[]): void {
describe(title, function () {
  this.timeout(180000);

  before(() => {
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  });

  /** Mounts each case in turn (with `axe`, checks it with axe-core too); what went wrong, by case. */
  async function tryAll(target: Target, cases: { body: string; changes: string[]; seed?: number }[], axe = false): Promise<string[]> {
    const failures: string[] = [];
    for (const { body, changes, seed } of cases) {
      problems.length = 0;
      sessionStorage.clear();
      // Each case's findings its own.
      delete (window as { __pwned?: unknown }).__pwned;
      delete (Object.prototype as { polluted?: unknown }).polluted;
      const el = await target.mount(body);
      await settle(el);
      let found = checkShown(el);
      if (!found.length) {
        await pressAround(el);
        await new Promise((r) => setTimeout(r, 30));
        found = checkShown(el);
      }
      found.push(...problems);
      if (axe) await expectAccessible(el).catch((e: unknown) => found.push(String(e).slice(0, 400)));
      if (found.length) failures.push(`${seed === undefined ? '' : `seed ${seed} `}(${changes.join('; ')}): ${[...new Set(found)].join(', ')}`);
      fixtureCleanup();
    }
    return failures;
  }

  for (const target of targets) {
    it(`${target.name}: the same hostile value everywhere it fits, one kind at a time${target.axe ? ' (and axe on each)' : ''}`, async () => {
      const found = await tryAll(target, (await target.bases()).flatMap((b) => everywhere(b)), target.axe);
      expect(found, found.join('\n')).to.deep.equal([]);
    });

    it(`${target.name}: random changes (seeded): content or a message, and nothing from the feed runs`, async () => {
      const bases = await target.bases();
      const seeds = FUZZ_SEED !== null ? [FUZZ_SEED] : bases.flatMap((_, b) => Array.from({ length: CASES }, (_, c) => 1000 * (b + 1) + c));
      const found = await tryAll(target, seeds.map((seed) => ({ ...mutated(bases[Math.floor(seed / 1000) - 1] ?? bases[0], seed), seed })));
      expect(found, found.join('\n')).to.deep.equal([]);
    });
  }
});
}
