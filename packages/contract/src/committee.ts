import { Type, type Static } from 'typebox';
import { GROUP_KEY_PATTERN } from '@baton/engine';
import { Listed, StrictObject } from './common.js';

/** The committee's decisions on ties at a quota line (评审委员会决定). */

export const TieDecisionSchema = Type.Object({
  id: Type.Integer(),
  group: Type.String(),
  grade: Type.String(),
  people: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  reason: Type.String(),
  decidedBy: Type.String(),
  decidedAt: Type.String(),
  inForce: Type.Boolean({ description: 'the latest decision of its group and grade' }),
  applied: Type.Union([Type.Boolean(), Type.Null()], { description: 'whether the current evaluation follows it (null when replaced)' }),
});
export type TieDecision = Static<typeof TieDecisionSchema>;

export const TieDecisionList = Listed(TieDecisionSchema);
export type TieDecisionList = Static<typeof TieDecisionList>;

export const TieDecisionBody = StrictObject({
  group: Type.String({ pattern: GROUP_KEY_PATTERN, description: 'the quota group: all, category:<id>, category:none or unit:<id>' }),
  grade: Type.String({ minLength: 1, maxLength: 50 }),
  personIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000, description: 'who of the tied block takes the grade; empty: the block stays in the lower grade' }),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type TieDecisionBody = Static<typeof TieDecisionBody>;
