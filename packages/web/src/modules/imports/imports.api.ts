import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { Job } from '../../api/types';

export function uploadOrgRoster(file: File): Promise<{ jobId: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ jobId: string }>('/api/imports/org', { method: 'POST', form });
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

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = header.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return fallback;
    }
  }
  return header.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** Downloads a file answer (template, export) with the session cookie, keeping the server's file name. */
export async function downloadFile(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    let code = `http.${response.status}`;
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, code, message);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
}
