import { Type, type Static } from 'typebox';
import { Nullable, PageQuery, Paged, StrictObject } from './common.js';

/** The append-only, hash-chained audit log (admin, auditor). */

export const AuditQuery = StrictObject({
  ...PageQuery,
  entity: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 50 })),
  action: Type.Optional(Type.String({ maxLength: 80 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditRecordSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorLabel: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown({ description: 'the record before the change (JSON), or null' }),
  after: Type.Unknown({ description: 'the record after the change (JSON), or null' }),
  reason: Nullable(Type.String()),
  hash: Type.String(),
});
export type AuditRecord = Static<typeof AuditRecordSchema>;

export const AuditListResponse = Paged(AuditRecordSchema);
export type AuditList = Static<typeof AuditListResponse>;

export const AuditVerificationSchema = Type.Object({
  ok: Type.Boolean(),
  records: Type.Integer(),
  headHash: Type.String(),
  problems: Type.Array(Type.Object({ seq: Type.Integer(), message: Type.String() })),
});
export type AuditVerification = Static<typeof AuditVerificationSchema>;
