/**
 * The request-form feed (feeds.md §2): types, tolerant parsing, and the answer rules that the
 * browser element `<request-form>` and the reference intake server (demo/server) both apply.
 * Pure functions only: no DOM, no Node APIs, so the same code runs in both places.
 */
import { checkSchemaVersion, type FeedIssue } from '../core/feed.js';
import { dateFormat } from '../core/format.js';
import type { LocaleId } from '../core/locale.js';
import { safeHref } from '../core/url.js';
import { isJurisdiction, isRealDate, jurisdictionDefaults } from '../rules/working-days.js';
import { isValidatorName, normalizeValue, validate } from '../validators/index.js';
import type { ValidatorCode, ValidatorName } from '../validators/index.js';
import { FIELD_TYPES, JURISDICTIONS, MAX_WORKING_DAYS, OUTCOMES, REQUEST_STATUSES } from './constants/request-form.js';

/* ------------------------------------------------------------------ value unions */

export { JURISDICTIONS, FIELD_TYPES, REQUEST_STATUSES, OUTCOMES };
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type FieldType = (typeof FIELD_TYPES)[number];
/** Where an application stands (feeds.md §2, "Status values"). */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** How an answered application ended: one value per leaf row of the national Table 三. */
export type Outcome = (typeof OUTCOMES)[number];

/** `dict[key]` when it is the dictionary's own entry: a key from a feed or a server (`constructor`, `__proto__`) never
 * reaches Object.prototype. */
