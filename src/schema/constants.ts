/**
 * The enum lists and constants of the three feeds (feeds.md), shared by the elements' tolerant parsers and by the
 * declarative shapes in shapes.ts (JSON Schema files, the CLI's strict validator). Kept apart from shapes.ts so a
 * browser bundle that needs a list does not carry the whole description of the feeds.
 */

/** 有效性 (catalogue item validity). */
export const VALIDITIES = Object.freeze(['valid', 'expired', 'repealed', 'amended', 'unknown'] as const);

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

/** Submission modes and encodings of a request form. */
export const SUBMIT_MODES = Object.freeze(['api', 'print'] as const);
export const SUBMIT_ENCODINGS = Object.freeze(['json', 'multipart'] as const);

/** Annual-report template ids. */
export const ANNUAL_TEMPLATE_IDS = Object.freeze(['CN-2021', 'CN-2019', 'CN-legacy', 'custom'] as const);

/** Table 三 applicant columns, in feed order. */
export const APPLICANT_COLUMNS = Object.freeze([
  'naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total',
] as const);

/** Table 三 result groups and their leaf rows. */
export const WITHHELD_KEYS = Object.freeze([
  'stateSecret', 'lawForbidden', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery',
] as const);
export const UNABLE_KEYS = Object.freeze(['notHeld', 'needsCreation', 'stillUnclear'] as const);
export const NOT_PROCESSED_KEYS = Object.freeze(['petition', 'repeat', 'publication', 'excessive', 'confirmReissue'] as const);
export const OTHER_KEYS = Object.freeze(['noCorrection', 'unpaidFee', 'other'] as const);

/** How an answered application ended: one value per leaf row of the national Table 三. */
export const OUTCOMES = Object.freeze([
  'granted',
  'partiallyGranted',
  ...WITHHELD_KEYS.map((k) => `withheld.${k}` as const),
  ...UNABLE_KEYS.map((k) => `unable.${k}` as const),
  ...NOT_PROCESSED_KEYS.map((k) => `notProcessed.${k}` as const),
  ...OTHER_KEYS.map((k) => `other.${k}` as const),
] as const);

/** Table 四 groups and outcome columns. */
export const TABLE4_GROUPS = Object.freeze(['review', 'litigationDirect', 'litigationAfterReview'] as const);
export const TABLE4_OUTCOMES = Object.freeze(['upheld', 'corrected', 'other', 'pending', 'total'] as const);

/** The `text` keys of an annual report (feeds.md §3 plus the ones this library adds). */
export const ANNUAL_TEXT_KEYS = Object.freeze([
  'intro', 'overview', 'proactive', 'applications', 'fees', 'reviewLitigation', 'problems', 'improvements', 'other',
] as const);

/** The feed schema version this library reads. */
export const SCHEMA_VERSION = 1;

/** `YYYY-MM-DD` with a month 01–12 and a day 01–31 (the validator also checks that the day exists). */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

