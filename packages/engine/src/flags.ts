/**
 * The flags of a result (docs/product.md §3.2–3.3, §4; docs/engine.md "Flags"), as typed values. A result
 * carries them as text, `<kind>:<argument>` — the argument is everything after the first colon, so
 * it may hold colons of its own (the engine puts no pattern on indicator ids).
 */
export type Flag =
  /** A veto indicator was triggered: `veto:<indicator>`. */
  | { readonly kind: 'veto'; readonly indicator: string }
  /** No fact (target, rank, relative), no history (periods) or no items (items): `missing:<indicator>`. */
  | { readonly kind: 'missing'; readonly indicator: string }
  /** A rating indicator without any rating: `no-rating:<indicator>`. */
  | { readonly kind: 'no-rating'; readonly indicator: string }
  /** An item of an `items` indicator nobody rated, counted 0 (docs/product.md §3.2 "items"): `unrated:<item>`. */
  | { readonly kind: 'unrated'; readonly item: string }
  /** A rater group hidden for having fewer ballots than the minimum (docs/product.md §4 "Ballots"): `few-ballots:<group>`. */
  | { readonly kind: 'few-ballots'; readonly group: string }
  /** A tied block kept out of a grade that still had seats (docs/product.md §3.2 "Grading"): `quota-tie:<grade>`. */
  | { readonly kind: 'quota-tie'; readonly grade: string }
  /** The committee's decision gave this member of a tied block the grade: `tie-decision:<grade>`. */
  | { readonly kind: 'tie-decision'; readonly grade: string }
  /** Any other text, kept as it is (a flag of a later engine, say). */
  | { readonly kind: 'other'; readonly text: string };

export type FlagKind = Flag['kind'];

/** The kinds of flag the engine writes or has reserved (docs/product.md §3.2 `unrated`, §4 `few-ballots`). */
export const FLAG_KINDS = ['veto', 'missing', 'no-rating', 'unrated', 'few-ballots', 'quota-tie', 'tie-decision'] as const satisfies readonly FlagKind[];

export type KnownFlagKind = (typeof FLAG_KINDS)[number];

const KNOWN = new Set<string>(FLAG_KINDS);

/** The text every flag of a kind begins with, `quota-tie:` say (e.g. for a LIKE over stored flags). */
export function flagPrefix(kind: KnownFlagKind): string {
  return `${kind}:`;
}

/** A flag's text read into its kind and argument; anything else (no known kind, no argument) is `other`, text kept. */
export function parseFlag(text: string): Flag {
  const cut = text.indexOf(':');
  const kind = cut < 0 ? '' : text.slice(0, cut);
  const argument = text.slice(cut + 1);
  if (!KNOWN.has(kind) || argument === '') return { kind: 'other', text };
  switch (kind as KnownFlagKind) {
    case 'veto':
    case 'missing':
    case 'no-rating':
      return { kind: kind as 'veto' | 'missing' | 'no-rating', indicator: argument };
    case 'unrated':
      return { kind: 'unrated', item: argument };
    case 'few-ballots':
      return { kind: 'few-ballots', group: argument };
    case 'quota-tie':
    case 'tie-decision':
      return { kind: kind as 'quota-tie' | 'tie-decision', grade: argument };
  }
}

/** A flag as a result carries it: the inverse of parseFlag. */
export function formatFlag(flag: Flag): string {
  switch (flag.kind) {
    case 'veto':
    case 'missing':
    case 'no-rating':
      return `${flag.kind}:${flag.indicator}`;
    case 'unrated':
      return `unrated:${flag.item}`;
    case 'few-ballots':
      return `few-ballots:${flag.group}`;
    case 'quota-tie':
    case 'tie-decision':
      return `${flag.kind}:${flag.grade}`;
    case 'other':
      return flag.text;
  }
}

/** What a flag is about: the indicator, item, rater group or grade it names; an `other` flag's whole text. */
export function flagArgument(flag: Flag): string {
  switch (flag.kind) {
    case 'veto':
    case 'missing':
    case 'no-rating':
      return flag.indicator;
    case 'unrated':
      return flag.item;
    case 'few-ballots':
      return flag.group;
    case 'quota-tie':
    case 'tie-decision':
      return flag.grade;
    case 'other':
      return flag.text;
  }
}

/** Whether a flag's text is of a kind (`other`: of no known kind). */
export function isFlagOfKind(text: string, kind: FlagKind): boolean {
  return parseFlag(text).kind === kind;
}

/**
 * The grades a tied block was kept out of (`quota-tie:<grade>`), in the order of the flags: the
 * block stays in the lower grade, for the committee (docs/product.md §3.2, docs/engine.md "Grades and quotas").
 */
export function quotaTieGrades(flags: readonly string[]): string[] {
  const grades: string[] = [];
  for (const text of flags) {
    const flag = parseFlag(text);
    if (flag.kind === 'quota-tie') grades.push(flag.grade);
  }
  return grades;
}

/** Whether the flags hold a quota tie — at `grade`, or at any grade when none is named. */
export function hasQuotaTie(flags: readonly string[], grade?: string): boolean {
  if (grade !== undefined) return flags.includes(formatFlag({ kind: 'quota-tie', grade }));
  return flags.some((text) => isFlagOfKind(text, 'quota-tie'));
}

/** Whether the committee's decision gave this subject `grade` out of a tied block (`tie-decision:<grade>`). */
export function hasTieDecision(flags: readonly string[], grade: string): boolean {
  return flags.includes(formatFlag({ kind: 'tie-decision', grade }));
}
