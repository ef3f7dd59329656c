import type { Fact } from './scenario.types.js';

/**
 * The points ledger as the engine's facts (docs/product.md §3.1 "ledger": `delta` facts; docs/engine.md
 * "Ledger facts"). The ledger keeps points as integer hundredths ("centi") so that sums stay exact in
 * SQL; a fact's `delta` is that number of hundredths as points. Only the scheme's `ledger` indicators
 * take the ledger's movements as facts: a movement of any other indicator counts towards a subject's
 * points but not towards a score.
 */

/** What ledgerIndicatorIds reads of a scheme: any parsed definition will do, validated or not. */
export interface LedgerScheme {
  readonly indicators?: readonly { readonly id?: unknown; readonly method?: unknown }[] | undefined;
}

/** The ids of the scheme's `ledger` indicators, in the scheme's order: the only ones the ledger feeds. */
export function ledgerIndicatorIds(scheme: LedgerScheme): string[] {
  const ids: string[] = [];
  for (const indicator of scheme.indicators ?? []) if (indicator.method === 'ledger' && typeof indicator.id === 'string') ids.push(indicator.id);
  return ids;
}

/** Points from the ledger's integer hundredths: −300 → −3, 150 → 1.5. */
export function pointsOfCenti(centi: number): number {
  return centi / 100;
}

/** An amount of the ledger for one subject and indicator: one movement, or the sum of several. */
export interface LedgerAmount {
  /** The engine's subject id. */
  readonly subject: string;
  readonly indicator: string;
  readonly centi: number;
}

/** One approved movement with the event behind it, for a fact that names its evidence. */
export interface LedgerEvent extends LedgerAmount {
  readonly eventId: number;
  /** `YYYY-MM-DD`. */
  readonly occurredOn: string;
  readonly evidenceText: string;
}

/** A scheme, or the ids of its ledger indicators already taken from it. */
export type LedgerIndicators = LedgerScheme | ReadonlySet<string>;

function ledgerSetOf(ledger: LedgerIndicators): ReadonlySet<string> {
  return ledger instanceof Set ? (ledger as ReadonlySet<string>) : new Set(ledgerIndicatorIds(ledger as LedgerScheme));
}

/**
 * Ledger sums (Σ of a subject's movements per indicator) as facts: one `delta` fact per sum of a
 * ledger indicator. A sum of 0 gives no fact — the score is the same, and the indicator's explain
 * line says "0 events" rather than counting a sum that nets to nothing.
 */
export function ledgerFactsOfSums(ledger: LedgerIndicators, sums: Iterable<LedgerAmount>): Fact[] {
  const ids = ledgerSetOf(ledger);
  const facts: Fact[] = [];
  for (const sum of sums) if (sum.centi !== 0 && ids.has(sum.indicator)) facts.push({ subject: sum.subject, indicator: sum.indicator, delta: pointsOfCenti(sum.centi) });
  return facts;
}

/**
 * Ledger movements as facts, as they are approved: one `delta` fact per movement of a ledger
 * indicator (the incremental form of ledgerFactsOfSums — the engine adds deltas up).
 */
export function ledgerFactsOfMovements(ledger: LedgerIndicators, movements: Iterable<LedgerAmount>): Fact[] {
  const ids = ledgerSetOf(ledger);
  const facts: Fact[] = [];
  for (const movement of movements) if (ids.has(movement.indicator)) facts.push({ subject: movement.subject, indicator: movement.indicator, delta: pointsOfCenti(movement.centi) });
  return facts;
}

/**
 * Ledger movements as facts that name their evidence, for a scenario that must explain itself (a
 * published period): one `delta` fact per movement of a ledger indicator, with `id` `event:<event
 * id>` and `note` `<occurredOn> <evidence>`.
 */
export function ledgerFactsOfEvents(ledger: LedgerIndicators, events: Iterable<LedgerEvent>): Fact[] {
  const ids = ledgerSetOf(ledger);
  const facts: Fact[] = [];
  for (const event of events) {
    if (!ids.has(event.indicator)) continue;
    facts.push({
      subject: event.subject, indicator: event.indicator, id: `event:${event.eventId}`, delta: pointsOfCenti(event.centi), note: `${event.occurredOn} ${event.evidenceText}`,
    });
  }
  return facts;
}
