import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Period } from '@baton/contract/periods';
import { ShortPeriodStateTag } from './PeriodStateTag';

/** The period's name, state and dates under a page title. */
export function PeriodLine({ period }: { period: Period }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center" wrap component="span">
      <span>{period.name}</span>
      <ShortPeriodStateTag state={period.state} />
      <span className="nowrap">{t('periods.range', { from: period.startsOn, to: period.endsOn })}</span>
    </Flex>
  );
}
