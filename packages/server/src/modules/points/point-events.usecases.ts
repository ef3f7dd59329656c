import type { Attachment } from '@baton/contract/attachments';
import type {
  ApproveBody, EventListQuery as EventListParams, EventListResponse, PointEvent, ProposeBody, ReasonBody, RejectBody,
} from '@baton/contract/points';
import type { AppDeps } from '../../app/deps.js';
import { isValidDate, localDateOf } from '../../app/dates.js';
import { createFieldError, createFieldErrors, createForbiddenError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import {
  authorize, canSeeEvent, eventAbilitiesOf, inUnits, isAboutActor, isProposer, isSelf, readsAllPoints, reviewScopeOf, reviewsEventUnit, reviewsPoints, type Actor, type PointAccess,
} from '../../policies/index.js';
import { appendAuditRecords, type AuditEntry } from '../audit/index.js';
import { openVisibleUnit, resolveVisibleUnitIds } from '../org/index.js';
import { findUnitOfPersonOn } from '../people/index.js';
import { announceLedgerChange } from './ledger-changes.js';
import { insertNotifications, type NewNotification } from '../notifications/index.js';
import {
  createAlreadyReversedError, createNotPendingError, createNotReversibleError, createOwnProposalError, createOwnSubjectError, createPeriodClosedError, createRuleDisabledError,
} from './points.errors.js';
import { checkEvidenceLink, checkEvidenceText, computeEventDelta, fromCenti, normalizeText, toCenti, POINT_SOURCE_LABELS } from './points.values.js';
import {
  decideEvent, findAccountDisplayName, findClosedPeriodCovering, findPointEvent, findReversalOf, findSubjectPerson, findSubjectUnit,
  insertLedgerRowsForEvents, insertPointEvent, listAccountIdsOfPeople, listAttachmentsOfEvents, listEventPage, listEventViewsByIds,
  listReversalsOf, type EventScope, type PointEventAttachmentRow, type PointEventRow, type PointEventView,
} from './point-events.repository.js';
import { findPointRule, findScheme, isUniqueViolation } from './point-rules.repository.js';
import { dateIdCursor } from '../../app/cursors.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

// ---------------------------------------------------------------------------------------------
// Who sees and decides which events. Scopes are resolved once per request, in bulk.

/**
 * docs/api-points.md: a member reads the events about himself; a leader those of the subtrees he leads
 * (and his own); admin and auditor all. Proposing and deciding follow `reviewScopeOf`.
 */
export async function loadPointAccess(db: Db, actor: Actor): Promise<PointAccess> {
  const review = reviewsPoints(actor) ? await resolveVisibleUnitIds(db, reviewScopeOf(actor)) : null;
  const read = readsAllPoints(actor) ? 'all' : review === 'all' ? 'all' : review ?? new Set<number>();
  return { actor, read, review };
}

export function scopeOfAccess(access: PointAccess): EventScope {
  return access.read === 'all' ? { kind: 'all' } : { kind: 'some', unitIds: [...access.read], personId: access.actor.personId };
}

// ---------------------------------------------------------------------------------------------
// Presenting.

export function presentEventAttachment(a: PointEventAttachmentRow): Attachment {
  return { id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size_bytes, sha256: a.sha256, createdAt: a.created_at, url: `/api/point-event-attachments/${a.id}` };
}

function presentEvent(access: PointAccess, e: PointEventView, attachments: PointEventAttachmentRow[], reversedBy: number | undefined): PointEvent {
  return {
    id: e.id,
    status: e.status,
    rule: { id: e.rule_id, code: e.rule_code, name: e.rule_name, version: e.rule_version },
    schemeId: e.scheme_id,
    indicator: e.indicator_id,
    subject: e.subject_kind === 'person'
      ? { kind: 'person' as const, personId: e.person_id, name: e.person_name ?? '', employeeNo: e.employee_no, unitId: e.unit_id, unitName: e.unit_name }
      : { kind: 'unit' as const, personId: null, name: e.unit_name, employeeNo: null, unitId: e.unit_id, unitName: e.unit_name },
    occurredOn: e.occurred_on,
    occurrences: e.occurrences,
    delta: fromCenti(e.delta_centi),
    source: e.source,
    evidenceText: e.evidence_text,
    evidenceLink: e.evidence_link,
    attachments: attachments.map(presentEventAttachment),
    proposedBy: { accountId: e.proposed_by, name: e.proposer_name ?? e.proposer_username },
    proposedAt: e.proposed_at,
    decidedBy: e.decided_by === null ? null : { accountId: e.decided_by, name: e.decider_name ?? e.decider_username ?? '' },
    decidedAt: e.decided_at,
    decisionNote: e.decision_note,
    reversesEventId: e.reverses_event_id,
    reversedByEventId: reversedBy ?? null,
    batchId: e.batch_id,
    can: eventAbilitiesOf(access, { ...e, reversible: e.status === 'approved' && e.reverses_event_id === null && reversedBy === undefined }),
  };
}

export type PresentedPointEvent = PointEvent;

export async function presentEvents(db: Db, access: PointAccess, ids: number[]): Promise<PresentedPointEvent[]> {
  const [views, attachments, reversals] = await Promise.all([listEventViewsByIds(db, ids), listAttachmentsOfEvents(db, ids), listReversalsOf(db, ids)]);
  return views.map((v) => presentEvent(access, v, attachments.get(v.id) ?? [], reversals.get(v.id)));
}

async function presentOne(db: Db, access: PointAccess, id: number) {
  return (await presentEvents(db, access, [id]))[0]!;
}

/** A record the caller cannot see answers 404 exactly like a missing one. */
async function loadVisibleEvent(db: Db, access: PointAccess, id: number): Promise<PointEventRow> {
  const event = await findPointEvent(db, id);
  if (!event || !canSeeEvent(access, event)) throw createNotFoundError('pointEvent', id);
  return event;
}

// ---------------------------------------------------------------------------------------------
// Reading.

export async function getPointEvent({ db }: Deps, actor: Actor, id: number): Promise<PointEvent> {
  authorize(actor, 'points.read');
  const access = await loadPointAccess(db, actor);
  await loadVisibleEvent(db, access, id);
  return presentOne(db, access, id);
}

export type EventListQuery = Omit<EventListParams, 'limit'> & { limit: number };

/**
 * Events newest first (occurredOn desc, id desc), narrowed to the caller's scope in the query. A
 * person or unit filter outside the scope answers 404 like a missing one; a unit means its subtree.
 */
export async function listPointEvents({ db }: Deps, actor: Actor, query: EventListQuery): Promise<EventListResponse> {
  authorize(actor, 'points.read');
  const access = await loadPointAccess(db, actor);
  const { read } = access;
  let unitIds: number[] | undefined;
  if (query.person !== undefined) {
    const person = await findSubjectPerson(db, query.person);
    if (!person || !(isSelf(actor, person.id) || inUnits(read, person.unit_id))) throw createNotFoundError('person', query.person);
  }
  if (query.unit !== undefined) {
    unitIds = (await openVisibleUnit(db, read ?? new Set(), query.unit)).unitIds;
  }
  for (const [path, value] of [['/from', query.from], ['/to', query.to]] as const) {
    if (value !== undefined && !isValidDate(value)) throw createFieldError(path, 'must be a date YYYY-MM-DD');
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) throw createFieldError('/to', 'must not be before from');
  const page = await listEventPage(db, {
    scope: scopeOfAccess(access), personId: query.person, unitIds, status: query.status, schemeId: query.scheme, ruleId: query.rule,
    batchId: query.batch, from: query.from, to: query.to, after: dateIdCursor.decode(query.cursor), limit: query.limit,
  });
  const items = await presentEvents(db, access, page.map((p) => p.id));
  const last = page[page.length - 1];
  return { items, nextCursor: page.length === query.limit && last ? dateIdCursor.encode({ date: last.occurred_on, id: last.id }) : null };
}

// ---------------------------------------------------------------------------------------------
// Proposing.

export type ProposeInput = ProposeBody;

const auditOf = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

function auditedEvent(e: Pick<PointEventRow, 'rule_id' | 'subject_kind' | 'person_id' | 'unit_id' | 'occurred_on' | 'occurrences' | 'delta_centi' | 'source' | 'evidence_text' | 'evidence_link' | 'status' | 'reverses_event_id' | 'batch_id'>) {
  return {
    ruleId: e.rule_id, subjectKind: e.subject_kind, personId: e.person_id, unitId: e.unit_id, occurredOn: e.occurred_on, occurrences: e.occurrences,
    deltaCenti: e.delta_centi, source: e.source, evidenceText: e.evidence_text, evidenceLink: e.evidence_link, status: e.status,
    reversesEventId: e.reverses_event_id, batchId: e.batch_id,
  };
}

/** 409 `period.closed` when the date lies in a closed period of the scheme: its points no longer change. */
async function assertPeriodOpen(db: Db, schemeId: number, date: string) {
  const closed = await findClosedPeriodCovering(db, schemeId, date);
  if (closed) throw createPeriodClosedError(closed, [{ path: '/occurredOn', message: `${date} lies in the closed period ${closed.name}` }]);
}

/** The unit a person's event belongs to: where he worked on that date (else where he works now). */
async function unitOfPersonOn(db: Db, person: { id: number; unit_id: number }, date: string): Promise<number> {
  return (await findUnitOfPersonOn(db, person.id, date)) ?? person.unit_id;
}

/**
 * A leader (for his subtree) or an admin proposes an event with evidence; it waits, `proposed`, for
 * someone else to approve it. Every bad field is reported at once (400); the subject must be in the
 * proposer's review scope (404 otherwise) and not the proposer himself (403 `points.own_subject`);
 * a disabled rule (409 `pointRule.disabled`) and a closed period (409 `period.closed`) take no events.
 */
export async function proposePointEvent({ db, now }: Deps, actor: Actor, input: ProposeInput): Promise<PointEvent> {
  authorize(actor, 'points.propose');
  const at = now();
  const atIso = at.toISOString();
  const today = localDateOf(at);
  const rule = await findPointRule(db, input.ruleId);
  if (!rule) throw createNotFoundError('pointRule', input.ruleId);
  const scheme = (await findScheme(db, rule.scheme_id))!;

  const issues: { path: string; message: string }[] = [];
  if (scheme.subject_kind === 'person') {
    if (input.personId === undefined) issues.push({ path: '/personId', message: 'is required: the rule belongs to a scheme about people' });
    if (input.unitId !== undefined) issues.push({ path: '/unitId', message: 'must be absent: the rule belongs to a scheme about people' });
  } else {
    if (input.unitId === undefined) issues.push({ path: '/unitId', message: 'is required: the rule belongs to a scheme about units' });
    if (input.personId !== undefined) issues.push({ path: '/personId', message: 'must be absent: the rule belongs to a scheme about units' });
  }
  if (!isValidDate(input.occurredOn)) issues.push({ path: '/occurredOn', message: 'must be a date YYYY-MM-DD' });
  else if (input.occurredOn > today) issues.push({ path: '/occurredOn', message: `must not be in the future (today is ${today})` });
  let deltaCenti: number | undefined;
  if (input.delta !== undefined) {
    const c = toCenti(input.delta);
    if ('error' in c) issues.push({ path: '/delta', message: c.error });
    else deltaCenti = c.centi;
  }
  const amount = issues.some((i) => i.path === '/delta') ? null : computeEventDelta(rule, { deltaCenti, occurrences: input.occurrences });
  if (amount && 'field' in amount) issues.push({ path: `/${amount.field}`, message: amount.message });
  const evidenceText = normalizeText(input.evidenceText);
  const textProblem = checkEvidenceText(evidenceText);
  if (textProblem) issues.push({ path: '/evidenceText', message: textProblem });
  const evidenceLink = input.evidenceLink ? input.evidenceLink.trim() : null;
  const linkProblem = evidenceLink ? checkEvidenceLink(evidenceLink) : null;
  if (linkProblem) issues.push({ path: '/evidenceLink', message: linkProblem });
  if (issues.length) throw createFieldErrors(issues);

  const access = await loadPointAccess(db, actor);
  let unitId: number;
  if (input.personId !== undefined) {
    const person = await findSubjectPerson(db, input.personId);
    if (!person) throw createNotFoundError('person', input.personId);
    if (isSelf(actor, person.id)) throw createOwnSubjectError();
    unitId = await unitOfPersonOn(db, person, input.occurredOn);
    if (!inUnits(access.review, unitId)) throw createNotFoundError('person', input.personId);
  } else {
    const unit = await findSubjectUnit(db, input.unitId!);
    if (!unit || !inUnits(access.review, unit.id)) throw createNotFoundError('unit', input.unitId!);
    unitId = unit.id;
  }
  if (rule.status !== 'active') throw createRuleDisabledError(rule.id);
  await assertPeriodOpen(db, rule.scheme_id, input.occurredOn);

  const { deltaCenti: total, occurrences } = amount as { deltaCenti: number; occurrences: number };
  const row = {
    rule_id: rule.id, scheme_id: rule.scheme_id, indicator_id: rule.indicator_id, subject_kind: scheme.subject_kind, person_id: input.personId ?? null,
    unit_id: unitId, occurred_on: input.occurredOn, occurrences, delta_centi: total, source: input.source ?? rule.default_source ?? 'other',
    evidence_text: evidenceText, evidence_link: evidenceLink, status: 'proposed' as const, proposed_by: actor.accountId, proposed_at: atIso,
    decided_by: null, decided_at: null, decision_note: null, reverses_event_id: null, batch_id: null, batch_row: null,
  };
  const id = await inTransaction(db, async (trx) => {
    const newId = await insertPointEvent(trx, row);
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'pointEvent.proposed', entity: 'point_event', entityId: newId, after: auditedEvent(row) }], atIso);
    return newId;
  });
  return presentOne(db, access, id);
}

