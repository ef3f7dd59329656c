/**
 * The states of an assessment period and what each allows (docs/product.md §4 "Period states";
 * docs/engine.md "Period states and what they allow"): draft → open (facts and logs accepted) →
 * reviewing (summaries, leader reviews) → publicity (公示: results visible, appeals accepted) →
 * closed (immutable; changes only through an accepted appeal).
 */

/** The states in the order a period goes through them. */
export const PERIOD_STATES = ['draft', 'open', 'reviewing', 'publicity', 'closed'] as const;

export type PeriodState = (typeof PERIOD_STATES)[number];

const STATES = new Set<string>(PERIOD_STATES);

export function isPeriodState(value: string): value is PeriodState {
  return STATES.has(value);
}

/** The one state a period may move to next — "one step at a time" — or null for a closed period: closed is final. */
export function nextPeriodState(state: PeriodState): PeriodState | null {
  return PERIOD_STATES[PERIOD_STATES.indexOf(state) + 1] ?? null;
}

/** Whether a period may move from one state to another: only to the next one. */
export function canTransition(from: PeriodState, to: PeriodState): boolean {
  return nextPeriodState(from) === to;
}

/**
 * What each state allows, listed in the order of the flow. Where the server asks more than the state
 * (a deadline, a window, a pending appeal), the condition is named; it stays the caller's to check.
 */
export const PERIOD_ACTIONS = {
  /** Edit the name and the deadlines (summaryDueOn, reviewDueOn): until the period closes. */
  editPeriod: ['draft', 'open', 'reviewing', 'publicity'],
  /** Change publicityDays: before publicity, which fixes the window on entering it. */
  changePublicityDays: ['draft', 'open', 'reviewing'],
  /** Change the tier period (考用结合): before publicity, which publishes the seats it gives. */
  changeTierPeriod: ['draft', 'open', 'reviewing'],
  /**
   * Move to the next state (nextPeriodState). Closing also waits for the publicity window's end and
   * for every appeal of the period to be decided or withdrawn.
   */
  advance: ['draft', 'open', 'reviewing', 'publicity'],
  /** Propose, approve (one by one or a batch) and reverse point events dated in the period: until it closes. */
  changePoints: ['draft', 'open', 'reviewing', 'publicity'],
  /** Offer the scheme's indicators to work-log entries (a person scheme's period he takes part in). */
  linkLogIndicators: ['open', 'reviewing'],
  /** Write one's personal summary: save a draft or submit it (after summaryDueOn still, marked late); remind those missing. */
  writeSummary: ['open', 'reviewing'],
  /** Leaders rate the people of their sheet, until reviewDueOn. */
  rate: ['reviewing'],
  /** 复核: a leader re-rates an appellant whose appeal is pending (reviewDueOn does not apply); nobody else. */
  reRateAppellant: ['publicity'],
  /** The committee decides a block tied at a quota line. */
  decideTie: ['reviewing'],
  /** … and during publicity, while an appeal of the period is pending (the decision takes effect with the version the appeal publishes). */
  decideTieUnderAppeal: ['publicity'],
  /** Admin and auditor see the live preview of the results (nobody else sees results yet). */
  previewResults: ['draft', 'open', 'reviewing'],
  /** The published results are read — each reader within his scope — with their report cards. */
  readPublishedResults: ['publicity', 'closed'],
  /** A participant appeals his published result, until publicityEndsOn. */
  appeal: ['publicity'],
  /** The organization department decides a pending appeal. */
  decideAppeal: ['publicity'],
  /** The monthly red/black lists are built from its ledger. */
  buildRedBlackLists: ['open', 'reviewing', 'publicity'],
  /** Offered in the rankings' and the points pages' choice of period (the latest one by default). */
  showInRankings: ['open', 'reviewing', 'publicity', 'closed'],
  /** Its published results count as history: an annual scheme's routine results, the consecutive-lagging alert. */
  countAsHistory: ['closed'],
} as const satisfies Record<string, readonly PeriodState[]>;

export type PeriodAction = keyof typeof PERIOD_ACTIONS;

/** Whether a period in `state` allows `action` (PERIOD_ACTIONS). */
export function periodAllows(state: PeriodState, action: PeriodAction): boolean {
  return (PERIOD_ACTIONS[action] as readonly PeriodState[]).includes(state);
}

/** The states that refuse `action`, in the order of the flow (e.g. for a query of the periods that block it). */
export function periodStatesRefusing(action: PeriodAction): PeriodState[] {
  return PERIOD_STATES.filter((state) => !periodAllows(state, action));
}
