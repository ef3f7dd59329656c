import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Table } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category, CreateCategoryBody } from '@baton/contract/org';
import { errorText } from '../../../shared/errors';
import { dash } from '../../../shared/format';
import { useCategories, useSaveCategory } from '../org.api';

/** 单位分类: the categories that give units different indicator weights (DESIGN §1, 分类考核). */
export function CategoriesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = useCategories();
  const save = useSaveCategory();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [form] = Form.useForm<CreateCategoryBody>();

  const openEditor = (category: Category | 'new') => {
    save.reset();
    form.resetFields();
    if (category !== 'new') {
      form.setFieldsValue({
        code: category.code,
        name: category.name,
        description: category.description ?? '',
        sort: category.sort,
      });
    } else {
      form.setFieldsValue({ sort: 0 });
    }
    setEditing(category);
  };

  const submit = async (values: CreateCategoryBody) => {
    await save.mutateAsync({
      id: editing === 'new' || editing === null ? null : editing.id,
      input: {
        code: values.code.trim(),
        name: values.name.trim(),
        description: values.description?.trim() || undefined,
        sort: values.sort ?? 0,
      },
    });
    message.success(t('common.saved'));
    setEditing(null);
  };

  return (
    <>
      {canManage ? (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')}>
            {t('org.createCategory')}
          </Button>
        </div>
      ) : null}
      {categories.isError ? <Alert type="error" showIcon title={errorText(t, categories.error)} /> : null}
      <Table<Category>
        rowKey={(c) => String(c.id)}
        size="middle"
        loading={categories.isLoading}
        dataSource={categories.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'code', title: t('org.code'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
          { key: 'name', title: t('org.categoryName'), dataIndex: 'name' },
          { key: 'description', title: t('org.description'), dataIndex: 'description', render: (v: string | null) => dash(v) },
          { key: 'sort', title: t('org.sort'), dataIndex: 'sort', width: 80 },
          { key: 'unitCount', title: t('org.unitCount'), dataIndex: 'unitCount', width: 100 },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, c: Category) => (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openEditor(c)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('org.createCategory') : t('org.editCategory')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        {save.isError ? <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 12 }} /> : null}
        <Form<CreateCategoryBody> form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
          <Form.Item name="code" label={t('org.code')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="name" label={t('org.categoryName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('org.description')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="sort" label={t('org.sort')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
