import { useQuery } from '@tanstack/react-query';
import type { ImportStarted } from '@baton/contract/imports';
import type { Job } from '@baton/contract/jobs';
import { api } from '../../api/client';

export function uploadOrgRoster(file: File): Promise<ImportStarted> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportStarted>('/api/imports/org', { method: 'POST', form });
}

export const jobKey = (id: string) => ['jobs', id] as const;

export function isJobFinished(job: Job | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** Polls GET /api/jobs/:id every 500 ms until the job has succeeded or failed. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: jobKey(id ?? ''),
    queryFn: ({ signal }) => api<Job>(`/api/jobs/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 500),
    staleTime: 0,
  });
}
