/**
 * The strict validator of `disclosure-elements validate`: walks a feed against its shape (src/schema/shapes.ts),
 * then runs the element's own tolerant parser and turns everything it would skip or drop into an error too
 * (unique ids, parent links, row lengths …). Unknown keys are warnings (the contract allows added fields).
 */
import {
  ANNUAL_INDEX_SHAPE, ANNUAL_REPORT_SHAPE, CATALOGUE_SHAPE, REQUEST_FORM_SHAPE, detectFeedKind,
} from '../schema/shapes.js';
import type { FeedKind, FeedShape, Shape } from '../schema/shapes.js';
import { parseCatalogue } from '../schema/catalogue.js';
import { parseRequestForm } from '../schema/request-form.js';
import { parseAnnualFeed, parseAnnualIndex } from '../elements/annual-stats/model.js';
import { reconcile } from '../elements/annual-stats/reconcile.js';
import type { FeedIssue } from '../core/feed.js';
import { linkScheme } from './normalize.js';
import { resolveUrl } from '../core/url.js';
import { calendarRunsOut, jurisdictionDefaults } from '../rules/working-days.js';

export interface Problem { path: string; message: string; severity: 'error' | 'warning' }

export const SHAPES: Record<FeedKind, FeedShape> = {
  catalogue: CATALOGUE_SHAPE,
  'request-form': REQUEST_FORM_SHAPE,
  'annual-report': ANNUAL_REPORT_SHAPE,
  'annual-index': ANNUAL_INDEX_SHAPE,
};

/** A short JSON rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v && typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
}

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

function realDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

/** What a shape expects, in words. */
export function expected(shape: Shape, defs: Record<string, Shape>): string {
  if ('ref' in shape) return expected(defs[shape.ref]!, defs) + (shape.nullable ? ' or null' : '');
  if ('anyOf' in shape) return (shape.expected ?? shape.anyOf.map((s) => expected(s, defs)).join(' or ')) + (shape.nullable ? ' or null' : '');
  const n = shape.nullable ? ' or null' : '';
  switch (shape.type) {
    case 'string':
      if (shape.enum) return `one of ${shape.enum.join(', ')}${n}`;
      if (shape.patternName) return shape.patternName + n;
      return (shape.format === 'uri-reference' ? 'a URL' : shape.nonBlank ? 'text (not blank)' : 'text') + n;
    case 'integer': {
      if (shape.minimum === 0) return `a whole number ≥ 0${n}`;
      if (shape.exclusiveMinimum === 0) return `a whole number > 0${n}`;
      if (shape.minimum !== undefined && shape.maximum !== undefined) return `a whole number ${shape.minimum}–${shape.maximum}${n}`;
      return `a whole number${n}`;
    }
    case 'number':
      if (shape.minimum !== undefined && shape.exclusiveMaximum !== undefined) return `a number from ${shape.minimum} to below ${shape.exclusiveMaximum}${n}`;
      if (shape.minimum === 0) return `a number ≥ 0${n}`;
      if (shape.exclusiveMinimum === 0) return `a number > 0${n}`;
      return `a number${n}`;
    case 'boolean': return `true or false${n}`;
    case 'array': return `a list${n}`;
    case 'object': return `an object${n}`;
  }
}

