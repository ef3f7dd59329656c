import { useEffect } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitType } from '@baton/contract/org';
import { UNIT_TYPES } from '@baton/contract/vocabulary';
import { errorText, fieldErrorsOf } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useCategories, useCreateUnit, useUpdateUnit } from '../org.api';
import { UnitTreeSelect } from './UnitTreeSelect';

export type UnitDrawerState =
  | { mode: 'closed' }
  | { mode: 'create'; parent: Unit | null }
  | { mode: 'edit'; unit: Unit };

interface UnitFormValues {
  code: string;
  name: string;
  type: UnitType;
  parentId: number | null;
  categoryId: number | null;
  sort: number;
  active: boolean;
  reason?: string;
}

/** Create a unit, or edit one (name, type, parent, category, sort, active) with a reason for the audit log. */
export function UnitFormDrawer({ state, onClose, onSaved }: { state: UnitDrawerState; onClose: () => void; onSaved: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<UnitFormValues>();
  const categories = useCategories();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = state.mode === 'edit' ? update : create;

  useEffect(() => {
    create.reset();
    update.reset();
    form.resetFields();
    if (state.mode === 'edit') {
      const u = state.unit;
      form.setFieldsValue({
        code: u.code,
        name: u.name,
        type: u.type,
        parentId: u.parentId,
        categoryId: u.categoryId,
        sort: u.sort,
        active: u.active,
        reason: '',
      });
    } else if (state.mode === 'create') {
      form.setFieldsValue({
        parentId: state.parent?.id ?? null,
        categoryId: state.parent?.categoryId ?? null,
        type: state.parent ? 'section' : 'district',
        sort: 0,
        active: true,
      });
    }
  }, [state]);

  const submit = async (values: UnitFormValues) => {
    try {
      let saved: Unit;
      if (state.mode === 'edit') {
        saved = await update.mutateAsync({
          id: state.unit.id,
          patch: {
            name: values.name.trim(),
            type: values.type,
            parentId: values.parentId,
            categoryId: values.categoryId,
            sort: values.sort,
            active: values.active,
            reason: values.reason?.trim() || undefined,
          },
        });
      } else {
        saved = await create.mutateAsync({
          code: values.code.trim(),
          name: values.name.trim(),
          type: values.type,
          parentId: values.parentId,
          categoryId: values.categoryId ?? undefined,
          sort: values.sort,
        });
      }
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      form.setFields(fieldErrorsOf(error) as never);
    }
  };

  const open = state.mode !== 'closed';
  return (
    <Drawer
      title={state.mode === 'edit' ? t('org.editUnit', { name: state.unit.name }) : t('org.createUnit')}
      open={open}
      onClose={onClose}
      size={isMobile ? '100%' : 480}
      destroyOnHidden={false}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="save-unit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {mutation.isError ? <Alert type="error" showIcon title={errorText(t, mutation.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<UnitFormValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="code" label={t('org.code')} rules={[{ required: true, message: t('common.required') }]}>
          <Input disabled={state.mode === 'edit'} maxLength={64} />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t('org.type')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={UNIT_TYPES.map((type) => ({ value: type, label: t(`org.unitTypes.${type}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.parent')} extra={t('org.parentHint')}>
          <UnitTreeSelect excludeSubtreeOf={state.mode === 'edit' ? state.unit.id : null} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('org.category')}>
          <Select
            allowClear
            loading={categories.isLoading}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('org.noCategory')}
          />
        </Form.Item>
        <Form.Item name="sort" label={t('org.sort')}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        {state.mode === 'edit' ? (
          <>
            <Form.Item name="active" label={t('org.activeLabel')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="reason" label={t('common.reason')} extra={t('common.reasonHint')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Drawer>
  );
}