// ---------------------------------------------------------------------------------------------
// Deciding: approve (writes the ledger row) or reject; both tell the subject.

const signed = (centi: number) => `${centi > 0 ? '+' : ''}${fromCenti(centi)}`;

/** In-app notifications to the person an event is about (unit subjects have no one person to tell). */
export async function notifySubjects<T extends { id: number; person_id: number | null; delta_centi: number; occurred_on: string }>(
  db: Db,
  events: T[],
  message: (e: T) => string,
  kind: string,
  at: string,
) {
  const people = events.filter((e) => e.person_id !== null);
  if (people.length === 0) return;
  const accounts = await listAccountIdsOfPeople(db, people.map((e) => e.person_id!));
  const rows: NewNotification[] = people.flatMap((e) => (accounts.get(e.person_id!) ?? []).map((accountId) => ({
    accountId, kind, message: message(e), entity: 'point_event', entityId: e.id,
    data: { eventId: e.id, delta: fromCenti(e.delta_centi), occurredOn: e.occurred_on },
  })));
  await insertNotifications(db, rows, at);
}

async function loadDecidableEvent(db: Db, access: PointAccess, id: number): Promise<PointEventRow> {
  const event = await loadVisibleEvent(db, access, id);
  if (!reviewsEventUnit(access, event)) throw createForbiddenError('decide this event: leaders of its unit and admin decide');
  if (isAboutActor(access.actor, event)) throw createOwnSubjectError();
  if (isProposer(access.actor, event)) throw createOwnProposalError();
  if (event.status !== 'proposed') throw createNotPendingError(id, event.status);
  return event;
}

