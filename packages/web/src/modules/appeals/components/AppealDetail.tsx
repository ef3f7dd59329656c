import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Flex, Input, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, FileDoneOutlined, TableOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Appeal, AppealChange, AppealOutcome } from '@baton/contract/appeals';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { errorText, fieldErrorOf } from '../../../shared/errors';
import { can, useCurrentMe } from '../../auth/auth.api';
import { useAppealChanges, useDecideAppeal } from '../appeals.api';
import { checkText, NOTE_MAX } from '../appeals.model';
import { APPEAL_ERRORS } from '../appeals.errors';
import { AppealAttachments, AppealDecisionBlock, AppealResultLine, AppealStatusTag, ChangesList } from './AppealBits';

interface DecisionOutcome {
  outcome: AppealOutcome;
  changes: AppealChange[];
  from: number;
  to: number | null;
}

/** The admin's decision: a required note, then 采纳 (evaluate again, publish the next version) or 不采纳. */
function DecisionForm({ appeal, onDecided }: { appeal: Appeal; onDecided: (outcome: DecisionOutcome) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const decide = useDecideAppeal();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextVersion = (appeal.period.resultVersion ?? appeal.resultVersion) + 1;

  const ask = (outcome: AppealOutcome) => {
    const problem = checkText(note, NOTE_MAX);
    if (problem) {
      setNoteError(problem === 'empty' ? t('appeals.drawer.noteRequired') : t('appeals.drawer.noteTooLong', { max: NOTE_MAX }));
      return;
    }
    const accept = outcome === 'accepted';
    modal.confirm({
      title: accept ? t('appeals.drawer.acceptConfirm') : t('appeals.drawer.rejectConfirm'),
      content: accept ? t('appeals.drawer.acceptConfirmText', { version: nextVersion }) : t('appeals.drawer.rejectConfirmText'),
      okText: accept ? t('appeals.drawer.accept') : t('appeals.drawer.reject'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: !accept, 'data-testid': 'appeal-decide-confirm' } as never,
      onOk: async () => {
        setError(null);
        try {
          const answer = await decide.mutateAsync({ id: appeal.id, outcome, note: note.trim() });
          const to = answer.appeal.decision?.resultVersion ?? null;
          void message.success(accept ? t('appeals.drawer.accepted', { version: to ?? nextVersion }) : t('appeals.drawer.rejected'));
          onDecided({ outcome, changes: answer.changes, from: appeal.resultVersion, to });
        } catch (decideError) {
          const field = fieldErrorOf(decideError, 'note');
          if (field) setNoteError(field);
          else setError(errorText(t, decideError, APPEAL_ERRORS));
        }
      },
    });
  };

  return (
    <Flex vertical gap={8} data-testid="appeal-decide">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('appeals.drawer.decideTitle')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('appeals.drawer.reviewHint')}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={error} data-testid="appeal-decide-error" /> : null}
      <div>
        <Input.TextArea
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            if (noteError) setNoteError(null);
          }}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={NOTE_MAX}
          status={noteError ? 'error' : undefined}
          placeholder={t('appeals.drawer.notePlaceholder')}
          aria-label={t('appeals.item.note')}
          data-testid="appeal-note"
        />
        {/* the error and the character counter on one line, under the text */}
        <Flex justify="space-between" gap={8} style={{ fontSize: 12, marginTop: 2 }}>
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="appeal-note-error">
            {noteError ?? ''}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="nowrap">
            {note.length} / {NOTE_MAX}
          </Typography.Text>
        </Flex>
      </div>
      <Flex gap={8} justify="flex-end" wrap>
        <Button danger icon={<CloseOutlined />} onClick={() => ask('rejected')} loading={decide.isPending && decide.variables?.outcome === 'rejected'} data-testid="appeal-reject">
          {t('appeals.drawer.reject')}
        </Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => ask('accepted')} loading={decide.isPending && decide.variables?.outcome === 'accepted'} data-testid="appeal-accept">
          {t('appeals.drawer.accept')}
        </Button>
      </Flex>
    </Flex>
  );
}

/**
 * One appeal as the organization department reads it: who, which period and version, his result in
 * it, the reason and the evidence, the decision; the admin decides a pending one and then sees what
 * the new version changed. Leaders and auditors read it; a leader may go re-rate the appellant (复核).
 */
export function AppealDetail({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [decided, setOutcome] = useState<DecisionOutcome | null>(null);
  // Reopened later: what the accepted appeal changed is read again (among the results the caller may see).
  const stored = useAppealChanges(appeal.id, decided === null && appeal.status === 'accepted');
  const outcome: DecisionOutcome | null =
    decided ?? (stored.data && stored.data.to !== null ? { outcome: 'accepted', changes: stored.data.changes, from: stored.data.from, to: stored.data.to } : null);
  const decides = can(me, 'appeal.decide');
  const pending = appeal.status === 'pending';

  return (
    <Flex vertical gap={16} data-testid="appeal-detail" data-status={appeal.status}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {appeal.person.name}
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
              {' '}
              · {appeal.person.unitName}
            </Typography.Text>
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {appeal.period.name}
          </Typography.Text>
        </div>
        <AppealStatusTag status={appeal.status} />
      </Flex>

      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: isMobile ? 88 : 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'submitted', label: t('appeals.list.submittedAt'), children: formatDateTime(appeal.submittedAt).slice(0, 16) },
          {
            key: 'result',
            label: t('appeals.list.result'),
            children: (
              <>
                <Typography.Text type="secondary">{t('results.versionN', { n: appeal.resultVersion })} · </Typography.Text>
                <AppealResultLine result={appeal.result} testId="appeal-old-result" />
              </>
            ),
          },
        ]}
      />

      <div>
        <div className="appeal-label">{t('appeals.item.reason')}</div>
        <div className="appeal-reason" data-testid="appeal-detail-reason">
          {appeal.reason}
        </div>
      </div>
      <div>
        <div className="appeal-label">{t('appeals.item.attachments')}</div>
        <AppealAttachments attachments={appeal.attachments} />
      </div>

      <Flex gap={8} wrap>
        <Button size="small" icon={<FileDoneOutlined />} onClick={() => navigate(`/report-cards/${appeal.person.id}?period=${appeal.period.id}`)} data-testid="appeal-go-card">
          {t('appeals.drawer.reportCard')}
        </Button>
        <Button size="small" icon={<TableOutlined />} onClick={() => navigate(`/periods/${appeal.period.id}/results`)}>
          {t('appeals.drawer.results')}
        </Button>
        {appeal.can.reRate ? (
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => navigate(`/periods/${appeal.period.id}/review?unit=${appeal.person.unitId}`)} data-testid="appeal-go-review">
            {t('appeals.drawer.review')}
          </Button>
        ) : null}
      </Flex>

      <AppealDecisionBlock appeal={appeal} />

      {outcome && outcome.outcome === 'accepted' ? (
        <Alert
          type="success"
          showIcon
          title={t('appeals.drawer.changesTitle', { from: outcome.from, to: outcome.to ?? '—' })}
          description={<ChangesList changes={outcome.changes} appellantId={appeal.person.id} />}
          data-testid="appeal-outcome"
        />
      ) : null}

      {appeal.can.decide ? <DecisionForm appeal={appeal} onDecided={setOutcome} /> : null}
      {pending && decides && !appeal.can.decide ? <Alert type="warning" showIcon title={t('appeals.drawer.notPublicity')} /> : null}
      {pending && !decides ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="appeal-read-only">
          {t('appeals.drawer.readOnly')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
