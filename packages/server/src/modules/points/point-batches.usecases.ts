import { createHash } from 'node:crypto';
import type {
  ApproveBody, BatchApproved, BatchBody, BatchEvent, BatchListResponse, BatchOutcome as BatchOutcomeShape, ImportStarted, PointBatch,
} from '@baton/contract/points';
import type { AppDeps } from '../../app/deps.js';
import { isValidDate, localDateOf } from '../../app/dates.js';
import { createNotFoundError, type ErrorDetail } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import { type Actor, authorize, can, isBatchUploader, isSelf, readsPointBatches } from '../../policies/index.js';
import { appendAuditRecords, type AuditEntry, canonicalJson } from '../audit/index.js';
import { startJob } from '../jobs/index.js';
import { announceLedgerChange } from './ledger-changes.js';
import {
  createBatchInvalidError, createIdempotencyConflictError, createOwnBatchError, createOwnSubjectError, createPeriodClosedError,
} from './points.errors.js';
import {
  checkEvidenceLink, checkEvidenceText, computeEventDelta, fromCenti, JSON_BATCH_COLUMNS, MAX_OCCURRENCES, normalizeText, toCenti,
  type BatchColumn, type BatchRow,
} from './points.values.js';
import {
  approveProposedEventsOfBatch, countEventsOfBatches, findAccountDisplayName, findBatch, findBatchByKey, insertBatch, insertLedgerRowsForEvents,
  insertPointEvents, listAssignmentsOfPeople, listBatchPage, listClosedPeriodsOfScheme, listPeopleByEmployeeNos, listProposedEventsOfBatch,
  listUnitsByCodes, type AssignmentSpan, type ClosedPeriod, type NewPointEvent, type PointBatchRow,
} from './point-events.repository.js';
import { notifySubjects } from './point-events.usecases.js';
import { findScheme, isUniqueViolation, listRulesOfScheme, type PointRuleRow, type SchemeRow } from './point-rules.repository.js';
import { MAX_BATCH_ROWS, readPointImportFile, writePointTemplate, type ParsedPointFile } from './point-import.workbook.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'dialect' | 'now'>;

// ---------------------------------------------------------------------------------------------
// Presenting.

export async function presentBatches(db: Db, actor: Actor, rows: PointBatchRow[]): Promise<PointBatch[]> {
  const counts = await countEventsOfBatches(db, rows.map((b) => b.id));
  const names = new Map<number, string>();
  for (const id of new Set(rows.map((b) => b.created_by))) names.set(id, (await findAccountDisplayName(db, id)) ?? '');
  return rows.map((b) => {
    const c = counts.get(b.id) ?? { proposed: 0, approved: 0, rejected: 0 };
    return {
      id: b.id, idempotencyKey: b.idempotency_key, channel: b.channel as 'api' | 'xlsx' | 'csv', fileName: b.file_name, eventCount: b.event_count,
      proposedCount: c.proposed, approvedCount: c.approved, rejectedCount: c.rejected,
      createdBy: { accountId: b.created_by, name: names.get(b.created_by) ?? '' }, createdAt: b.created_at,
      can: { approve: c.proposed > 0 && can(actor, 'points.batch.approve') && !isBatchUploader(actor, b) },
    };
  });
}

export type PresentedBatch = PointBatch;

async function presentBatch(db: Db, actor: Actor, row: PointBatchRow): Promise<PresentedBatch> {
  return (await presentBatches(db, actor, [row]))[0]!;
}

/** Batches newest first; others than admin and auditor get an empty list. */
export async function listPointBatches({ db }: Pick<Deps, 'db'>, actor: Actor, query: { cursor?: string | undefined; limit: number }): Promise<BatchListResponse> {
  authorize(actor, 'points.read');
  if (!readsPointBatches(actor)) return { items: [] as PresentedBatch[], nextCursor: null };
  const rows = await listBatchPage(db, { beforeId: idCursor.decode(query.cursor), limit: query.limit });
  return { items: await presentBatches(db, actor, rows), nextCursor: nextCursorOf(rows, query.limit) };
}

export async function getPointBatch({ db }: Pick<Deps, 'db'>, actor: Actor, id: number): Promise<PointBatch> {
  authorize(actor, 'points.read');
  const row = readsPointBatches(actor) ? await findBatch(db, id) : undefined;
  if (!row) throw createNotFoundError('pointBatch', id);
  return presentBatch(db, actor, row);
}

// ---------------------------------------------------------------------------------------------
// Reading a JSON batch into rows (the file reader does the same for cells).

export type JsonBatchEvent = BatchEvent;

