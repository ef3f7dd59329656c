/** The input rules of the server's people schemas (packages/server people.schemas.ts), checked early in forms. */
export const GENDERS = ['男', '女'] as const;
export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9_-]+$/;
export const PHONE_PATTERN = /^[0-9+() -]*$/;
