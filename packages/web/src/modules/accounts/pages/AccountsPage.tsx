import { useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Empty, Flex, Form, Input, Modal, Spin, Table, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { EllipsisOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Account } from '@baton/contract/accounts';
import { CursorPager } from '../../../shared/components/CursorPager';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useCurrentMe } from '../../auth/auth.api';
import { useAccountsPage, useResetPassword, useUpdateAccount } from '../accounts.api';
import { AccountFormModal, type AccountDialog } from '../components/AccountFormModal';
import { TemporaryPasswordModal } from '../components/TemporaryPasswordModal';

const PAGE_SIZE = 50;

function AccountState({ account }: { account: Account }) {
  const { t } = useTranslation();
  const locked = account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > Date.now();
  return (
    <Flex gap={4} wrap>
      {account.disabled ? <Tag color="default">{t('accounts.disabled')}</Tag> : <Tag color="green">{t('accounts.enabled')}</Tag>}
      {locked ? <Tag color="red" title={formatDateTime(account.lockedUntil)}>{t('accounts.locked')}</Tag> : null}
      {account.mustChangePassword ? <Tag color="orange">{t('accounts.mustChange')}</Tag> : null}
    </Flex>
  );
}

function RoleTags({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {account.roles.map((r, i) => (
        <Tag key={`${r.role}-${i}`} color={r.role === 'admin' ? 'red' : r.role === 'auditor' ? 'purple' : r.role === 'leader' ? 'blue' : 'default'}>
          {t(`roles.${r.role}`)}
          {r.unitName ? ` · ${r.unitName}` : ''}
        </Tag>
      ))}
    </Flex>
  );
}

export default function AccountsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const pages = useCursorStack(q);
  const list = useAccountsPage(q, pages.cursor, PAGE_SIZE);
  const update = useUpdateAccount();
  const reset = useResetPassword();
  const [dialog, setDialog] = useState<AccountDialog>({ mode: 'closed' });
  const [tempPassword, setTempPassword] = useState<{ username: string; value: string } | null>(null);
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const [resetForm] = Form.useForm<{ reason?: string }>();

  const toggleDisabled = (account: Account) => {
    const disabling = !account.disabled;
    modal.confirm({
      title: disabling ? t('accounts.confirmDisable', { username: account.username }) : t('accounts.confirmEnable', { username: account.username }),
      content: disabling ? t('accounts.disableText') : undefined,
      okText: disabling ? t('accounts.disable') : t('accounts.enable'),
      okButtonProps: { danger: disabling },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await update.mutateAsync({ id: account.id, patch: { disabled: disabling } });
          message.success(t('common.saved'));
        } catch (error) {
          message.error(errorText(t, error));
        }
      },
    });
  };

  const doReset = async (values: { reason?: string }) => {
    if (!resetFor) return;
    try {
      const result = await reset.mutateAsync({ id: resetFor.id, reason: values.reason?.trim() || undefined });
      setTempPassword({ username: resetFor.username, value: result.temporaryPassword });
      setResetFor(null);
    } catch {
      // shown in the Alert
    }
  };

  const actionsOf = (account: Account): MenuProps['items'] => {
    const self = String(account.id) === String(me.account.id);
    return [
      { key: 'roles', label: t('accounts.editRoles') },
      { key: 'reset', label: t('accounts.resetPassword') },
      { type: 'divider' },
      { key: 'toggle', label: account.disabled ? t('accounts.enable') : t('accounts.disable'), danger: !account.disabled, disabled: self },
    ];
  };
  const onAction = (account: Account, key: string) => {
    if (key === 'roles') setDialog({ mode: 'roles', account });
    if (key === 'reset') {
      reset.reset();
      resetForm.resetFields();
      setResetFor(account);
    }
    if (key === 'toggle') toggleDisabled(account);
  };
  const actionsButton = (account: Account) => (
    <Dropdown menu={{ items: actionsOf(account), onClick: ({ key }) => onAction(account, key) }} trigger={['click']}>
      <Button size="small" icon={<EllipsisOutlined />} onClick={(e) => e.stopPropagation()} aria-label={t('common.actions')} />
    </Dropdown>
  );

  const accounts = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('nav.accounts')}
        subtitle={t('accounts.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('accounts.create')}
          </Button>
        }
      />
      <div className="panel">
        <Flex className="filter-bar" gap={8} wrap>
          <Input.Search allowClear placeholder={t('accounts.searchPlaceholder')} onSearch={(v) => setQ(v.trim())} style={{ width: isMobile ? '100%' : 300 }} enterButton />
        </Flex>
        {list.isError ? <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <div className="mobile-card-list">
            {list.isLoading ? <Spin /> : null}
            {!list.isLoading && accounts.length === 0 ? <Empty /> : null}
            {accounts.map((a) => (
              <Card key={String(a.id)} size="small" className="mobile-card">
                <Flex justify="space-between" align="center" gap={8}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong className="mono">{a.username}</Typography.Text>
                    <Typography.Text type="secondary"> {a.personName ?? ''}</Typography.Text>
                  </div>
                  {actionsButton(a)}
                </Flex>
                <div style={{ marginTop: 6 }}><RoleTags account={a} /></div>
                <div style={{ marginTop: 6 }}><AccountState account={a} /></div>
              </Card>
            ))}
          </div>
        ) : (
          <Table<Account>
            rowKey={(a) => String(a.id)}
            size="middle"
            loading={list.isFetching}
            dataSource={accounts}
            pagination={false}
            scroll={{ x: 820 }}
            columns={[
              { key: 'username', title: t('accounts.username'), dataIndex: 'username', width: 160, render: (v: string) => <span className="mono">{v}</span> },
              { key: 'person', title: t('accounts.person'), dataIndex: 'personName', width: 120, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('accounts.noPerson')}</Typography.Text> },
              { key: 'roles', title: t('accounts.roles'), render: (_: unknown, a: Account) => <RoleTags account={a} /> },
              { key: 'state', title: t('accounts.state'), width: 240, render: (_: unknown, a: Account) => <AccountState account={a} /> },
              { key: 'actions', title: t('common.actions'), width: 80, fixed: 'right', render: (_: unknown, a: Account) => actionsButton(a) },
            ]}
          />
        )}
        <CursorPager
          pageNumber={pages.pageNumber}
          hasPrevious={pages.hasPrevious}
          nextCursor={list.data?.nextCursor}
          busy={list.isFetching}
          onPrevious={pages.previous}
          onNext={pages.next}
        />
      </div>
      <AccountFormModal
        dialog={dialog}
        onClose={() => setDialog({ mode: 'closed' })}
        onCreated={(username, temporaryPassword) => {
          setDialog({ mode: 'closed' });
          if (temporaryPassword) setTempPassword({ username, value: temporaryPassword });
        }}
      />
      <Modal
        open={resetFor !== null}
        title={t('accounts.resetPasswordOf', { username: resetFor?.username ?? '' })}
        onCancel={() => setResetFor(null)}
        onOk={() => resetForm.submit()}
        okText={t('accounts.resetPassword')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={reset.isPending}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('accounts.resetText')}</Typography.Paragraph>
        {reset.isError ? <Alert type="error" showIcon title={errorText(t, reset.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={resetForm} layout="vertical" onFinish={doReset}>
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <TemporaryPasswordModal value={tempPassword?.value ?? null} username={tempPassword?.username ?? ''} onClose={() => setTempPassword(null)} />
    </>
  );
}
