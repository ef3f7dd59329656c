import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isJobFinished, useJob } from './imports.api';

/** Where an upload that runs as a background job stands (org roster, point imports). */
export type UploadState =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string }
  | { kind: 'rejected'; fileName: string; error: Error }
  | { kind: 'job'; fileName: string; jobId: string };

/**
 * The state of an upload and its job. The job id lives in the URL too, so leaving the page (or
 * reloading) and coming back shows the import again.
 */
export function useUploadJob() {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<UploadState>({ kind: 'idle' });
  const urlJob = params.get('job');
  const state: UploadState = local.kind === 'idle' && urlJob ? { kind: 'job', fileName: '', jobId: urlJob } : local;
  const setState = (next: UploadState) => {
    setLocal(next);
    const nextParams = new URLSearchParams(params);
    if (next.kind === 'job') nextParams.set('job', next.jobId);
    else nextParams.delete('job');
    setParams(nextParams, { replace: true });
  };
  const job = useJob(state.kind === 'job' ? state.jobId : null);
  return { state, setState, job, finished: isJobFinished(job.data), params, setParams };
}
