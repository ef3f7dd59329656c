import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { activeNavKey, navItemsFor, type NavKey } from '../../../app/navigation';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useCurrentMe } from '../../auth/auth.api';

const WORK_LOG_PAGES: NavKey[] = ['worklog', 'worklogCalendar', 'feed', 'summary', 'worklogStats'];

/** The work-log pages one tap apart on a phone, where the side menu is two taps away (a desktop has the menu in view). */
export function WorkLogTabs() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const items = navItemsFor(me).filter((item) => WORK_LOG_PAGES.includes(item.key));
  if (!isMobile || items.length < 2) return null;
  const active = activeNavKey(location.pathname, items);
  return (
    <div className="worklog-tabs">
      <Segmented<NavKey>
        block
        value={active}
        options={items.map((item) => ({ value: item.key, label: t(`worklogs.tabs.${item.key as 'worklog'}`) }))}
        onChange={(key) => {
          const item = items.find((i) => i.key === key);
          if (item) navigate(item.path);
        }}
        data-testid="worklog-tabs"
      />
    </div>
  );
}