export function own<T>(dict: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

export function isRequestStatus(x: unknown): x is RequestStatus {
  return typeof x === 'string' && (REQUEST_STATUSES as readonly string[]).includes(x);
}

export function isOutcome(x: unknown): x is Outcome {
  return typeof x === 'string' && (OUTCOMES as readonly string[]).includes(x);
}

export function isFieldType(x: unknown): x is FieldType {
  return typeof x === 'string' && (FIELD_TYPES as readonly string[]).includes(x);
}

/* ------------------------------------------------------------------ feed types */

export interface FieldOption {
  value: string;
  label: string;
}

/** Shows a field only for the given applicant type(s). */
export interface ShowWhen {
  applicantType: string | string[];
}

export interface FormField {
  /** Unique across the whole form; standard names (feeds.md §2) get built-in behaviour. */
  name: string;
  type: FieldType;
  label: string;
  help?: string;
  required?: boolean;
  showWhen?: ShowWhen;
  /** Built-in validator; `null` switches off the default one a standard name or type would get. */
  validator?: ValidatorName | null;
  /**
   * Extension (optional): apply `validator` only when these other fields have one of these values,
   * e.g. `{ "idType": ["residentId"] }` so a passport number is not checked as a resident ID number.
   */
  validatorWhen?: Record<string, string | string[]>;
  /**
   * Extension (optional): required only when these other fields have one of these values, e.g.
   * `{ "delivery": ["email"] }` on `email`: whoever wants the answer by e-mail must give an address. All listed fields
   * must match, as for `validatorWhen`.
   */
  requiredWhen?: Record<string, string | string[]>;
  /** Anchored like the HTML `pattern` attribute: the whole value must match. */
  pattern?: string | null;
  /** In characters (Unicode code points), not UTF-16 units. */
  maxLength?: number | null;
  /** select | radio | checkbox. A checkbox without options is a single yes/no box. */
  options?: FieldOption[];
  multiple?: boolean;
  /** file: comma-separated extensions (`.pdf`) and media types (`image/png`, `image/*`). */
  accept?: string;
  /** file: largest size of one file, in MiB. */
  maxSizeMB?: number;
}

export interface FormSection {
  id: string;
  title: string;
  help?: string;
  fields: FormField[];
}

export interface ApplicantTypeOption {
  id: string;
  label: string;
}

export interface OfficeInfo {
  name?: string;
  address?: string;
  hours?: string;
  phone?: string;
  email?: string;
  postcode?: string;
}

export interface AgencyInfo {
  name: string;
  office?: OfficeInfo;
}

export interface WorkingCalendar {
  /** 法定节假日: dates (YYYY-MM-DD) that are not working days although they fall on Monday–Friday. */
  holidays?: string[];
  /** 调休: weekend dates (YYYY-MM-DD) that are working days. */
  extraWorkdays?: string[];
}

export interface RequestRules {
  replyWorkingDays?: number;
  extensionWorkingDays?: number;
  calendar?: WorkingCalendar;
  /**
   * The agency's IANA time zone ("America/Denver"), which dates receipt and due dates; default: the jurisdiction's
   * (Asia/Shanghai, America/New_York, Europe/London). Canonical after parsing.
   */
  timeZone?: string;
}

export interface SubmitConfig {
  mode: 'api' | 'print';
  /** Absolute after parsing (resolved against the feed URL). Absent in print mode. */
  endpoint?: string;
  encoding?: 'json' | 'multipart';
}

export interface StatusConfig {
  /** Absolute after parsing. Absent when the feed gives only `page` (<request-status> then says it has no address). */
  endpoint?: string;
  /** The portal's page with <request-status> (http(s), absolute after parsing): the receipt links to it with `?querycode=`. */
  page?: string;
}

export interface RequestFormFeed {
  schemaVersion: 1;
  jurisdiction: Jurisdiction;
  agency: AgencyInfo;
  intro?: string;
  privacyNotice?: string;
  rules?: RequestRules;
  applicantTypes: ApplicantTypeOption[];
  sections: FormSection[];
  submit: SubmitConfig;
  status?: StatusConfig;
}

/* ------------------------------------------------------------------ submissions and answers */

/** A file as the rules see it: a browser `File` fits, and so does the server's description of an uploaded part. */
export interface SubmittedFile {
  name: string;
  size: number;
  /** Media type, e.g. `application/pdf`; may be empty. */
  type?: string;
}

export type FieldValue = string | string[] | SubmittedFile | SubmittedFile[];

/** The body of `POST submit.endpoint` (JSON encoding; multipart carries the same names as parts). */
export interface Submission {
  applicantType: string;
  fields: Record<string, FieldValue>;
}

/** `201` answer to a submission. */
export interface Receipt {
  requestId: string;
  queryCode: string;
  receivedAt: string;
  dueDate: string;
  status: RequestStatus;
}

export interface StatusHistoryEntry {
  status: RequestStatus;
  at: string;
  note?: string;
}

/** Answer of `GET status.endpoint?queryCode=…&name=…`. */
export interface StatusAnswer {
  queryCode: string;
  status: RequestStatus;
  outcome?: Outcome | null;
  receivedAt: string;
  dueDate: string;
  /** Extension (optional): the due date has passed and the application is not answered or withdrawn. */
  overdue?: boolean;
  history: StatusHistoryEntry[];
}

/** `4xx` answer of the intake API. `fields` maps field names to FieldProblem codes. */
export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export type FieldProblemCode =
  | 'required'
  | 'tooLong'
  | 'pattern'
  | 'option'
  | ValidatorCode
  | 'fileType'
  /** Server only: the content is not what the file's name says, nor another type the field accepts. */
  | 'fileContent'
  | 'fileSize'
  | 'unknownField'
  /** The value has the wrong shape: a list where one value belongs, not a date, several files for one, … */
  | 'invalidValue';

export interface FieldProblem {
  code: FieldProblemCode;
}

/* ------------------------------------------------------------------ form helpers */

/** Every field of the form, in order, regardless of visibility. */
export function allFields(form: RequestFormFeed): FormField[] {
  return form.sections.flatMap((s) => s.fields);
}

export function findField(form: RequestFormFeed, name: string): FormField | undefined {
  for (const s of form.sections) for (const f of s.fields) if (f.name === name) return f;
  return undefined;
}

function showsFor(field: FormField, applicantType: string): boolean {
  const want = field.showWhen?.applicantType;
  if (want === undefined) return true;
  return Array.isArray(want) ? want.includes(applicantType) : want === applicantType;
}

/** The fields an applicant of this type sees (and may submit), in form order. */
export function visibleFields(form: RequestFormFeed, applicantType: string): FormField[] {
  return allFields(form).filter((f) => showsFor(f, applicantType));
}

/** The reply rules in force: the feed's `rules` over the jurisdiction defaults (working days, calendar, time zone). */
export function resolveRules(form: RequestFormFeed): {
  replyWorkingDays: number;
  extensionWorkingDays: number;
  timeZone: string;
  calendar: { holidays: string[]; extraWorkdays: string[] };
} {
  const d = jurisdictionDefaults(form.jurisdiction);
  return {
    replyWorkingDays: form.rules?.replyWorkingDays ?? d.replyWorkingDays,
    extensionWorkingDays: form.rules?.extensionWorkingDays ?? d.extensionWorkingDays,
    timeZone: form.rules?.timeZone ?? d.timeZone,
    calendar: { holidays: [...(form.rules?.calendar?.holidays ?? [])], extraWorkdays: [...(form.rules?.calendar?.extraWorkdays ?? [])] },
  };
}

/** `description` is always required; other fields when the feed says so, or when `requiredWhen` holds for `submission`. */
export function isRequired(field: FormField, submission?: Submission): boolean {
  if (field.required === true || field.name === 'description') return true;
  return !!field.requiredWhen && !!submission && conditionHolds(field.requiredWhen, submission);
}

/** True for fields whose value is a list: checkbox groups and multiple selects. */
export function isListField(field: FormField): boolean {
  return field.type === 'checkbox' ? !!field.options?.length : field.type === 'select' && field.multiple === true;
}

/** A checkbox without options: one yes/no box (e.g. `declaration`). */
export function isSingleCheckbox(field: FormField): boolean {
  return field.type === 'checkbox' && !field.options?.length;
}

const CHECKED_VALUES = new Set(['true', 'on', 'yes', '1']);
const UNCHECKED_VALUES = new Set(['', 'false', 'off', 'no', '0']);

/** The validator a field gets: its own (`null` = none), else `email` for email fields. */
export function effectiveValidator(field: FormField): ValidatorName | null {
  if (field.validator !== undefined) return field.validator;
  if (field.type === 'email' || field.name === 'email') return 'email';
  return null;
}

/** Characters as a reader counts them (code points), so one rare 汉字 outside the BMP counts once. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const patternCache = new Map<string, RegExp | null>();

/**
 * Whether matching `pattern` can take time that explodes with the input's length (catastrophic backtracking), so a
 * feed with it would freeze the applicant's tab for seconds per keystroke at 30 characters. Risky: a backreference, or
 * a group repeated without bound (or more than 10 times) that holds an unbounded repeat and has no separator it must
 * match in every branch (a wildcard repeat, `.*` or `[^…]+`, can eat the separator, so then none counts): `(a+)+`,
 * `(\w*\s?)*`, `((a+))+`, `(a+|b)*`, `(.*a){20}`. Safe: `(-\d+)*`, `( [A-Za-z]+)*`, `(\.\w+)+`,
 * `(\d{3}-)?`, where a literal such as "-" separates the repeats. Also risky: a repeated group whose branches may
 * begin alike, so that one text splits into branches in exponentially many ways: `(a|aa)+`, `(\d|\d\d)*`, `(.|x)+`
 * (the literal text a branch begins with is the start of another's, two begin with the same class or escape, or one
 * begins with a wildcard). Safe: `(jpg|png)+`, `(\.pdf|\.png)+`, `(\d|-)+`. Branches that begin differently yet
 * overlap, `(\d|[0-9]x)+`, are not caught.
 */
export function riskyPattern(p: string): boolean {
  if (/\\[1-9]|\\k</.test(p)) return true;
  // `rep`: holds an unbounded repeat; `sep`: has a separator it must match; `ok`: every branch so far has one;
  // `wild`: an unbounded repeat of something that also matches separators (. [^…] \S \W \D), so none counts.
  // `leads`: how each branch begins: its literal text up to the first other atom, or else that atom (a class, an
  // escape, '(' and a position for a group; '' for a wildcard); `open`: the last branch's lead may still grow.
  interface Group { rep: boolean; sep: boolean; ok: boolean; wild: boolean; leads: string[]; open: boolean }
  const group = (): Group => ({ rep: false, sep: false, ok: true, wild: false, leads: [''], open: true });
  /** Adds an atom to the lead of the current branch: literal text (`more`: the lead may go on), or another atom. */
  const lead = (g: Group, token: string, literal: boolean, more: boolean) => {
    const k = g.leads.length - 1;
    if (g.open && (literal || !g.leads[k])) g.leads[k] += token;
    g.open &&= more;
  };
  // Quantifier kinds (numbers, not words, to keep the shipped code short).
  const ONE = 0;
  const SOME = 1;
  const MANY = 2;
  const stack: Group[] = [group()];
  /** The quantifier at j: MANY (unbounded, or more than 10), ONE (none, or exactly 1), else SOME; and its end. */
  const quantifier = (j: number): [number, number] => {
    const lazy = (k: number) => k + (p[k] === '?' ? 1 : 0);
    if (p[j] === '*' || p[j] === '+') return [MANY, lazy(j + 1)];
    if (p[j] === '?') return [SOME, lazy(j + 1)];
    const m = p[j] === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(p.slice(j)) : null;
    if (!m) return [ONE, j];
    const max = m[2] === undefined ? +m[1]! : m[3] === '' ? Infinity : +m[3]!;
    return [max > 10 ? MANY : max === 1 && +m[1]! === 1 ? ONE : SOME, lazy(j + m[0].length)];
  };
  for (let i = 0; i < p.length; ) {
    const top = stack[stack.length - 1]!;
    const c = p[i]!;
    if (c === '(') {
      lead(top, `(${i}`, false, false);
      stack.push(group());
      // (?: (?= (?! (?<= (?<! (?<name>
      i = p[i + 1] !== '?' ? i + 1 : p[i + 2] === '<' && p[i + 3] !== '=' && p[i + 3] !== '!' ? p.indexOf('>', i) + 1 : i + (p[i + 2] === '<' ? 4 : 3);
      continue;
    }
    if (c === '|') {
      top.ok &&= top.sep;
      top.sep = false;
      top.leads.push('');
      top.open = true;
      i++;
      continue;
    }
    if (c === ')') {
      const g = stack.length > 1 ? stack.pop()! : top;
      const parent = stack[stack.length - 1]!;
      g.ok &&= g.sep && !g.wild;
      const [kind, next] = quantifier(i + 1);
      if (kind === MANY && ((g.rep && !g.ok) || (g.leads.length > 1 && g.leads.some((a, k) => !a || g.leads.some((b, l) => l !== k && b.startsWith(a)))))) {
        return true;
      }
      if (kind === MANY || g.rep) parent.rep = true;
      if (g.wild) parent.wild = true;
      if (g.ok && kind === ONE) parent.sep = true;
      i = next;
      continue;
    }
    let literal = false;
    const wild = c === '.' || (c === '[' && p[i + 1] === '^') || (c === '\\' && /[SWD]/.test(p[i + 1] ?? ''));
    let j = i + 1;
    if (c === '[') {
      // A character class: to its unescaped closing bracket (one right after [ or [^ is a member).
      j = i + (p[i + 1] === '^' ? 2 : 1);
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      j++;
    } else if (c === '\\') {
      literal = !/[dDwWsSbBpPuxc]/.test(p[i + 1] ?? '');
      j = /[pPu]/.test(p[i + 1] ?? '') && p[i + 2] === '{' ? p.indexOf('}', i) + 1 : i + 2;
    } else if (c === '^' || c === '$') {
      i++;
      continue;
    } else {
      literal = c !== '.';
    }
    const [kind, next] = quantifier(j);
    lead(top, wild ? '' : p.slice(i, j), literal, literal && kind === ONE);
    if (kind === MANY) top.rep = true;
    if (kind === MANY && wild) top.wild = true;
    if (literal && kind === ONE) top.sep = true;
    i = next;
  }
  return false;
}

/** The field's pattern as an anchored RegExp (like HTML's `pattern`), or null when absent, invalid or risky. */
export function compilePattern(pattern: string | null | undefined): RegExp | null {
  if (typeof pattern !== 'string' || pattern === '' || riskyPattern(pattern)) return null;
  if (!patternCache.has(pattern)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      /* not a valid pattern: null */
    }
    patternCache.set(pattern, re);
  }
  return patternCache.get(pattern)!;
}

