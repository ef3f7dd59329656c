import type { Scheme as EngineScheme } from '@baton/engine';
import type { CreateSchemeBody, Scheme } from '@baton/contract/schemes';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { authorize, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { checkSchemeDefinition } from './scheme-definition.js';
import { createSchemeInvalidError } from './schemes.errors.js';
import { findLatestSchemeVersion, findScheme, insertScheme, listSchemes, type SchemeRow } from './schemes.repository.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const auditActor = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

export function presentScheme(row: SchemeRow): Scheme {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    kind: row.kind,
    subjectKind: row.subject_kind,
    definition: JSON.parse(row.definition_json) as EngineScheme,
    replacesId: row.replaces_id,
    createdAt: row.created_at,
    periodCount: row.period_count,
  };
}

export async function listAssessmentSchemes({ db }: Deps, _actor: Actor, opts: { code?: string | undefined; beforeId?: number | undefined; limit: number }) {
  return (await listSchemes(db, opts)).map(presentScheme);
}

export async function getAssessmentScheme({ db }: Deps, _actor: Actor, id: number) {
  const row = await findScheme(db, id);
  if (!row) throw createNotFoundError('scheme', id);
  return presentScheme(row);
}

/**
 * A new version of a scheme: one more than the code's latest, which it replaces. Schemes are never
 * edited: a period freezes the version it runs on (docs/product.md §2.1).
 */
export async function createAssessmentScheme({ db, now }: Deps, actor: Actor, input: CreateSchemeBody) {
  authorize(actor, 'scheme.manage');
  const checked = checkSchemeDefinition(input.definition);
  if (!checked.ok) throw createSchemeInvalidError(checked.errors);
  const at = now().toISOString();
  const id = await inTransaction(db, async (trx) => {
    // The audit append serialises writers (an advisory lock on PostgreSQL), so the version read after it is the latest.
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'scheme.created', entity: 'scheme', entityId: input.code, after: input }], at);
    const latest = await findLatestSchemeVersion(trx, input.code);
    return insertScheme(trx, {
      code: input.code, version: (latest?.version ?? 0) + 1, name: input.name, kind: checked.scheme.kind ?? 'routine',
      subjectKind: input.subjectKind, definitionJson: JSON.stringify(input.definition), replacesId: latest?.id ?? null,
      createdBy: actor.accountId, now: at,
    });
  });
  return presentScheme((await findScheme(db, id))!);
}
