import { Progress, Tooltip, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QuotaGroup } from '@baton/contract/reviews';
import { quotaCells } from '../results.model';
import '../results.css';

/**
 * The grade quotas of each group: used / capacity per grade, red when no seat is left, orange where
 * a tied block was kept out of a grade (DESIGN §3.2) — the committee has to look at those.
 */
export function QuotaBar({ groups, ties, stale }: { groups: QuotaGroup[]; ties: ReadonlyMap<string, ReadonlySet<string>>; stale?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`quota-groups${stale ? ' quota-groups-stale' : ''}`} data-testid="quota-bar">
      {groups.map((group) => (
        <div key={group.group.key} data-testid="quota-group" data-group={group.group.key}>
          {groups.length > 1 || group.group.key !== 'all' ? (
            <div className="quota-group-name">{t('results.quota.group', { name: group.group.name, n: group.size })}</div>
          ) : null}
          <div className="quota-cells">
            {quotaCells(group, ties.get(group.group.key) ?? new Set()).map((cell) => {
              const body = (
                <div
                  key={cell.name}
                  className={`quota-cell${cell.full ? ' quota-cell-full' : ''}${cell.tie ? ' quota-cell-tie' : ''}`}
                  data-testid="quota-cell"
                  data-grade={cell.name}
                  data-used={cell.used}
                  data-full={cell.full ? 'true' : 'false'}
                  data-tie={cell.tie ? 'true' : 'false'}
                >
                  <div className="quota-cell-head">
                    <span className="quota-cell-name">
                      {cell.tie ? <WarningFilled style={{ color: '#fa8c16', marginInlineEnd: 3 }} /> : null}
                      {cell.name}
                    </span>
                    <span className="quota-cell-count">
                      {cell.capacity === null ? (
                        <>
                          {cell.used}
                          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                            {' '}
                            / {t('results.quota.unlimited')}
                          </Typography.Text>
                        </>
                      ) : (
                        `${cell.used} / ${cell.capacity}`
                      )}
                    </span>
                  </div>
                  <Progress
                    percent={cell.capacity === null ? 0 : cell.percent}
                    showInfo={false}
                    size="small"
                    strokeColor={cell.full ? '#c8372d' : cell.tie ? '#fa8c16' : '#1f4e8c'}
                    railColor={cell.capacity === null ? 'transparent' : undefined}
                  />
                </div>
              );
              return cell.tie ? (
                <Tooltip key={cell.name} title={t('results.quota.tieHint', { grade: cell.name })}>
                  {body}
                </Tooltip>
              ) : (
                body
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