function isFileValue(x: unknown): x is SubmittedFile {
  return (
    typeof x === 'object' && x !== null && typeof (x as SubmittedFile).name === 'string' && typeof (x as SubmittedFile).size === 'number'
  );
}

/** Extensions and media types of an `accept` list, lower-cased. Empty when there is no list. */
export function parseAccept(accept: string | undefined): { extensions: string[]; types: string[] } {
  const tokens = (accept ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return { extensions: tokens.filter((t) => t.startsWith('.')), types: tokens.filter((t) => t.includes('/')) };
}

/** The lower-cased extension of a file name, with its dot (`.pdf`), or '' when it has none. */
export function fileExtension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Whether a file fits an `accept` list (by extension or media type); any file fits when there is no list. */
export function fileMatchesAccept(file: SubmittedFile, accept: string | undefined): boolean {
  const { extensions, types } = parseAccept(accept);
  if (extensions.length === 0 && types.length === 0) return true;
  const ext = fileExtension(file.name);
  if (ext && extensions.includes(ext)) return true;
  const type = (file.type ?? '').toLowerCase().split(';')[0]!.trim();
  if (!type) return false;
  return types.some((t) => (t.endsWith('/*') ? type.startsWith(t.slice(0, -1)) : t === type));
}

function valueOf(submission: Submission, name: string): FieldValue | undefined {
  const fields = submission.fields;
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/** Whether `validatorWhen` (if any) holds for this submission. */
function validatorApplies(field: FormField, submission: Submission): boolean {
  return !field.validatorWhen || conditionHolds(field.validatorWhen, submission);
}

/** Whether every field named in `when` has one of the values listed for it. */
function conditionHolds(when: Record<string, string | string[]>, submission: Submission): boolean {
  for (const [other, wanted] of Object.entries(when)) {
    const v = other === 'applicantType' ? submission.applicantType : valueOf(submission, other);
    const list = Array.isArray(wanted) ? wanted : [wanted];
    const actual = typeof v === 'string' ? [v.trim()] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    if (!actual.some((a) => list.includes(a))) return false;
  }
  return true;
}

/** Checks one field's value; null when it is fine. */
export function checkField(field: FormField, value: FieldValue | undefined, submission: Submission): FieldProblem | null {
  const required = isRequired(field, submission);

  if (field.type === 'file') {
    // '' stands for "no file chosen" (what some FormData encoders send for an empty file input).
    const files = (value === undefined ? [] : [value].flat()).filter((f) => f !== '');
    if (!files.every(isFileValue)) return { code: 'invalidValue' };
    const real = (files as SubmittedFile[]).filter((f) => f.name !== '' || f.size > 0);
    if (real.length === 0) return required ? { code: 'required' } : null;
    if (real.length > 1 && field.multiple !== true) return { code: 'invalidValue' };
    for (const f of real) if (!fileMatchesAccept(f, field.accept)) return { code: 'fileType' };
    if (typeof field.maxSizeMB === 'number') {
      const max = field.maxSizeMB * 1024 * 1024;
      for (const f of real) if (f.size > max) return { code: 'fileSize' };
    }
    return null;
  }

  if (value !== undefined && typeof value !== 'string' && !Array.isArray(value)) return { code: 'invalidValue' };
  if (Array.isArray(value) && !value.every((v) => typeof v === 'string')) return { code: 'invalidValue' };
  const list = value === undefined ? [] : ([value].flat() as string[]).map((v) => v.trim()).filter((v) => v !== '');

  if (isSingleCheckbox(field)) {
    if (list.length > 1) return { code: 'invalidValue' };
    const v = (list[0] ?? '').toLowerCase();
    if (!CHECKED_VALUES.has(v) && !UNCHECKED_VALUES.has(v)) return { code: 'invalidValue' };
    return required && !CHECKED_VALUES.has(v) ? { code: 'required' } : null;
  }

  if (list.length === 0) return required ? { code: 'required' } : null;

  if (isListField(field)) {
    const allowed = new Set((field.options ?? []).map((o) => o.value));
    return list.every((v) => allowed.has(v)) ? null : { code: 'option' };
  }
  if (list.length > 1) return { code: 'invalidValue' };
  const v = list[0]!;

  if (field.type === 'select' || field.type === 'radio') {
    return (field.options ?? []).some((o) => o.value === v) ? null : { code: 'option' };
  }
  if (field.type === 'date' && !isRealDate(v)) return { code: 'invalidValue' };
  if (typeof field.maxLength === 'number' && codePointLength(v) > field.maxLength) return { code: 'tooLong' };
  const re = compilePattern(field.pattern);
  if (re && !re.test(v)) return { code: 'pattern' };
  const validator = effectiveValidator(field);
  if (validator && validatorApplies(field, submission)) {
    const code = validate(validator, v);
    if (code) return { code };
  }
  return null;
}

/**
 * Checks a submission against the form: applicant type, every visible field (required, length in code points,
 * pattern, options, validator, file type and size), and names the form does not know (`unknownField`).
 * Values of fields hidden for this applicant type are ignored. An empty result means the answers are fine.
 */
export function checkAnswers(form: RequestFormFeed, submission: Submission): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const known = new Set(allFields(form).map((f) => f.name));
  const applicantType = typeof submission.applicantType === 'string' ? submission.applicantType : '';
  if (form.applicantTypes.length > 0) {
    if (applicantType === '') problems.applicantType = { code: 'required' };
    else if (!form.applicantTypes.some((t) => t.id === applicantType)) problems.applicantType = { code: 'option' };
  }
  const fields = submission.fields && typeof submission.fields === 'object' ? submission.fields : {};
  const normalized: Submission = { applicantType, fields };
  for (const key of Object.keys(fields)) {
    if (!known.has(key) && key !== 'applicantType') problems[key] = { code: 'unknownField' };
  }
  for (const field of visibleFields(form, applicantType)) {
    let value = valueOf(normalized, field.name);
    if (field.name === 'applicantType' && value === undefined) value = applicantType;
    if (problems[field.name]) continue;
    const problem = checkField(field, value, normalized);
    if (problem) problems[field.name] = problem;
  }
  return problems;
}

/**
 * The submission as it should be stored: only the visible fields of the form, strings trimmed, empty values
 * dropped, and validated values in their normalized form (e.g. a lower-case `x` in an ID number upper-cased).
 * Run `checkAnswers` first; this does not check anything.
 */
export function cleanSubmission(form: RequestFormFeed, submission: Submission): Submission {
  const fields: Record<string, FieldValue> = {};
  for (const field of visibleFields(form, submission.applicantType)) {
    const value = valueOf(submission, field.name);
    if (value === undefined) continue;
    if (field.type === 'file') {
      const files = [value].flat().filter(isFileValue);
      if (files.length) fields[field.name] = field.multiple === true || Array.isArray(value) ? files : files[0]!;
      continue;
    }
    const list = [value]
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (list.length === 0) continue;
    if (isListField(field)) {
      fields[field.name] = list;
      continue;
    }
    let v = list[0]!;
    if (isSingleCheckbox(field)) v = CHECKED_VALUES.has(v.toLowerCase()) ? 'true' : 'false';
    const validator = effectiveValidator(field);
    if (validator && validatorApplies(field, submission) && validate(validator, v) === null) v = normalizeValue(validator, v);
    fields[field.name] = v;
  }
  return { applicantType: submission.applicantType, fields };
}

/* ------------------------------------------------------------------ parsing */

export type RequestFormParseResult =
  | { ok: true; form: RequestFormFeed; /** Same object as `form`, for the shared feed loader. */ data: RequestFormFeed; warnings: FeedIssue[] }
  | { ok: false; error: 'schemaVersion' | 'invalidRoot'; message: string; detail?: string };

type Json = Record<string, unknown>;
/** Records a problem found in the feed: where (a JSON path) and what. */
type Warn = (path: string, message: string) => void;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string';
const text = (x: unknown): string | undefined => (isText(x) ? x : undefined);
const nonEmpty = (x: unknown): string | undefined => (isText(x) && x.trim() !== '' ? x : undefined);

function parseOptions(raw: unknown, path: string, warn: Warn): FieldOption[] | undefined {
  if (raw == null) return undefined;
  if (!Array.isArray(raw)) return void warn(path, 'must be a list of {value, label}');
  const out: FieldOption[] = [];
  raw.forEach((o, i) => {
    if (!isObject(o) || !isText(o.value) || o.value === '' || !isText(o.label)) warn(`${path}[${i}]`, 'needs a value and a label (text)');
    else if (out.some((x) => x.value === o.value)) warn(`${path}[${i}].value`, `"${o.value}" appears twice`);
    else out.push({ value: o.value, label: o.label });
  });
  return out;
}

/** `obj[key]` when it is a positive number (`whole`: a positive whole number); else undefined, with a warning unless absent. */
function positive(obj: Json, key: string, path: string, warn: Warn, whole?: boolean): number | undefined {
  const v = obj[key];
  if (v == null) return undefined;
  if (typeof v === 'number' && v > 0 && v < Infinity && (!whole || Number.isInteger(v))) return v;
  warn(`${path}.${key}`, whole ? 'must be a positive whole number' : 'must be a positive number');
}

/** Sets `obj[key]` to `value` unless it is undefined. */
function put<T, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

const isWhen = (w: unknown) =>
  isObject(w) && Object.values(w).every((v) => isText(v) || (Array.isArray(v) && v.every(isText))) ? w : undefined;

/**
 * The optional keys of a field that every type may have, in order: how each is read (undefined: left out), and what is
 * said when a value is given but cannot be used (nothing for keys that are left out silently).
 */
const FIELD_KEYS: [keyof FormField, (v: unknown) => unknown, ((v: unknown) => string)?][] = [
  ['help', (v) => text(v) || undefined],
  ['required', (v) => v === true || undefined],
  ['showWhen', (v) => {
    const at = isObject(v) ? v.applicantType : undefined;
    return isText(at) || (Array.isArray(at) && at.length > 0 && at.every(isText)) ? { applicantType: at } : undefined;
  }, () => 'must be {"applicantType": "…"}; the field is shown to everyone'],
  ['validator', (v) => (v === null || isValidatorName(v) ? v : undefined), (v) => `unknown validator ${JSON.stringify(v)}; ignored`],
  ['validatorWhen', isWhen, () => 'must map field names to values; ignored'],
  ['requiredWhen', isWhen, () => 'must map field names to values; ignored'],
  ['pattern', (v) => (isText(v) && compilePattern(v) ? v : undefined),
    () => 'is not a valid regular expression, or could take very long to match (nested repeats); ignored'],
];

function parseField(raw: unknown, path: string, warn: Warn, names: Set<string>): FormField | null {
  const skip = (at: string, why: string): null => (warn(path + at, `${why}; field skipped`), null);
  if (!isObject(raw)) return skip('', 'must be an object');
  const name = nonEmpty(raw.name);
  if (!name) return skip('.name', 'is missing');
  const label = nonEmpty(raw.label);
  if (!label) return skip('.label', 'is missing');
  const type = raw.type;
  if (!isFieldType(type)) return skip('.type', `unknown field type ${JSON.stringify(type)}`);
  // `constructor`, `__proto__`, `toString` … would be read from Object.prototype wherever answers are looked up. (Not
  // what a host page added there, enumerable: `email` is not reserved on a page whose scripts polluted the prototype.)
  if (name in Object.prototype && !Object.prototype.propertyIsEnumerable(name)) return skip('.name', `"${name}" is reserved`);
  if (names.has(name)) return skip('.name', `"${name}" is used twice`);
  const field: FormField = { name, type, label };
  const f = field as unknown as Json;
  for (const [key, read, why] of FIELD_KEYS) {
    const v = raw[key];
    if (v === undefined) continue;
    const value = read(v);
    if (value !== undefined) f[key] = value;
    else if (v !== null && why) warn(`${path}.${key}`, why(v));
  }
  put(field, 'maxLength', positive(raw, 'maxLength', path, warn, true));

  const choice = type === 'select' || type === 'radio';
  if (choice || type === 'checkbox') {
    const options = parseOptions(raw.options, `${path}.options`, warn);
    if (!options?.length) {
      if (choice) return skip('.options', `a ${type} needs options`);
    } else field.options = options;
  }
  if (raw.multiple === true && (type === 'select' || type === 'file' || type === 'checkbox')) field.multiple = true;

  if (type === 'file') {
    if (raw.accept !== undefined) {
      if (isText(raw.accept)) field.accept = raw.accept;
      else warn(`${path}.accept`, 'must be text such as ".pdf,.jpg"; ignored');
    }
    put(field, 'maxSizeMB', positive(raw, 'maxSizeMB', path, warn));
  }
  names.add(name);
  return field;
}

function parseCalendar(raw: unknown, path: string, warn: Warn): WorkingCalendar | undefined {
  if (raw == null) return undefined;
  if (!isObject(raw)) return void warn(path, 'must be {"holidays": [...], "extraWorkdays": [...]}; ignored');
  const cal: WorkingCalendar = {};
  for (const key of ['holidays', 'extraWorkdays'] as const) {
    const list = raw[key];
    if (list == null) continue;
    if (!Array.isArray(list)) {
      warn(`${path}.${key}`, 'must be a list of YYYY-MM-DD dates; ignored');
      continue;
    }
    cal[key] = list.filter((d, i) => {
      // A real date is also a DATE_PATTERN match (month 01–12, day 01–31): isRealDate alone decides.
      const ok = isText(d) && isRealDate(d);
      if (!ok) warn(`${path}.${key}[${i}]`, 'is not a YYYY-MM-DD date; skipped');
      return ok;
    });
  }
  return cal;
}

function parseRules(raw: unknown, warn: Warn): RequestRules | undefined {
  if (raw == null) return undefined;
  if (!isObject(raw)) return void warn('rules', 'must be an object; the jurisdiction defaults apply');
  const rules: RequestRules = {};
  for (const key of ['replyWorkingDays', 'extensionWorkingDays'] as const) {
    const days = positive(raw, key, 'rules', warn, true);
    if (days! > MAX_WORKING_DAYS) warn(`rules.${key}`, `must be at most ${MAX_WORKING_DAYS}; the jurisdiction default is used`);
    else put(rules, key, days);
  }
  put(rules, 'calendar', parseCalendar(raw.calendar, 'rules.calendar', warn));
  const tz = raw.timeZone;
  if (tz != null) {
    try {
      // Intl refuses an unknown zone (a RangeError) and gives a known one its canonical spelling.
      put(rules, 'timeZone', dateFormat('en' as LocaleId, { timeZone: isText(tz) ? tz : '?' }).resolvedOptions().timeZone);
    } catch {
      warn('rules.timeZone', 'is not a time zone; ignored');
    }
  }
  return rules;
}

function parseEndpoint(raw: unknown, path: string, feedUrl: string, warn: Warn): string | undefined {
  if (raw == null) return undefined;
  const href = safeHref(raw, feedUrl);
  if (!href) warn(path, 'must be an http(s) URL or relative to the feed; ignored');
  return href ?? undefined;
}

/**
 * Parses a request-form feed: strict at the root (schemaVersion 1, a `sections` list), tolerant below it —
 * a field with an unknown type or without name or label is skipped and reported in `warnings`.
 * Relative endpoints are resolved against `feedUrl`; only http(s) endpoints are kept.
 */
export function parseRequestForm(json: unknown, feedUrl: string): RequestFormParseResult {
  if (!isObject(json)) return { ok: false, error: 'invalidRoot', message: 'The form feed is not a JSON object.' };
  // Missing or newer than 1: the rule every feed shares (with the same messages).
  const refused = checkSchemaVersion(json);
  if (refused) return refused;
  const v = json.schemaVersion as number;
  if (Math.floor(v) < 1) {
    return { ok: false, error: 'invalidRoot', message: `schemaVersion ${v} is not supported.`, detail: 'schemaVersion' };
  }
  if (!Array.isArray(json.sections)) {
    return { ok: false, error: 'invalidRoot', message: 'The form feed has no "sections" list.', detail: 'sections' };
  }
  const warnings: FeedIssue[] = [];
  const warn: Warn = (path, message) => void warnings.push({ path, message });

  let jurisdiction: Jurisdiction = 'custom';
  if (isJurisdiction(json.jurisdiction)) jurisdiction = json.jurisdiction;
  else if (json.jurisdiction !== undefined) warn('jurisdiction', `unknown jurisdiction ${JSON.stringify(json.jurisdiction)}; "custom" is used`);

  const agencyRaw = isObject(json.agency) ? json.agency : {};
  const agency: AgencyInfo = { name: text(agencyRaw.name) ?? '' };
  if (!agency.name) warn('agency.name', 'is missing');
  if (isObject(agencyRaw.office)) {
    const office: OfficeInfo = {};
    for (const key of ['name', 'address', 'hours', 'phone', 'email', 'postcode'] as const) put(office, key, text(agencyRaw.office[key]));
    agency.office = office;
  }

  const applicantTypes: ApplicantTypeOption[] = [];
  const types = json.applicantTypes;
  if (types !== undefined) {
    if (!Array.isArray(types)) warn('applicantTypes', 'must be a list; ignored');
    else
      types.forEach((t, i) => {
        if (isObject(t) && nonEmpty(t.id) && isText(t.label) && !applicantTypes.some((a) => a.id === t.id)) {
          applicantTypes.push({ id: t.id as string, label: t.label });
        } else warn(`applicantTypes[${i}]`, 'needs a unique id and a label; skipped');
      });
  }

  const names = new Set<string>();
  const sections: FormSection[] = [];
  json.sections.forEach((s, i) => {
    const path = `sections[${i}]`;
    if (!isObject(s) || !Array.isArray(s.fields)) return warn(path, 'needs a "fields" list; section skipped');
    const section: FormSection = { id: nonEmpty(s.id) ?? `section-${i + 1}`, title: text(s.title) ?? '', fields: [] };
    put(section, 'help', text(s.help) || undefined);
    s.fields.forEach((f, j) => {
      const field = parseField(f, `${path}.fields[${j}]`, warn, names);
      if (field) section.fields.push(field);
    });
    sections.push(section);
  });
  if (!names.has('description')) warn('sections', 'no "description" field: every application needs one');

  let submit: SubmitConfig = { mode: 'print' };
  const sub = json.submit;
  if (isObject(sub)) {
    const encoding = sub.encoding;
    if (encoding !== undefined && encoding !== 'json' && encoding !== 'multipart') {
      warn('submit.encoding', 'must be "json" or "multipart"; "json" is used');
    }
    if (sub.mode === 'api') {
      const endpoint = parseEndpoint(sub.endpoint, 'submit.endpoint', feedUrl, warn);
      if (endpoint) submit = { mode: 'api', endpoint, encoding: encoding === 'multipart' ? 'multipart' : 'json' };
      else warn('submit', 'api mode needs an endpoint; the form can only be printed');
    } else if (sub.mode !== 'print') {
      warn('submit.mode', 'must be "api" or "print"; "print" is used');
    }
  } else if (sub !== undefined) {
    warn('submit', 'must be an object; the form can only be printed');
  }

  const form: RequestFormFeed = { schemaVersion: 1, jurisdiction, agency, applicantTypes, sections, submit };
  for (const key of ['intro', 'privacyNotice'] as const) put(form, key, text(json[key]) || undefined);
  put(form, 'rules', parseRules(json.rules, warn));
  const status = json.status;
  if (status != null) {
    if (!isObject(status)) warn('status', 'must be {"endpoint": "…"}; ignored');
    else {
      // Either may come alone: a status page is linked from the receipt even where there is no status API.
      const s: StatusConfig = {};
      for (const k of ['endpoint', 'page'] as const) put(s, k, parseEndpoint(status[k], `status.${k}`, feedUrl, warn));
      if (s.endpoint || s.page) form.status = s;
    }
  }
  return { ok: true, form, data: form, warnings };
}
