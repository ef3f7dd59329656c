import { useState } from 'react';
import { Alert, App, Checkbox, Flex, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/params';
import { errorText } from '../../../shared/errors';
import { PERIOD_PAGE_ERRORS } from '../../periods/periods.errors';
import { useDecideTie } from '../committee.api';

export interface TieToDecide {
  group: { key: string; name: string };
  grade: string;
  subjects: { id: number | string; name: string }[];
  /** Seats of the grade not taken now (the server checks the exact number). */
  freeSeats: number | null;
}

/**
 * The committee's decision on a block tied at a grade's quota line (issue 6): who of the block takes
 * the seats the tie left, and why. Nobody ticked records that the block stays in the lower grade.
 */
export function TieDecisionModal({ period, tie, onClose, underAppeal = false }: { period: Id; tie: TieToDecide; onClose: () => void; underAppeal?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideTie(period);
  const [chosen, setChosen] = useState<number[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const tooMany = tie.freeSeats !== null && chosen.length > tie.freeSeats;

  const submit = () => {
    setError(null);
    decide.mutate(
      { group: tie.group.key, grade: tie.grade, personIds: chosen, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('committee.saved'));
          onClose();
        },
        onError: (e) => setError(errorText(t, e, PERIOD_PAGE_ERRORS)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('committee.title', { grade: tie.grade, group: tie.group.name })}
      okText={t('committee.submit')}
      okButtonProps={{ disabled: reason.trim().length === 0 || tooMany, loading: decide.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('committee.explain', { grade: tie.grade })}
        </Typography.Paragraph>
        {underAppeal ? <Alert type="info" showIcon title={t('committee.underAppeal')} /> : null}
        {tie.freeSeats !== null ? <Typography.Text>{t('committee.freeSeats', { n: tie.freeSeats })}</Typography.Text> : null}
        <Checkbox.Group
          value={chosen}
          onChange={(values) => setChosen(values as number[])}
          options={tie.subjects.map((s) => ({ label: s.name, value: Number(s.id) }))}
        />
        {tooMany ? <Alert type="warning" showIcon title={t('committee.tooMany', { n: tie.freeSeats })} /> : null}
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('committee.reasonPlaceholder')}
          data-testid="tie-decision-reason"
        />
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}
