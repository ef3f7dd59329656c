import type { TFunction } from 'i18next';
import { formatPoints, formatScore } from '../../shared/scores';
import { parseLedgerExplain } from './points.model';

/** The engine's explanation of a ledger indicator's score in the reader's language; null for a line of another method. */
export function ledgerExplainText(t: TFunction, line: string): string | null {
  const e = parseLedgerExplain(line);
  if (!e) return null;
  const values = {
    base: formatScore(e.base),
    sum: formatPoints(e.sum),
    count: e.count,
    balance: formatScore(e.balance),
    min: e.min ?? '',
    max: e.max === '∞' ? '∞' : (e.max ?? ''),
    score: e.score,
  };
  return t(e.bound === 'capped' ? 'points.explainLedgerCapped' : e.bound === 'raised' ? 'points.explainLedgerRaised' : 'points.explainLedger', values);
}
