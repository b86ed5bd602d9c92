/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 * 18 characters from a 31-character alphabet (no I, O, S, V, Z); position 18 is a MOD 31 check
 * character with weights 3^i mod 31. Only charset, length and checksum are enforced (positions
 * 1–2 may be letters, as real registries issue them).
 */
import type { ValidatorCode } from './index.js';
import { stripSpaces } from './contact.js';

/** Character values are their index in this alphabet. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Wᵢ = 3^i mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Normalizes a USCC: full-width to half-width, whitespace removed, upper case. */
export function normalizeUscc(value: string): string {
  return stripSpaces(value).toUpperCase();
}

/**
 * The check character for the first 17 characters of a USCC.
 * @throws RangeError unless `first17` is 17 characters of the USCC alphabet (upper case).
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17 || !isUsccCharset(first17)) {
    throw new RangeError('usccCheckChar expects 17 characters of 0-9A-HJ-NPQRTUWXY');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Checks a normalized USCC; returns why it fails, or null. */
export function usccError(code: string): ValidatorCode | null {
  if (code === '') return 'format';
  if (!isUsccCharset(code)) return 'charset';
  if (code.length !== 18) return 'length';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'checksum';
  return null;
}

/** True for a USCC with valid charset, length and check character (case-insensitive). */
export function isValidUscc(value: string): boolean {
  return usccError(normalizeUscc(value)) === null;
}

function isUsccCharset(s: string): boolean {
  for (const c of s) if (!ALPHABET.includes(c)) return false;
  return true;
}
