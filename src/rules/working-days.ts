/**
 * Working-day arithmetic for reply deadlines (条例 Art. 33, FOIA). Dates are calendar dates
 * `YYYY-MM-DD`, computed as whole UTC days, so local time zones and DST never shift a result.
 * China's 调休: `extraWorkdays` are weekend days that are worked; `holidays` are days off.
 */
import { dateFormat } from '../core/format.js';
import type { LocaleId } from '../core/locale.js';

/** A feed's `rules.calendar`: days off (法定节假日) and weekend days worked (调休). */
export interface WorkCalendar {
  holidays?: readonly string[];
  extraWorkdays?: readonly string[];
}

export type Jurisdiction = 'CN-OGI-2019' | 'CN-OGI-2007' | 'US-FOIA' | 'UK-FOIA' | 'custom';

/** Statutory reply period, maximum extension and the time zone that decides the date of receipt. */
export interface JurisdictionRules {
  replyWorkingDays: number;
  extensionWorkingDays: number;
  timeZone: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/**
 * The most working days addWorkingDays counts (about 38 years): above anything a deadline or a paused period needs,
 * low enough that a mistaken count fails at once instead of keeping a tab or the server busy for minutes.
 */
const MAX_COUNT = 10_000;
const DAY_MS = 86_400_000;
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A zone-less local date-time: its date part is already the local date (and its time the agency's clock time). */
export const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

const rules = (replyWorkingDays: number, extensionWorkingDays: number, timeZone = DEFAULT_TIME_ZONE): JurisdictionRules => ({
  replyWorkingDays, extensionWorkingDays, timeZone,
});

const JURISDICTIONS: Readonly<Record<Jurisdiction, JurisdictionRules>> = {
  // 2019 条例 Art. 33: 20 working days, extension of at most 20.
  'CN-OGI-2019': rules(20, 20),
  // 2007 条例 Art. 24: 15 + 15 working days.
  'CN-OGI-2007': rules(15, 15),
  // 5 U.S.C. § 552(a)(6): 20 working days, 10 more in unusual circumstances.
  'US-FOIA': rules(20, 10, 'America/New_York'),
  // FOIA 2000 s.10: 20 working days. The public-interest extension (s.10(3)) has no fixed
  // length; ICO guidance caps it at 20 more working days, as WhatDoTheyKnow assumes.
  'UK-FOIA': rules(20, 20, 'Europe/London'),
  custom: rules(20, 20),
};

/**
 * The US or UK FOIA, whose forms are not Chinese ones: no Chinese number (resident ID, USCC, postcode, mobile) is checked
 * by a field's name, the paper form asks no proof of identity (条例 Art. 29), and consulting a third party stops no reply
 * period (条例 Art. 33). One test for the elements and the intake server.
 */
export const isFoia = (j: string): boolean => /^U[SK]-FOIA$/.test(j);

/**
 * Default rules for a jurisdiction id; unknown ids (and 'custom') get the CN-OGI-2019 values.
 * A feed's `rules` override these.
 */
export function jurisdictionDefaults(j: string): JurisdictionRules {
  return { ...JURISDICTIONS[isJurisdiction(j) ? j : 'CN-OGI-2019'] };
}

/** True for a jurisdiction id this library knows (`custom` included). */
export const isJurisdiction = (j: unknown): j is Jurisdiction => typeof j == 'string' && Object.hasOwn(JURISDICTIONS, j);

/** Days since 1970-01-01 for a `YYYY-MM-DD` string. @throws RangeError if not a real date. */
function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const day = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS;
    // Date.UTC rolls 2026-02-30 over to 2026-03-02 (and years 0–99 to 1900–1999): such a date is not real.
    if (fromDayNumber(day) === date) return day;
  }
  throw new RangeError(`Invalid date "${date}" (expected a real date as YYYY-MM-DD)`);
}

/** True for a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isRealDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

interface CalendarSets {
  holidays: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

function calendarSets(cal?: WorkCalendar): CalendarSets {
  return { holidays: new Set(cal?.holidays ?? []), extraWorkdays: new Set(cal?.extraWorkdays ?? []) };
}

/**
 * Holidays win over extra workdays; otherwise Monday–Friday are working days. Day 0 (1970-01-01) was a Thursday, so
 * (day mod 7 + 5) mod 7 is 0 on a Saturday and 1 on a Sunday (`% 7` keeps the sign: + 12 for days before 1970).
 */
