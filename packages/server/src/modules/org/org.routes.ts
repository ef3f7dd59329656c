import { IdParams } from '@baton/contract/common';
import {
  CategoryListResponse, CategorySchema, CreateCategoryBody, CreatePostBody, CreatePostTypeBody, CreateUnitBody, PostListResponse, PostSchema,
  PostTypeListResponse, PostTypeSchema, UnitDetailSchema, UnitListQuery, UnitListResponse, UnitSchema, UpdateCategoryBody, UpdateUnitBody,
} from '@baton/contract/org';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import {
  changeCategory, changeUnit, createCategory, createPost, createPostType, createUnit, getVisibleUnit, listAllCategories,
  listAllPosts, listAllPostTypes, listVisibleUnits,
} from './org.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

export async function registerOrgRoutes(app: App, deps: AppDeps) {
  const tags = ['organization'];

  app.get('/api/units', { schema: { tags, querystring: UnitListQuery, response: { 200: UnitListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 1000;
    const items = await listVisibleUnits(deps, requireActor(req), { afterId: idCursor.decode(req.query.cursor), limit });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/units/:id', { schema: { tags, params: IdParams, response: { 200: UnitDetailSchema } } }, async (req) => getVisibleUnit(deps, requireActor(req), req.params.id));

  app.post('/api/units', { schema: { tags, body: CreateUnitBody, response: { 201: UnitSchema } } }, async (req, reply) => {
    reply.status(201);
    return createUnit(deps, requireActor(req), req.body);
  });

  app.patch('/api/units/:id', { schema: { tags, params: IdParams, body: UpdateUnitBody, response: { 200: UnitSchema } } }, async (req) =>
    changeUnit(deps, requireActor(req), req.params.id, req.body));

  app.get('/api/categories', { schema: { tags, response: { 200: CategoryListResponse } } }, async (req) => ({
    items: await listAllCategories(deps, requireActor(req)),
  }));

  app.post('/api/categories', { schema: { tags, body: CreateCategoryBody, response: { 201: CategorySchema } } }, async (req, reply) => {
    reply.status(201);
    return createCategory(deps, requireActor(req), req.body);
  });

  app.patch('/api/categories/:id', { schema: { tags, params: IdParams, body: UpdateCategoryBody, response: { 200: CategorySchema } } }, async (req) =>
    changeCategory(deps, requireActor(req), req.params.id, req.body));

  app.get('/api/post-types', { schema: { tags, response: { 200: PostTypeListResponse } } }, async (req) => ({ items: await listAllPostTypes(deps, requireActor(req)) }));
  app.post('/api/post-types', { schema: { tags, body: CreatePostTypeBody, response: { 201: PostTypeSchema } } }, async (req, reply) => {
    reply.status(201);
    return createPostType(deps, requireActor(req), req.body);
  });
  app.get('/api/posts', { schema: { tags, response: { 200: PostListResponse } } }, async (req) => ({ items: await listAllPosts(deps, requireActor(req)) }));
  app.post('/api/posts', { schema: { tags, body: CreatePostBody, response: { 201: PostSchema } } }, async (req, reply) => {
    reply.status(201);
    return createPost(deps, requireActor(req), req.body);
  });
}
