import { EMPLOYEE_NO_PATTERN as EMPLOYEE_NO, GENDERS, PHONE_PATTERN as PHONE } from '@baton/contract/vocabulary';

/** The input rules of the contract's people schemas (@baton/contract/people), checked early in forms. */
export { GENDERS };
export const EMPLOYEE_NO_PATTERN = new RegExp(EMPLOYEE_NO);
export const PHONE_PATTERN = new RegExp(PHONE);
