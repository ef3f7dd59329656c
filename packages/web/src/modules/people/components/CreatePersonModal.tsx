import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@baton/contract/people';
import type { Gender } from '@baton/contract/people';
import { errorText } from '../../../shared/errors';
import { usePosts } from '../../org/org.api';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { useCreatePerson } from '../people.api';
import { EMPLOYEE_NO_PATTERN, GENDERS, PHONE_PATTERN } from '../people.rules';

interface CreateValues {
  employeeNo: string;
  name: string;
  gender?: Gender;
  unitId: number;
  postId?: number;
  rank?: string;
  phone?: string;
}

export function CreatePersonModal({
  open,
  defaultUnitId,
  onClose,
  onCreated,
}: {
  open: boolean;
  defaultUnitId: number | null;
  onClose: () => void;
  onCreated: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const posts = usePosts();
  const create = useCreatePerson();

  // Reset as the dialog opens (not after its animation, which would wipe what a quick hand already typed).
  useEffect(() => {
    if (!open) return;
    create.reset();
    form.resetFields();
    if (defaultUnitId !== null) form.setFieldsValue({ unitId: defaultUnitId });
  }, [open]);

  const submit = async (values: CreateValues) => {
    try {
      const person = await create.mutateAsync({
        employeeNo: values.employeeNo.trim(),
        name: values.name.trim(),
        gender: values.gender || undefined,
        unitId: values.unitId,
        postId: values.postId ?? undefined,
        rank: values.rank?.trim() || undefined,
        phone: values.phone?.trim() || undefined,
      });
      message.success(t('common.saved'));
      form.resetFields();
      onCreated(person);
    } catch {
      // shown in the Alert
    }
  };

  return (
    <Modal
      open={open}
      title={t('people.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      forceRender
    >
      {create.isError ? <Alert type="error" showIcon title={errorText(t, create.error)} style={{ marginBottom: 12 }} /> : null}
      <Form<CreateValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="employeeNo"
          label={t('people.employeeNo')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: EMPLOYEE_NO_PATTERN, message: t('people.employeeNoInvalid') },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`people.genders.${g}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="postId" label={t('people.post')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.postTypeName}）` }))}
          />
        </Form.Item>
        <Form.Item name="rank" label={t('people.rank')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('people.phoneInvalid') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
