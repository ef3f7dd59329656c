import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FormIssue } from '../scheme-form.model';

const LOCAL_ISSUES = new Set([
  'required',
  'duplicate',
  'codePattern',
  'sectionSum',
  'noSections',
  'noIndicators',
  'noGrades',
  'weightSum',
  'raterGroupWeight',
  'quotaRange',
  'requiresPair',
  'couplingNeedsUnit',
  'couplingGradeUnknown',
  'couplingQuotaRange',
  'couplingNoTiers',
]);

/** The form's own issues are message keys; the engine's and the server's are sentences (shown as they come). */
export function issueText(t: TFunction, message: string): string {
  return LOCAL_ISSUES.has(message) ? t(`schemes.issue.${message as 'required'}`) : message;
}

export function IssueList({ issues }: { issues: readonly FormIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <>
      {issues.map((issue, i) => (
        <Typography.Text key={`${issue.path}-${i}`} type="danger" style={{ fontSize: 12, lineHeight: 1.4 }} data-testid="field-issue" data-path={issue.path}>
          {issueText(t, issue.message)}
        </Typography.Text>
      ))}
    </>
  );
}

interface FieldProps {
  label: ReactNode;
  issues?: readonly FormIssue[];
  readOnly?: boolean;
  /** What a read-only view shows instead of the control. */
  display?: ReactNode;
  children: ReactNode;
  width?: number | string;
  grow?: boolean;
  /** A hint under the control (left out in read-only views). */
  help?: ReactNode;
}

/** A small labelled control with its issues under it — the builder's unit (antd Form does not fit nested, reorderable rows). */
export function Field({ label, issues = [], readOnly, display, children, width, grow, help }: FieldProps) {
  return (
    <Flex vertical gap={2} style={{ width: grow && readOnly ? undefined : width, flex: grow && !readOnly ? '1 1 160px' : undefined, minWidth: grow && readOnly ? 160 : 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {readOnly ? <div style={{ minHeight: 22, overflowWrap: 'anywhere' }}>{display ?? '—'}</div> : children}
      {help && !readOnly ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {help}
        </Typography.Text>
      ) : null}
      <IssueList issues={issues} />
    </Flex>
  );
}
