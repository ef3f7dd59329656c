import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '@baton/contract/common';

/** The rows an import rejected: sheet / row / column / reason, as the server listed them. */
export function ImportErrorTable({ details }: { details: ErrorDetail[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-errors">
      <Typography.Paragraph type="danger" strong style={{ marginBottom: 8 }}>
        {t('imports.errorCount', { count: details.length })}
      </Typography.Paragraph>
      <Table<ErrorDetail & { key: number }>
        size="small"
        bordered
        dataSource={details.map((d, key) => ({ ...d, key }))}
        pagination={details.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 560 }}
        columns={[
          // a CSV (the working-day calendar) has no sheets
          ...(details.some((d) => d.sheet) ? [{ key: 'sheet', title: t('imports.sheet'), dataIndex: 'sheet', width: 120, render: (v?: string) => v ?? '—' }] : []),
          { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 70, render: (v?: number) => v ?? '—' },
          { key: 'column', title: t('imports.column'), dataIndex: 'column', width: 130, render: (v?: string) => v ?? '—' },
          { key: 'message', title: t('imports.reason'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}

