import { Alert, Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPasswords, shapeResult } from '../job-result';

/** The outcome of a finished job: counts per kind of record, single numbers, and lists (new accounts' passwords). */
export function JobResultView({ result }: { result: unknown }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`imports.result.${key}` as 'imports.result.units', { defaultValue: key });
  const shape = shapeResult(result);

  return (
    <Flex vertical gap={16} data-testid="job-result">
      {shape.counts.length > 0 ? (
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          scroll={{ x: 'max-content' }}
          dataSource={shape.counts}
          columns={[
            { key: 'kind', title: '', dataIndex: 'key', render: (key: string) => <Typography.Text strong>{label(key)}</Typography.Text> },
            ...shape.countColumns.map((column) => ({
              key: column,
              title: label(column),
              align: 'right' as const,
              render: (_: unknown, row: { counts: Record<string, number> }) => row.counts[column] ?? '—',
            })),
          ]}
        />
      ) : null}
      {shape.numbers.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 3 }}
          items={shape.numbers.map((n) => ({ key: n.key, label: label(n.key), children: String(n.value) }))}
        />
      ) : null}
      {shape.tables.map((table) => (
        <div key={table.key}>
          <Typography.Title level={5}>{label(table.key)}</Typography.Title>
          {hasPasswords(table) ? <Alert type="warning" showIcon title={t('imports.passwordsOnce')} style={{ marginBottom: 8 }} /> : null}
          <Table<Record<string, unknown>>
            size="small"
            bordered
            rowKey={(_, index) => String(index)}
            dataSource={table.rows}
            pagination={table.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            columns={table.columns.map((column) => ({
              key: column,
              dataIndex: column,
              title: label(column),
              render: (v: unknown) =>
                /password/i.test(column) ? (
                  <Typography.Text className="mono" copyable>
                    {String(v ?? '')}
                  </Typography.Text>
                ) : (
                  <span>{v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)}</span>
                ),
            }))}
          />
        </div>
      ))}
    </Flex>
  );
}
