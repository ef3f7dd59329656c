import { App, Button, Flex, Input, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PointEvent } from '@baton/contract/points';
import { errorText } from '../../../shared/errors';
import { useDecidePointEvent, useReversePointEvent } from '../points.api';
import { REASON_MAX } from '../points.model';

/**
 * 通过 / 驳回 / 冲正 — each shown only when the server's `can` allows it. Rejecting needs a note and
 * reversing a reason (both are audited); approving takes an optional note.
 */
export function DecisionButtons({ event, size = 'small', showReverse = true, onDone }: { event: PointEvent; size?: 'small' | 'middle'; showReverse?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const decide = useDecidePointEvent();
  const reverse = useReversePointEvent();

  const ask = (kind: 'approve' | 'reject' | 'reverse') => {
    let text = '';
    const required = kind !== 'approve';
    modal.confirm({
      title: t(`points.${kind}Title`, { name: event.subject.name, rule: event.rule.name }),
      icon: null,
      content: (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t(`points.${kind}Hint`)}</Typography.Text>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={REASON_MAX}
            placeholder={t(kind === 'reverse' ? 'points.reasonPlaceholder' : required ? 'points.rejectNotePlaceholder' : 'points.notePlaceholder')}
            onChange={(e) => (text = e.target.value)}
            data-testid={`${kind}-note`}
          />
        </Flex>
      ),
      okText: t(`points.${kind}`),
      okButtonProps: { danger: kind !== 'approve', 'data-testid': `${kind}-confirm` } as never,
      onOk: async () => {
        const note = text.trim();
        if (required && !note) {
          void message.warning(t(kind === 'reverse' ? 'points.reasonRequired' : 'points.rejectNoteRequired'));
          throw new Error('note required');
        }
        try {
          if (kind === 'reverse') await reverse.mutateAsync({ id: event.id, reason: note });
          else await decide.mutateAsync({ id: event.id, decision: kind, note: note || undefined });
          void message.success(t(`points.${kind}Done`));
          onDone?.();
        } catch (error) {
          void message.error(errorText(t, error));
          throw error;
        }
      },
    });
  };

  const buttons = [];
  if (event.can.approve)
    buttons.push(
      <Button key="approve" size={size} type="primary" icon={<CheckOutlined />} onClick={(e) => (e.stopPropagation(), ask('approve'))} data-testid="approve-event">
        {t('points.approve')}
      </Button>,
    );
  if (event.can.reject)
    buttons.push(
      <Button key="reject" size={size} danger icon={<CloseOutlined />} onClick={(e) => (e.stopPropagation(), ask('reject'))} data-testid="reject-event">
        {t('points.reject')}
      </Button>,
    );
  if (showReverse && event.can.reverse)
    buttons.push(
      <Button key="reverse" size={size} icon={<RollbackOutlined />} onClick={(e) => (e.stopPropagation(), ask('reverse'))} data-testid="reverse-event">
        {t('points.reverse')}
      </Button>,
    );
  if (buttons.length === 0) return null;
  return (
    <Flex gap={6} wrap onClick={(e) => e.stopPropagation()}>
      {buttons}
    </Flex>
  );
}
