import { Badge, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { StreamState } from './useRankingStream';

/** 实时: a green dot while the live stream is connected, amber while (re)connecting, grey when closed. */
export function LiveIndicator({ state, lastEventAt }: { state: StreamState; lastEventAt: Date | null }) {
  const { t } = useTranslation();
  const status = state === 'live' ? 'success' : state === 'connecting' ? 'warning' : 'default';
  return (
    <Tooltip title={t(`rankings.stream.${state}Hint`)}>
      <span className="live-indicator" data-testid="live-indicator" data-state={state}>
        <Badge status={status} className={state === 'live' ? 'live-dot' : undefined} />
        <Typography.Text strong={state === 'live'} style={{ color: state === 'live' ? '#2f7d4f' : undefined }}>
          {t(`rankings.stream.${state}`)}
        </Typography.Text>
        {lastEventAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="live-updated">
            {t('rankings.updatedAt', { time: dayjs(lastEventAt).format('HH:mm:ss') })}
          </Typography.Text>
        ) : null}
      </span>
    </Tooltip>
  );
}

/** 1, 2, 3 as medals; the rest as numbers. */
export function RankBadge({ rank }: { rank: number }) {
  const cls = rank <= 3 ? `rank-badge rank-${rank}` : 'rank-badge';
  return <span className={cls}>{rank}</span>;
}
