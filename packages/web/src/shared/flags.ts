/**
 * The engine's flags on a result, read for display (a later step gives them typed values in the
 * engine itself).
 */

export type FlagKind = 'quota-tie' | 'tie-decision' | 'veto' | 'no-rating' | 'missing' | 'other';

/** An engine flag ("quota-tie:好", "tie-decision:好", "veto:safety", "no-rating:review", "missing:gdp") read into its kind and argument. */
export function parseFlag(flag: string): { kind: FlagKind; arg: string } {
  const cut = flag.indexOf(':');
  const head = cut < 0 ? flag : flag.slice(0, cut);
  const arg = cut < 0 ? '' : flag.slice(cut + 1);
  if (head === 'quota-tie' || head === 'tie-decision' || head === 'veto' || head === 'no-rating' || head === 'missing') return { kind: head, arg };
  return { kind: 'other', arg: flag };
}

/** The grades whose quota a tied block could not fit into (DESIGN §3.2: the block stays in the lower grade). */
export function tiedGradesOf(flags: readonly string[]): string[] {
  return flags.map(parseFlag).filter((f) => f.kind === 'quota-tie').map((f) => f.arg);
}
