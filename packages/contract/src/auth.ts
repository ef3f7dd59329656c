import { Type, type Static } from 'typebox';
import { NoContent, Nullable, StrictObject } from './common.js';
import { RoleGrantSchema } from './accounts.js';
import type { ABILITIES } from './vocabulary.js';

/** Signing in and out, the caller (GET /api/me) and his password. */

export const LoginBody = StrictObject({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** What one may do (the server's policies; vocabulary.ts). */
export type Ability = (typeof ABILITIES)[number];

export const MeSchema = Type.Object({
  account: Type.Object({ id: Type.Integer(), username: Type.String(), mustChangePassword: Type.Boolean() }),
  person: Nullable(Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    employeeNo: Type.String(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    postName: Nullable(Type.String()),
    rank: Nullable(Type.String()),
  })),
  roles: Type.Array(RoleGrantSchema),
  ledUnits: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), { description: 'the units whose subtrees he leads (a leader\'s pages open on the first)' }),
  abilities: Type.Unsafe<Record<Ability, boolean>>(Type.Record(Type.String(), Type.Boolean(), { description: 'every ability, true for those the caller has' })),
});
export type Me = Static<typeof MeSchema>;

export const LogoutResponse = NoContent;
export const ChangePasswordResponse = NoContent;
