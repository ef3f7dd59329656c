import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Input, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '@baton/contract/audit';
import { CursorPager } from '../../../shared/components/CursorPager';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { dash, formatDateTime } from '../../../shared/format';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useAuditPage, useVerifyAudit, type AuditFilter } from '../audit.api';
import { AuditDiff } from '../components/AuditDiff';

const PAGE_SIZE = 50;

function actionColor(action: string): string {
  if (/delete|disable|remove|reject|reverse/i.test(action)) return 'red';
  if (/create|import|add/i.test(action)) return 'green';
  if (/login|logout|password/i.test(action)) return 'purple';
  return 'blue';
}

export default function AuditPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [filter, setFilter] = useState<AuditFilter>({ entity: '', entityId: '', action: '', limit: PAGE_SIZE });
  const [draft, setDraft] = useState(filter);
  const pages = useCursorStack(JSON.stringify(filter));
  const list = useAuditPage(filter, pages.cursor);
  const verify = useVerifyAudit();
  const records = list.data?.items ?? [];
  const entityLabel = (entity: string) => t(`audit.entities.${entity}` as 'audit.entities.unit', { defaultValue: entity });

  const columns = isMobile
    ? [
        {
          key: 'main',
          title: t('audit.record'),
          render: (_: unknown, r: AuditRecord) => (
            <div>
              <Flex justify="space-between" gap={8}>
                <Tag color={actionColor(r.action)} style={{ marginInlineEnd: 0 }}>{r.action}</Tag>
                <Typography.Text type="secondary" className="mono">#{r.seq}</Typography.Text>
              </Flex>
              <div style={{ marginTop: 4 }}>
                {entityLabel(r.entity)}
                {r.entityId ? <span className="mono"> · {r.entityId}</span> : null}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.at)} · {r.actorLabel}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80, render: (v: number) => <span className="mono">{v}</span> },
        { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => <span className="nowrap">{formatDateTime(v)}</span> },
        { key: 'actor', title: t('audit.actor'), dataIndex: 'actorLabel', width: 140, ellipsis: true },
        { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 170, render: (v: string) => <Tag color={actionColor(v)}>{v}</Tag> },
        { key: 'entity', title: t('audit.entity'), dataIndex: 'entity', width: 110, render: (v: string) => entityLabel(v) },
        { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', width: 90, render: (v: string | null) => <span className="mono">{dash(v)}</span> },
        { key: 'reason', title: t('common.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string | null) => dash(v) },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.isError ? <Alert type="error" showIcon title={errorText(t, verify.error)} style={{ marginBottom: 16 }} closable /> : null}
      {verify.data ? (
        <Alert
          data-testid="verify-result"
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          title={verify.data.ok ? t('audit.verifyOk', { count: verify.data.records }) : t('audit.verifyBroken', { count: verify.data.problems.length })}
          description={
            <div>
              <Typography.Text type="secondary" className="mono" style={{ wordBreak: 'break-all' }}>
                {t('audit.headHash')}: {verify.data.headHash ?? '—'}
              </Typography.Text>
              {verify.data.problems.length > 0 ? (
                <ul style={{ margin: '8px 0 0', paddingLeft: 18 }}>
                  {verify.data.problems.slice(0, 50).map((p) => (
                    <li key={`${p.seq}-${p.message}`}>
                      #{p.seq}: {p.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          }
        />
      ) : null}
      <div className="panel">
        <Flex
          className="filter-bar"
          gap={8}
          wrap
          component="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            setFilter(draft);
          }}
        >
          <Input placeholder={t('audit.filterEntity')} value={draft.entity} onChange={(e) => setDraft({ ...draft, entity: e.target.value })} style={{ width: isMobile ? '100%' : 160 }} allowClear />
          <Input placeholder={t('audit.filterEntityId')} value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.target.value })} style={{ width: isMobile ? '100%' : 120 }} allowClear />
          <Input placeholder={t('audit.filterAction')} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} style={{ width: isMobile ? '100%' : 180 }} allowClear />
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              const empty = { entity: '', entityId: '', action: '', limit: PAGE_SIZE };
              setDraft(empty);
              setFilter(empty);
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        {list.isError ? <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 12 }} /> : null}
        <Table<AuditRecord>
          rowKey={(r) => String(r.seq)}
          size="small"
          loading={list.isFetching}
          dataSource={records}
          pagination={false}
          scroll={isMobile ? undefined : { x: 960 }}
          columns={columns}
          expandable={{
            expandRowByClick: true,
            expandedRowRender: (r) => (
              <Flex vertical gap={12} className="audit-expanded">
                {isMobile || r.reason ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      ...(isMobile ? [{ key: 'actor', label: t('audit.actor'), children: r.actorLabel }] : []),
                      { key: 'reason', label: t('common.reason'), children: dash(r.reason) },
                    ]}
                  />
                ) : null}
                <AuditDiff record={r} />
              </Flex>
            ),
          }}
        />
        <CursorPager
          pageNumber={pages.pageNumber}
          hasPrevious={pages.hasPrevious}
          nextCursor={list.data?.nextCursor}
          busy={list.isFetching}
          onPrevious={pages.previous}
          onNext={pages.next}
        />
      </div>
    </>
  );
}
