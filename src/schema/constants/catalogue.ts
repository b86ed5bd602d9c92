/** Constants of the catalogue feed (feeds.md); re-exported by ../constants.ts. */

/** 有效性 (catalogue item validity). */
export const VALIDITIES = Object.freeze(['valid', 'expired', 'repealed', 'amended', 'unknown'] as const);
