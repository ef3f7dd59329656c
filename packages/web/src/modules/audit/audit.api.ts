import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditList, AuditVerification } from '@baton/contract/audit';
import { api } from '../../api/client';

export interface AuditFilter {
  entity: string;
  entityId: string;
  action: string;
  limit: number;
}

export function useAuditPage(filter: AuditFilter, cursor: string | null) {
  return useQuery({
    queryKey: ['audit', filter, cursor],
    queryFn: ({ signal }) =>
      api<AuditList>('/api/audit', {
        query: {
          entity: filter.entity.trim() || undefined,
          entityId: filter.entityId.trim() || undefined,
          action: filter.action.trim() || undefined,
          limit: filter.limit,
          cursor: cursor ?? undefined,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => api<AuditVerification>('/api/audit/verify', { method: 'POST' }),
  });
}
