/** Constants of the annual-report feed (feeds.md) that only the annual report uses; re-exported by ./annual.ts. */

/** Annual-report template ids. */
export const ANNUAL_TEMPLATE_IDS = Object.freeze(['CN-2021', 'CN-2019', 'CN-legacy', 'custom'] as const);

/** Table 三 applicant columns, in feed order. */
export const APPLICANT_COLUMNS = Object.freeze([
  'naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total',
] as const);

/** Table 四 groups and outcome columns. */
export const TABLE4_GROUPS = Object.freeze(['review', 'litigationDirect', 'litigationAfterReview'] as const);

export const TABLE4_OUTCOMES = Object.freeze(['upheld', 'corrected', 'other', 'pending', 'total'] as const);

/** The `text` keys of an annual report (feeds.md §3 plus the ones this library adds). */
export const ANNUAL_TEXT_KEYS = Object.freeze([
  'intro', 'overview', 'proactive', 'applications', 'fees', 'reviewLitigation', 'problems', 'improvements', 'other',
] as const);
