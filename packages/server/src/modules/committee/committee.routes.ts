import { IdParams } from '@baton/contract/common';
import { TieDecisionBody, TieDecisionList } from '@baton/contract/committee';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { decideTie, listTieDecisions } from './committee.usecases.js';

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
