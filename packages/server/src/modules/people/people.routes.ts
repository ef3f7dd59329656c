import { IdParams } from '@baton/contract/common';
import { CreatePersonBody, PeopleListResponse, PeopleQuery, PersonDetailSchema, PersonSchema, UpdatePersonBody } from '@baton/contract/people';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { changePerson, createPerson, getVisiblePerson, listVisiblePeople } from './people.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

export async function registerPeopleRoutes(app: App, deps: AppDeps) {
  const tags = ['organization'];

  app.get('/api/people', { schema: { tags, querystring: PeopleQuery, response: { 200: PeopleListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const { items, total } = await listVisiblePeople(deps, requireActor(req), {
      q: req.query.q, unit: req.query.unit, subtree: req.query.subtree, status: req.query.status, afterId: idCursor.decode(req.query.cursor), limit,
    });
    return { items, total, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/people/:id', { schema: { tags, params: IdParams, response: { 200: PersonDetailSchema } } }, async (req) => getVisiblePerson(deps, requireActor(req), req.params.id));

  app.post('/api/people', { schema: { tags, body: CreatePersonBody, response: { 201: PersonSchema } } }, async (req, reply) => {
    reply.status(201);
    return createPerson(deps, requireActor(req), req.body);
  });

  app.patch('/api/people/:id', { schema: { tags, params: IdParams, body: UpdatePersonBody, response: { 200: PersonSchema } } }, async (req) =>
    changePerson(deps, requireActor(req), req.params.id, req.body));
}
