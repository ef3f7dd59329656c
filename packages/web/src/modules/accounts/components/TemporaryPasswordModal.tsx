import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The temporary password is shown once: the server keeps only its hash. */
export function TemporaryPasswordModal({ value, username, onClose }: { value: string | null; username: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={t('accounts.tempPasswordTitle', { username })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('accounts.tempPasswordDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('accounts.tempPasswordOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: value ?? '' }}
        className="mono"
        style={{ fontSize: 20, textAlign: 'center', padding: 12, background: '#f5f7fa', borderRadius: 6 }}
        data-testid="temporary-password"
      >
        {value}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('accounts.tempPasswordNext')}</Typography.Text>
    </Modal>
  );
}