function isWorkingDayNumber(day: number, sets: CalendarSets): boolean {
  const iso = fromDayNumber(day);
  return !sets.holidays.has(iso) && (sets.extraWorkdays.has(iso) || ((day % 7) + 12) % 7 > 1);
}

/**
 * True if `date` (YYYY-MM-DD) is a working day: Monday–Friday unless listed in `holidays`, or a
 * weekend day listed in `extraWorkdays`. @throws RangeError for an invalid date.
 */
export function isWorkingDay(date: string, cal?: WorkCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(date), calendarSets(cal));
}

/**
 * The day `date` itself is not counted; the result is the last of the n working days after it.
 * n = 0 returns `date` unchanged.
 * @throws RangeError for an invalid date, or an n that is negative, not an integer or over 10,000.
 */
export function addWorkingDays(date: string, n: number, cal?: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) throw new RangeError(`Working-day count must be an integer from 0 to ${MAX_COUNT}, got ${n}`);
  const sets = calendarSets(cal);
  let day = toDayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDayNumber(day, sets)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The reply deadline: `workingDays` working days after the calendar date of receipt.
 * receivedAt: ISO timestamp; the calendar date of receipt is taken in timeZone (default Asia/Shanghai).
 */
export function dueDate(receivedAt: string, workingDays: number, cal?: WorkCalendar, timeZone = DEFAULT_TIME_ZONE): string {
  return addWorkingDays(localDate(receivedAt, timeZone), workingDays, cal);
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in `timeZone` (default Asia/Shanghai).
 * A plain date is returned as is; a date-time without offset is taken as already local.
 * @throws RangeError for an unparseable timestamp or unknown time zone.
 */
export function localDate(timestamp: string, timeZone = DEFAULT_TIME_ZONE): string {
  if (ISO_DATE.test(timestamp)) return fromDayNumber(toDayNumber(timestamp));
  const local = LOCAL_DATE_TIME.exec(timestamp);
  if (local) return fromDayNumber(toDayNumber(local[1]!));
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid timestamp "${timestamp}"`);
  // The shared formatter cache (one formatter per time zone); en-US only for its Latin digits.
  const parts = dateFormat('en-US' as LocaleId, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Working days strictly after `from` up to and including `to` (0 if to <= from). */
export function workingDaysBetween(from: string, to: string, cal?: WorkCalendar): number {
  const sets = calendarSets(cal);
  const end = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= end; day++) if (isWorkingDayNumber(day, sets)) count++;
  return count;
}

/** True when `today` is later than `due` (both YYYY-MM-DD); the due date itself is not overdue. */
export function isOverdue(due: string, today: string): boolean {
  return toDayNumber(today) > toDayNumber(due);
}

/**
 * The last year whose holidays a calendar lists, 0 when none: the year of the last day it lists other than 1 January
 * (a fixed holiday, which a feed may list before that year's arrangement is published, as the demo's does).
 */
export const listedYear = (cal?: WorkCalendar): number =>
  +([...(cal?.holidays ?? []), ...(cal?.extraWorkdays ?? [])].filter((d) => !d.endsWith('-01-01')).sort().pop() ?? '').slice(0, 4);

/**
 * The year of a due date (YYYY-MM-DD) whose holidays `cal` does not list yet, so that the date may be later than
 * counted (the receipt and the status lookup say so), else 0; 0 too for a calendar that lists none.
 */
export const unlistedYear = (due: string, cal?: WorkCalendar): number => {
  const year = +String(due).slice(0, 4), listed = listedYear(cal);
  return listed && year > listed ? year : 0;
};

/**
 * Where a calendar runs out too soon: due dates after the last day it lists (a holiday or a 调休 working day) count
 * only weekends as days off, and an application received from `now` on may be due up to about 90 days later (20 + 20
 * working days). Gives that last day (YYYY-MM-DD), '' when the calendar lists none, or null when it reaches past
 * `now` + 90 days. The intake server logs it, `validate` warns: the next year's arrangement (国务院办公厅通知) is
 * published in November or December.
 */
export function calendarRunsOut(cal: WorkCalendar | undefined, now: Date): string | null {
  const last = [...(cal?.holidays ?? []), ...(cal?.extraWorkdays ?? [])].sort().pop() ?? '';
  return last < new Date(now.getTime() + 90 * DAY_MS).toISOString().slice(0, 10) ? last : null;
}
