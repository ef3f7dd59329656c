import type { ReactNode } from 'react';
import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormIssue, IndicatorForm, SchemeForm } from '../scheme-form.model';
import { IssueList } from './Field';

/** What each card of the scheme builder gets: the form, how to change it, the issues on it. */
export interface BuilderCardProps {
  form: SchemeForm;
  patch: (changes: Partial<SchemeForm>) => void;
  issues: readonly FormIssue[];
  readOnly?: boolean;
}

/** The form's indicators with one of them changed (the indicators card and the weight grid both edit them). */
export function withIndicator(form: Pick<SchemeForm, 'indicators'>, index: number, changes: Partial<IndicatorForm>): Pick<SchemeForm, 'indicators'> {
  return { indicators: form.indicators.map((ind, i) => (i === index ? { ...ind, ...changes } : ind)) };
}

export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Move up, move down, remove: the tools of a row the admin can reorder. */
export function RowTools({ index, count, onMove, onRemove, readOnly }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  if (readOnly) return null;
  return (
    <Flex gap={2}>
      <Tooltip title={t('schemes.editor.moveUp')}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('schemes.editor.moveUp')} />
      </Tooltip>
      <Tooltip title={t('schemes.editor.moveDown')}>
        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('schemes.editor.moveDown')} />
      </Tooltip>
      <Tooltip title={t('schemes.editor.remove')}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('schemes.editor.remove')} />
      </Tooltip>
    </Flex>
  );
}

/** A card of the builder: its title and help, and the issues that belong to the card as a whole. */
export function BuilderCard({ id, title, help, extra, children, issues = [] }: { id: string; title: ReactNode; help?: ReactNode; extra?: ReactNode; children: ReactNode; issues?: readonly FormIssue[] }) {
  return (
    <Card
      id={id}
      size="small"
      title={
        <Flex vertical style={{ padding: '6px 0', whiteSpace: 'normal' }}>
          <span>{title}</span>
          {help ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {help}
            </Typography.Text>
          ) : null}
        </Flex>
      }
      extra={extra}
    >
      <Flex vertical gap={10}>
        {issues.length > 0 ? (
          <Flex vertical>
            <IssueList issues={issues} />
          </Flex>
        ) : null}
        {children}
      </Flex>
    </Card>
  );
}