/**
 * Someone other than the proposer, with the subject in his review scope, approves a proposed event.
 * In one transaction: the status, the audit record, then the ledger row — appended after the audit
 * record, whose lock serialises writers, so ledger ids grow in commit order — and the subject's
 * notification. After the commit, open rankings are told.
 */
export async function approvePointEvent(deps: Deps, actor: Actor, id: number, input: ApproveBody): Promise<PointEvent> {
  authorize(actor, 'points.approve');
  const { db, now } = deps;
  const atIso = now().toISOString();
  const access = await loadPointAccess(db, actor);
  const note = input.note ? normalizeText(input.note) || null : null;
  const event = await loadDecidableEvent(db, access, id);
  await assertPeriodOpen(db, event.scheme_id, event.occurred_on);
  const name = (await findAccountDisplayName(db, actor.accountId)) ?? actor.username;
  const ledger = await inTransaction(db, async (trx) => {
    if (!(await decideEvent(trx, id, { status: 'approved', by: actor.accountId, at: atIso, note }))) {
      throw createNotPendingError(id, (await findPointEvent(trx, id))?.status ?? 'gone');
    }
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'pointEvent.approved', entity: 'point_event', entityId: id, before: { status: 'proposed' }, after: { status: 'approved', deltaCenti: event.delta_centi, note } }], atIso);
    const high = await insertLedgerRowsForEvents(trx, [id], atIso);
    await notifySubjects(trx, [event], (e) => `${name}审核通过了你${e.occurred_on}的积分事件（${signed(e.delta_centi)}分）`, 'points.approved', atIso);
    return high;
  });
  for (const [schemeId, ledgerId] of ledger) announceLedgerChange(deps, { schemeId, ledgerId });
  return presentOne(db, access, id);
}

