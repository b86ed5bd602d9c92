/**
 * 居民身份证号码 (resident identity number), GB 11643-1999.
 * 18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2
 * check character. Legacy 15-digit numbers (YYMMDD birth date in the 1900s, no check character)
 * are accepted too.
 */
import type { ValidatorCode } from './index.js';
import { normalizeCode, weightedSum } from './contact.js';
import { isRealDate } from '../rules/working-days.js';
/** Check character indexed by S mod 11. */
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = '1900';

/**
 * Province-level codes of GB/T 2260 (first two digits of the address code), plus 71 (Taiwan),
 * 81/82 (Hong Kong/Macao residence permits) and 83 (Taiwan residence permits).
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Normalizes a resident ID number: full-width to half-width, whitespace and hyphens removed, `x` to `X`. */
export const normalizeResidentId = (value: string): string => normalizeCode(value).replace(/-/g, '');

/** The check character of 17 digits: weights 2^(18−i) mod 11 for positions i = 1–17 (7, 9, 10, 5, …, 4, 2). */
const checkChar = (first17: string) => CHECK_CHARS[weightedSum(first17, 17, (i) => 2 ** (17 - i) % 11, Number) % 11]!;

/**
 * The MOD 11-2 check character (`0`–`9` or `X`) for the first 17 digits.
 * @throws RangeError unless `first17` is exactly 17 ASCII digits.
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar expects 17 digits');
  return checkChar(first17);
}

/** Checks a normalized resident ID number; returns why it fails, or null. */
export function residentIdError(id: string): ValidatorCode | null {
  if (id === '') return 'format';
  if (!/^[\dX]+$/.test(id)) return 'charset';
  if (id.length !== 18 && id.length !== 15) return 'length';
  if (!/^\d{17}[\dX]$|^\d{15}$/.test(id)) return 'format';
  const long = id.length === 18;
  // An 18-character number starting with 9 is a foreigner's permanent residence ID (2023 format), whose positions
  // 2–3 hold the province code.
  if (!PROVINCES.has(long && id[0] === '9' ? id.slice(1, 3) : id.slice(0, 2))) return 'region';
  // The birth date (legacy 15-digit numbers are from the 1900s) as YYYY-MM-DD: a real date, not before 1900 and not
  // after today anywhere on Earth (UTC+14); such dates compare as text.
  const birth = (long ? id.slice(6, 14) : `19${id.slice(6, 12)}`).replace(/(....)(..)/, '$1-$2-');
  if (birth < EARLIEST_BIRTH_YEAR || !isRealDate(birth) || birth > new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10)) {
    return 'birthDate';
  }
  if (long && checkChar(id) !== id[17]) return 'checksum';
  return null;
}

/**
 * True for a valid 18-character number (real birth date 1900..today, known province, correct
 * check character) or a legacy 15-digit number with a real date. Lower-case `x` and full-width
 * characters are accepted.
 */
export function isValidResidentId(value: string): boolean {
  return residentIdError(normalizeResidentId(value)) === null;
}
