import { AuditListResponse, AuditQuery, AuditVerificationSchema } from '@baton/contract/audit';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { authorize } from '../../policies/index.js';
import { requireActor } from '../../app/auth.plugin.js';
import { listAuditRecords } from './audit.repository.js';
import { verifyAuditChain } from './audit.usecases.js';
import { idCursor } from '../../app/cursors.js';

export async function registerAuditRoutes(app: App, deps: AppDeps) {
  const tags = ['audit'];

  app.get('/api/audit', { schema: { tags, querystring: AuditQuery, response: { 200: AuditListResponse } } }, async (req) => {
    authorize(requireActor(req), 'audit.read');
    const limit = req.query.limit ?? 50;
    const rows = await listAuditRecords(deps.db, { ...req.query, beforeSeq: idCursor.decode(req.query.cursor), limit });
    return {
      items: rows.map((r) => ({
        seq: r.seq, at: r.at, actorLabel: r.actor_label, action: r.action, entity: r.entity, entityId: r.entity_id,
        before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
        after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
        reason: r.reason, hash: r.hash,
      })),
      nextCursor: rows.length === limit ? idCursor.encode(rows[rows.length - 1]!.seq) : null,
    };
  });

  app.post('/api/audit/verify', { schema: { tags, response: { 200: AuditVerificationSchema } } }, async (req) => {
    authorize(requireActor(req), 'audit.read');
    return verifyAuditChain(deps);
  });
}
