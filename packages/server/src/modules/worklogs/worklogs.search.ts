/**
 * Chinese full-text search that works on both databases (docs/ARCHITECTURE.md "Work records" (CJK bigram search)): index the
 * overlapping character bigrams of every run of Han characters (as Lucene's CJK analyzer does) plus
 * the lower-cased ASCII words, and look for the bigrams of the query. A two-character word such as
 * 走访 is then one exact term; a trigram or `pg_trgm` index would miss it.
 */

const HAN = /\p{Script=Han}/u;
const ASCII_WORD_CHAR = /[a-z0-9]/;
/** Longer ASCII runs (URLs, hashes) are cut: nobody searches for 200 characters of them. */
const MAX_ASCII_TERM = 40;

function normalize(text: string): string {
  // NFKC folds full-width letters and digits (ＯＡ, ３) into ASCII, so they index as words.
  return text.normalize('NFKC').toLowerCase();
}

/** The terms a text is indexed by: Han bigrams and ASCII words, deduplicated, in order of appearance. */
export function extractSearchTerms(text: string): string[] {
  const terms = new Set<string>();
  let han: string[] = [];
  let ascii = '';
  const flushHan = () => {
    for (let i = 0; i + 1 < han.length; i += 1) terms.add(han[i]! + han[i + 1]!);
    han = [];
  };
  const flushAscii = () => {
    if (ascii) terms.add(ascii.slice(0, MAX_ASCII_TERM));
    ascii = '';
  };
  for (const ch of normalize(text)) {
    if (HAN.test(ch)) {
      flushAscii();
      han.push(ch);
    } else if (ASCII_WORD_CHAR.test(ch)) {
      flushHan();
      ascii += ch;
    } else {
      flushHan();
      flushAscii();
    }
  }
  flushHan();
  flushAscii();
  return [...terms];
}

export interface SearchPlan {
  /** Every one must be among the entry's terms (the index does this part). */
  terms: string[];
  /**
   * Every one must occur in the lower-cased content (as a substring): the query words with Han characters
   * that their terms do not already pin down — 走访企业 needs the four characters in a row, not just
   * its three bigrams anywhere, and a lone Han character (3家) must still be checked; a two-character
   * word (走访) is exactly its bigram and needs no check. A query without any term (a single
   * character, 访) is answered by these alone.
   */
  phrases: string[];
}

/**
 * How to search for `q`: whitespace separates words, all of which must match. Han text matches as a
 * substring; ASCII matches whole words (oa finds "OA系统", not "load").
 */
export function planSearch(q: string): SearchPlan | null {
  const words = normalize(q).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const terms = new Set<string>();
  const phrases: string[] = [];
  for (const word of words) {
    const wordTerms = extractSearchTerms(word);
    for (const t of wordTerms) terms.add(t);
    const justOneBigram = wordTerms.length === 1 && [...word].length === 2 && [...word].every((c) => HAN.test(c));
    if ((HAN.test(word) && !justOneBigram) || wordTerms.length === 0) phrases.push(word);
  }
  return { terms: [...terms], phrases };
}

/** The FTS5 query for the terms: each quoted (they hold only Han letters and [a-z0-9]), all required. */
export function ftsQueryOf(terms: string[]): string {
  return terms.map((t) => `"${t}"`).join(' ');
}
