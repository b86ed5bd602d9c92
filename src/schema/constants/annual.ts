/**
 * Constants of the annual-report feed (feeds.md); re-exported by ../constants.ts. Table 三's result keys are here
 * (the request schema's outcomes name them too); the rest, which only the annual report uses, in ./annual-report.ts.
 */
export * from './annual-report.js';

/** Table 三 result groups and their leaf rows. */
export const WITHHELD_KEYS = Object.freeze([
  'stateSecret', 'lawForbidden', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery',
] as const);

export const UNABLE_KEYS = Object.freeze(['notHeld', 'needsCreation', 'stillUnclear'] as const);

export const NOT_PROCESSED_KEYS = Object.freeze(['petition', 'repeat', 'publication', 'excessive', 'confirmReissue'] as const);

export const OTHER_KEYS = Object.freeze(['noCorrection', 'unpaidFee', 'other'] as const);
