import { Type } from 'typebox';
import type { AppDeps } from '../../app/deps.js';
import { IdParams, StrictObject, type App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { GROUP_KEY_PATTERN } from '../results/index.js';
import { decideTie, listTieDecisions } from './committee.usecases.js';

const TieDecisionSchema = Type.Object({
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
const TieDecisionList = Type.Object({ items: Type.Array(TieDecisionSchema) });
const TieDecisionBody = StrictObject({
  group: Type.String({ pattern: GROUP_KEY_PATTERN, description: 'the quota group: all, category:<id>, category:none or unit:<id>' }),
  grade: Type.String({ minLength: 1, maxLength: 50 }),
  personIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000, description: 'who of the tied block takes the grade; empty: the block stays in the lower grade' }),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});

/** The committee's decisions on ties at a quota line (评审委员会决定, issue 6). */
export async function registerCommitteeRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['assessment cycles'];
  app.get('/api/periods/:id/tie-decisions', { schema: { tags, params: IdParams, response: { 200: TieDecisionList } } }, async (req) =>
    listTieDecisions(deps, requireActor(req), req.params.id));
  app.post('/api/periods/:id/tie-decisions', { schema: { tags, params: IdParams, body: TieDecisionBody, response: { 201: TieDecisionList } } }, async (req, reply) => {
    const list = await decideTie(deps, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return list;
  });
}
