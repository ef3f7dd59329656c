import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../shared/errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { phoneLandingPath } from '../../../app/navigation';
import { changePassword, meQueryKey, useCurrentMe } from '../auth.api';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const MIN_LENGTH = 8;

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const isMobile = useIsMobile();

  const change = useMutation({
    mutationFn: (values: PasswordForm) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: async () => {
      message.success(t('auth.changePassword.changed'));
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      // after a first sign-in's forced change, a member on his phone lands on his work log
      navigate(me.account.mustChangePassword && isMobile ? phoneLandingPath(me) : '/', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'auth.wrong_password')) {
        form.setFields([{ name: 'currentPassword', errors: [t('auth.changePassword.wrongCurrent')] }]);
      }
    },
  });

  return (
    <>
      <PageHeader title={t('auth.changePassword.title')} />
      <Card style={{ maxWidth: 480 }}>
        {me.account.mustChangePassword ? (
          <Alert type="warning" showIcon title={t('auth.changePassword.mustChange')} style={{ marginBottom: 16 }} />
        ) : null}
        {change.isError && !isApiError(change.error, 'auth.wrong_password') ? (
          <Alert type="error" showIcon title={errorText(t, change.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={(values) => change.mutate(values)}>
          <Form.Item
            name="currentPassword"
            label={t('auth.changePassword.current')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.changePassword.new')}
            extra={t('auth.changePassword.rule', { min: MIN_LENGTH })}
            rules={[
              { required: true, message: t('common.required') },
              { min: MIN_LENGTH, message: t('auth.changePassword.tooShort', { min: MIN_LENGTH }) },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error(t('auth.changePassword.sameAsOld')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.changePassword.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('auth.changePassword.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
