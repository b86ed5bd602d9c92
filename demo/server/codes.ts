/** Query codes, applicant-name matching, idempotency hashing and token comparison. */
import { withoutBidi } from './csv.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 letters and digits without the look-alikes 0/O and 1/I: 5 random bits per character. */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;

/** A fresh query code: 10 characters, 50 random bits. */
export function newQueryCode(): string {
  const bytes = randomBytes(QUERY_CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += QUERY_CODE_ALPHABET[b & 31];
  return code;
}

/**
 * A query code as typed by a person: full-width forms, lower case, spaces and hyphens are forgiven.
 * Null when it cannot be a query code (8–10 characters of the alphabet).
 */
export function normalizeQueryCode(input: string): string | null {
  const code = input.normalize('NFKC').toUpperCase().replace(/[\s\-_]/g, '');
  return /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8,10}$/.test(code) ? code : null;
}

/**
 * The comparison form of a name: NFKC (full-width → half-width), no whitespace, lower-cased (Latin names), and
 * without the middle dot of transliterated and minority names (买买提·艾力), which input methods type as · • ・ ‧ . ．
 * or leave out, and without bidirectional controls (as names are stored). Simplified and traditional forms (张三 / 張三) stay different: no conversion table here.
 */
export function normalizeName(name: string): string {
  return withoutBidi(legacyNormalizeName(name)).replace(/[·•・‧.⋅∙･‐-]/g, '');
}

/** The comparison form used before the dots were removed: applications stored then are still found (with the dot). */
function legacyNormalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Digests stored for status lookup, so names are compared without early exit on the first differing byte. */
export function nameDigest(name: string): string {
  return sha256(normalizeName(name)).toString('hex');
}

/** Whether `name` matches one of the stored digests; the comparisons take the same time whether or not it does. */
export function nameMatches(storedDigestsJson: string, name: string): boolean {
  let digests: unknown;
  try {
    digests = JSON.parse(storedDigestsJson);
  } catch {
    return false;
  }
  if (!Array.isArray(digests) || normalizeName(name) === '') return false;
  const given = [sha256(normalizeName(name)), sha256(legacyNormalizeName(name))];
  let match = false;
  for (const d of digests) {
    if (typeof d !== 'string' || d.length !== 64) continue;
    for (const g of given) if (timingSafeEqual(Buffer.from(d, 'hex'), g)) match = true;
  }
  return match;
}

/** Constant-time comparison of a presented secret with the configured one (both hashed to equal length first). */
export function secretEquals(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected));
}

/** JSON with object keys sorted at every level: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID whose bits are mostly random (RFC 9562): version 4 (122 random bits, what crypto.randomUUID and the
 * element's getRandomValues fallback make) or 7 (a millisecond time and 74 random bits), with the RFC variant
 * (8, 9, a or b). Lower case only: normalise with toLowerCase first. The nil and max UUIDs, v1/v6 (time and MAC
 * address), v3/v5 (hashes of a name) and v8 (anything) are not: a client using them has keys others can guess.
 */
export const RANDOM_UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
