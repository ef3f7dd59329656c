import type { PeriodAbilities } from '@baton/contract/periods';

/**
 * The pages of a period a caller is offered — his summary, the review sheet, the results or their
 * live preview — as the server decided them for him (`PeriodView.can`, policies/periods.policies.ts).
 */

export type PeriodLinkKind = 'summary' | 'review' | 'results' | 'preview';

export interface PeriodLink {
  kind: PeriodLinkKind;
  path: string;
}

const LINK_KINDS: readonly PeriodLinkKind[] = ['summary', 'review', 'results', 'preview'];

/** The links to the pages the caller may use, in the order summary, review, results (or preview). */
export function periodLinksOf(period: { id: number | string; can: Pick<PeriodAbilities, PeriodLinkKind> }): PeriodLink[] {
  const id = encodeURIComponent(String(period.id));
  const pathOf: Record<PeriodLinkKind, string> = {
    summary: `/periods/${id}/summary`,
    review: `/periods/${id}/review`,
    results: `/periods/${id}/results`,
    preview: `/periods/${id}/results`,
  };
  return LINK_KINDS.filter((kind) => period.can[kind]).map((kind) => ({ kind, path: pathOf[kind] }));
}
