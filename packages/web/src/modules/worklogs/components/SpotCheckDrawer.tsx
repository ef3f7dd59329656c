import { Alert, Descriptions, Drawer, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useEntryParam } from '../useEntryParam';
import { useSpotCheck } from '../worklog-reports.api';
import { EntryCard } from './EntryCard';

/**
 * One spot check (抽查): the drawn entries and what makes the draw verifiable — the recorded seed,
 * the number and fingerprint of the candidates, and whether re-running the draw gives the same ids.
 */
export function SpotCheckDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const spot = useSpotCheck(id);
  const { openEntry } = useEntryParam();
  const data = spot.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('worklogs.spotCheckTitle', { id: id ?? '' })} size={isMobile ? '100%' : 620} data-testid="spot-check-drawer">
      {spot.isLoading ? <Skeleton active /> : null}
      {spot.isError ? <Alert type="error" showIcon title={errorText(t, spot.error)} /> : null}
      {data ? (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('worklogs.unit')}>{data.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('worklogs.range')}>
              {data.from} – {data.to}
            </Descriptions.Item>
            <Descriptions.Item label={t('worklogs.drawn')}>{t('worklogs.drawnOf', { count: data.drawnIds.length, total: data.candidateCount })}</Descriptions.Item>
            <Descriptions.Item label={t('worklogs.seed')}>
              <Typography.Text copyable className="mono" data-testid="spot-seed" style={{ wordBreak: 'break-all' }}>
                {data.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('worklogs.fingerprint')}>
              <Typography.Text className="mono" style={{ wordBreak: 'break-all', fontSize: 11 }}>
                {data.candidatesSha256}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('worklogs.drawnBy')}>
              {data.createdBy} · {formatDateTime(data.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('worklogs.verification')}>
              <Flex gap={6} wrap>
                {data.verification.redrawMatches ? (
                  <Tag color="green" icon={<CheckCircleOutlined />}>
                    {t('worklogs.redrawMatches')}
                  </Tag>
                ) : (
                  <Tag color="red" icon={<WarningOutlined />}>
                    {t('worklogs.redrawDiffers')}
                  </Tag>
                )}
                {data.verification.candidatesUnchanged ? (
                  <Tag color="green">{t('worklogs.candidatesUnchanged')}</Tag>
                ) : (
                  <Tag color="orange">{t('worklogs.candidatesChanged')}</Tag>
                )}
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('worklogs.spotCheckExplain')}
          </Typography.Text>
          {data.entries.length === 0 ? <Empty description={t('worklogs.spotCheckNone')} /> : null}
          <div className="entry-list" data-testid="spot-entries">
            {data.entries.map((entry) => (
              <EntryCard key={entry.id} entry={entry} onOpen={(e) => openEntry(e.id)} />
            ))}
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
