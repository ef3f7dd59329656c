import { IdParams } from '@baton/contract/common';
import { PeriodViewSchema, TransitionBody } from '@baton/contract/periods';
import type { AppDeps } from '../../app/deps.js';
import { requireActor } from '../../app/auth.plugin.js';
import type { App } from '../../app/http.js';
import { transitionAssessmentPeriod } from './period-transitions.usecases.js';

/** A period's next step: draft → open → reviewing → publicity → closed. */
export async function registerPeriodTransitionRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['periods'];

  app.post('/api/periods/:id/transition', { schema: { tags, params: IdParams, body: TransitionBody, response: { 200: PeriodViewSchema } } }, async (req) =>
    transitionAssessmentPeriod(deps, requireActor(req), req.params.id, req.body));
}
