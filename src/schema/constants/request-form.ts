/** Constants of the request-form feed (feeds.md); re-exported by ../constants.ts. */

import { NOT_PROCESSED_KEYS, OTHER_KEYS, UNABLE_KEYS, WITHHELD_KEYS } from './annual.js';

/** Request-form jurisdictions (sets the default reply time limits). */
export const JURISDICTIONS = /* @__PURE__ */ Object.freeze(['CN-OGI-2019', 'CN-OGI-2007', 'US-FOIA', 'UK-FOIA', 'custom'] as const);

/**
 * The most working days `rules.replyWorkingDays` or `rules.extensionWorkingDays` may give: a year's worth, far above
 * any statutory period (20 + 20 under the 2019 条例). A larger figure is a typo, and counting it out would keep a
 * browser tab and the intake server busy for minutes; the parser keeps the jurisdiction default instead.
 */
export const MAX_WORKING_DAYS = 366;

/** Request-form field types. */
export const FIELD_TYPES = /* @__PURE__ */ Object.freeze(['text', 'textarea', 'email', 'tel', 'date', 'select', 'radio', 'checkbox', 'file'] as const);

/** Built-in field validators (src/validators). */
export const VALIDATOR_NAMES = /* @__PURE__ */ Object.freeze(['cn-resident-id', 'cn-uscc', 'cn-org-code', 'email', 'cn-mobile', 'phone', 'postcode'] as const);

/** Where an application stands (feeds.md §2, "Status values"). */
export const REQUEST_STATUSES = /* @__PURE__ */ Object.freeze([
  'received', 'correctionRequested', 'extended', 'consultingThirdParty', 'answered', 'withdrawn',
] as const);

/** Statuses after which an application does not change any more. */
export const FINAL_STATUSES = /* @__PURE__ */ Object.freeze(['answered', 'withdrawn'] as const);

/**
 * Statuses during which the reply period is stopped, so an application is not overdue: a third party or another
 * agency is being consulted (条例 Art. 33), or the applicant's correction is awaited (Art. 30, the period then starts
 * again).
 */
export const PAUSED_STATUSES = /* @__PURE__ */ Object.freeze(['consultingThirdParty', 'correctionRequested'] as const);

/** Submission modes and encodings of a request form. */
export const SUBMIT_MODES = /* @__PURE__ */ Object.freeze(['api', 'print'] as const);

export const SUBMIT_ENCODINGS = /* @__PURE__ */ Object.freeze(['json', 'multipart'] as const);

/** How an answered application ended: one value per leaf row of the national Table 三. */
export const OUTCOMES = /* @__PURE__ */ (() => Object.freeze([
  'granted',
  'partiallyGranted',
  ...WITHHELD_KEYS.map((k) => `withheld.${k}` as const),
  ...UNABLE_KEYS.map((k) => `unable.${k}` as const),
  ...NOT_PROCESSED_KEYS.map((k) => `notProcessed.${k}` as const),
  ...OTHER_KEYS.map((k) => `other.${k}` as const),
] as const))();
