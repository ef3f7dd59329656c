import { existsSync } from 'node:fs';
import type {
  Appeal, AppealChange, AppealChangesResponse, AppealDecisionResponse, AppealResult, DecideAppealBody, SubmitAppealBody,
} from '@baton/contract/appeals';
import type { Attachment } from '@baton/contract/attachments';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import { createForbiddenError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type { AppealStatus } from '../../db/schema.js';
import { type Actor, appealAbilitiesOf, authorize, isAppellant, isResultVisible, MAX_APPEAL_ATTACHMENTS } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { assertPeriodAllows, findPeriod, lockPeriodInState } from '../periods/index.js';
import { isUniqueViolation } from '../points/index.js';
import { findResultVersion, publishResultVersion, resultVisibilityOf } from '../results/index.js';
import { insertNotifications } from '../notifications/index.js';
import {
  attachmentPath, cleanFileName, createAttachmentMissingOnDiskError, createTooManyAttachmentsError, inspectAttachment, storeAndRecordAttachment,
} from '../attachments/index.js';
import {
  createAppealInvalidError, createAppealNotPendingError, createAppealPendingExistsError, createAppealWindowClosedError,
} from './appeals.errors.js';
import {
  closeAppeal, countAttachmentsOfAppeal, findAppealAttachment, findAppealView, findPendingAppeal, insertAppeal, insertAppealAttachment,
  listAdminAccountIds, listAppealViews, listRatersOfPerson, listAttachmentsOfAppeals, listResultsOfPersonInVersions, listVersionResults,
  type AppealAttachmentRow, type AppealView,
} from './appeals.repository.js';
import { listAccountsOfPeople } from '../accounts/index.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;
type FileDeps = Pick<AppDeps, 'db' | 'now' | 'config'>;

export const APPEAL_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const APPEAL_SUBMITTED_KIND = 'appeal.submitted';
export const APPEAL_DECIDED_KIND = 'appeal.decided';

const auditActor = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

type ResultSummary = AppealResult;

const summaryOf = (r: { total_centi: number; grade: string; group_rank: number } | undefined): ResultSummary | null =>
  r === undefined ? null : { total: r.total_centi / 100, grade: r.grade, groupRank: r.group_rank };

function presentAttachment(a: AppealAttachmentRow): Attachment {
  return { id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size_bytes, sha256: a.sha256, createdAt: a.created_at, url: `/api/appeal-attachments/${a.id}` };
}

/** Appeals as the API shows them (docs/api-cycles.md "Appeals"): with the appellant's result in the appealed version and, once accepted, in the new one. */
async function presentAppeals(db: Db, actor: Actor, views: AppealView[]): Promise<Appeal[]> {
  if (views.length === 0) return [];
  const attachments = await listAttachmentsOfAppeals(db, views.map((v) => v.id));
  const results = new Map<string, ResultSummary | null>();
  for (const periodId of new Set(views.map((v) => v.period_id))) {
    const ofPeriod = views.filter((v) => v.period_id === periodId);
    const versions = [...new Set(ofPeriod.flatMap((v) => (v.decided_version === null ? [v.result_version] : [v.result_version, v.decided_version])))];
    const rows = await listResultsOfPersonInVersions(db, periodId, [...new Set(ofPeriod.map((v) => v.person_id))], versions);
    for (const r of rows) results.set(`${periodId}:${r.version}:${r.person_id}`, summaryOf(r));
  }
  const resultIn = (v: AppealView, version: number) => results.get(`${v.period_id}:${version}:${v.person_id}`) ?? null;
  return views.map((v) => ({
    id: v.id,
    period: { id: v.period_id, name: v.period_name, state: v.period_state, publicityEndsOn: v.publicity_ends_on, resultVersion: v.period_result_version },
    person: { id: v.person_id, name: v.person_name, unitId: v.unit_id, unitName: v.unit_name },
    status: v.status,
    reason: v.reason,
    resultVersion: v.result_version,
    result: resultIn(v, v.result_version),
    attachments: (attachments.get(v.id) ?? []).map(presentAttachment),
    submittedBy: v.submitted_by_name ?? '',
    submittedAt: v.created_at,
    decision: v.status === 'pending' || v.status === 'withdrawn'
      ? null
      : {
          note: v.decision_note ?? '',
          decidedBy: v.decided_by_name ?? '',
          decidedAt: v.decided_at ?? '',
          resultVersion: v.decided_version,
          result: v.decided_version === null ? null : resultIn(v, v.decided_version),
        },
    can: appealAbilitiesOf(actor, { ...v, attachmentCount: (attachments.get(v.id) ?? []).length }),
  }));
}

export type PresentedAppeal = Appeal;

/** An appeal the caller may see (his own; a leader's subtree by the appellant's unit in the period; admin, auditor all), else 404. */
async function loadVisibleAppeal(db: Db, actor: Actor, id: number): Promise<AppealView> {
  authorize(actor, 'appeal.read');
  const view = await findAppealView(db, id);
  if (!view) throw createNotFoundError('appeal', id);
  const visible = await resultVisibilityOf(db, actor);
  if (!isResultVisible(visible, { unitId: view.unit_id, personId: view.person_id })) throw createNotFoundError('appeal', id);
  return view;
}

export async function getAppeal({ db }: Deps, actor: Actor, id: number): Promise<PresentedAppeal> {
  return (await presentAppeals(db, actor, [await loadVisibleAppeal(db, actor, id)]))[0]!;
}

export async function listAppeals(
  { db }: Deps,
  actor: Actor,
  opts: { periodId?: number | undefined; status?: AppealStatus | undefined; beforeId?: number | undefined; limit: number },
): Promise<PresentedAppeal[]> {
  authorize(actor, 'appeal.read');
  const visible = await resultVisibilityOf(db, actor);
  return presentAppeals(db, actor, await listAppealViews(db, { ...opts, visible }));
}

/**
 * A participant appeals his published result (申诉, docs/product.md §4): during publicity and until the
 * window's last working day (Asia/Shanghai), with a reason; one pending appeal per person and
 * period. The organization department and the leaders who rated him are notified in-app. One transaction with the audit record;
 * it takes the period's row first, so it serialises with the period's transitions.
 */
export async function submitAppeal({ db, now }: Deps, actor: Actor, input: SubmitAppealBody): Promise<PresentedAppeal> {
  authorize(actor, 'appeal.submit');
  const personId = actor.personId!;
  const reason = input.reason.trim();
  if (reason.length === 0) throw createAppealInvalidError('/reason', 'must say why the result is contested');
  const period = await findPeriod(db, input.periodId);
  if (!period) throw createNotFoundError('period', input.periodId);
  assertPeriodAllows(period, 'appeal', 'appeals are accepted');
  const at = now();
  if (period.publicity_ends_on === null || localDateOf(at) > period.publicity_ends_on) throw createAppealWindowClosedError(period.id, period.publicity_ends_on);
  const version = period.result_version;
  const own = version === null ? [] : await listResultsOfPersonInVersions(db, period.id, [personId], [version]);
  if (version === null || own.length === 0) throw createNotFoundError('result', `of person ${personId} in period ${period.id}`);

  const atIso = at.toISOString();
  const id = await inTransaction(db, async (trx) => {
    // The period's row first: a concurrent close waits here, or has closed it and this appeal is refused.
    if (!(await lockPeriodInState(trx, period.id, 'publicity'))) assertPeriodAllows((await findPeriod(trx, period.id))!, 'appeal', 'appeals are accepted');
    const pending = await findPendingAppeal(trx, period.id, personId);
    if (pending) throw createAppealPendingExistsError(period.id, pending.id);
    let newId: number;
    try {
      newId = await insertAppeal(trx, { periodId: period.id, personId, submittedBy: actor.accountId, resultVersion: version, reason, now: atIso });
    } catch (error) {
      throw isUniqueViolation(error) ? createAppealPendingExistsError(period.id, null) : error;
    }
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'appeal.submitted', entity: 'period_appeal', entityId: newId,
      after: { periodId: period.id, personId, resultVersion: version, result: summaryOf(own[0]), reason },
    }], atIso);
    // The organization department decides; the leaders who rated him may be asked to re-rate him.
    const [admins, raters, created] = await Promise.all([listAdminAccountIds(trx), listRatersOfPerson(trx, period.id, personId), findAppealView(trx, newId)]);
    await insertNotifications(trx, [...new Set([...admins, ...raters])].map((accountId) => ({
      accountId, kind: APPEAL_SUBMITTED_KIND, message: `${created!.person_name}（${created!.unit_name}）对《${period.name}》的考核结果提出申诉，请复核`,
      entity: 'period_appeal', entityId: newId, data: { appealId: newId, periodId: period.id, personId },
    })), atIso);
    return newId;
  });
  return getAppeal({ db, now }, actor, id);
}

