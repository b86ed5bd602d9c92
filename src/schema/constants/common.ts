/** Constants of the every feed (feeds.md); re-exported by ../constants.ts. */

/** The feed schema version this library reads. */
export const SCHEMA_VERSION = 1;

/** `YYYY-MM-DD` with a month 01–12 and a day 01–31 (the validator also checks that the day exists). */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/**
 * A BCP 47 language tag as feeds give it (`lang`: `zh-CN`, `en`, `bo`, `zh-Hant-TW`): a 2–3 letter language, then
 * subtags of 1–8 letters or digits. Loose on purpose (no registry lookup); it keeps out what a `lang` attribute
 * should not hold.
 */
export const LANG_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';
