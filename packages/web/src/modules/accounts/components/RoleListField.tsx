import { Button, Flex, Form, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '@baton/contract/accounts';
import { ROLES } from '@baton/contract/vocabulary';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';

/**
 * Form.List of `{ role, unitId }`: a leader's role is bound to the unit whose subtree he
 * leads, so the unit picker appears (and is required) for that role only.
 */
export function RoleListField({ name = 'roles' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('accounts.rolesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap>
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0, width: 130 }}>
                <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} placeholder={t('accounts.role')} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const role = form.getFieldValue([name, field.name, 'role']) as Role | undefined;
                  return role === 'leader' ? (
                    <Form.Item
                      name={[field.name, 'unitId']}
                      rules={[{ required: true, message: t('accounts.leaderUnitRequired') }]}
                      style={{ marginBottom: 0, flex: '1 1 180px', minWidth: 0 }}
                    >
                      <UnitTreeSelect placeholder={t('accounts.leaderUnit')} style={{ width: '100%' }} />
                    </Form.Item>
                  ) : null;
                }}
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })} style={{ alignSelf: 'flex-start' }}>
            {t('accounts.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}