/** The appellant withdraws his pending appeal. Audited. */
export async function withdrawAppeal({ db, now }: Deps, actor: Actor, id: number): Promise<PresentedAppeal> {
  const view = await loadVisibleAppeal(db, actor, id);
  if (!isAppellant(actor, view)) throw createForbiddenError('withdraw this appeal: only the appellant does');
  if (view.status !== 'pending') throw createAppealNotPendingError(id, view.status);
  const atIso = now().toISOString();
  await inTransaction(db, async (trx) => {
    if (!(await closeAppeal(trx, id, { status: 'withdrawn', note: null, decidedBy: null, decidedVersion: null, now: atIso }))) {
      throw createAppealNotPendingError(id, (await findAppealView(trx, id))!.status);
    }
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'appeal.withdrawn', entity: 'period_appeal', entityId: id, before: { status: 'pending' }, after: { status: 'withdrawn' } }], atIso);
  });
  return getAppeal({ db, now }, actor, id);
}

/** `unitId`: his unit in the new version (or the old one): who may see the change follows it, like results. */
export type ResultChange = AppealChange;

/** The people whose total, grade or group rank differ between two versions of a period's results. */
async function compareVersions(db: Db, periodId: number, from: number, to: number): Promise<ResultChange[]> {
  const [before, after] = await Promise.all([listVersionResults(db, periodId, from), listVersionResults(db, periodId, to)]);
  const beforeOf = new Map(before.map((r) => [r.subject_key, r]));
  const afterOf = new Map(after.map((r) => [r.subject_key, r]));
  const changes: ResultChange[] = [];
  for (const key of new Set([...beforeOf.keys(), ...afterOf.keys()])) {
    const b = beforeOf.get(key);
    const a = afterOf.get(key);
    if (b && a && b.total_centi === a.total_centi && b.grade === a.grade && b.group_rank === a.group_rank) continue;
    const row = (a ?? b)!;
    changes.push({ personId: row.person_id, name: row.person_name ?? key, unitId: row.unit_id, before: summaryOf(b), after: summaryOf(a) });
  }
  return changes;
}

