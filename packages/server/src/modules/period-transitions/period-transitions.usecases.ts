import { addCalendarDays, nextPeriodState } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import { createNotFoundError } from '../../app/errors.js';
import type { PeriodState } from '../../db/schema.js';
import { authorize, type Actor } from '../../policies/index.js';
import { createAppealsPendingError, listPendingAppealIds } from '../appeals/index.js';
import { appendAuditRecords } from '../audit/index.js';
import {
  createPeriodClosedError, createPeriodTransitionInvalidError, createPublicityRunningError, findPeriod, presentPeriodView, updatePeriodState,
  type PeriodStateEffects,
} from '../periods/index.js';
import { publishResultVersion } from '../results/index.js';
import { remindMissingSummaries } from '../reviews/index.js';
import { loadWorkingDayCalendar } from '../work-calendar/index.js';
import { findScheme } from '../schemes/index.js';
import { inTransaction } from '../../db/transactions.js';

/**
 * The period's state flow as the cycle lives it: entering reviewing reminds those without a summary,
 * entering publicity publishes result version 1, closing waits for the publicity window and the
 * appeals. It sits above the modules whose steps it takes (results, appeals, reviews).
 */

type Deps = Pick<AppDeps, 'db' | 'now'>;

const auditActor = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });


/**
 * The publicity window (公示, docs/product.md §4): `publicityDays` working days of the work calendar, starting
 * with the first working day after the day the period enters publicity. No window for 0 days.
 */
async function publicityWindowOf(db: Deps['db'], today: string, publicityDays: number): Promise<{ startsOn: string; endsOn: string } | null> {
  if (publicityDays === 0) return null;
  const calendar = await loadWorkingDayCalendar(db, today, addCalendarDays(today, publicityDays * 2 + 30));
  const startsOn = calendar.addWorkingDays(today, 1);
  return { startsOn, endsOn: calendar.addWorkingDays(startsOn, publicityDays - 1) };
}

/**
 * draft → open → reviewing → publicity → closed, one step at a time; closed is final (docs/product.md §4).
 * Entering publicity evaluates the period and publishes result version 1 (person schemes; unit
 * schemes keep using points and rankings) and fixes the publicity window; closing waits for the
 * window's end and for every appeal to be decided or withdrawn. All in one transaction with its audit record.
 */
export async function transitionAssessmentPeriod({ db, now }: Deps, actor: Actor, id: number, input: { to: PeriodState; reason?: string | undefined }) {
  authorize(actor, 'period.manage');
  const at = now().toISOString();
  const today = localDateOf(now());
  await inTransaction(db, async (trx) => {
    const period = await findPeriod(trx, id);
    if (!period) throw createNotFoundError('period', id);
    if (period.state === 'closed') throw createPeriodClosedError(id);
    const next = nextPeriodState(period.state);
    if (input.to !== next) throw createPeriodTransitionInvalidError(period.state, input.to, next);
    if (input.to === 'closed' && period.publicity_ends_on !== null && today <= period.publicity_ends_on) {
      throw createPublicityRunningError(id, period.publicity_ends_on);
    }
    const effects: PeriodStateEffects = {};
    const audited: Record<string, unknown> = { state: input.to };
    if (input.to === 'publicity') {
      const window = await publicityWindowOf(trx, today, period.publicity_days);
      if (window) {
        effects.publicityStartsOn = window.startsOn;
        effects.publicityEndsOn = window.endsOn;
        Object.assign(audited, { publicityStartsOn: window.startsOn, publicityEndsOn: window.endsOn });
      }
    }
    // Compare-and-set first: a concurrent transition of the same period waits here, then fails.
    if (!(await updatePeriodState(trx, id, period.state, input.to, at, effects))) throw createPeriodTransitionInvalidError(period.state, input.to, next);
    // Appeals take the period's row too: none can be submitted or decided between this check and the commit.
    if (input.to === 'closed') {
      const pending = await listPendingAppealIds(trx, id);
      if (pending.length > 0) throw createAppealsPendingError(id, pending);
    }
    if (input.to === 'publicity' && (await findScheme(trx, period.scheme_id))!.subject_kind === 'person') {
      const published = await publishResultVersion(trx, period, { reason: 'publicity', note: input.reason ?? null, createdBy: actor.accountId, now: at });
      Object.assign(audited, {
        resultVersion: published.version, scenarioSha256: published.scenarioSha256, subjects: published.subjects, gradeCounts: published.gradeCounts,
      });
    }
    // The review begins: participants without a submitted personal summary are reminded (in-app).
    if (input.to === 'reviewing') await remindMissingSummaries({ db: trx, now }, id);
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'period.transitioned', entity: 'period', entityId: id,
      before: { state: period.state }, after: audited, reason: input.reason ?? null,
    }], at);
  });
  return presentPeriodView(db, actor, (await findPeriod(db, id))!);
}
