import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Empty, Flex, Result, Select, Typography } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CardPerson } from '@baton/contract/report-cards';
import { isApiError } from '../../../api/client';
import type { Id } from '../../../shared/params';
import { errorText } from '../../../shared/errors';
import { countOptions, reportCardPath } from '../result-lists.model';

/** A labelled control of the filter bar; on a phone the controls share the width. */
export function Control({ label, children, wide }: { label: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <Flex vertical gap={2} className={wide ? 'rl-control rl-control-wide' : 'rl-control'}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** "连续 N 期 / 年" in its labelled control: a small select of the counts 1 … max (no keyboard on a phone). */
export function CountControl({ label, value, max, one, many, onChange, testId }: {
  label: ReactNode;
  value: number;
  max: number;
  /** The option for 1 ("仅最近一年"); `many` names the others. */
  one: string;
  many: (n: number) => string;
  onChange: (n: number) => void;
  testId: string;
}) {
  return (
    <Control label={label}>
      <Select<number> value={value} onChange={onChange} options={countOptions(max).map((n) => ({ value: n, label: n === 1 ? one : many(n) }))} style={{ width: '100%' }} data-testid={testId} />
    </Control>
  );
}

/** The person's name opening his report card (on the period named), with his employee number. */
export function PersonLink({ person, periodId, strong = true }: { person: CardPerson; periodId?: Id | null; strong?: boolean }) {
  return (
    <span className="rl-person">
      <Link to={reportCardPath(person.id, periodId)} data-testid="result-list-person">
        {strong ? <strong>{person.name}</strong> : person.name}
      </Link>
      <Typography.Text type="secondary" className="mono" style={{ marginInlineStart: 6 }}>
        {person.employeeNo}
      </Typography.Text>
    </span>
  );
}

function CardButton({ personId, periodId }: { personId: Id; periodId?: Id | null }) {
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  return (
    <Link to={reportCardPath(personId, periodId)}>
      <Button size="small" icon={<FileDoneOutlined />} data-testid="result-list-card">
        {t('openCard')}
      </Button>
    </Link>
  );
}

/** A list that failed: 403 in words (members, or a role taken away meanwhile), anything else as the error it is. */
export function ListError({ error }: { error: unknown }) {
  const { t: tt } = useTranslation();
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title={t('forbidden')} subTitle={t('forbiddenText')} data-testid="result-list-forbidden" />;
  }
  return <Alert type="error" showIcon title={t('loadError')} description={errorText(tt, error)} data-testid="result-list-error" />;
}

/** An empty list: a sentence and a smaller hint below it. */
export function ListEmpty({ text, hint, testId }: { text: ReactNode; hint: ReactNode; testId: string }) {
  return (
    <Card size="small">
      <Empty
        description={
          <Flex vertical gap={4}>
            <span>{text}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hint}
            </Typography.Text>
          </Flex>
        }
        data-testid={testId}
      />
    </Card>
  );
}

/** The head of a person's card on a phone: his name and a line below it, the button to his report card beside. */
export function PersonCardHead({ person, periodId, sub }: { person: CardPerson; periodId?: Id | null; sub: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={8}>
      <div style={{ minWidth: 0 }}>
        <PersonLink person={person} periodId={periodId} />
        <div className="entry-sub">{sub}</div>
      </div>
      <CardButton personId={person.id} periodId={periodId} />
    </Flex>
  );
}

/** Lists are short: pages of 50 only when they are longer. */
export function listPagination(count: number): { pageSize: number; showSizeChanger: boolean } | false {
  return count > 50 ? { pageSize: 50, showSizeChanger: false } : false;
}