/**
 * The organization department decides a pending appeal (复核) while the period is in publicity.
 * Accepted: the period is evaluated on its current data — the corrections made meanwhile, such as
 * the leaders' new ratings of the appellant or a reversed point event — and published as the next
 * result version (reason `appeal`), which becomes the period's; the audit record names both
 * versions, their SHA-256 and who changed. Rejected: nothing is recomputed. The appellant is
 * notified either way. One transaction; it takes the period's row first, so decisions of one
 * period and its transitions run one after another.
 */
export async function decideAppeal({ db, now }: Deps, actor: Actor, id: number, input: DecideAppealBody): Promise<AppealDecisionResponse> {
  authorize(actor, 'appeal.decide');
  const view = await loadVisibleAppeal(db, actor, id);
  const note = input.note.trim();
  if (note.length === 0) throw createAppealInvalidError('/note', 'must give the reasons of the decision');
  if (view.status !== 'pending') throw createAppealNotPendingError(id, view.status);
  const atIso = now().toISOString();
  const decided = await inTransaction(db, async (trx) => {
    if (!(await lockPeriodInState(trx, view.period_id, 'publicity'))) assertPeriodAllows((await findPeriod(trx, view.period_id))!, 'decideAppeal', 'appeals are decided');
    const period = (await findPeriod(trx, view.period_id))!;
    const fromVersion = period.result_version!;
    let toVersion: number | null = null;
    let published: Awaited<ReturnType<typeof publishResultVersion>> | null = null;
    if (input.outcome === 'accepted') {
      published = await publishResultVersion(trx, period, { reason: 'appeal', note: `申诉 #${id}: ${note}`, createdBy: actor.accountId, now: atIso });
      toVersion = published.version;
    }
    if (!(await closeAppeal(trx, id, { status: input.outcome, note, decidedBy: actor.accountId, decidedVersion: toVersion, now: atIso }))) {
      throw createAppealNotPendingError(id, (await findAppealView(trx, id))!.status);
    }
    const changes = toVersion === null ? [] : await compareVersions(trx, period.id, fromVersion, toVersion);
    const fromSha = toVersion === null ? null : ((await findResultVersion(trx, period.id, fromVersion))?.scenario_sha256 ?? null);
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'appeal.decided', entity: 'period_appeal', entityId: id,
      before: { status: 'pending', periodId: period.id, resultVersion: fromVersion, ...(fromSha === null ? {} : { scenarioSha256: fromSha }) },
      after: {
        status: input.outcome,
        ...(published === null ? {} : { resultVersion: published.version, scenarioSha256: published.scenarioSha256, gradeCounts: published.gradeCounts, changes }),
      },
      reason: note,
    }], atIso);
    const accounts = await listAccountsOfPeople(trx, [view.person_id]);
    const outcome = input.outcome === 'accepted' ? `已受理并重新计算（第 ${toVersion} 版）` : '未予采纳';
    await insertNotifications(trx, accounts.map((a) => ({
      accountId: a.id, kind: APPEAL_DECIDED_KIND, message: `您对《${period.name}》考核结果的申诉${outcome}：${note}`,
      entity: 'period_appeal', entityId: id, data: { appealId: id, periodId: period.id, outcome: input.outcome, resultVersion: toVersion },
    })), atIso);
    return { changes };
  });
  return { appeal: await getAppeal({ db, now }, actor, id), changes: decided.changes };
}

