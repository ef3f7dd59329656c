import type { TFunction } from 'i18next';
import { ledgerExplainText } from '../points/ledger-explain';
import { parseRatingExplain } from './results.model';

/**
 * An engine explain line in the reader's language — ratings, the total, ledgers (as the 我的积分 page
 * says them) — or null for a line we have no sentence for (shown as the engine wrote it). Used by the
 * results drawer and the report card.
 */
export function explainSentence(t: TFunction, line: string): string | null {
  const rating = parseRatingExplain(line);
  if (rating === 'none') return t('results.explainNoRating');
  if (rating) {
    const groupName = (g: string) => t(`results.raterGroups.${g}`, { defaultValue: g });
    const groups = rating.groups
      .map((g) =>
        g.mean === null
          ? t('results.explainRatingGroupNone', { group: groupName(g.group) })
          : t('results.explainRatingGroup', { group: groupName(g.group), mean: g.mean, ballots: g.ballots }),
      )
      .join('；');
    return t('results.explainRating', { groups, mean: rating.mean, weight: rating.weight, score: rating.score });
  }
  const total = /^total: (.+) = (-?[\d.]+) \(rounded once[^)]*\)$/.exec(line.trim());
  if (total) return t('results.explainTotal', { formula: total[1], total: total[2] });
  return ledgerExplainText(t, line);
}