/** The same deciders reject a proposed event, with a note saying why; nothing reaches the ledger. */
export async function rejectPointEvent({ db, now }: Deps, actor: Actor, id: number, input: RejectBody): Promise<PointEvent> {
  authorize(actor, 'points.approve');
  const atIso = now().toISOString();
  const note = normalizeText(input.note);
  if (!note) throw createFieldError('/note', 'must not be empty');
  const access = await loadPointAccess(db, actor);
  const event = await loadDecidableEvent(db, access, id);
  const name = (await findAccountDisplayName(db, actor.accountId)) ?? actor.username;
  await inTransaction(db, async (trx) => {
    if (!(await decideEvent(trx, id, { status: 'rejected', by: actor.accountId, at: atIso, note }))) {
      throw createNotPendingError(id, (await findPointEvent(trx, id))?.status ?? 'gone');
    }
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'pointEvent.rejected', entity: 'point_event', entityId: id, before: { status: 'proposed' }, after: { status: 'rejected', note } }], atIso);
    await notifySubjects(trx, [event], (e) => `${name}未通过你${e.occurred_on}的积分事件（${signed(e.delta_centi)}分）：${note.slice(0, 60)}`, 'points.rejected', atIso);
  });
  return presentOne(db, access, id);
}

// ---------------------------------------------------------------------------------------------
// Reversing (冲正): a correction is a new event, never an edit (docs/product.md §2.2).

