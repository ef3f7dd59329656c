import { useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App, Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Segmented, Tag, Typography, type MenuProps } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  FlagOutlined,
  SolutionOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  ReconciliationOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  TrophyOutlined,
  LineChartOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  EditOutlined,
  FileTextOutlined,
  HomeOutlined,
  ScheduleOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  SwapOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '@baton/contract/accounts';
import type { Me } from '@baton/contract/auth';
import { changeLanguage, currentLanguage, type Language } from '../../shared/language';
import { logout, useCurrentMe } from '../../modules/auth/auth.api';
import { NotificationBell } from '../../modules/notifications/components/NotificationBell';
import { EntryDrawer } from '../../modules/worklogs/components/EntryDrawer';
import { useIsMobile } from '../../shared/hooks/useIsMobile';
import { activeNavKey, navItemsFor, type NavKey } from '../navigation';
import { Brand } from './Brand';

const ROLE_WEIGHT: Role[] = ['admin', 'auditor', 'leader', 'member'];

const ICONS: Record<NavKey, ReactNode> = {
  home: <HomeOutlined />,
  worklog: <EditOutlined />,
  worklogCalendar: <CalendarOutlined />,
  feed: <CommentOutlined />,
  summary: <FileTextOutlined />,
  worklogStats: <BarChartOutlined />,
  workCalendar: <ScheduleOutlined />,
  me: <IdcardOutlined />,
  myPoints: <LineChartOutlined />,
  rankings: <TrophyOutlined />,
  redBlack: <FlagOutlined />,
  periods: <SolutionOutlined />,
  reportCard: <FileDoneOutlined />,
  appeals: <FileSearchOutlined />,
  resultLists: <AlertOutlined />,
  schemes: <ReconciliationOutlined />,
  pointEvents: <ProfileOutlined />,
  pointRules: <OrderedListOutlined />,
  pointImport: <CloudUploadOutlined />,
  org: <ApartmentOutlined />,
  people: <TeamOutlined />,
  imports: <SwapOutlined />,
  accounts: <KeyOutlined />,
  audit: <AuditOutlined />,
};

/** "管理员", or "领导 · 金沙街道" — the caller's roles for the header. */
export function useRoleLabels(me: Me): string[] {
  const { t } = useTranslation();
  return me.roles.map((r) => (r.unitName ? `${t(`roles.${r.role}`)} · ${r.unitName}` : t(`roles.${r.role}`)));
}

function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en-US' ? 'en-US' : currentLanguage();
  return (
    <Segmented<Language>
      size="small"
      value={language}
      aria-label="language"
      options={[
        { label: compact ? '中' : '中文', value: 'zh-CN' },
        { label: compact ? 'EN' : 'English', value: 'en-US' },
      ]}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const roleLabels = useRoleLabels(me);
  // The header shows the caller's weightiest role (a leader is also a member).
  const mainRole = [...me.roles].sort((a, b) => ROLE_WEIGHT.indexOf(a.role) - ROLE_WEIGHT.indexOf(b.role))[0];

  const items = navItemsFor(me);
  const selected = activeNavKey(location.pathname, items);
  const displayName = me.person?.name ?? me.account.username;
  const forcedPasswordChange = me.account.mustChangePassword;

  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.key,
    icon: ICONS[item.key],
    label: t(`nav.${item.label ?? item.key}`),
    disabled: forcedPasswordChange,
  }));

  const go = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (item) navigate(item.path);
    setDrawerOpen(false);
  };

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // the session may already be gone; signing out locally is what the user asked for
    }
    queryClient.clear();
    navigate('/sign-in', { replace: true });
    message.success(t('auth.signedOut'));
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <div className="user-menu-who">
            <div className="user-menu-name">{displayName}</div>
            <div className="user-menu-meta">{me.account.username}</div>
            {roleLabels.map((label) => (
              <div key={label} className="user-menu-meta">
                {label}
              </div>
            ))}
          </div>
        ),
      },
      { type: 'divider' },
      ...(isMobile
        ? [
            {
              key: 'language',
              icon: <TranslationOutlined />,
              label: currentLanguage() === 'zh-CN' ? 'English' : '中文',
            },
          ]
        : []),
      { key: 'password', icon: <LockOutlined />, label: t('nav.changePassword') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.signOut'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/change-password');
      if (key === 'logout') void signOut();
      if (key === 'language') void changeLanguage(currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN');
    },
  };

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={menuItems}
      onClick={({ key }) => go(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={248}
          closable={false}
          styles={{ body: { padding: 0, background: '#15325f' }, header: { display: 'none' } }}
        >
          <div className="sider-brand">
            <Brand />
          </div>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div className="sider-brand">
            <Brand compact={collapsed} />
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            {isMobile ? (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.openMenu')}
                  onClick={() => setDrawerOpen(true)}
                  data-testid="nav-toggle"
                />
                <Brand dark={false} />
              </>
            ) : (
              <Typography.Text type="secondary" ellipsis className="header-unit">
                {me.person?.unitName ?? t('app.tagline')}
              </Typography.Text>
            )}
          </Flex>
          <Flex align="center" gap={isMobile ? 8 : 16}>
            {isMobile ? null : <LanguageSwitch />}
            {forcedPasswordChange ? null : <NotificationBell />}
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" className="header-user" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e8c' }} />
                {isMobile ? null : (
                  <>
                    <span className="header-user-name">{displayName}</span>
                    {mainRole ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t(`roles.${mainRole.role}`)}</Tag> : null}
                  </>
                )}
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
          {forcedPasswordChange ? null : <EntryDrawer />}
        </Layout.Content>
        <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