export function readJsonBatchRows(events: JsonBatchEvent[]): { rows: BatchRow[]; issues: ErrorDetail[] } {
  const rows: BatchRow[] = [];
  const issues: ErrorDetail[] = [];
  events.forEach((e, i) => {
    const row = i + 1;
    const before = issues.length;
    const bad = (column: BatchColumn, message: string) => issues.push({ row, column: JSON_BATCH_COLUMNS[column], message });
    if (!isValidDate(e.occurredOn)) bad('occurredOn', 'must be a date YYYY-MM-DD');
    let deltaCenti: number | null = null;
    if (e.delta !== undefined) {
      const c = toCenti(e.delta);
      if ('error' in c) bad('delta', c.error);
      else deltaCenti = c.centi;
    }
    const evidenceText = normalizeText(e.evidenceText);
    const textProblem = checkEvidenceText(evidenceText);
    if (textProblem) bad('evidenceText', textProblem);
    const evidenceLink = e.evidenceLink ? e.evidenceLink.trim() : null;
    const linkProblem = evidenceLink ? checkEvidenceLink(evidenceLink) : null;
    if (linkProblem) bad('evidenceLink', linkProblem);
    if (issues.length === before) {
      rows.push({
        row, rule: e.rule.trim(), employeeNo: e.employeeNo?.trim() || null, unitCode: e.unitCode?.trim() || null, occurredOn: e.occurredOn,
        occurrences: e.occurrences ?? null, deltaCenti, source: e.source ?? null, evidenceText, evidenceLink,
      });
    }
  });
  return { rows, issues };
}