/**
 * The admin reverses an approved event with a reason: a new event, approved at once, with the same
 * rule, subject and date and the opposite delta. An event is reversed at most once (409
 * `points.already_reversed`), a reversing event is never itself reversed, and a closed period's
 * events stay as they are (409 `period.closed`).
 */
export async function reversePointEvent(deps: Deps, actor: Actor, id: number, input: ReasonBody): Promise<PointEvent> {
  authorize(actor, 'points.reverse');
  const { db, now } = deps;
  const atIso = now().toISOString();
  const reason = normalizeText(input.reason);
  if (!reason) throw createFieldError('/reason', 'must not be empty');
  const access = await loadPointAccess(db, actor);
  const original = await loadVisibleEvent(db, access, id);
  if (original.reverses_event_id !== null) throw createNotReversibleError(id, `it reverses event ${original.reverses_event_id} itself`);
  if (original.status !== 'approved') throw createNotReversibleError(id, `it is ${original.status}; only approved events are reversed`);
  const existing = await findReversalOf(db, id);
  if (existing !== undefined) throw createAlreadyReversedError(id, existing);
  await assertPeriodOpen(db, original.scheme_id, original.occurred_on);
  const row = {
    rule_id: original.rule_id, scheme_id: original.scheme_id, indicator_id: original.indicator_id, subject_kind: original.subject_kind,
    person_id: original.person_id, unit_id: original.unit_id, occurred_on: original.occurred_on, occurrences: original.occurrences,
    delta_centi: -original.delta_centi, source: original.source, evidence_text: `冲正 #${id}：${reason}`.slice(0, 2000), evidence_link: null,
    status: 'approved' as const, proposed_by: actor.accountId, proposed_at: atIso, decided_by: actor.accountId, decided_at: atIso,
    decision_note: reason, reverses_event_id: id, batch_id: null, batch_row: null,
  };
  const { reversingId, ledger } = await inTransaction(db, async (trx) => {
    const newId = await insertPointEvent(trx, row).catch(async (error: unknown) => {
      throw isUniqueViolation(error) ? createAlreadyReversedError(id, null) : error;
    });
    const audit: AuditEntry[] = [{ ...auditOf(actor), action: 'pointEvent.reversed', entity: 'point_event', entityId: newId, before: { eventId: id, ...auditedEvent(original) }, after: auditedEvent(row), reason }];
    await appendAuditRecords(trx, audit, atIso);
    const high = await insertLedgerRowsForEvents(trx, [newId], atIso);
    await notifySubjects(trx, [{ ...row, id: newId }], (e) => `你${e.occurred_on}的积分事件已冲正（${signed(e.delta_centi)}分）：${reason.slice(0, 60)}`, 'points.reversed', atIso);
    return { reversingId: newId, ledger: high };
  });
  for (const [schemeId, ledgerId] of ledger) announceLedgerChange(deps, { schemeId, ledgerId });
  return presentOne(db, access, reversingId);
}

export { POINT_SOURCE_LABELS };
