/**
 * Contact-detail validators (e-mail, mainland mobile, phone, postcode) and the text
 * normalization shared by all validators. Pure functions: codes only, no UI strings.
 */
import type { ValidatorCode } from './index.js';

/**
 * Converts full-width ASCII forms (U+FF01–U+FF5E, e.g. `１２３`, `ＡＢＣ`, `＠`, `－`) and the
 * ideographic space (U+3000) to their half-width equivalents, as typed by Chinese IMEs.
 */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Removes all whitespace (after full-width conversion). */
export function stripSpaces(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '');
}

/** Full-width to half-width, whitespace removed, upper case: how ID numbers and codes are normalized. */
export function normalizeCode(value: string): string {
  return stripSpaces(value).toUpperCase();
}

/** The weighted sum of a check-character scheme: Σ value(sᵢ) · weight(i) for i = 0 … n−1 (the caller checks s first). */
export function weightedSum(s: string, n: number, weight: (i: number) => number, value: (c: string) => number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += value(s[i]!) * weight(i);
  return sum;
}

/* ---------------------------------------------------------------- e-mail */

const EMAIL_MAX = 254;
const LOCAL_MAX = 64;
/** Characters that never appear unquoted in a local part; quoted local parts are not supported. */
const LOCAL_FORBIDDEN = /[\s<>()[\]\\,;:"@\u0000-\u001f\u007f]/;
/** Characters not allowed in a domain label: whitespace and ASCII but letters, digits, hyphens and dots (letters of any script are allowed). */
const DOMAIN_FORBIDDEN = /[\s\0-,/:-@[-`{-\x7f]/;

/**
 * Normalizes an e-mail address: trims, converts full-width characters (`＠`, `．`) and the
 * ideographic full stop `。` in the domain to ASCII, and lower-cases the domain.
 */
export function normalizeEmail(value: string): string {
  const v = toHalfWidth(value).trim();
  const at = v.lastIndexOf('@');
  if (at < 0) return v;
  const domain = v.slice(at + 1).replace(/[\u3002\uFF61]/g, '.').toLowerCase();
  return `${v.slice(0, at)}@${domain}`;
}

/** Pragmatic check of a normalized e-mail address (Unicode local parts and IDN domains allowed). */
export function emailError(v: string): ValidatorCode | null {
  if (v === '') return 'format';
  if (v.length > EMAIL_MAX) return 'length';
  const parts = v.split('@');
  if (parts.length !== 2) return 'format';
  const [local, domain] = parts as [string, string];
  if (local.length > LOCAL_MAX) return 'length';
  if (!isValidLocalPart(local) || !isValidDomain(domain)) return 'format';
  return null;
}

function isValidLocalPart(local: string): boolean {
  return local !== '' && !LOCAL_FORBIDDEN.test(local) && !/^\.|\.\.|\.$/.test(local);
}

/** Two labels or more, none empty or starting or ending with a hyphen, the last one 2 characters or more. */
function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  return !DOMAIN_FORBIDDEN.test(domain) && labels.length > 1 && labels.every((l) => l && !/^-|-$/.test(l)) && labels.at(-1)!.length > 1;
}

/** True for a pragmatically valid e-mail address (after normalization). */
export function isValidEmail(value: string): boolean {
  return emailError(normalizeEmail(value)) === null;
}

/* ------------------------------------------------------- mainland mobile */

/**
 * Normalizes a mainland mobile number to its 11 national digits: full-width to half-width,
 * spaces and hyphens removed, a leading `+86` or `0086` dropped.
 */
export function normalizeMobile(value: string): string {
  return toHalfWidth(value)
    .replace(/[\s-]+/g, '')
    .replace(/^(?:\+86|0086)(?=\d)/, '');
}

/** Checks a normalized mainland mobile number: `1[3-9]` followed by nine digits. */
export function mobileError(v: string): ValidatorCode | null {
  if (v === '') return 'format';
  if (!/^\d+$/.test(v)) return 'charset';
  if (v.length !== 11) return 'length';
  if (!/^1[3-9]/.test(v)) return 'format';
  return null;
}

/** True for a mainland mobile number (optionally `+86`/`0086`, spaces or hyphens). */
export function isValidMobile(value: string): boolean {
  return mobileError(normalizeMobile(value)) === null;
}

/* ----------------------------------------------------------------- phone */

const PHONE_MIN_DIGITS = 7;
const PHONE_MAX_DIGITS = 20;
/** A trailing extension: `ext`, `ext.`, `x`, `#`, `转` or `分机`, then digits. */
const PHONE_EXTENSION = /\s*(?:ext\.?|x|#|转|分机)\s*(\d{1,8})$/i;

/** Normalizes a phone number: full-width to half-width, trimmed, whitespace runs collapsed. */
export function normalizePhone(value: string): string {
  return toHalfWidth(value).trim().replace(/\s+/g, ' ');
}

/**
 * Checks a normalized landline or mobile number: digits with an optional leading `+`, one
 * optional parenthesized area code, spaces, hyphens and an optional extension; 7–20 digits in all.
 */
export function phoneError(v: string): ValidatorCode | null {
  if (v === '') return 'format';
  const main = v.replace(PHONE_EXTENSION, '');
  if (!/^[\d\s()+-]+$/.test(main)) return 'charset';
  if (!/^\+?[\d\s-]*(?:\(\d+\)[\d\s-]*)?$/.test(main)) return 'format';
  const digits = v.replace(/\D/g, '').length;
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) return 'length';
  return null;
}

/** True for a plausible landline or mobile number. */
export function isValidPhone(value: string): boolean {
  return phoneError(normalizePhone(value)) === null;
}

/* -------------------------------------------------------------- postcode */

/** Normalizes a postcode: full-width to half-width, whitespace removed. */
export const normalizePostcode: (value: string) => string = stripSpaces;

/** Checks a normalized mainland postcode (邮政编码): six digits. */
export function postcodeError(v: string): ValidatorCode | null {
  if (v === '') return 'format';
  if (!/^\d+$/.test(v)) return 'charset';
  if (v.length !== 6) return 'length';
  return null;
}

/** True for a six-digit postcode. */
export function isValidPostcode(value: string): boolean {
  return postcodeError(normalizePostcode(value)) === null;
}