/** Problems of one value against one shape (empty when it fits). */
function check(value: unknown, shape: Shape, path: string, defs: Record<string, Shape>, out: Problem[]): void {
  if (value === null && shape.nullable) return;
  if ('ref' in shape) {
    if (value === null && !shape.nullable && !defs[shape.ref]!.nullable) {
      out.push({ path, message: `expected ${expected(shape, defs)}, got null`, severity: 'error' });
      return;
    }
    check(value, defs[shape.ref]!, path, defs, out);
    return;
  }
  const fail = (): void => { out.push({ path, message: `expected ${expected(shape, defs)}, got ${show(value)}`, severity: 'error' }); };
  if ('anyOf' in shape) {
    // The first alternative whose type fits decides (so nested problems get their precise path).
    for (const alt of shape.anyOf) {
      const trial: Problem[] = [];
      check(value, alt, path, defs, trial);
      if (!trial.some((p) => p.severity === 'error')) { out.push(...trial); return; }
    }
    const fitting = shape.anyOf.find((alt) => typeFits(value, alt, defs));
    if (fitting) check(value, fitting, path, defs, out);
    else fail();
    return;
  }
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') return fail();
      if (shape.enum && !shape.enum.includes(value)) return fail();
      if (shape.nonBlank && !value.trim()) return fail();
      // The elements drop them as they read a feed ("Trojan Source"): an override or mark would reorder what follows.
      const bidi = /\p{Bidi_C}/u.exec(value);
      if (bidi) {
        const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        out.push({ path, message: `holds a Unicode bidirectional control (U+${code}), which the elements drop; remove it`, severity: 'warning' });
      }
      if (shape.pattern && (!new RegExp(shape.pattern).test(value) || (shape.format === 'date' && !realDate(value)))) return fail();
      if (shape.format === 'regex') {
        try { new RegExp(`^(?:${value})$`, 'u'); } catch { out.push({ path, message: `expected a valid regular expression, got ${show(value)}`, severity: 'error' }); }
      }
      // The scheme as a browser reads it: tabs and newlines inside do not hide javascript:.
      if (shape.format === 'uri-reference' && !/^https?:$/.test(linkScheme(value))) {
        out.push({ path, message: `expected an http(s) or relative URL, got ${show(value)}`, severity: 'error' });
      } else if (shape.format === 'uri-reference' && resolveUrl(value, 'http://x/') === null) {
        // The elements resolve links the same way and show none for it: `http://[` or `https://exa mple.org`.
        out.push({ path, message: `expected a URL a browser can read, got ${show(value)}`, severity: 'error' });
      }
      return;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail();
      if (shape.type === 'integer' && !Number.isInteger(value)) return fail();
      if (shape.minimum !== undefined && value < shape.minimum) return fail();
      if (shape.maximum !== undefined && value > shape.maximum) return fail();
      if (shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum) return fail();
      if (shape.exclusiveMaximum !== undefined && value >= shape.exclusiveMaximum) return fail();
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail();
      return;
    case 'array': {
      if (!Array.isArray(value)) return fail();
      if (shape.minItems !== undefined && value.length < shape.minItems) {
        out.push({ path, message: `expected at least ${shape.minItems} entries, got ${value.length}`, severity: 'error' });
      }
      const seen = new Set<string>();
      value.forEach((v, i) => {
        check(v, shape.items, join(path, i), defs, out);
        if (shape.uniqueItems) {
          const k = JSON.stringify(v);
          if (seen.has(k)) out.push({ path: join(path, i), message: `repeats ${show(v)}`, severity: 'error' });
          seen.add(k);
        }
      });
      return;
    }
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return fail();
      const o = value as Record<string, unknown>;
      for (const k of shape.required ?? []) {
        if (o[k] === undefined) out.push({ path: join(path, k), message: `is required (${expected(shape.properties![k]!, defs)})`, severity: 'error' });
      }
      for (const [k, v] of Object.entries(o)) {
        const p = shape.properties?.[k];
        if (p) {
          if (v !== undefined) check(v, p, join(path, k), defs, out);
        } else if (shape.values) {
          check(v, shape.values, join(path, k), defs, out);
        } else {
          out.push({ path: join(path, k), message: 'unknown key (ignored by the elements; a typo?)', severity: 'warning' });
        }
      }
      return;
    }
  }
}

function typeFits(value: unknown, shape: Shape, defs: Record<string, Shape>): boolean {
  if ('ref' in shape) return typeFits(value, defs[shape.ref]!, defs);
  if ('anyOf' in shape) return shape.anyOf.some((s) => typeFits(value, s, defs));
  switch (shape.type) {
    case 'string': return typeof value === 'string';
    case 'integer': case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    case 'object': return !!value && typeof value === 'object' && !Array.isArray(value);
  }
}

/** Shape problems of a whole feed. */
export function checkShape(json: unknown, feed: FeedShape): Problem[] {
  const out: Problem[] = [];
  check(json, feed.root, '', feed.defs, out);
  return out;
}

/** True when `a` is `b` or lies inside it (or the other way round). */
function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return inside(a, b) || inside(b, a);
}

export interface ValidationResult {
  kind: FeedKind | null;
  problems: Problem[];
  /** Number of errors. */
  errors: number;
  /** A one-line description of what the feed holds when valid (e.g. "2,450 items"). */
  summary?: string;
}

