import { periodAllows, type PeriodAction } from '@baton/engine';
import type { CreatePeriodBody, Period, PeriodKind, PeriodState, UpdatePeriodBody } from '@baton/contract/periods';
import type { Scheme } from '@baton/contract/schemes';

/**
 * The pure side of the periods pages: the period a page starts on, the quick-picked ranges and the
 * bodies of creating and editing a period, with what each state still lets the admin change. The
 * state flow and what each state allows are the engine's (PERIOD_STATES, nextPeriodState,
 * periodAllows); what the caller may do with a period comes with it (`can`).
 */

const STATE_PREFERENCE: Record<Period['state'], number> = { open: 0, reviewing: 1, publicity: 2, closed: 3, draft: 4 };

/** The period a page starts on: the running one (open, then reviewing, publicity), else the latest closed one. */
export function defaultPeriod<P extends Pick<Period, 'id' | 'state' | 'startsOn'>>(periods: P[]): P | null {
  const sorted = [...periods].sort(
    (a, b) => STATE_PREFERENCE[a.state] - STATE_PREFERENCE[b.state] || b.startsOn.localeCompare(a.startsOn) || Number(b.id) - Number(a.id),
  );
  return sorted[0] ?? null;
}

export type QuickRange = { kind: 'month' | 'quarter' | 'half_year' | 'year'; startsOn: string; endsOn: string };

const pad = (n: number) => String(n).padStart(2, '0');
function lastDayOf(year: number, month: number): number {
  // month 1–12; day 0 of the next month is the last day of this one (UTC: no time zone shifts)
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar month, quarter, half year or year as `YYYY-MM-DD` bounds. `index` is the month 1–12, quarter 1–4 or half 1–2. */
export function periodRange(kind: QuickRange['kind'], year: number, index = 1): QuickRange {
  const [firstMonth, months] =
    kind === 'month' ? [index, 1] : kind === 'quarter' ? [(index - 1) * 3 + 1, 3] : kind === 'half_year' ? [(index - 1) * 6 + 1, 6] : [1, 12];
  const lastMonth = firstMonth + months - 1;
  return { kind, startsOn: `${year}-${pad(firstMonth)}-01`, endsOn: `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}` };
}

/** A name for a quick-picked period, e.g. "2026年第1季度". */
export function periodRangeLabel(range: QuickRange, lang: 'zh-CN' | 'en-US'): string {
  const year = Number(range.startsOn.slice(0, 4));
  const month = Number(range.startsOn.slice(5, 7));
  if (lang === 'en-US') {
    if (range.kind === 'month') return `${year}-${pad(month)}`;
    if (range.kind === 'quarter') return `${year} Q${Math.ceil(month / 3)}`;
    if (range.kind === 'half_year') return `${year} H${month <= 6 ? 1 : 2}`;
    return `${year}`;
  }
  if (range.kind === 'month') return `${year}年${month}月`;
  if (range.kind === 'quarter') return `${year}年第${Math.ceil(month / 3)}季度`;
  if (range.kind === 'half_year') return `${year}年${month <= 6 ? '上' : '下'}半年`;
  return `${year}年度`;
}

type PeriodOfScheme = { id: number; name: string; schemeId: number; startsOn: string };

/**
 * The periods that can give a period its unit tiers (考用结合, docs/api-cycles.md): the periods of a
 * `unit` scheme, whose grades are the tiers — never the period itself; the latest first.
 */
export function tierPeriodsOf<P extends PeriodOfScheme>(periods: readonly P[], schemes: readonly Pick<Scheme, 'id' | 'subjectKind'>[], selfId: number | null = null): P[] {
  const unitSchemes = new Set(schemes.filter((s) => s.subjectKind === 'unit').map((s) => s.id));
  return periods
    .filter((p) => unitSchemes.has(p.schemeId) && p.id !== selfId)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : b.id - a.id));
}

/** The body of POST /api/periods: optional fields only when set (the server rejects unknown or null where it takes none). */
export function periodInputOf(values: {
  name: string;
  kind: PeriodKind;
  startsOn: string;
  endsOn: string;
  schemeId: number;
  scopeUnitId?: number | string | null;
  publicityDays?: number | null;
  summaryDueOn?: string | null;
  reviewDueOn?: string | null;
  tierPeriodId?: number | null;
}): CreatePeriodBody {
  const body: CreatePeriodBody = { name: values.name.trim(), kind: values.kind, startsOn: values.startsOn, endsOn: values.endsOn, schemeId: values.schemeId };
  if (values.scopeUnitId !== undefined && values.scopeUnitId !== null && values.scopeUnitId !== '') body.scopeUnitId = Number(values.scopeUnitId);
  if (values.publicityDays !== undefined && values.publicityDays !== null) body.publicityDays = values.publicityDays;
  if (values.summaryDueOn) body.summaryDueOn = values.summaryDueOn;
  if (values.reviewDueOn) body.reviewDueOn = values.reviewDueOn;
  if (values.tierPeriodId !== undefined && values.tierPeriodId !== null) body.tierPeriodId = values.tierPeriodId;
  return body;
}

