/**
 * 组织机构代码 (organisation code), GB 11714-1997: 8 characters `0-9A-Z` (values 0–35), a hyphen,
 * and a MOD 11 check character (`0`–`9` or `X`). Accepted with or without the hyphen.
 */
import type { ValidatorCode } from './index.js';
import { normalizeCode, weightedSum } from './contact.js';

/** C9 = 11 − (Σ vᵢ·Wᵢ mod 11) with Wᵢ = 2^(9−i) mod 11 for positions i = 1–8 (3, 7, 9, 10, 5, 8, 4, 2); 10 → X, 11 → 0. */
const checkChar = (first8: string) => '0123456789X0'[11 - (weightedSum(first8, 8, (i) => 2 ** (8 - i) % 11, (c) => parseInt(c, 36)) % 11)]!;

/**
 * Normalizes an organisation code: full-width to half-width, whitespace removed, upper case, and
 * the canonical hyphen inserted when nine code characters were given without it.
 */
export function normalizeOrgCode(value: string): string {
  const v = normalizeCode(value);
  return /^[0-9A-Z]{8}[0-9X]$/.test(v) ? `${v.slice(0, 8)}-${v.slice(8)}` : v;
}

/**
 * The check character for the 8-character body of an organisation code:
 * C9 = 11 − (Σ vᵢ·Wᵢ mod 11), with 10 → `X` and 11 → `0`.
 * @throws RangeError unless `first8` is 8 characters of `0-9A-Z`.
 */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('orgCodeCheckChar expects 8 characters of 0-9A-Z');
  return checkChar(first8);
}

/** Checks a normalized organisation code (`XXXXXXXX-C` or `XXXXXXXXC`); returns why it fails, or null. */
export function orgCodeError(code: string): ValidatorCode | null {
  if (code === '') return 'format';
  if (!/^[0-9A-Z-]+$/.test(code)) return 'charset';
  const bare = code.replace(/-/g, '');
  if (bare.length !== 9) return 'length';
  if (code.length !== 9 && !/^.{8}-.$/.test(code)) return 'format';
  if (checkChar(bare) !== bare[8]) return 'checksum';
  return null;
}

/** True for an organisation code with a correct check character, with or without the hyphen. */
export function isValidOrgCode(value: string): boolean {
  return orgCodeError(normalizeOrgCode(value)) === null;
}