/**
 * What an accepted appeal changed: the people whose total, grade or group rank differ between the
 * version appealed and the one it published — only those whose results the reader may see (his
 * own, a leader's subtree, everyone for the admin and the auditor). Empty for other outcomes.
 */
export async function listAppealChanges({ db }: Deps, actor: Actor, id: number): Promise<AppealChangesResponse> {
  const view = await loadVisibleAppeal(db, actor, id);
  if (view.status !== 'accepted' || view.decided_version === null) return { from: view.result_version, to: null, changes: [] };
  const visible = await resultVisibilityOf(db, actor);
  const changes = (await compareVersions(db, view.period_id, view.result_version, view.decided_version))
    .filter((c) => isResultVisible(visible, c));
  return { from: view.result_version, to: view.decided_version, changes };
}

/**
 * The appellant attaches evidence (an image or a PDF, ≤ 10 MB, at most 9) while his appeal is
 * pending. Content-addressed like work-log attachments; a file this call stored is removed again
 * if recording fails.
 */
export async function attachToAppeal({ db, now, config }: FileDeps, actor: Actor, id: number, upload: { fileName: string | undefined; content: Buffer }) {
  const view = await loadVisibleAppeal(db, actor, id);
  if (!isAppellant(actor, view)) throw createForbiddenError('attach evidence to this appeal: only the appellant does');
  if (view.status !== 'pending') throw createAppealNotPendingError(id, view.status);
  const { mime, ext, sha256 } = await inspectAttachment(upload.content, APPEAL_ATTACHMENT_MAX_BYTES);
  const atIso = now().toISOString();
  const attachmentId = await storeAndRecordAttachment(config.dataDir, sha256, upload.content, (storageKey) =>
    inTransaction(db, async (trx) => {
      if ((await countAttachmentsOfAppeal(trx, id)) >= MAX_APPEAL_ATTACHMENTS) throw createTooManyAttachmentsError(MAX_APPEAL_ATTACHMENTS);
      const fileName = cleanFileName(upload.fileName, ext);
      const newId = await insertAppealAttachment(trx, {
        appeal_id: id, file_name: fileName, mime_type: mime, size_bytes: upload.content.length, sha256, storage_key: storageKey,
        uploaded_by: actor.accountId, created_at: atIso,
      });
      await appendAuditRecords(trx, [{
        ...auditActor(actor), action: 'appeal.attachment_added', entity: 'period_appeal', entityId: id,
        after: { attachmentId: newId, fileName, mimeType: mime, size: upload.content.length, sha256 },
      }], atIso);
      return newId;
    }));
  return presentAttachment((await findAppealAttachment(db, attachmentId))!);
}

/** An appeal's evidence file to download, scoped like its appeal (404 for one the caller cannot see). */
export async function openAppealAttachment({ db, config }: FileDeps, actor: Actor, id: number) {
  const attachment = await findAppealAttachment(db, id);
  if (!attachment) throw createNotFoundError('attachment', id);
  try {
    await loadVisibleAppeal(db, actor, attachment.appeal_id);
  } catch {
    throw createNotFoundError('attachment', id);
  }
  const path = attachmentPath(config.dataDir, attachment.storage_key);
  if (!existsSync(path)) throw createAttachmentMissingOnDiskError(id);
  return { path, fileName: attachment.file_name, mimeType: attachment.mime_type, size: attachment.size_bytes, sha256: attachment.sha256 };
}
