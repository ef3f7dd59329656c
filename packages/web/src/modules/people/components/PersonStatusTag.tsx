import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonStatus } from '@baton/contract/people';

export function PersonStatusTag({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`people.statuses.${status}`)}</Tag>;
}