// ——— editing a period (PATCH /api/periods/:id) ———

export type PeriodEditField = 'name' | 'summaryDueOn' | 'reviewDueOn' | 'publicityDays' | 'tierPeriodId';
export const PERIOD_EDIT_FIELDS: readonly PeriodEditField[] = ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId'];

/** The action of the engine's PERIOD_ACTIONS under which a state lets each field change. */
const FIELD_ACTIONS: Record<PeriodEditField, PeriodAction> = {
  name: 'editPeriod',
  summaryDueOn: 'editPeriod',
  reviewDueOn: 'editPeriod',
  publicityDays: 'changePublicityDays',
  tierPeriodId: 'changeTierPeriod',
};

/**
 * What an admin may still change of a period (docs/api-cycles.md "Period additions", "考用结合"):
 * nothing once closed (409 period.closed); the publicity days and the tier period only before
 * publicity — the window and the published seats are fixed when the period enters it — while the
 * name and the deadlines stay editable until the period closes.
 */
export function editablePeriodFields(state: PeriodState): PeriodEditField[] {
  return PERIOD_EDIT_FIELDS.filter((field) => periodAllows(state, FIELD_ACTIONS[field]));
}

export interface PeriodEditValues {
  name: string;
  /** `YYYY-MM-DD`, or null for no deadline. */
  summaryDueOn: string | null;
  reviewDueOn: string | null;
  publicityDays: number | null;
  /** The period whose unit grades are the tiers (考用结合), or null for none. */
  tierPeriodId: number | null;
}

type EditablePeriod = { name: string; summaryDueOn?: string | null; reviewDueOn?: string | null; publicityDays: number; tierPeriod?: { id: number } | null };

/** The form's starting values: the period as it is. */
export function periodEditValuesOf(period: EditablePeriod): PeriodEditValues {
  return {
    name: period.name,
    summaryDueOn: period.summaryDueOn ?? null,
    reviewDueOn: period.reviewDueOn ?? null,
    publicityDays: period.publicityDays,
    tierPeriodId: period.tierPeriod?.id ?? null,
  };
}

/**
 * The body of PATCH /api/periods/:id: only the fields the state allows and the admin changed, so
 * the audit record names what really changed and a publicity period never gets `publicityDays`
 * or `tierPeriodId` (409). A cleared deadline or tier period is sent as null (none); a blank name
 * or days are left alone.
 */
export function periodPatchOf(period: EditablePeriod & { state: PeriodState }, values: PeriodEditValues): UpdatePeriodBody {
  const editable = new Set(editablePeriodFields(period.state));
  const before = periodEditValuesOf(period);
  const body: UpdatePeriodBody = {};
  const name = values.name.trim();
  if (editable.has('name') && name !== '' && name !== before.name) body.name = name;
  for (const field of ['summaryDueOn', 'reviewDueOn'] as const) {
    const value = values[field] || null;
    if (editable.has(field) && value !== before[field]) body[field] = value;
  }
  if (editable.has('publicityDays') && values.publicityDays !== null && values.publicityDays !== before.publicityDays) body.publicityDays = values.publicityDays;
  // a cleared tier period is sent as null: every unit then gets the coupling's "otherwise"
  if (editable.has('tierPeriodId') && values.tierPeriodId !== before.tierPeriodId) body.tierPeriodId = values.tierPeriodId;
  return body;
}

/** A deadline must fall within or after the period (not before it starts), as the server checks it. */
export function isDeadlineBeforeStart(dueOn: string | null | undefined, startsOn: string): boolean {
  return !!dueOn && dueOn < startsOn;
}

export type PeriodDetailMessage =
  | { key: 'beforeStart'; date: string }
  | { key: 'notDate' }
  | { key: 'publicityFixed' }
  | { key: 'tierFixed' }
  | { key: 'tierUnknown' }
  | { key: 'tierNotUnit' };

/**
 * The server's field messages of a period (periods.usecases.ts checkDeadline, checkTierPeriod, the publicity rules) as
 * message keys, so a Chinese screen does not show English sentences; others stay as they come (null).
 */
export function knownPeriodDetail(message: string): PeriodDetailMessage | null {
  const before = /^must not be before the period starts \((\d{4}-\d{2}-\d{2})\)$/.exec(message);
  if (before) return { key: 'beforeStart', date: before[1]! };
  if (message === 'is not a date') return { key: 'notDate' };
  if (message.startsWith('publicityDays can change only before publicity')) return { key: 'publicityFixed' };
  if (message.startsWith('the unit tiers can change only before publicity')) return { key: 'tierFixed' };
  if (/^unknown period \d+$/.test(message)) return { key: 'tierUnknown' };
  if (/^period \d+ does not assess units/.test(message)) return { key: 'tierNotUnit' };
  return null;
}
