import { Alert, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reminders } from '@baton/contract/worklogs';
import dayjs from 'dayjs';
import { formatDay } from '../worklogs.model';

/** 漏报提醒: the missed working days that can still be backfilled, each a tap away from its form. */
export function ReminderBanner({ reminders, onPick }: { reminders: Reminders | undefined; onPick: (date: string) => void }) {
  const { t } = useTranslation();
  if (!reminders || reminders.count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="reminder-banner"
      title={t('worklogs.missedTitle', { count: reminders.count })}
      description={
        <Flex vertical gap={6}>
          <span>{t('worklogs.missedText')}</span>
          <Flex gap={6} wrap>
            {reminders.missedDays.map((d) => (
              <Tag.CheckableTag key={d.date} checked={false} onChange={() => onPick(d.date)} className="missed-chip" data-testid="missed-day">
                {formatDay(t, d.date)}
                <span className="missed-chip-until">{t('worklogs.backfillUntil', { date: dayjs(d.backfillUntil).format('M-D') })}</span>
              </Tag.CheckableTag>
            ))}
          </Flex>
        </Flex>
      }
    />
  );
}
