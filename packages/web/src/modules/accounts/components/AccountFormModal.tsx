import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, RoleInput } from '@baton/contract/accounts';
import { errorText } from '../../../shared/errors';
import { usePeopleSearch } from '../../people/people.api';
import { useCreateAccount, useUpdateAccount } from '../accounts.api';
import { RoleListField } from './RoleListField';

export type AccountDialog = { mode: 'closed' } | { mode: 'create' } | { mode: 'roles'; account: Account };

interface AccountValues {
  username: string;
  personId?: number;
  password?: string;
  roles: RoleInput[];
  reason?: string;
}

const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]+$/;

function cleanRoles(roles: RoleInput[]): RoleInput[] {
  return roles.map((r) => (r.role === 'leader' ? { role: r.role, unitId: r.unitId ?? null } : { role: r.role }));
}

/** Create an account for a person (with roles), or change an account's roles. */
export function AccountFormModal({
  dialog,
  onClose,
  onCreated,
}: {
  dialog: AccountDialog;
  onClose: () => void;
  onCreated: (username: string, temporaryPassword: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountValues>();
  const [personQuery, setPersonQuery] = useState('');
  const people = usePeopleSearch(personQuery, dialog.mode === 'create');
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const mutation = dialog.mode === 'roles' ? update : create;

  useEffect(() => {
    create.reset();
    update.reset();
    form.resetFields();
    setPersonQuery('');
    if (dialog.mode === 'roles') {
      form.setFieldsValue({ roles: dialog.account.roles.map((r) => ({ role: r.role, unitId: r.unitId })) });
    } else if (dialog.mode === 'create') {
      form.setFieldsValue({ roles: [{ role: 'member' }] });
    }
  }, [dialog]);

  const submit = async (values: AccountValues) => {
    try {
      if (dialog.mode === 'roles') {
        await update.mutateAsync({
          id: dialog.account.id,
          patch: { roles: cleanRoles(values.roles), reason: values.reason?.trim() || undefined },
        });
        message.success(t('common.saved'));
        onClose();
      } else {
        const result = await create.mutateAsync({
          username: values.username.trim(),
          personId: values.personId,
          roles: cleanRoles(values.roles),
          password: values.password || undefined,
        });
        message.success(t('common.saved'));
        onCreated(result.account.username, result.temporaryPassword);
      }
    } catch {
      // shown in the Alert
    }
  };

  const personOptions = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} · ${p.employeeNo} · ${p.unitName}${p.username ? ` (${p.username})` : ''}`,
    disabled: p.username !== null,
  }));

  return (
    <Modal
      open={dialog.mode !== 'closed'}
      title={dialog.mode === 'roles' ? t('accounts.editRolesOf', { username: dialog.account.username }) : t('accounts.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      forceRender
      width={560}
    >
      {mutation.isError ? <Alert type="error" showIcon title={errorText(t, mutation.error)} style={{ marginBottom: 12 }} /> : null}
      <Form<AccountValues> form={form} layout="vertical" onFinish={submit}>
        {dialog.mode === 'create' ? (
          <>
            <Form.Item name="personId" label={t('accounts.person')} extra={t('accounts.personHint')}>
              <Select
                allowClear
                showSearch={{ filterOption: false, onSearch: setPersonQuery }}
                options={personOptions}
                loading={people.isFetching}
                placeholder={t('accounts.personPlaceholder')}
                notFoundContent={null}
                onChange={(id: number | undefined) => {
                  // Suggest the employee number as the username; the admin may change it.
                  const person = people.data?.items.find((p) => p.id === id);
                  if (person && !form.getFieldValue('username')) form.setFieldsValue({ username: person.employeeNo.toLowerCase() });
                }}
              />
            </Form.Item>
            <Form.Item
              name="username"
              label={t('accounts.username')}
              rules={[
                { required: true, message: t('common.required') },
                { min: 2, message: t('accounts.usernameInvalid') },
                { pattern: USERNAME_PATTERN, message: t('accounts.usernameInvalid') },
              ]}
            >
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('accounts.initialPassword')}
              extra={t('accounts.initialPasswordHint')}
              rules={[{ min: 8, message: t('auth.changePassword.tooShort', { min: 8 }) }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('accounts.roles')} required>
          <RoleListField />
        </Form.Item>
        {dialog.mode === 'roles' ? (
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