/** Validates a parsed JSON value; `kind` forces the feed type, else it is detected from the root keys. */
export function validateFeed(json: unknown, kind: FeedKind | null = detectFeedKind(json)): ValidationResult {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { kind, errors: 1, problems: [{ path: '(root)', message: `expected a JSON object, got ${show(json)}`, severity: 'error' }] };
  }
  if (!kind) {
    return {
      kind, errors: 1,
      problems: [{
        path: '(root)',
        message: 'cannot tell which feed this is: expected "items" (catalogue), "sections" (request form), "year" and "template" (annual report) or "reports" (annual index)',
        severity: 'error',
      }],
    };
  }
  const problems = checkShape(json, SHAPES[kind]);
  // The elements' own parser: whatever it skips or drops is an error here too.
  let parserIssues: FeedIssue[] = [];
  let rootError: string | null = null;
  let summary: string | undefined;
  const base = 'https://feed.invalid/feed.json';
  if (kind === 'catalogue') {
    const r = parseCatalogue(json, base);
    if (r.ok) { parserIssues = r.warnings; summary = `${r.data.items.length.toLocaleString('en')} items, ${r.data.categories.length} categories`; } else rootError = r.message;
  } else if (kind === 'request-form') {
    const r = parseRequestForm(json, base);
    if (r.ok) {
      parserIssues = r.warnings;
      summary = `${r.form.sections.length} sections, ${r.form.sections.reduce((n, s) => n + s.fields.length, 0)} fields`;
      // As insecureEndpoint (src/elements/request-form/net.ts): no name or ID number goes over plain http but to this
      // computer. <request-form> can then only be printed, <request-status> refuses every lookup.
      const endpoints = { 'submit.endpoint': r.form.submit.mode === 'api' ? r.form.submit.endpoint : undefined, 'status.endpoint': r.form.status?.endpoint };
      for (const [path, url] of Object.entries(endpoints)) {
        const u = url ? new URL(url) : null;
        if (u?.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) {
          problems.push({ path, message: `${show(url)} is plain http: the elements send no personal data over it (the form can only be printed, a lookup is refused); use https`, severity: 'error' });
        }
      }
      // A zone Intl does not know is dropped by the parser (the jurisdiction's applies): said here in full.
      const tz = (json as { rules?: { timeZone?: unknown } }).rules?.timeZone;
      if (typeof tz === 'string' && r.form.rules?.timeZone === undefined) {
        problems.push({
          path: 'rules.timeZone',
          message: `${show(tz)} is not an IANA time zone name (e.g. "America/Denver", "Europe/London"): the elements and the intake ` +
            `server ignore it and date receipts and due dates in ${jurisdictionDefaults(r.form.jurisdiction).timeZone}, the jurisdiction's`,
          severity: 'error',
        });
      }
      // As the intake server logs it: a calendar that ends within 90 days gives due dates that skip no holiday after it.
      // A US or UK agency's holidays are the feed's too (the library knows none), said in its own terms.
      const j = r.form.jurisdiction;
      const last = j !== 'custom' ? calendarRunsOut(r.form.rules?.calendar, new Date()) : null;
      if (last != null) {
        problems.push({
          path: 'rules.calendar',
          message: j.startsWith('CN')
            ? `${last ? `the last day listed is ${last}` : 'no holidays or 调休 working days are listed'}: due dates after it count only ` +
              'weekends as days off; add the next year\'s 放假安排 (国务院办公厅通知, published in November or December)'
            : `${last ? `the last day listed is ${last}: due dates after it` : 'no holidays are listed: due dates'} count only weekends as ` +
              `days off; add ${last ? 'the next year\'s' : 'the'} public holidays (for ${j} the ${j === 'US-FOIA' ? 'federal holidays, as observed' : 'bank holidays'})`,
          severity: 'warning',
        });
      }
    } else rootError = r.message;
  } else if (kind === 'annual-report') {
    const r = parseAnnualFeed(json, base);
    if (r.ok) {
      parserIssues = r.warnings;
      summary = `${r.report.year} report, template ${r.report.template}`;
      // Figures that do not add up are shown by the element as warnings, never refused: warnings here too.
      if (r.report.template === 'CN-2021' || r.report.template === 'CN-2019') {
        for (const i of reconcile(r.report)) {
          const where = i.table === 3 ? `applications.${i.row ?? 'results.total'}` : (i.row ?? 'reviewLitigation');
          problems.push({
            path: `${where}${i.column ? `[${i.column}]` : ''}`,
            message: `figures do not add up (${i.rule}): expected ${i.expected}, found ${i.actual}`,
            severity: 'warning',
          });
        }
      }
    } else rootError = r.message;
  } else {
    const r = parseAnnualIndex(json, base);
    if (r.ok) { parserIssues = r.warnings; summary = `${r.reports.length} years`; } else rootError = r.message;
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (rootError && errors.length === 0) problems.push({ path: '(root)', message: rootError, severity: 'error' });
  for (const issue of parserIssues) {
    const path = issue.path || '(root)';
    if (errors.some((e) => related(e.path, path))) continue;
    problems.push({ path, message: issue.message, severity: 'error' });
  }
  const order = (p: string) => p.replace(/\[(\d+)\]/g, (_, n: string) => `[${n.padStart(9, '0')}]`);
  problems.sort((a, b) => (order(a.path) < order(b.path) ? -1 : order(a.path) > order(b.path) ? 1 : 0));
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  return { kind, problems, errors: errorCount, summary: errorCount ? undefined : summary };
}
