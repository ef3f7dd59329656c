import { createHash } from 'node:crypto';
import { evaluateInput, groupKeyOf, type Result, type Scenario } from '@baton/engine';
import type { Db } from '../../db/kysely.js';
import type { ResultVersionReason } from '../../db/schema.js';
import { createPeriodScenarioInvalidError, type PeriodRow, setPeriodResultVersion } from '../periods/index.js';
import { buildPeriodScenario, type Participant, type PeriodScenario } from './period-scenario.js';
import { findLatestResultVersionNumber, insertResults, insertResultVersion } from './results.repository.js';

export interface PeriodEvaluation extends PeriodScenario {
  /** The scenario as stored and exported: the exact text the engine evaluated. */
  scenarioJson: string;
  scenarioSha256: string;
  /** The engine's results with explain lines, in its order (rank, then subject id). */
  results: Result[];
}

export const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Evaluates a period as it stands (docs/product.md §2.1, §3): the scenario is serialised first and the engine
 * evaluates the parsed text, so what is stored and exported is exactly what was evaluated, and
 * `baton evaluate` on the export gives the same numbers.
 */
export async function evaluatePeriod(db: Db, period: Pick<PeriodRow, 'id' | 'starts_on' | 'ends_on' | 'scheme_id' | 'scope_unit_id'>): Promise<PeriodEvaluation> {
  const built = await buildPeriodScenario(db, period);
  const scenarioJson = JSON.stringify(built.scenario);
  const outcome = evaluateInput(JSON.parse(scenarioJson) as Scenario, { explain: true });
  if (!outcome.ok) throw createPeriodScenarioInvalidError(period.id, outcome.errors);
  return { ...built, scenarioJson, scenarioSha256: sha256Of(scenarioJson), results: outcome.results };
}

/** The participant behind each engine result (every result's subject is a participant). */
export function participantOf(evaluation: PeriodScenario, result: Result): Participant {
  return evaluation.participants.get(result.subject)!;
}

export interface PublishedVersion {
  version: number;
  scenarioSha256: string;
  subjects: number;
  /** How many got each grade, best grade first. */
  gradeCounts: Record<string, number>;
}

/**
 * Evaluates the period, stores the next result version — the exact scenario with its SHA-256 and one
 * row per subject — and makes it the version people see. Runs inside the caller's transaction (the
 * transition into publicity, an accepted appeal).
 */
export async function publishResultVersion(
  trx: Db,
  period: Pick<PeriodRow, 'id' | 'starts_on' | 'ends_on' | 'scheme_id' | 'scope_unit_id'>,
  meta: { reason: ResultVersionReason; note: string | null; createdBy: number | null; now: string },
): Promise<PublishedVersion> {
  const evaluation = await evaluatePeriod(trx, period);
  const version = (await findLatestResultVersionNumber(trx, period.id)) + 1;
  await insertResultVersion(trx, {
    periodId: period.id, version, reason: meta.reason, note: meta.note, scenarioJson: evaluation.scenarioJson, scenarioSha256: evaluation.scenarioSha256,
    createdBy: meta.createdBy, now: meta.now,
  });
  const grouping = evaluation.scenario.scheme.grouping;
  await insertResults(trx, period.id, version, evaluation.results.map((result) => {
    const participant = participantOf(evaluation, result);
    return {
      subjectKey: result.subject, personId: participant.personId, unitId: participant.unitId,
      totalCenti: Math.round(result.total * 100), rank: result.rank, groupKey: groupKeyOf(grouping, participant),
      groupRank: result.groupRank, grade: result.grade, flagsJson: JSON.stringify(result.flags), resultJson: JSON.stringify(result),
    };
  }));
  await setPeriodResultVersion(trx, period.id, version);
  const gradeCounts: Record<string, number> = {};
  for (const grade of evaluation.scenario.scheme.grades) gradeCounts[grade.name] = 0;
  for (const result of evaluation.results) gradeCounts[result.grade] = (gradeCounts[result.grade] ?? 0) + 1;
  return { version, scenarioSha256: evaluation.scenarioSha256, subjects: evaluation.results.length, gradeCounts };
}
