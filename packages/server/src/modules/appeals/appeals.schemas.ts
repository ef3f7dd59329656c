import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';
import { AttachmentSchema } from '../attachments/index.js';

export const AppealStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('withdrawn')]);

const ResultSummarySchema = Type.Object({ total: Type.Number(), grade: Type.String(), groupRank: Type.Integer() });

export const AppealSchema = Type.Object({
  id: Type.Integer(),
  period: Type.Object({
    id: Type.Integer(), name: Type.String(), state: Type.String(), publicityEndsOn: Nullable(Type.String()), resultVersion: Nullable(Type.Integer()),
  }),
  person: Type.Object({
    id: Type.Integer(), name: Type.String(),
    unitId: Type.Integer({ description: 'his unit in the appealed results' }), unitName: Type.String(),
  }),
  status: AppealStatusSchema,
  reason: Type.String(),
  resultVersion: Type.Integer({ description: 'the result version appealed' }),
  result: Nullable(ResultSummarySchema),
  attachments: Type.Array(AttachmentSchema),
  submittedBy: Type.String(),
  submittedAt: Type.String(),
  decision: Nullable(Type.Object({
    note: Type.String(),
    decidedBy: Type.String(),
    decidedAt: Type.String(),
    resultVersion: Nullable(Type.Integer({ description: 'the version an accepted appeal published' })),
    result: Nullable(ResultSummarySchema),
  })),
});

export const AppealListQuery = StrictObject({
  period: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(AppealStatusSchema),
  ...PageQuery,
});
export const AppealListResponse = Type.Object({ items: Type.Array(AppealSchema), nextCursor: Nullable(Type.String()) });

export const SubmitAppealBody = StrictObject({
  periodId: Type.Integer({ minimum: 1 }),
  reason: Type.String({ minLength: 1, maxLength: 2000, description: 'why the result is contested (申诉理由)' }),
});

export const DecideAppealBody = StrictObject({
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
  note: Type.String({ minLength: 1, maxLength: 2000, description: 'the reasons of the decision (复核意见)' }),
});

const ChangesSchema = Type.Array(Type.Object({
  personId: Nullable(Type.Integer()), name: Type.String(), unitId: Type.Integer(), before: Nullable(ResultSummarySchema), after: Nullable(ResultSummarySchema),
}), { description: 'who changed between the appealed version and the new one (accepted only)' });

export const DecisionResponse = Type.Object({ appeal: AppealSchema, changes: ChangesSchema });

export const ChangesResponse = Type.Object({ from: Type.Integer(), to: Nullable(Type.Integer()), changes: ChangesSchema });