/** What makes two batches "the same content": the scheme and the events, in order, as read (not their row numbers). */
export function batchContentSha256(schemeId: number, rows: BatchRow[]): string {
  const events = rows.map(({ row: _row, ...rest }) => rest);
  return createHash('sha256').update(canonicalJson({ schemeId, events })).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Validating a batch against the database, whole.

const unitOn = (spans: AssignmentSpan[] | undefined, date: string) =>
  spans?.find((s) => s.valid_from <= date && (s.valid_to === null || s.valid_to > date))?.unit_id;

/**
 * Checks every row against the scheme's rules, the people or units it names, the rule's bounds, the
 * date (not in the future, not in a closed period) and returns the events to insert, or every
 * problem found (row, column, message). Pure but for the bulk look-ups at the start.
 */
export async function planBatchEvents(
  db: Db,
  input: { scheme: SchemeRow; rows: BatchRow[]; columns: Record<BatchColumn, string>; actor: Actor; today: string; at: string; sheet?: string | undefined },
  progress?: (checked: number) => void,
): Promise<{ events: Omit<NewPointEvent, 'batch_id'>[]; issues: ErrorDetail[] }> {
  const { scheme, rows, columns, actor, today, at } = input;
  const isPerson = scheme.subject_kind === 'person';
  const [rules, people, units, closed] = await Promise.all([
    listRulesOfScheme(db, scheme.id),
    isPerson ? listPeopleByEmployeeNos(db, [...new Set(rows.map((r) => r.employeeNo).filter((n): n is string => n !== null))]) : Promise.resolve([]),
    isPerson ? Promise.resolve([]) : listUnitsByCodes(db, [...new Set(rows.map((r) => r.unitCode).filter((c): c is string => c !== null))]),
    listClosedPeriodsOfScheme(db, scheme.id),
  ]);
  const activeRules = new Map<string, PointRuleRow>();
  const knownCodes = new Set<string>();
  for (const r of rules) {
    knownCodes.add(r.code);
    if (r.status === 'active') activeRules.set(r.code, r);
  }
  const personByNo = new Map(people.map((p) => [p.employee_no, p]));
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const spans = new Map<number, AssignmentSpan[]>();
  for (const s of await listAssignmentsOfPeople(db, people.map((p) => p.id))) spans.set(s.person_id, [...(spans.get(s.person_id) ?? []), s]);
  const closedOn = (date: string): ClosedPeriod | undefined => closed.find((p) => p.starts_on <= date && date <= p.ends_on);

  const issues: ErrorDetail[] = [];
  const events: Omit<NewPointEvent, 'batch_id'>[] = [];
  rows.forEach((r, i) => {
    const before = issues.length;
    const bad = (column: BatchColumn, message: string) => issues.push({ ...(input.sheet && { sheet: input.sheet }), row: r.row, column: columns[column], message });
    const rule = activeRules.get(r.rule);
    if (!rule) bad('rule', knownCodes.has(r.rule) ? `the rule ${r.rule} is disabled` : `unknown rule ${r.rule} in this scheme`);
    let personId: number | null = null;
    let unitId: number | undefined;
    if (isPerson) {
      if (r.unitCode !== null) bad('unitCode', 'must be empty: the scheme is about people');
      if (r.employeeNo === null) bad('employeeNo', 'is required: the scheme is about people');
      else {
        const person = personByNo.get(r.employeeNo);
        if (!person) bad('employeeNo', `unknown employee number ${r.employeeNo}`);
        else if (person.id === actor.personId) bad('employeeNo', 'is yourself: someone else records points about you');
        else {
          personId = person.id;
          unitId = unitOn(spans.get(person.id), r.occurredOn) ?? person.unit_id;
        }
      }
    } else {
      if (r.employeeNo !== null) bad('employeeNo', 'must be empty: the scheme is about units');
      if (r.unitCode === null) bad('unitCode', 'is required: the scheme is about units');
      else {
        const unit = unitByCode.get(r.unitCode);
        if (!unit) bad('unitCode', `unknown unit code ${r.unitCode}`);
        else unitId = unit.id;
      }
    }
    if (r.occurredOn > today) bad('occurredOn', `must not be in the future (today is ${today})`);
    else {
      const period = closedOn(r.occurredOn);
      if (period) bad('occurredOn', `${r.occurredOn} lies in the closed period ${period.name}`);
    }
    if (r.occurrences !== null && (r.occurrences < 1 || r.occurrences > MAX_OCCURRENCES)) bad('occurrences', `must be a whole number from 1 to ${MAX_OCCURRENCES}`);
    const amount = rule ? computeEventDelta(rule, { deltaCenti: r.deltaCenti, occurrences: r.occurrences }) : null;
    if (amount && 'field' in amount && !issues.slice(before).some((x) => x.column === columns.occurrences)) bad(amount.field, amount.message);
    if (issues.length === before && rule && amount && !('field' in amount) && unitId !== undefined) {
      events.push({
        rule_id: rule.id, scheme_id: scheme.id, indicator_id: rule.indicator_id, subject_kind: scheme.subject_kind, person_id: personId, unit_id: unitId,
        occurred_on: r.occurredOn, occurrences: amount.occurrences, delta_centi: amount.deltaCenti, source: r.source ?? rule.default_source ?? 'other',
        evidence_text: r.evidenceText, evidence_link: r.evidenceLink, status: 'proposed', proposed_by: actor.accountId, proposed_at: at,
        decided_by: null, decided_at: null, decision_note: null, reverses_event_id: null, batch_row: r.row,
      });
    }
    if ((i + 1) % 1000 === 0) progress?.(i + 1);
  });
  progress?.(rows.length);
  return { events, issues };
}

// ---------------------------------------------------------------------------------------------
// Creating a batch: JSON now, files as a background job. Both idempotent by key.

export interface BatchSubmission {
  schemeId: number;
  idempotencyKey: string;
  channel: 'api' | 'xlsx' | 'csv';
  fileName: string | null;
  rows: BatchRow[];
  /** Problems found while reading the rows (cells, formats): reported with the database's. */
  readIssues: ErrorDetail[];
  columns: Record<BatchColumn, string>;
  sheet?: string | undefined;
}

export type BatchOutcome = BatchOutcomeShape;

/** The same key and content: the batch as it was (a replay adds nothing); other content: 409. */
async function replayOrConflict(db: Db, actor: Actor, existing: PointBatchRow, sha: string | null): Promise<BatchOutcome> {
  if (sha === null || existing.content_sha256 !== sha) throw createIdempotencyConflictError(existing.idempotency_key);
  return { batch: await presentBatch(db, actor, existing), replayed: true };
}

/**
 * Validates a batch whole and writes it in one transaction: the batch, its `proposed` events and one
 * audit record for the batch (each event carries its batch and row). A key seen before answers the
 * earlier batch when the content is the same (nothing is written) and 409 when it is not.
 */
export async function submitPointBatch(
  deps: Deps, actor: Actor, submission: BatchSubmission,
  progress?: (done: number, total: number, message: string) => void,
): Promise<BatchOutcome> {
  authorize(actor, 'points.import');
  const { db, now } = deps;
  const at = now();
  const atIso = at.toISOString();
  const scheme = await findScheme(db, submission.schemeId);
  if (!scheme) throw createNotFoundError('scheme', submission.schemeId);
  const sha = submission.readIssues.length ? null : batchContentSha256(scheme.id, submission.rows);
  const existing = await findBatchByKey(db, submission.idempotencyKey);
  if (existing) return replayOrConflict(db, actor, existing, sha);

  const total = submission.rows.length * 2;
  const { events, issues } = await planBatchEvents(
    db, { scheme, rows: submission.rows, columns: submission.columns, actor, today: localDateOf(at), at: atIso, sheet: submission.sheet },
    (checked) => progress?.(checked, total, `checking rows ${checked}/${submission.rows.length}`),
  );
  const allIssues = [...submission.readIssues, ...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (allIssues.length) throw createBatchInvalidError(allIssues);

  try {
    const batchId = await inTransaction(db, async (trx) => {
      const again = await findBatchByKey(trx, submission.idempotencyKey);
      if (again) return { kind: 'replay' as const, batch: again };
      const id = await insertBatch(trx, {
        idempotency_key: submission.idempotencyKey, content_sha256: sha!, channel: submission.channel, file_name: submission.fileName,
        event_count: events.length, created_by: actor.accountId, created_at: atIso,
      });
      await insertPointEvents(trx, events.map((e) => ({ ...e, batch_id: id })), (written) => progress?.(submission.rows.length + written, total, `writing events ${written}/${events.length}`));
      await appendAuditRecords(trx, [{
        actorId: actor.accountId, actorLabel: actor.username, action: 'pointBatch.created', entity: 'point_batch', entityId: id,
        after: {
          schemeId: scheme.id, idempotencyKey: submission.idempotencyKey, channel: submission.channel, fileName: submission.fileName, contentSha256: sha,
          eventCount: events.length, totalDeltaCenti: events.reduce((s, e) => s + e.delta_centi, 0),
        },
      }], atIso);
      return { kind: 'created' as const, id };
    });
    if (batchId.kind === 'replay') return replayOrConflict(db, actor, batchId.batch, sha);
    progress?.(total, total, 'done');
    return { batch: await presentBatch(db, actor, (await findBatch(db, batchId.id))!), replayed: false };
  } catch (error) {
    // Two uploads with one key at the same moment: the unique key lets one in; the other is a replay.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findBatchByKey(db, submission.idempotencyKey);
    if (!winner) throw error;
    return replayOrConflict(db, actor, winner, sha);
  }
}

/** POST /api/point-batches: a JSON batch from another system, with its Idempotency-Key. */
export async function submitJsonBatch(deps: Deps, actor: Actor, idempotencyKey: string, body: BatchBody): Promise<BatchOutcome> {
  authorize(actor, 'points.import');
  const { rows, issues } = readJsonBatchRows(body.events);
  return submitPointBatch(deps, actor, {
    schemeId: body.schemeId, idempotencyKey, channel: 'api', fileName: null, rows, readIssues: issues, columns: JSON_BATCH_COLUMNS,
  });
}

export interface PointImportUpload { schemeId: number; idempotencyKey?: string | undefined; fileName: string; content: Buffer }

/**
 * POST /api/imports/points: the file is read at once (415 / 400 for a file that is not a readable
 * .xlsx or CSV), then checked against the database and written by the background job `import.points`
 * (progress and the error table at GET /api/jobs/:id). The key defaults to the file's sha256.
 */
export async function startPointImport(deps: Deps, actor: Actor, upload: PointImportUpload): Promise<ImportStarted> {
  authorize(actor, 'points.import');
  const scheme = await findScheme(deps.db, upload.schemeId);
  if (!scheme) throw createNotFoundError('scheme', upload.schemeId);
  const parsed: ParsedPointFile = await readPointImportFile(upload.content);
  const idempotencyKey = upload.idempotencyKey ?? createHash('sha256').update(upload.content).digest('hex');
  const jobId = await startJob(deps, { kind: 'import.points', total: Math.min(parsed.rows.length, MAX_BATCH_ROWS) * 2, createdBy: actor.accountId }, (progress) =>
    submitPointBatch(deps, actor, {
      schemeId: scheme.id, idempotencyKey, channel: parsed.channel, fileName: upload.fileName, rows: parsed.rows, readIssues: parsed.issues,
      columns: parsed.columns, sheet: parsed.sheet,
    }, progress));
  return { jobId };
}

/** GET /api/imports/points/template?scheme= — the layout, an example row, the scheme's active rules. */
export async function buildPointTemplate({ db, now }: Pick<Deps, 'db' | 'now'>, actor: Actor, schemeId: number) {
  authorize(actor, 'points.import');
  const scheme = await findScheme(db, schemeId);
  if (!scheme) throw createNotFoundError('scheme', schemeId);
  const rules = (await listRulesOfScheme(db, schemeId)).filter((r) => r.status === 'active').map((r) => ({
    code: r.code, name: r.name, indicator: r.indicator_id, defaultDelta: fromCenti(r.default_delta_centi), minDelta: fromCenti(r.min_delta_centi),
    maxDelta: fromCenti(r.max_delta_centi), perOccurrence: r.per_occurrence === 1, defaultSource: r.default_source, description: r.description,
  }));
  const content = await writePointTemplate(scheme.subject_kind, rules, localDateOf(now()));
  return { fileName: `积分事件导入模板-${scheme.name}.xlsx`, asciiFileName: `baton-points-template-${scheme.id}.xlsx`, content };
}

// ---------------------------------------------------------------------------------------------
// Approving a batch.

/**
 * Someone other than the uploader approves every still-proposed event of a batch in one transaction:
 * the statuses, one audit record per event (as a single approval writes), then the ledger rows after
 * them (ledger ids in commit order), one notification per person. A closed period or an event about
 * the approver himself refuses the whole batch.
 */
export async function approvePointBatch(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, id: number, input: ApproveBody): Promise<BatchApproved> {
  authorize(actor, 'points.approve');
  const { db, now } = deps;
  const atIso = now().toISOString();
  const note = input.note ? normalizeText(input.note) || null : null;
  // Approving a whole batch needs every subject in scope: the admin's (batches are the admin's business).
  const batch = can(actor, 'points.batch.approve') ? await findBatch(db, id) : undefined;
  if (!batch) throw createNotFoundError('pointBatch', id);
  if (isBatchUploader(actor, batch)) throw createOwnBatchError();
  const name = (await findAccountDisplayName(db, actor.accountId)) ?? actor.username;
  const high = await inTransaction(db, async (trx) => {
    const pending = await listProposedEventsOfBatch(trx, id);
    if (pending.length === 0) return { approved: 0, ledger: new Map<number, number>() };
    if (pending.some((e) => isSelf(actor, e.person_id))) throw createOwnSubjectError();
    const closedBySchemes = new Map<number, ClosedPeriod[]>();
    for (const schemeId of new Set(pending.map((e) => e.scheme_id))) closedBySchemes.set(schemeId, await listClosedPeriodsOfScheme(trx, schemeId));
    const blocked = pending
      .map((e) => ({ e, p: closedBySchemes.get(e.scheme_id)!.find((p) => p.starts_on <= e.occurred_on && e.occurred_on <= p.ends_on) }))
      .filter((x) => x.p !== undefined);
    if (blocked.length) {
      throw createPeriodClosedError(blocked[0]!.p!, blocked.slice(0, 500).map((x) => ({ path: `/events/${x.e.id}`, message: `${x.e.occurred_on} lies in the closed period ${x.p!.name}` })));
    }
    const approved = await approveProposedEventsOfBatch(trx, id, { by: actor.accountId, at: atIso, note });
    approved.sort((a, b) => a.id - b.id);
    const audit: AuditEntry[] = approved.map((e) => ({
      actorId: actor.accountId, actorLabel: actor.username, action: 'pointEvent.approved', entity: 'point_event', entityId: e.id,
      before: { status: 'proposed' }, after: { status: 'approved', deltaCenti: e.delta_centi, note, batchId: id },
    }));
    await appendAuditRecords(trx, audit, atIso);
    const ledger = await insertLedgerRowsForEvents(trx, approved.map((e) => e.id), atIso);
    await notifyPeopleOfBatch(trx, approved, name, atIso);
    return { approved: approved.length, ledger };
  });
  for (const [schemeId, ledgerId] of high.ledger) announceLedgerChange(deps, { schemeId, ledgerId });
  return { approved: high.approved };
}

/** One notification per person of the batch (not one per event: a batch may hold thousands). */
async function notifyPeopleOfBatch(db: Db, events: { id: number; person_id: number | null; delta_centi: number; occurred_on: string }[], approverName: string, at: string) {
  const byPerson = new Map<number, { id: number; person_id: number; delta_centi: number; occurred_on: string; count: number }>();
  for (const e of events) {
    if (e.person_id === null) continue;
    const seen = byPerson.get(e.person_id);
    if (seen) {
      seen.delta_centi += e.delta_centi;
      seen.count += 1;
    } else byPerson.set(e.person_id, { id: e.id, person_id: e.person_id, delta_centi: e.delta_centi, occurred_on: e.occurred_on, count: 1 });
  }
  await notifySubjects(db, [...byPerson.values()], (e) => {
    const n = e.count;
    const total = fromCenti(e.delta_centi);
    return n === 1
      ? `${approverName}审核通过了你${e.occurred_on}的积分事件（${total > 0 ? '+' : ''}${total}分）`
      : `${approverName}审核通过了你的${n}条积分事件（合计${total > 0 ? '+' : ''}${total}分）`;
  }, 'points.approved', at);
}
