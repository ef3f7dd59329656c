import {
  AccountListQuery, AccountListResponse, AccountSchema, CreateAccountBody, CreatedAccountResponse, ResetPasswordBody, ResetPasswordResponse,
  UpdateAccountBody,
} from '@baton/contract/accounts';
import { IdParams } from '@baton/contract/common';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { changeAccount, createAccount, listAllAccounts, resetAccountPassword } from './accounts.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

export async function registerAccountRoutes(app: App, deps: AppDeps) {
  const tags = ['accounts'];

  app.get('/api/accounts', { schema: { tags, querystring: AccountListQuery, response: { 200: AccountListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listAllAccounts(deps, requireActor(req), { q: req.query.q, afterId: idCursor.decode(req.query.cursor), limit });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.post('/api/accounts', { schema: { tags, body: CreateAccountBody, response: { 201: CreatedAccountResponse } } }, async (req, reply) => {
    reply.status(201);
    return createAccount(deps, requireActor(req), req.body);
  });

  app.patch('/api/accounts/:id', { schema: { tags, params: IdParams, body: UpdateAccountBody, response: { 200: AccountSchema } } }, async (req) =>
    changeAccount(deps, requireActor(req), req.params.id, req.body));

  app.post('/api/accounts/:id/reset-password', { schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 200: ResetPasswordResponse } } }, async (req) =>
    resetAccountPassword(deps, requireActor(req), req.params.id, req.body?.reason));
}
