import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Progress, Result, Row, Steps, Typography, Upload } from 'antd';
import { CloudDownloadOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UploadProps } from 'antd';
import { ApiError, isApiError, downloadFile } from '../../../api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { saveBlob } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { can, useCurrentMe } from '../../auth/auth.api';
import { orgKeys } from '../../org/org.api';
import { peopleKeys } from '../../people/people.api';
import { useUploadJob } from '../useUploadJob';
import { ImportErrorTable } from '../components/ImportErrorTable';
import { uploadOrgRoster } from '../imports.api';
import { errorDetailsOf, errorMessageOf } from '../job-result';
import { JobResultView } from '../components/JobResultView';


export default function ImportExportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const isMobile = useIsMobile();
  const canImport = can(me, 'org.import');
  const canExport = can(me, 'org.export');
  const [downloading, setDownloading] = useState<'template' | 'export' | null>(null);
  const { state, setState, job, finished } = useUploadJob();

  const download = async (which: 'template' | 'export') => {
    setDownloading(which);
    try {
      const { blob, fileName } =
        which === 'template'
          ? await downloadFile('/api/imports/org/template', 'baton-org-template.xlsx')
          : await downloadFile('/api/exports/org', 'baton-org-export.xlsx');
      saveBlob(blob, fileName);
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setDownloading(null);
    }
  };

  const customRequest: UploadProps['customRequest'] = async (options) => {
    const file = options.file as File;
    setState({ kind: 'uploading', fileName: file.name });
    try {
      const { jobId } = await uploadOrgRoster(file);
      setState({ kind: 'job', fileName: file.name, jobId });
      options.onSuccess?.({ jobId });
    } catch (error) {
      setState({ kind: 'rejected', fileName: file.name, error: error instanceof Error ? error : new Error(String(error)) });
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  };

  // When the import job ends, the org tree and people lists are out of date.
  const finishedJobId = state.kind === 'job' && finished ? state.jobId : null;
  useEffect(() => {
    if (finishedJobId === null) return;
    for (const queryKey of [orgKeys.units, orgKeys.categories, orgKeys.posts, orgKeys.postTypes, peopleKeys.all]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [finishedJobId, queryClient]);

  const step = state.kind === 'idle' ? 0 : state.kind === 'job' && finished ? 2 : 1;
  const percent = job.data && job.data.total > 0 ? Math.floor((job.data.done / job.data.total) * 100) : job.data?.status === 'succeeded' ? 100 : 0;

  const renderOutcome = () => {
    if (state.kind === 'uploading') {
      return <Alert type="info" showIcon title={t('imports.uploading', { file: state.fileName })} />;
    }
    if (state.kind === 'rejected') {
      const details = state.error instanceof ApiError ? state.error.details : [];
      return (
        <Flex vertical gap={12}>
          <Alert
            type="error"
            showIcon
            title={isApiError(state.error, 'import.invalid') ? t('imports.invalidTitle', { file: state.fileName }) : errorText(t, state.error)}
            description={isApiError(state.error, 'import.invalid') ? t('imports.invalidText') : undefined}
            data-testid="import-rejected"
          />
          {details.length > 0 ? <ImportErrorTable details={details} /> : null}
        </Flex>
      );
    }
    if (state.kind === 'job') {
      const data = job.data;
      if (job.isError) return <Alert type="error" showIcon title={errorText(t, job.error)} />;
      if (!data || !finished) {
        return (
          <div data-testid="import-progress">
            <Typography.Text>{t('imports.processing', { file: state.fileName })}</Typography.Text>
            <Progress percent={percent} status="active" />
            <Typography.Text type="secondary">
              {data ? t('imports.progressText', { done: data.done, total: data.total }) : t(`imports.jobStatus.queued`)}
              {data?.message ? ` · ${data.message}` : ''}
            </Typography.Text>
          </div>
        );
      }
      if (data.status === 'failed') {
        const details = errorDetailsOf(data.error);
        return (
          <Flex vertical gap={12}>
            <Result status="error" title={t('imports.failed')} subTitle={errorMessageOf(data.error) ?? data.message ?? ''} />
            {details.length > 0 ? <ImportErrorTable details={details} /> : null}
          </Flex>
        );
      }
      return (
        <div data-testid="import-succeeded">
          <Progress percent={100} status="success" />
          <Result
            status="success"
            title={t('imports.succeeded')}
            subTitle={t('imports.progressText', { done: data.done, total: data.total })}
            style={{ padding: '16px 0' }}
          />
          <JobResultView result={data.result} />
        </div>
      );
    }
    return null;
  };

  return (
    <>
      <PageHeader title={t('nav.imports')} subtitle={t('imports.subtitle')} />
      <Row gutter={[16, 16]}>
        {canImport ? (
          <Col xs={24} xl={16}>
            <Card title={t('imports.importTitle')}>
              <Steps
                size="small"
                current={step}
                status={state.kind === 'rejected' || job.data?.status === 'failed' ? 'error' : step === 2 ? 'finish' : 'process'}
                style={{ marginBottom: 20 }}
                items={[{ title: t('imports.stepTemplate') }, { title: t('imports.stepUpload') }, { title: t('imports.stepDone') }]}
                responsive={false}
                titlePlacement={isMobile ? 'vertical' : 'horizontal'}
              />
              <Flex vertical gap={16}>
                <Flex gap={12} align="center" wrap>
                  <Button icon={<DownloadOutlined />} loading={downloading === 'template'} onClick={() => void download('template')} data-testid="download-template">
                    {t('imports.downloadTemplate')}
                  </Button>
                  <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
                </Flex>
                <Upload.Dragger
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  multiple={false}
                  maxCount={1}
                  showUploadList={false}
                  customRequest={customRequest}
                  disabled={state.kind === 'uploading' || (state.kind === 'job' && !finished)}
                  data-testid="import-upload"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('imports.dropText')}</p>
                  <p className="ant-upload-hint">{t('imports.dropHint')}</p>
                </Upload.Dragger>
                {renderOutcome()}
                {state.kind !== 'idle' && (state.kind === 'rejected' || finished) ? (
                  <div>
                    <Button icon={<ReloadOutlined />} onClick={() => setState({ kind: 'idle' })}>
                      {t('imports.again')}
                    </Button>
                  </div>
                ) : null}
              </Flex>
            </Card>
          </Col>
        ) : null}
        {canExport ? (
          <Col xs={24} xl={8}>
            <Card title={t('imports.exportTitle')}>
              <Typography.Paragraph type="secondary">{t('imports.exportText')}</Typography.Paragraph>
              <Button type="primary" icon={<CloudDownloadOutlined />} loading={downloading === 'export'} onClick={() => void download('export')} data-testid="export-org">
                {t('imports.export')}
              </Button>
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
