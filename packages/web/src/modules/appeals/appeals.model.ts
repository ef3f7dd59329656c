import { isPeriodState, periodAllows } from '@baton/engine';
import type { Appeal, AppealChange, AppealResult, AppealStatus } from '@baton/contract/appeals';
import type { PeriodState } from '@baton/contract/periods';
import { APPEAL_STATUSES } from '@baton/contract/vocabulary';
import type { Id } from '../../shared/params';

/** docs/api-cycles.md: a reason and a decision note have 1–2 000 characters (trimmed). */
export const REASON_MAX = 2000;
export const NOTE_MAX = 2000;
/** At most 9 attachments an appeal (images and PDF ≤ 10 MB each, like work-log attachments). */
export const ATTACHMENTS_MAX = 9;

export type TextProblem = 'empty' | 'tooLong';

/** What keeps a reason or note from being sent: blank, or longer than the contract allows once trimmed. */
export function checkText(text: string | null | undefined, max: number): TextProblem | null {
  const value = (text ?? '').trim();
  if (value === '') return 'empty';
  if (value.length > max) return 'tooLong';
  return null;
}

// ——— who may still appeal ———

/** Why the caller cannot appeal now (null: he can). */
export type AppealBlock = 'state' | 'windowClosed' | 'pending';

export interface AppealWindowInput {
  /** `state` is text where the answer types it so (a report card's period). */
  period: { id: Id; state: PeriodState | string; publicityEndsOn?: string | null };
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  /** The caller's person id. */
  personId: Id;
  /** Appeals the caller can read (his own among them). */
  appeals: readonly Pick<Appeal, 'status' | 'person' | 'period'>[];
}

/**
 * docs/product.md §4 and the contract: one appeals his own result while the period's state allows it
 * (the engine's `appeal`: publicity), up to and including `publicityEndsOn` (Shanghai date), and not
 * while an earlier appeal of his of the period is still pending. The server has the last word (a
 * result he lacks is its 404).
 */
export function appealBlock({ period, today, personId, appeals }: AppealWindowInput): AppealBlock | null {
  if (!isPeriodState(period.state) || !periodAllows(period.state, 'appeal')) return 'state';
  if (period.publicityEndsOn && today > period.publicityEndsOn) return 'windowClosed';
  const pending = appeals.some((a) => a.status === 'pending' && String(a.person.id) === String(personId) && String(a.period.id) === String(period.id));
  return pending ? 'pending' : null;
}

export function mayAppeal(input: AppealWindowInput): boolean {
  return appealBlock(input) === null;
}

/** One person's appeals of one period, newest first. */
export function ownAppeals<A extends Pick<Appeal, 'id' | 'person' | 'period' | 'submittedAt'>>(appeals: readonly A[], personId: Id, periodId: Id): A[] {
  return appeals
    .filter((a) => String(a.person.id) === String(personId) && String(a.period.id) === String(periodId))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id - a.id);
}

/**
 * 复核: while the period's state allows rating (the engine's `rate`: reviewing) a leader rates anyone
 * on his sheet until the review deadline; where it allows re-rating appellants (`reRateAppellant`:
 * publicity) only the people with a pending appeal, the deadline not applying. Whom he rates at all
 * is the server's (the row's `rateable`).
 */
export function mayRateRow({ state, reviewWindowClosed, appealPending }: { state: PeriodState; reviewWindowClosed: boolean; appealPending: boolean }): boolean {
  if (periodAllows(state, 'rate')) return !reviewWindowClosed;
  return periodAllows(state, 'reRateAppellant') && appealPending;
}

// ——— statuses ———

export const APPEAL_STATUS_COLORS: Record<AppealStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** `?status=pending` → 'pending'; anything else → null (all statuses). */
export function appealStatusOf(value: string | null | undefined): AppealStatus | null {
  return (APPEAL_STATUSES as readonly string[]).includes(value ?? '') ? (value as AppealStatus) : null;
}

/** The name to show for whoever submitted or decided (the server sends his name; '—' when there is none). */
export function actorName(name: string | null | undefined): string {
  return name || '—';
}

// ——— what an accepted appeal changed ———

/** What the change list reads of a change (GET /api/appeals/:id/changes). */
type ChangedResult = Pick<AppealChange, 'personId' | 'name' | 'before' | 'after'>;

export type ResultField = 'total' | 'grade' | 'groupRank';
export const RESULT_FIELDS: readonly ResultField[] = ['total', 'grade', 'groupRank'];

export interface FieldDiff {
  field: ResultField;
  before: string;
  after: string;
}

export interface ChangeView {
  personId: number | null;
  name: string;
  /** `entered`: he had no result before; `left`: he has none after; else `changed`. */
  kind: 'entered' | 'left' | 'changed';
  diffs: FieldDiff[];
}

function fieldText(result: AppealResult | null, field: ResultField, formatScore: (n: number) => string): string {
  const value = result?.[field];
  if (value === null || value === undefined) return '—';
  return field === 'total' ? formatScore(value as number) : String(value);
}

/** The fields whose value differs between two results, each as before/after text ('—' for none). */
export function diffResults(before: AppealResult | null, after: AppealResult | null, formatScore: (n: number) => string): FieldDiff[] {
  return RESULT_FIELDS.map((field) => ({ field, before: fieldText(before, field, formatScore), after: fieldText(after, field, formatScore) })).filter(
    (d) => d.before !== d.after,
  );
}

/** The server's `changes` as the page shows them: the appellant first, then by name. */
export function describeChanges(changes: readonly ChangedResult[], formatScore: (n: number) => string, appellantId?: Id): ChangeView[] {
  return [...changes]
    .sort((a, b) => {
      const first = (c: ChangedResult) => (appellantId !== undefined && c.personId !== null && String(c.personId) === String(appellantId) ? 0 : 1);
      return first(a) - first(b) || a.name.localeCompare(b.name, 'zh-CN');
    })
    .map((c) => ({
      personId: c.personId,
      name: c.name,
      kind: c.before === null ? 'entered' : c.after === null ? 'left' : 'changed',
      diffs: diffResults(c.before, c.after, formatScore),
    }));
}

/**
 * One line a person can read: "总分 88 → 92；等次 较好 → 好；组内名次 2 → 1". `label` names a field in
 * the reader's language; `separator` joins the fields.
 */
export function changeLine(change: ChangeView, label: (field: ResultField) => string, separator = '；'): string {
  return change.diffs.map((d) => `${label(d.field)} ${d.before} → ${d.after}`).join(separator);
}

/**
 * The changes worth reading first: people whose total or grade moved, or who entered or left the
 * results; the rest only moved in rank because someone passed them (the appellant, usually), which in
 * a group of hundreds can be most of the list.
 */
export function splitRankOnly(views: readonly ChangeView[]): { major: ChangeView[]; rankOnly: ChangeView[] } {
  const rankOnly = (v: ChangeView) => v.kind === 'changed' && v.diffs.length > 0 && v.diffs.every((d) => d.field === 'groupRank');
  return { major: views.filter((v) => !rankOnly(v)), rankOnly: views.filter(rankOnly) };
}
