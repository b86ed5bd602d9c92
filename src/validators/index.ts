/**
 * Field validators for request forms. Every validator normalizes first (trim, full-width to
 * half-width, upper-case ID letters, …) and reports failures as codes; the UI maps codes to
 * localized messages.
 */
import {
  emailError,
  mobileError,
  normalizeEmail,
  normalizeMobile,
  normalizePhone,
  normalizePostcode,
  phoneError,
  postcodeError,
} from './contact.js';
import { normalizeOrgCode, orgCodeError } from './org-code.js';
import { normalizeResidentId, residentIdError } from './resident-id.js';
import { normalizeUscc, usccError } from './uscc.js';

export { isValidResidentId, residentIdCheckChar } from './resident-id.js';
export { isValidUscc, usccCheckChar } from './uscc.js';
export { isValidOrgCode, orgCodeCheckChar } from './org-code.js';
export { isValidEmail, isValidMobile, isValidPhone, isValidPostcode, toHalfWidth } from './contact.js';

export type ValidatorName = 'cn-resident-id' | 'cn-uscc' | 'cn-org-code' | 'email' | 'cn-mobile' | 'phone' | 'postcode';

/** Why a value failed: the UI maps these codes to localized messages. */
export type ValidatorCode = 'format' | 'length' | 'charset' | 'checksum' | 'birthDate' | 'region';

/** Hints for the input element of a field with a given validator. */
export interface InputHints {
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
}

/** A validator: how it normalizes, how it checks, and the hints of its input (autocomplete, inputmode, maxlength). */
type Validator = [
  normalize: (value: string) => string,
  check: (normalized: string) => ValidatorCode | null,
  autocomplete: string,
  inputMode: InputHints['inputMode'],
  maxLength: number,
];

const VALIDATORS: Readonly<Record<ValidatorName, Validator>> = {
  // No standard autocomplete token exists for ID numbers; 'off' keeps browsers from offering
  // unrelated saved values. inputMode 'text' because the check character may be X.
  'cn-resident-id': [normalizeResidentId, residentIdError, 'off', 'text', 18],
  'cn-uscc': [normalizeUscc, usccError, 'off', 'text', 18],
  'cn-org-code': [normalizeOrgCode, orgCodeError, 'off', 'text', 10],
  email: [normalizeEmail, emailError, 'email', 'email', 254],
  'cn-mobile': [normalizeMobile, mobileError, 'tel', 'tel', 20],
  phone: [normalizePhone, phoneError, 'tel', 'tel', 32],
  postcode: [normalizePostcode, postcodeError, 'postal-code', 'numeric', 6],
};

/** All validator names, in a stable order. */
export const VALIDATOR_NAMES: readonly ValidatorName[] = /* @__PURE__ */ (() => Object.freeze(Object.keys(VALIDATORS) as ValidatorName[]))();

/** True if `x` names a built-in validator (e.g. a feed's `field.validator`). */
export function isValidatorName(x: unknown): x is ValidatorName {
  return typeof x === 'string' && Object.hasOwn(VALIDATORS, x);
}

function validatorFor(name: ValidatorName): Validator {
  if (!isValidatorName(name)) throw new RangeError(`Unknown validator "${String(name)}"`);
  return VALIDATORS[name];
}

/**
 * null when valid; trims and normalizes (full-width digits/letters -> half-width, lower-case x -> X
 * for ID numbers) before checking. An empty value yields 'format' (required-ness is checked elsewhere).
 * @throws RangeError for an unknown validator name.
 */
export function validate(name: ValidatorName, value: string): ValidatorCode | null {
  const [normalize, check] = validatorFor(name);
  return check(normalize(String(value ?? '')));
}

/**
 * The normalized form a form should store/submit (e.g. '11010519491231002x' -> '11010519491231002X',
 * full-width -> half-width, spaces/hyphens and a +86/0086 prefix removed from mobile numbers,
 * organisation codes hyphenated as `XXXXXXXX-C`). Invalid values are normalized as far as possible.
 * @throws RangeError for an unknown validator name.
 */
export function normalizeValue(name: ValidatorName, value: string): string {
  return validatorFor(name)[0](String(value ?? ''));
}

/**
 * The autocomplete token, inputmode and maxlength a field with this validator should get.
 * Returns a fresh object each time.
 * @throws RangeError for an unknown validator name.
 */
export function inputHints(name: ValidatorName): InputHints {
  const [, , autocomplete, inputMode, maxLength] = validatorFor(name);
  return { autocomplete, inputMode, maxLength };
}
