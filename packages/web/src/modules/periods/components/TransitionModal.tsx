import { useState } from 'react';
import { Alert, App, Flex, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Period } from '@baton/contract/periods';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../shared/errors';
import { useTransitionPeriod } from '../periods.api';
import { nextPeriodState } from '@baton/engine';
import { PeriodStateFlow } from './PeriodStateTag';

/** A transition's refusal in words: our sentence for the codes of the periods API, then the server's own message. */
export function transitionErrorText(t: TFunction, error: unknown): { text: string; detail: string | null } {
  if (error instanceof ApiError) {
    const known: Record<string, string> = {
      'period.transition_invalid': t('periods.errors.transitionInvalid'),
      'period.publicity_running': t('periods.errors.publicityRunning'),
      'period.closed': t('periods.errors.periodClosed'),
    };
    const text = known[error.code];
    if (text) return { text, detail: error.message };
  }
  return { text: errorText(t, error), detail: null };
}

interface TransitionModalProps {
  period: Period | null;
  onClose: () => void;
}

/** "推进到下一阶段": says what the next state does before the admin confirms (POST /api/periods/:id/transition). */
export function TransitionModal({ period, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransitionPeriod();
  const [reason, setReason] = useState('');
  const next = period ? nextPeriodState(period.state) : null;

  const close = () => {
    setReason('');
    transition.reset();
    onClose();
  };

  const submit = () => {
    if (!period || !next) return;
    transition.mutate(
      { id: period.id, to: next, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('periods.page.transitioned', { state: t(`periods.state.${next}`) }));
          close();
        },
      },
    );
  };

  const failure = transition.isError ? transitionErrorText(t, transition.error) : null;
  return (
    <Modal
      open={period !== null && next !== null}
      title={period && next ? t('periods.page.advanceTitle', { name: period.name, state: t(`periods.state.${next}`) }) : null}
      onCancel={close}
      onOk={submit}
      okText={next ? t('periods.page.advanceTo', { state: t(`periods.state.${next}`) }) : undefined}
      okButtonProps={{ loading: transition.isPending, 'data-testid': 'transition-confirm' } as never}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="transition-modal"
    >
      {period && next ? (
        <Flex vertical gap={12}>
          <PeriodStateFlow current={next} />
          <Typography.Paragraph style={{ margin: 0 }}>
            {t(`periods.page.advanceExplain.${next as 'open' | 'reviewing' | 'publicity' | 'closed'}`, { days: period.publicityDays })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('periods.page.irreversible')}</Typography.Text>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('periods.page.reason')}
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={2000}
          />
          {failure ? <Alert type="error" showIcon title={failure.text} description={failure.detail ?? undefined} data-testid="transition-error" /> : null}
        </Flex>
      ) : null}
    </Modal>
  );
}
