import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportCard } from '@baton/contract/report-cards';
import { api, buildUrl } from '../../api/client';
import type { Id } from '../../shared/params';

/** GET /api/report-cards/:personId (成绩单) and the unit's .xlsx: the contract's shapes (@baton/contract/report-cards). */

export function fetchReportCard(personId: Id, periodId: Id | null, signal?: AbortSignal): Promise<ReportCard> {
  return api<ReportCard>(`/api/report-cards/${personId}`, { query: { period: periodId ?? undefined }, signal });
}

export function useReportCard(personId: Id | null, periodId: Id | null) {
  return useQuery({
    queryKey: ['report-card', personId, periodId],
    queryFn: ({ signal }) => fetchReportCard(personId!, periodId, signal),
    enabled: personId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The unit's report cards as .xlsx (leaders: their subtree by default; admin may name any unit). */
export function reportCardsExportUrl(periodId: Id, unitId?: Id | null): string {
  return buildUrl('/api/report-cards/export.xlsx', { period: periodId, unit: unitId ?? undefined });
}
