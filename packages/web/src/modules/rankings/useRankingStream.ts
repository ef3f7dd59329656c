import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RankingChange } from '@baton/contract/rankings';
import { buildUrl } from '../../api/client';
import type { Id } from '../../shared/params';
import { rankingKeys } from './rankings.api';

export type StreamState = 'connecting' | 'live' | 'offline';

/**
 * 实时排名: subscribes to `GET /api/rankings/stream?period=&group=` (server-sent events) and refetches
 * the period's rankings on every `ranking` event — the page changes without a reload. EventSource
 * reconnects by itself after a network drop; the state says whether it is connected right now.
 */
export function useRankingStream(period: Id | null, group: string): { state: StreamState; lastEventAt: Date | null } {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const [lastEventAt, setLastEventAt] = useState<Date | null>(null);
  const seen = useRef<number>(-1);

  useEffect(() => {
    if (period === null || typeof EventSource === 'undefined') return;
    setState('connecting');
    seen.current = -1;
    const source = new EventSource(buildUrl('/api/rankings/stream', { period, group }));
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    const onRanking = (event: MessageEvent<string>) => {
      let version = Number.NaN;
      try {
        version = Number((JSON.parse(event.data) as Partial<RankingChange>).version);
      } catch {
        // a malformed message still means "something changed"
      }
      if (Number.isFinite(version) && version <= seen.current) return;
      if (Number.isFinite(version)) seen.current = version;
      setLastEventAt(new Date());
      void client.invalidateQueries({ queryKey: rankingKeys.period(period) });
      void client.invalidateQueries({ queryKey: rankingKeys.people });
    };
    source.addEventListener('ranking', onRanking);
    return () => {
      source.removeEventListener('ranking', onRanking);
      source.close();
    };
  }, [client, period, group]);

  return { state, lastEventAt };
}
