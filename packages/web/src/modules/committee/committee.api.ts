import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TieDecisionBody, TieDecisionList } from '@baton/contract/committee';
import { api } from '../../api/client';
import type { Id } from '../../shared/params';
import { periodKeys } from '../periods/periods.api';

/** The committee's decisions (评审委员会决定) on blocks tied at a grade's quota line (POST /api/periods/:id/tie-decisions). */

const enc = (id: Id) => encodeURIComponent(String(id));

/** Records which members of a tied block take the seats the tie left; the results are evaluated again. */
export function useDecideTie(period: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TieDecisionBody) => api<TieDecisionList>(`/api/periods/${enc(period)}/tie-decisions`, { method: 'POST', body }),
    onSettled: () => void client.invalidateQueries({ queryKey: periodKeys.results(period) }),
  });
}
