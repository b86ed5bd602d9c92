/** Constants of the request-form feed (feeds.md); re-exported by ../constants.ts. */

import { NOT_PROCESSED_KEYS, OTHER_KEYS, UNABLE_KEYS, WITHHELD_KEYS } from './annual.js';

/** Request-form jurisdictions (sets the default reply time limits). */
export const JURISDICTIONS = Object.freeze(['CN-OGI-2019', 'CN-OGI-2007', 'US-FOIA', 'UK-FOIA', 'custom'] as const);

/** Request-form field types. */
export const FIELD_TYPES = Object.freeze(['text', 'textarea', 'email', 'tel', 'date', 'select', 'radio', 'checkbox', 'file'] as const);

/** Built-in field validators (src/validators). */
export const VALIDATOR_NAMES = Object.freeze(['cn-resident-id', 'cn-uscc', 'cn-org-code', 'email', 'cn-mobile', 'phone', 'postcode'] as const);

/** Where an application stands (feeds.md §2, "Status values"). */
export const REQUEST_STATUSES = Object.freeze([
  'received', 'correctionRequested', 'extended', 'consultingThirdParty', 'answered', 'withdrawn',
] as const);

/** Statuses after which an application does not change any more. */
export const FINAL_STATUSES = Object.freeze(['answered', 'withdrawn'] as const);

/**
 * Statuses during which the reply period is stopped, so an application is not overdue: a third party or another
 * agency is being consulted (条例 Art. 33), or the applicant's correction is awaited (Art. 30, the period then starts
 * again).
 */
export const PAUSED_STATUSES = Object.freeze(['consultingThirdParty', 'correctionRequested'] as const);

/** Submission modes and encodings of a request form. */
export const SUBMIT_MODES = Object.freeze(['api', 'print'] as const);

export const SUBMIT_ENCODINGS = Object.freeze(['json', 'multipart'] as const);

/** How an answered application ended: one value per leaf row of the national Table 三. */
export const OUTCOMES = Object.freeze([
  'granted',
  'partiallyGranted',
  ...WITHHELD_KEYS.map((k) => `withheld.${k}` as const),
  ...UNABLE_KEYS.map((k) => `unable.${k}` as const),
  ...NOT_PROCESSED_KEYS.map((k) => `notProcessed.${k}` as const),
  ...OTHER_KEYS.map((k) => `other.${k}` as const),
] as const);
