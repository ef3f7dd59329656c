import { Type, type Static } from 'typebox';
import { LiteralUnion, Nullable, PageQuery, Paged, StrictObject } from './common.js';
import { APPEAL_STATUSES } from './vocabulary.js';
import { AttachmentSchema } from './attachments.js';
import { PeriodStateSchema } from './periods.js';

/** Appeals of published results (申诉/复核, docs/api-cycles.md "Appeals"). */

export const AppealStatusSchema = LiteralUnion(APPEAL_STATUSES);
export type AppealStatus = Static<typeof AppealStatusSchema>;

/** A person's result in one version: the numbers an appeal is about. */
export const AppealResultSchema = Type.Object({ total: Type.Number(), grade: Type.String(), groupRank: Type.Integer() });
export type AppealResult = Static<typeof AppealResultSchema>;

export const AppealSchema = Type.Object({
  id: Type.Integer(),
  period: Type.Object({
    id: Type.Integer(), name: Type.String(), state: PeriodStateSchema, publicityEndsOn: Nullable(Type.String()), resultVersion: Nullable(Type.Integer()),
  }),
  person: Type.Object({
    id: Type.Integer(), name: Type.String(),
    unitId: Type.Integer({ description: 'his unit in the appealed results' }), unitName: Type.String(),
  }),
  status: AppealStatusSchema,
  reason: Type.String(),
  resultVersion: Type.Integer({ description: 'the result version appealed' }),
  result: Nullable(AppealResultSchema),
  attachments: Type.Array(AttachmentSchema),
  submittedBy: Type.String({ description: "the appellant's name" }),
  submittedAt: Type.String(),
  decision: Nullable(Type.Object({
    note: Type.String(),
    decidedBy: Type.String({ description: "the decider's name" }),
    decidedAt: Type.String(),
    resultVersion: Nullable(Type.Integer({ description: 'the version an accepted appeal published' })),
    result: Nullable(AppealResultSchema),
  })),
  can: Type.Object({
    withdraw: Type.Boolean({ description: 'the appellant, while pending' }),
    attach: Type.Boolean({ description: 'the appellant, while pending, up to nine files' }),
    decide: Type.Boolean({ description: 'the organization department, while pending in publicity' }),
    reRate: Type.Boolean({ description: "a leader other than the appellant, while pending in publicity (复核 on the review page)" }),
  }, { description: 'what the caller may do with the appeal (policies/appeals.policies.ts)' }),
});
export type Appeal = Static<typeof AppealSchema>;
export type AppealDecision = NonNullable<Appeal['decision']>;

export const AppealListQuery = StrictObject({
  period: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(AppealStatusSchema),
  ...PageQuery,
});
export type AppealListQuery = Static<typeof AppealListQuery>;
export const AppealListResponse = Paged(AppealSchema);
export type AppealListResponse = Static<typeof AppealListResponse>;

export const SubmitAppealBody = StrictObject({
  periodId: Type.Integer({ minimum: 1 }),
  reason: Type.String({ minLength: 1, maxLength: 2000, description: 'why the result is contested (申诉理由)' }),
});
export type SubmitAppealBody = Static<typeof SubmitAppealBody>;

export const AppealOutcomeSchema = Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]);
export type AppealOutcome = Static<typeof AppealOutcomeSchema>;

export const DecideAppealBody = StrictObject({
  outcome: AppealOutcomeSchema,
  note: Type.String({ minLength: 1, maxLength: 2000, description: 'the reasons of the decision (复核意见)' }),
});
export type DecideAppealBody = Static<typeof DecideAppealBody>;

/** One person whose total, grade or group rank the version an accepted appeal published changed. */
export const AppealChangeSchema = Type.Object({
  personId: Nullable(Type.Integer({ description: 'null: a person no longer on file' })),
  name: Type.String(),
  unitId: Type.Integer(),
  before: Nullable(AppealResultSchema),
  after: Nullable(AppealResultSchema),
});
export type AppealChange = Static<typeof AppealChangeSchema>;

const ChangesSchema = Type.Array(AppealChangeSchema, { description: 'who changed between the appealed version and the new one (accepted only)' });

export const DecisionResponse = Type.Object({ appeal: AppealSchema, changes: ChangesSchema });
export type AppealDecisionResponse = Static<typeof DecisionResponse>;

export const ChangesResponse = Type.Object({ from: Type.Integer(), to: Nullable(Type.Integer()), changes: ChangesSchema });
export type AppealChangesResponse = Static<typeof ChangesResponse>;
