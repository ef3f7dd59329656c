import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Flex, Popconfirm, Progress, Result, Row, Table, Tag, Typography, Upload, type UploadProps } from 'antd';
import { CheckOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BatchOutcome, PointBatch } from '@baton/contract/points';
import type { Scheme } from '@baton/contract/schemes';
import { ApiError, downloadFile } from '../../../api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDateTime, saveBlob } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { useUploadJob } from '../../imports/useUploadJob';
import { useCurrentMe } from '../../auth/auth.api';
import { ImportErrorTable } from '../../imports/components/ImportErrorTable';
import { errorDetailsOf, errorMessageOf } from '../../imports/job-result';
import { SchemeSelect } from '../../schemes/components/SchemeSelect';
import { pointKeys, uploadPointImport, useApprovePointBatch, usePointBatches } from '../points.api';

/** `result` of a finished points import: `{ batch, replayed }`. */
function batchResultOf(result: unknown): BatchOutcome | null {
  const value = result as Partial<BatchOutcome> | null;
  return value && typeof value === 'object' && value.batch ? { batch: value.batch, replayed: value.replayed === true } : null;
}

const HEADERS = ['规则编码', '工号', '单位编码', '发生日期', '次数', '分值', '来源', '依据说明', '链接'];

/** 批量导入 (points.import): an .xlsx/.csv of business data → one batch of proposed events, validated whole; batches approved by someone else. */
export default function PointImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isMobile = useIsMobile();
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const { state, setState, job, finished, params } = useUploadJob();
  const batches = usePointBatches();
  const approve = useApprovePointBatch();
  const [downloading, setDownloading] = useState(false);
  const highlight = idOf(params.get('batch'));

  const finishedJobId = state.kind === 'job' && finished ? state.jobId : null;
  useEffect(() => {
    if (finishedJobId !== null) void queryClient.invalidateQueries({ queryKey: pointKeys.all });
  }, [finishedJobId, queryClient]);

  const downloadTemplate = async () => {
    if (!scheme) return;
    setDownloading(true);
    try {
      const { blob, fileName } = await downloadFile(`/api/imports/points/template?scheme=${encodeURIComponent(String(scheme.id))}`, `baton-points-template-${scheme.code}.xlsx`);
      saveBlob(blob, fileName);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setDownloading(false);
    }
  };

  const customRequest: UploadProps['customRequest'] = async (options) => {
    const file = options.file as File;
    if (!scheme) return;
    setState({ kind: 'uploading', fileName: file.name });
    try {
      const { jobId } = await uploadPointImport(scheme.id, file);
      setState({ kind: 'job', fileName: file.name, jobId });
      options.onSuccess?.({ jobId });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      setState({ kind: 'rejected', fileName: file.name, error: e });
      options.onError?.(e);
    }
  };

  const percent = job.data && job.data.total > 0 ? Math.floor((job.data.done / job.data.total) * 100) : job.data?.status === 'succeeded' ? 100 : 0;

  const outcome = () => {
    if (state.kind === 'uploading') return <Alert type="info" showIcon title={t('imports.uploading', { file: state.fileName })} />;
    if (state.kind === 'rejected') {
      const details = state.error instanceof ApiError ? state.error.details : [];
      return (
        <Flex vertical gap={12}>
          <Alert type="error" showIcon title={errorText(t, state.error)} data-testid="import-rejected" />
          {details.length > 0 ? <ImportErrorTable details={details} /> : null}
        </Flex>
      );
    }
    if (state.kind !== 'job') return null;
    if (job.isError) return <Alert type="error" showIcon title={errorText(t, job.error)} />;
    const data = job.data;
    if (!data || !finished) {
      return (
        <div data-testid="import-progress">
          <Typography.Text>{t('imports.processing', { file: state.fileName })}</Typography.Text>
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {data ? t('imports.progressText', { done: data.done, total: data.total }) : t('imports.jobStatus.queued')}
            {data?.message ? ` · ${data.message}` : ''}
          </Typography.Text>
        </div>
      );
    }
    if (data.status === 'failed') {
      const details = errorDetailsOf(data.error);
      return (
        <Flex vertical gap={12}>
          <Result status="error" title={t('points.importFailed')} subTitle={details.length > 0 ? t('points.importNothingWritten') : (errorMessageOf(data.error) ?? data.message ?? '')} style={{ padding: '12px 0' }} />
          {details.length > 0 ? <ImportErrorTable details={details} /> : null}
        </Flex>
      );
    }
    const result = batchResultOf(data.result);
    return (
      <div data-testid="import-succeeded">
        <Progress percent={100} status="success" />
        <Result
          status={result?.replayed ? 'info' : 'success'}
          title={result?.replayed ? t('points.importReplayed') : t('points.importDone')}
          subTitle={result ? t('points.importBatch', { id: result.batch.id, count: result.batch.eventCount }) : undefined}
          extra={
            result ? (
              <Button onClick={() => navigate(`/points/events?batch=${result.batch.id}`)}>{t('points.viewBatchEvents')}</Button>
            ) : undefined
          }
          style={{ padding: '12px 0' }}
        />
      </div>
    );
  };

  const approveButton = (b: PointBatch) =>
    b.proposedCount > 0 ? (
      <Popconfirm
        title={t('points.approveBatchTitle', { count: b.proposedCount })}
        description={t('points.approveBatchHint')}
        okText={t('points.approve')}
        onConfirm={async () => {
          try {
            const { approved } = await approve.mutateAsync({ id: b.id });
            void message.success(t('points.batchApproved', { count: approved }));
          } catch (error) {
            void message.error(errorText(t, error));
          }
        }}
      >
        <Button size="small" type="primary" icon={<CheckOutlined />} onClick={(e) => e.stopPropagation()} data-testid="approve-batch">
          {t('points.approveBatch')}
        </Button>
      </Popconfirm>
    ) : null;

  const own = (b: PointBatch) => b.createdBy.accountId === me.account.id;

  return (
    <>
      <PageHeader title={t('nav.pointImport')} subtitle={t('points.importSubtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('points.importTitle')}>
            <Flex vertical gap={16}>
              <Flex gap={8} wrap align="center">
                <SchemeSelect value={scheme?.id ?? null} onChange={setScheme} style={{ width: isMobile ? '100%' : 260 }} />
                <Button icon={<DownloadOutlined />} disabled={!scheme} loading={downloading} onClick={() => void downloadTemplate()} data-testid="download-template">
                  {t('imports.downloadTemplate')}
                </Button>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('points.importColumns')} {HEADERS.map((h) => (
                  <Tag key={h} style={{ marginBottom: 4 }}>
                    {h}
                  </Tag>
                ))}
              </Typography.Text>
              <Upload.Dragger
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                multiple={false}
                maxCount={1}
                showUploadList={false}
                customRequest={customRequest}
                disabled={!scheme || state.kind === 'uploading' || (state.kind === 'job' && !finished)}
                data-testid="points-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('points.dropText')}</p>
                <p className="ant-upload-hint">{t('points.dropHint')}</p>
              </Upload.Dragger>
              {outcome()}
              {state.kind === 'rejected' || (state.kind === 'job' && finished) ? (
                <div>
                  <Button icon={<ReloadOutlined />} onClick={() => setState({ kind: 'idle' })}>
                    {t('imports.again')}
                  </Button>
                </div>
              ) : null}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('points.batches')} styles={{ body: isMobile ? { padding: 8 } : undefined }}>
            {batches.isError ? <Alert type="error" showIcon title={errorText(t, batches.error)} /> : null}
            {isMobile ? (
              <div className="mobile-card-list" data-testid="batch-list">
                {!batches.isLoading && (batches.data ?? []).length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.noBatches')} /> : null}
                {(batches.data ?? []).map((b) => (
                  <Card key={b.id} size="small" className="mobile-card clickable-row" onClick={() => navigate(`/points/events?batch=${b.id}`)}>
                    <Flex justify="space-between" gap={8}>
                      <div style={{ minWidth: 0 }}>
                        <Typography.Text strong>#{b.id}</Typography.Text> <Tag>{b.channel}</Tag>
                        <div className="entry-sub">{b.fileName ?? b.idempotencyKey}</div>
                        <div className="entry-sub">
                          {b.createdBy.name} · {formatDateTime(b.createdAt).slice(0, 16)}
                        </div>
                      </div>
                      <div style={{ textAlign: 'end' }}>{t('points.batchCounts', { proposed: b.proposedCount, approved: b.approvedCount, rejected: b.rejectedCount })}</div>
                    </Flex>
                    {own(b) && b.proposedCount > 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('points.ownBatch')}
                      </Typography.Text>
                    ) : (
                      <div style={{ marginTop: 6 }}>{approveButton(b)}</div>
                    )}
                  </Card>
                ))}
              </div>
            ) : (
              <Table<PointBatch>
                size="small"
                rowKey="id"
                loading={batches.isLoading}
                dataSource={batches.data ?? []}
                pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
                scroll={{ x: 720 }}
                data-testid="batch-list"
                rowClassName={(b) => (b.id === highlight ? 'row-highlight clickable-row' : 'clickable-row')}
                onRow={(b) => ({ onClick: () => navigate(`/points/events?batch=${b.id}`) })}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.noBatches')} /> }}
                columns={[
                  { key: 'id', title: '#', dataIndex: 'id', width: 56 },
                  {
                    key: 'file',
                    title: t('points.batchFile'),
                    render: (_: unknown, b) => (
                      <div style={{ minWidth: 0 }}>
                        <Tag>{b.channel}</Tag>
                        <Typography.Text ellipsis={{ tooltip: b.fileName ?? b.idempotencyKey }} style={{ maxWidth: 180 }}>
                          {b.fileName ?? b.idempotencyKey}
                        </Typography.Text>
                      </div>
                    ),
                  },
                  { key: 'by', title: t('points.uploadedBy'), width: 120, render: (_: unknown, b) => (
                    <>
                      <div>{b.createdBy.name}</div>
                      <div className="entry-sub">{formatDateTime(b.createdAt).slice(0, 16)}</div>
                    </>
                  ) },
                  { key: 'events', title: t('points.batchEvents'), width: 210, render: (_: unknown, b) => t('points.batchCounts', { proposed: b.proposedCount, approved: b.approvedCount, rejected: b.rejectedCount }) },
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 120,
                    render: (_: unknown, b) =>
                      own(b) && b.proposedCount > 0 ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('points.ownBatch')}
                        </Typography.Text>
                      ) : (
                        approveButton(b)
                      ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
