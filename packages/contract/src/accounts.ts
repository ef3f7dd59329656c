import { Type, type Static } from 'typebox';
import { LiteralUnion, Nullable, PageQuery, Paged, StrictObject } from './common.js';
import { ROLES } from './vocabulary.js';

/** Accounts and their roles (admin). */

export const RoleSchema = LiteralUnion(ROLES);
export type Role = Static<typeof RoleSchema>;

export const RoleInput = StrictObject({ role: RoleSchema, unitId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])) });
export type RoleInput = Static<typeof RoleInput>;

export const AccountListQuery = StrictObject({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })) });

export const CreateAccountBody = StrictObject({
  username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
  personId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  roles: Type.Array(RoleInput, { minItems: 1, maxItems: 10 }),
  password: Type.Optional(Type.String({ maxLength: 200 })),
});
export type CreateAccountBody = Static<typeof CreateAccountBody>;

export const UpdateAccountBody = StrictObject({
  roles: Type.Optional(Type.Array(RoleInput, { minItems: 1, maxItems: 10 })),
  disabled: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

export const ResetPasswordBody = Type.Optional(StrictObject({ reason: Type.Optional(Type.String({ maxLength: 500 })) }));

/** A role as an account holds it: a leader's names the unit whose subtree he leads. */
export const RoleGrantSchema = Type.Object({ role: RoleSchema, unitId: Nullable(Type.Integer()), unitName: Nullable(Type.String()) });
export type RoleGrant = Static<typeof RoleGrantSchema>;

export const AccountSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  personId: Nullable(Type.Integer()),
  personName: Nullable(Type.String()),
  roles: Type.Array(RoleGrantSchema),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
});
export type Account = Static<typeof AccountSchema>;

export const AccountListResponse = Paged(AccountSchema);
export type AccountList = Static<typeof AccountListResponse>;

export const CreatedAccountResponse = Type.Object({
  account: AccountSchema,
  temporaryPassword: Type.Optional(Type.String({ description: 'generated when no password was given; shown once' })),
});
export type CreatedAccount = Static<typeof CreatedAccountResponse>;

export const ResetPasswordResponse = Type.Object({ temporaryPassword: Type.String({ description: 'shown once; the user must change it at next sign-in' }) });
export type ResetPassword = Static<typeof ResetPasswordResponse>;
