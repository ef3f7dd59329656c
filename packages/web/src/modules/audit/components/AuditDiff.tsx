import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '@baton/contract/audit';
import { diffRecord } from '../audit-diff';

/** Before → after of one audit record; changed fields highlighted and listed first. */
export function AuditDiff({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const rows = diffRecord(record.before, record.after);
  return (
    <Flex vertical gap={8} style={{ maxWidth: '100%' }}>
      {rows === null ? (
        <Flex gap={12} wrap>
          <pre className="mono" style={{ flex: '1 1 280px', margin: 0 }}>{JSON.stringify(record.before, null, 2)}</pre>
          <pre className="mono" style={{ flex: '1 1 280px', margin: 0 }}>{JSON.stringify(record.after, null, 2)}</pre>
        </Flex>
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noData')}</Typography.Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="diff-table">
            <thead>
              <tr>
                <th style={{ width: '20%' }}>{t('audit.field')}</th>
                <th style={{ width: '40%' }}>{t('audit.before')}</th>
                <th style={{ width: '40%' }}>{t('audit.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className={row.changed ? 'diff-changed' : undefined}>
                  <td className="mono">{row.key}</td>
                  <td className={`mono ${row.changed ? 'diff-before' : ''}`}>{row.before || '—'}</td>
                  <td className={`mono ${row.changed ? 'diff-after' : ''}`}>{row.after || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Typography.Text type="secondary" className="mono" style={{ fontSize: 11, wordBreak: 'break-all' }}>
        hash {record.hash}
      </Typography.Text>
    </Flex>
  );
}
