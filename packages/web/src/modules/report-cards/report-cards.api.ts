import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import type { Id } from '../../api/types';

/** The shapes of GET /api/report-cards/:personId (成绩单, issue 6), as the web UI sees them. */

export interface ReportCardIndicator {
  id: string;
  name: string;
  kind: 'key' | 'regular' | 'dynamic' | null;
  method: string;
  /** null: an extra indicator or a veto (in no section). */
  section: string | null;
  extra: boolean;
  weight: number | null;
  score: number;
  raw: number | null;
  /** The engine's explanation line, `<id>: …`. */
  explain: string | null;
}

export interface ReportCardComment {
  indicator: { id: string; name: string };
  rater: { name: string };
  rating: number;
  task: string | null;
  comment: string;
  updatedAt: string;
}

export interface ReportCardTrendPoint {
  periodId: Id;
  periodName: string;
  endsOn: string;
  total: number;
  grade: string;
}

export interface ReportCard {
  person: { id: Id; name: string; employeeNo: string };
  unit: { id: Id; name: string };
  period: {
    id: Id;
    name: string;
    state: string;
    startsOn: string;
    endsOn: string;
    publicityEndsOn: string | null;
    version: number | null;
    scheme: { id: Id; code: string; name: string; kind: string };
  };
  total: number;
  rank: number;
  group: { key: string; name: string };
  groupRank: number;
  groupSize: number;
  grade: string;
  /** The scheme's grades, best first. */
  grades: string[];
  flags: string[];
  sections: { id: string; weight: number; score: number }[];
  indicators: ReportCardIndicator[];
  totalExplain: string | null;
  comments: ReportCardComment[];
  /** Oldest first, up to and including this period, same scheme code. */
  trend: ReportCardTrendPoint[];
  /** Every published period of his the reader may open, newest first. */
  periods: { id: Id; name: string; endsOn: string; schemeName: string }[];
}

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
