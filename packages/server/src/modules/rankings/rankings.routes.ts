import type { ServerResponse } from 'node:http';
import { PersonIdParams } from '@baton/contract/common';
import {
  PersonPointsQuery, PersonPointsResponse, RankingGroupsQuery, RankingGroupsResponse, RankingHistogramQuery, RankingHistogramResponse, RankingPageSchema,
  RankingQuery, RankingResponse, RankingRowSchema, RankingStreamQuery, RankingStreamResponse,
} from '@baton/contract/rankings';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { acceptsGzip, deflateShared, gzipSharedThenOwn, type SharedPart } from '../../app/precompressed.js';
import { requireActor } from '../../app/auth.plugin.js';
import { closeRankingHub } from './ranking-hub.js';
import { getPersonPoints, listRankingGroups, readRanking, readRankingHistogram, watchRanking, type RankingPage } from './rankings.usecases.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', vary: 'accept-encoding' };
const GZIP_JSON_HEADERS = { ...JSON_HEADERS, 'content-encoding': 'gzip' };

/** A comment line keeps proxies and browsers from timing the stream out. */
const HEARTBEAT_MS = 15_000;

/** Rankings (实时排名), their live stream and a person's points page. */
export async function registerRankingRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['rankings'];
  const streams = new Set<ServerResponse>();

  // Open streams would keep the server from closing: end them first, then drop the live rankings.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  app.addHook('onClose', async () => closeRankingHub(deps));

  /**
   * A page of a ranking is the same for every reader until the next change (readRanking hands out one
   * page object per page, version and period row), so its JSON is made — and encoded to UTF-8 — once,
   * and deflated once when a reader takes gzip (every browser does). Each answer adds only the
   * caller's own row, serialized with the same schema: `{…page…,"me":` + row + `}` as bytes, or the
   * gzip of both built from the deflated page without compressing again (app/precompressed.ts).
   * Profiles showed a third of a read's time in encoding the ~10 KB of mostly Chinese text per
   * reader, and then much of the rest in serializing what every reader shares (docs/performance.md).
   */
  const encodedPages = new WeakMap<RankingPage, { bytes: Buffer; gzip?: SharedPart }>();
  app.get('/api/rankings', { schema: { tags, querystring: RankingQuery, response: { 200: RankingResponse } } }, async (req, reply) => {
    const { page, me } = await readRanking(deps, requireActor(req), { periodId: req.query.period, group: req.query.group, limit: req.query.limit, cursor: req.query.cursor });
    let encoded = encodedPages.get(page);
    if (encoded === undefined) {
      // The page is a non-empty object: its closing brace makes room for the caller's row.
      encoded = { bytes: Buffer.from(`${reply.serializeInput(page as never, RankingPageSchema as never).slice(0, -1)},"me":`) };
      encodedPages.set(page, encoded);
    }
    // Fastify's types accept objects only; its serializer takes any value its schema describes.
    const own = `${me === null ? 'null' : reply.serializeInput(me as never, RankingRowSchema as never)}}`;
    if (acceptsGzip(req.headers['accept-encoding'])) {
      encoded.gzip ??= deflateShared(encoded.bytes);
      reply.headers(GZIP_JSON_HEADERS);
      return reply.send(gzipSharedThenOwn(encoded.gzip, own) as never);
    }
    reply.headers(JSON_HEADERS);
    // Sent as the JSON bytes it is (the typed reply expects the object the schema documents).
    const body = Buffer.allocUnsafe(encoded.bytes.length + Buffer.byteLength(own));
    body.write(own, encoded.bytes.copy(body, 0));
    return reply.send(body as never);
  });

  /** Server-sent events: `event: ranking` with `{ periodId, version }` on each change of the group; a heartbeat comment every 15 s. */
  app.get('/api/rankings/stream', {
    schema: { tags, querystring: RankingStreamQuery, produces: ['text/event-stream'], response: { 200: RankingStreamResponse } },
  }, async (req, reply) => {
    const watch = await watchRanking(deps, requireActor(req), { periodId: req.query.period, group: req.query.group });
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ periodId: req.query.period, version: watch.version })}\n\n`);
    streams.add(raw);
    const unsubscribe = watch.subscribe((change) => raw.write(`event: ranking\ndata: ${JSON.stringify(change)}\n\n`));
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const cleanUp = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
    };
    req.raw.on('close', cleanUp);
    raw.on('close', cleanUp);
  });

  app.get('/api/rankings/groups', { schema: { tags, querystring: RankingGroupsQuery, response: { 200: RankingGroupsResponse } } }, async (req) =>
    listRankingGroups(deps, requireActor(req), { periodId: req.query.period }));

  app.get('/api/rankings/histogram', { schema: { tags, querystring: RankingHistogramQuery, response: { 200: RankingHistogramResponse } } }, async (req) =>
    readRankingHistogram(deps, requireActor(req), { periodId: req.query.period, group: req.query.group, bins: req.query.bins }));

  app.get('/api/points/people/:personId', { schema: { tags, params: PersonIdParams, querystring: PersonPointsQuery, response: { 200: PersonPointsResponse } } }, async (req) =>
    getPersonPoints(deps, requireActor(req), req.params.personId, { periodId: req.query.period }));
}
