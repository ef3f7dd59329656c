import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Post, PostType } from '@baton/contract/org';
import { errorText } from '../../../shared/errors';
import { useCreatePost, useCreatePostType, usePosts, usePostTypes } from '../org.api';

interface PostForm {
  code: string;
  name: string;
  postTypeId: number;
}

/** 岗位 and 岗位类别: each post carries its own indicator set later on (因岗定标). */
export function PostsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const postTypes = usePostTypes();
  const posts = usePosts();
  const createType = useCreatePostType();
  const createPost = useCreatePost();
  const [dialog, setDialog] = useState<'type' | 'post' | null>(null);
  const [typeForm] = Form.useForm<{ code: string; name: string }>();
  const [postForm] = Form.useForm<PostForm>();

  const open = (which: 'type' | 'post') => {
    createType.reset();
    createPost.reset();
    typeForm.resetFields();
    postForm.resetFields();
    setDialog(which);
  };

  const saveType = async (values: { code: string; name: string }) => {
    await createType.mutateAsync({ code: values.code.trim(), name: values.name.trim() });
    message.success(t('common.saved'));
    setDialog(null);
  };
  const savePost = async (values: PostForm) => {
    await createPost.mutateAsync({ code: values.code.trim(), name: values.name.trim(), postTypeId: values.postTypeId });
    message.success(t('common.saved'));
    setDialog(null);
  };
  const activeMutation = dialog === 'type' ? createType : createPost;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card
          title={t('org.postTypes')}
          size="small"
          extra={
            canManage ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => open('type')}>
                {t('common.create')}
              </Button>
            ) : null
          }
        >
          {postTypes.isError ? <Alert type="error" showIcon title={errorText(t, postTypes.error)} /> : null}
          <Table<PostType>
            rowKey={(p) => String(p.id)}
            size="small"
            loading={postTypes.isLoading}
            dataSource={postTypes.data ?? []}
            pagination={false}
            columns={[
              { key: 'code', title: t('org.code'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
              { key: 'name', title: t('org.postTypeName'), dataIndex: 'name' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card
          title={t('org.posts')}
          size="small"
          extra={
            canManage ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => open('post')} disabled={(postTypes.data ?? []).length === 0}>
                {t('common.create')}
              </Button>
            ) : null
          }
        >
          {posts.isError ? <Alert type="error" showIcon title={errorText(t, posts.error)} /> : null}
          <Table<Post>
            rowKey={(p) => String(p.id)}
            size="small"
            loading={posts.isLoading}
            dataSource={posts.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'code', title: t('org.code'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
              { key: 'name', title: t('org.postName'), dataIndex: 'name' },
              { key: 'type', title: t('org.postType'), dataIndex: 'postTypeName' },
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={dialog !== null}
        title={dialog === 'type' ? t('org.createPostType') : t('org.createPost')}
        onCancel={() => setDialog(null)}
        onOk={() => (dialog === 'type' ? typeForm.submit() : postForm.submit())}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={activeMutation.isPending}
        forceRender
      >
        {activeMutation.isError ? (
          <Alert type="error" showIcon title={errorText(t, activeMutation.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <div style={{ display: dialog === 'type' ? 'block' : 'none' }}>
          <Form form={typeForm} layout="vertical" onFinish={(v) => void saveType(v).catch(() => undefined)}>
            <Form.Item name="code" label={t('org.code')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="name" label={t('org.postTypeName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Form>
        </div>
        <div style={{ display: dialog === 'post' ? 'block' : 'none' }}>
          <Form<PostForm> form={postForm} layout="vertical" onFinish={(v) => void savePost(v).catch(() => undefined)}>
            <Form.Item name="code" label={t('org.code')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="name" label={t('org.postName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="postTypeId" label={t('org.postType')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={(postTypes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </Row>
  );
}
