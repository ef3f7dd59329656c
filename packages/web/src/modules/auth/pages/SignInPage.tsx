import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError } from '../../../api/client';
import { changeLanguage, currentLanguage, type Language } from '../../../shared/language';
import { errorText } from '../../../shared/errors';
import { Brand } from '../../../app/layout/Brand';
import { phoneLandingPath } from '../../../app/navigation';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { login, meQueryKey } from '../auth.api';

interface SignInForm {
  username: string;
  password: string;
}

/** `next` must be a path inside the app, never another origin. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/;

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const isMobile = useIsMobile();

  const signIn = useMutation({
    mutationFn: (values: SignInForm) => login(values.username.trim(), values.password),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      // without a page to return to, a member on his phone starts on his work log
      const target = params.get('next') ? safeNext(params.get('next')) : isMobile ? phoneLandingPath(me) : '/';
      navigate(me.account.mustChangePassword ? '/change-password' : target, { replace: true });
    },
  });

  const errorMessage = (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === 'auth.invalid_credentials') return t('auth.invalidCredentials');
      if (error.code === 'auth.rate_limited') return t('auth.rateLimited');
      if (error.code === 'auth.locked') {
        const until = error.message.match(ISO_INSTANT)?.[0];
        return until
          ? t('auth.lockedUntil', { until: dayjs(until).format('YYYY-MM-DD HH:mm') })
          : t('auth.locked', { message: error.message });
      }
    }
    return errorText(t, error);
  };

  return (
    <div className="sign-in-page">
      <div className="sign-in-aside">
        <div>
          <Brand />
          <h1>{t('auth.heroTitle')}</h1>
          <p>{t('auth.heroText')}</p>
          <ul>
            <li>{t('auth.heroPoint1')}</li>
            <li>{t('auth.heroPoint2')}</li>
            <li>{t('auth.heroPoint3')}</li>
          </ul>
        </div>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.45)', fontSize: 12 }}>{t('app.footer')}</Typography.Text>
      </div>
      <div className="sign-in-main" style={{ position: 'relative' }}>
        <div className="sign-in-lang">
          <Segmented<Language>
            size="small"
            value={language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en-US' },
            ]}
            onChange={(value) => {
              setLanguage(value);
              void changeLanguage(value);
            }}
          />
        </div>
        <Card className="sign-in-card" variant="borderless" style={{ boxShadow: '0 6px 24px rgba(21,50,95,0.08)' }}>
          <Flex vertical gap={4} style={{ marginBottom: 24 }}>
            <div className="sign-in-mobile-brand">
              <Brand dark={false} />
            </div>
            <Typography.Title level={3} style={{ margin: '16px 0 0' }}>
              {t('auth.signInTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('auth.signInSubtitle')}</Typography.Text>
          </Flex>
          {signIn.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(signIn.error)}
              style={{ marginBottom: 16 }}
              data-testid="sign-in-error"
            />
          ) : null}
          <Form<SignInForm>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => signIn.mutate(values)}
            key={i18n.language}
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
              {t('auth.signIn')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
            {t('auth.signInHelp')}
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
