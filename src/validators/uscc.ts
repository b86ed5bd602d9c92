/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 * 18 characters from a 31-character alphabet (no I, O, S, V, Z); position 18 is a MOD 31 check
 * character with weights 3^i mod 31. Only charset, length and checksum are enforced (positions
 * 1–2 may be letters, as real registries issue them).
 */
import type { ValidatorCode } from './index.js';
import { normalizeCode, weightedSum } from './contact.js';

/** Character values are their index in this alphabet. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Normalizes a USCC: full-width to half-width, whitespace removed, upper case. */
export const normalizeUscc: (value: string) => string = normalizeCode;

/** The check character of 17 characters: weights 3^(i−1) mod 31 for positions i = 1–17 (1, 3, 9, 27, 19, …). */
const checkChar = (first17: string) =>
  ALPHABET[(31 - (weightedSum(first17, 17, (i) => 3 ** i % 31, (c) => ALPHABET.indexOf(c)) % 31)) % 31]!;

/**
 * The check character for the first 17 characters of a USCC.
 * @throws RangeError unless `first17` is 17 characters of the USCC alphabet (upper case).
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17 || !isUsccCharset(first17)) {
    throw new RangeError('usccCheckChar expects 17 characters of 0-9A-HJ-NPQRTUWXY');
  }
  return checkChar(first17);
}

/** Checks a normalized USCC; returns why it fails, or null. */
export function usccError(code: string): ValidatorCode | null {
  if (code === '') return 'format';
  if (!isUsccCharset(code)) return 'charset';
  if (code.length !== 18) return 'length';
  if (checkChar(code) !== code[17]) return 'checksum';
  return null;
}

/** True for a USCC with valid charset, length and check character (case-insensitive). */
export function isValidUscc(value: string): boolean {
  return usccError(normalizeUscc(value)) === null;
}

/** Only characters of ALPHABET (0-9, A-Z without I, O, S, V, Z). */
const isUsccCharset = (s: string) => /^[\dA-HJ-NP-RTUW-Y]*$/.test(s);
