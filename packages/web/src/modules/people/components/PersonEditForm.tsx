import { useEffect } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonDetail, PersonStatus, UpdatePersonBody } from '@baton/contract/people';
import type { Gender } from '@baton/contract/people';
import { errorText } from '../../../shared/errors';
import { usePosts } from '../../org/org.api';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { useUpdatePerson } from '../people.api';
import { GENDERS, PHONE_PATTERN } from '../people.rules';

interface EditValues {
  name: string;
  gender: string | null;
  unitId: number;
  postId: number | null;
  rank: string;
  phone: string;
  status: PersonStatus;
  effectiveFrom: Dayjs | null;
  reason: string;
}

const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/**
 * Edits a person. A change of unit, post or rank closes the current assignment and opens
 * a new one (api-contract PATCH /api/people/:id), so it asks for the effective date and a reason.
 */
export function PersonEditForm({ person, onSaved }: { person: PersonDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const posts = usePosts();
  const update = useUpdatePerson();

  // A change may not take effect before the current assignment began (the server refuses it).
  const currentStart = person.assignments.find((a) => a.validTo === null)?.validFrom ?? null;
  const earliest = currentStart && dayjs(currentStart).isAfter(dayjs(), 'day') ? dayjs(currentStart) : dayjs();

  useEffect(() => {
    form.setFieldsValue({
      name: person.name,
      gender: person.gender,
      unitId: person.unitId,
      postId: person.postId,
      rank: person.rank ?? '',
      phone: person.phone ?? '',
      status: person.status,
      effectiveFrom: earliest,
      reason: '',
    });
  }, [person, form]);

  const unitId = Form.useWatch('unitId', form);
  const postId = Form.useWatch('postId', form);
  const rank = Form.useWatch('rank', form);
  const assignmentChanged =
    (unitId !== undefined && String(unitId) !== String(person.unitId)) ||
    (postId !== undefined && String(postId ?? '') !== String(person.postId ?? '')) ||
    (rank !== undefined && (blankToNull(rank) ?? '') !== (person.rank ?? ''));

  const submit = async (values: EditValues) => {
    const patch: UpdatePersonBody = {};
    if (values.name.trim() !== person.name) patch.name = values.name.trim();
    // The select offers GENDERS only; anything else is the stored value, unchanged and not sent.
    if ((values.gender ?? null) !== (person.gender ?? null)) patch.gender = (values.gender ?? null) as Gender | null;
    if (String(values.unitId) !== String(person.unitId)) patch.unitId = values.unitId;
    if (String(values.postId ?? '') !== String(person.postId ?? '')) patch.postId = values.postId ?? null;
    if (blankToNull(values.rank) !== (person.rank ?? null)) patch.rank = blankToNull(values.rank);
    if (blankToNull(values.phone) !== (person.phone ?? null)) patch.phone = blankToNull(values.phone);
    if (values.status !== person.status) patch.status = values.status;
    if (Object.keys(patch).length === 0) {
      message.info(t('common.noChanges'));
      return;
    }
    if (assignmentChanged && values.effectiveFrom) patch.effectiveFrom = values.effectiveFrom.format('YYYY-MM-DD');
    if (values.reason.trim()) patch.reason = values.reason.trim();
    try {
      await update.mutateAsync({ id: person.id, patch });
      message.success(t('common.saved'));
      onSaved();
    } catch {
      // shown in the Alert above the form
    }
  };

  return (
    <>
      {update.isError ? <Alert type="error" showIcon title={errorText(t, update.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<EditValues> form={form} layout="vertical" onFinish={submit} data-testid="person-edit-form">
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`people.genders.${g}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="postId" label={t('people.post')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={posts.isLoading}
            options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.postTypeName}）` }))}
          />
        </Form.Item>
        <Form.Item name="rank" label={t('people.rank')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('people.phoneInvalid') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="status" label={t('people.status')}>
          <Select
            options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`people.statuses.${s}`) }))}
          />
        </Form.Item>
        {assignmentChanged ? (
          <Alert type="info" showIcon title={t('people.assignmentChangeHint')} style={{ marginBottom: 16 }} />
        ) : null}
        {assignmentChanged ? (
          <Form.Item name="effectiveFrom" label={t('people.effectiveFrom')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => (currentStart ? d.isBefore(dayjs(currentStart), 'day') : false)}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={assignmentChanged ? [{ required: true, whitespace: true, message: t('people.reasonRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="save-person">
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
