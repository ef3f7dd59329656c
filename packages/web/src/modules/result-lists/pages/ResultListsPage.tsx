import { useSearchParams } from 'react-router-dom';
import { Alert, Tabs } from 'antd';
import { AlertOutlined, CrownOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { hasRole, useCurrentMe } from '../../auth/auth.api';
import { PromotionListTab } from '../components/PromotionListTab';
import { useTranslation } from 'react-i18next';
import { WarningListTab } from '../components/WarningListTab';
import { tabOf } from '../result-lists.model';
import '../result-lists.css';

/**
 * 考用结合 (DESIGN §1, §4): the lists that put published results to use — the warning-talk list
 * (连续末位 → 约谈提醒) and the recommendation list (连续优秀 → 推荐/晋升). Every control lives in the
 * address, so a list can be shared as a link; each person opens on his report card.
 * Admin and auditor see everyone, a leader the people of his subtrees (the server decides).
 */
export default function ResultListsPage() {
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  const me = useCurrentMe();
  const [params] = useSearchParams();
  const update = useSearchParamsUpdate();
  const tab = tabOf(params.get('tab'));
  const seesAll = hasRole(me, 'admin') || hasRole(me, 'auditor');

  return (
    <div className="rl-page" data-testid="result-lists-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {!seesAll && hasRole(me, 'leader') ? <Alert type="info" showIcon title={t('leaderScope')} style={{ marginBottom: 12 }} data-testid="result-lists-scope" /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'warning' ? null : key }, false)}
        destroyOnHidden
        items={[
          { key: 'warning', label: t('tabs.warning'), icon: <AlertOutlined />, children: <WarningListTab /> },
          { key: 'promotion', label: t('tabs.promotion'), icon: <CrownOutlined />, children: <PromotionListTab /> },
        ]}
        data-testid="result-lists-tabs"
      />
    </div>
  );
}
