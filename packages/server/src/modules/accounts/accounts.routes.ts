import { Type } from 'typebox';
import type { AppDeps } from '../../app/deps.js';
import { IdParams, PageQuery, StrictObject, type App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { changeAccount, createAccount, listAllAccounts, resetAccountPassword } from './accounts.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('leader'), Type.Literal('member'), Type.Literal('auditor')]);
const RoleInput = StrictObject({ role: RoleSchema, unitId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])) });

const CreateAccountBody = StrictObject({
  username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
  personId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  roles: Type.Array(RoleInput, { minItems: 1, maxItems: 10 }),
  password: Type.Optional(Type.String({ maxLength: 200 })),
});

const UpdateAccountBody = StrictObject({
  roles: Type.Optional(Type.Array(RoleInput, { minItems: 1, maxItems: 10 })),
  disabled: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});

const ResetBody = Type.Optional(StrictObject({ reason: Type.Optional(Type.String({ maxLength: 500 })) }));

export async function registerAccountRoutes(app: App, deps: AppDeps) {
  const tags = ['accounts'];

  app.get('/api/accounts', { schema: { tags, querystring: StrictObject({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })) }) } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listAllAccounts(deps, requireActor(req), { q: req.query.q, afterId: idCursor.decode(req.query.cursor), limit });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.post('/api/accounts', { schema: { tags, body: CreateAccountBody } }, async (req, reply) => {
    reply.status(201);
    return createAccount(deps, requireActor(req), req.body);
  });

  app.patch('/api/accounts/:id', { schema: { tags, params: IdParams, body: UpdateAccountBody } }, async (req) =>
    changeAccount(deps, requireActor(req), req.params.id, req.body));

  app.post('/api/accounts/:id/reset-password', { schema: { tags, params: IdParams, body: ResetBody } }, async (req) =>
    resetAccountPassword(deps, requireActor(req), req.params.id, req.body?.reason));
}
