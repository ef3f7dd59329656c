import type { Db } from '../../db/kysely.js';

/**
 * Test support: writes an approved point event and its ledger row directly, as the points module's
 * approval does (rule → event → ledger), so rankings can be tested on their own. Returns the ledger id.
 */
export async function insertApprovedLedgerFixture(
  db: Db,
  row: { schemeId: number; indicator: string; personId: number | null; unitId: number; occurredOn: string; centi: number; accountId: number; now: string; reversesEventId?: number | null },
): Promise<{ ledgerId: number; eventId: number }> {
  const code = `FIX-${row.indicator}`;
  let rule = await db.selectFrom('point_rules').select('id').where('scheme_id', '=', row.schemeId).where('code', '=', code).executeTakeFirst();
  if (!rule) {
    rule = await db
      .insertInto('point_rules')
      .values({
        scheme_id: row.schemeId, code, version: 1, name: `测试规则 ${row.indicator}`, indicator_id: row.indicator, default_source: 'other',
        default_delta_centi: 100, min_delta_centi: -100_000, max_delta_centi: 100_000, per_occurrence: 0, description: null, status: 'active',
        replaces_rule_id: null, created_by: row.accountId, created_at: row.now, disabled_by: null, disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const subjectKind = row.personId === null ? 'unit' : 'person';
  const event = await db
    .insertInto('point_events')
    .values({
      rule_id: rule.id, scheme_id: row.schemeId, indicator_id: row.indicator, subject_kind: subjectKind, person_id: row.personId, unit_id: row.unitId,
      occurred_on: row.occurredOn, occurrences: 1, delta_centi: row.centi, source: 'other', evidence_text: `依据 ${row.indicator} ${row.centi}`,
      evidence_link: null, status: 'approved', proposed_by: row.accountId, proposed_at: row.now, decided_by: row.accountId, decided_at: row.now,
      decision_note: null, reverses_event_id: row.reversesEventId ?? null, batch_id: null, batch_row: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ledger = await db
    .insertInto('point_ledger')
    .values({
      event_id: event.id, scheme_id: row.schemeId, indicator_id: row.indicator, subject_kind: subjectKind, person_id: row.personId, unit_id: row.unitId,
      occurred_on: row.occurredOn, delta_centi: row.centi, recorded_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ledgerId: ledger.id, eventId: event.id };
}
