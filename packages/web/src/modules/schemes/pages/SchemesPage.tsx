import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { CopyOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '@baton/contract/schemes';
import { can, useCurrentMe } from '../../auth/auth.api';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSchemes } from '../schemes.api';
import { couplingBriefOf, groupSchemesByCode, type SchemeFamily } from '../schemes.model';

const schemePath = (scheme: Scheme) => `/schemes/${encodeURIComponent(String(scheme.id))}`;
const copyPath = (scheme: Scheme) => `/schemes/new?from=${encodeURIComponent(String(scheme.id))}`;

function KindTags({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t(`schemes.kind.${scheme.kind as 'routine'}`, { defaultValue: scheme.kind })}
      </Tag>
      <Tag style={{ marginInlineEnd: 0 }}>{t(`schemes.subjectKind.${scheme.subjectKind}`)}</Tag>
      {couplingBriefOf(scheme) ? (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('schemes.area.coupling')}
        </Tag>
      ) : null}
    </>
  );
}

function UsageTag({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation();
  return scheme.periodCount > 0 ? (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      {t('schemes.list.inUse', { count: scheme.periodCount })}
    </Tag>
  ) : (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('schemes.list.notInUse')}
    </Typography.Text>
  );
}

function FamilyCard({ family, manages }: { family: SchemeFamily; manages: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const title = (
    <Flex vertical gap={2} style={{ minWidth: 0, padding: '6px 0' }}>
      <Typography.Text strong style={{ fontSize: 15, whiteSpace: 'normal' }}>
        {family.latest.name}
      </Typography.Text>
      <Flex gap={6} wrap align="center">
        <Typography.Text type="secondary" className="mono">
          {family.code}
        </Typography.Text>
        <KindTags scheme={family.latest} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('schemes.list.versions', { count: family.versions.length })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
  const copyLatest = manages ? (
    <Button icon={<CopyOutlined />} onClick={() => navigate(copyPath(family.latest))} data-testid={`scheme-copy-${family.code}`}>
      {t('schemes.list.copyAsNew')}
    </Button>
  ) : null;

  if (isMobile) {
    return (
      <Card size="small" className="mobile-card" data-testid={`scheme-family-${family.code}`}>
        <Flex vertical gap={10}>
          {title}
          {family.versions.map((scheme) => (
            <Link key={scheme.id} to={schemePath(scheme)} data-testid={`scheme-version-${scheme.id}`}>
              <Flex justify="space-between" align="center" gap={8} style={{ padding: '8px 10px', border: '1px solid #e6e9ef', borderRadius: 6, color: 'inherit' }}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong>{t('schemes.list.version', { version: scheme.version })}</Typography.Text>
                    {scheme.id === family.latest.id ? <Tag color="geekblue">{t('schemes.list.latest')}</Tag> : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('schemes.list.created')} {formatDate(scheme.createdAt)}
                  </Typography.Text>
                </Flex>
                <UsageTag scheme={scheme} />
              </Flex>
            </Link>
          ))}
          {copyLatest ? <div>{copyLatest}</div> : null}
        </Flex>
      </Card>
    );
  }

  return (
    <Card size="small" title={title} extra={copyLatest} data-testid={`scheme-family-${family.code}`}>
      <Table<Scheme>
        rowKey="id"
        dataSource={family.versions}
        pagination={false}
        size="small"
        rowClassName={() => 'clickable-row'}
        onRow={(scheme) => ({ onClick: () => navigate(schemePath(scheme)) })}
        columns={[
          {
            title: t('schemes.list.versionColumn'),
            key: 'version',
            width: 130,
            render: (_, s) => (
              <Flex gap={6} align="center">
                <Link to={schemePath(s)} onClick={(e) => e.stopPropagation()} data-testid={`scheme-version-${s.id}`}>
                  {t('schemes.list.version', { version: s.version })}
                </Link>
                {s.id === family.latest.id ? <Tag color="geekblue">{t('schemes.list.latest')}</Tag> : null}
              </Flex>
            ),
          },
          { title: t('schemes.list.name'), dataIndex: 'name', key: 'name' },
          { title: t('schemes.list.kind'), key: 'kind', render: (_, s) => <Flex gap={4}><KindTags scheme={s} /></Flex> },
          { title: t('schemes.list.created'), key: 'created', render: (_, s) => <span className="nowrap">{formatDate(s.createdAt)}</span> },
          { title: t('schemes.list.periods'), key: 'periods', render: (_, s) => <UsageTag scheme={s} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_, s) => (
              <Flex gap={4} onClick={(e) => e.stopPropagation()}>
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => navigate(schemePath(s))}>
                  {t('schemes.list.open')}
                </Button>
                {manages ? (
                  <Button size="small" type="link" icon={<CopyOutlined />} onClick={() => navigate(copyPath(s))} data-testid={`scheme-copy-version-${s.id}`}>
                    {t('schemes.list.copyAsNew')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 考核方案: the schemes grouped by code, each with its versions (newest first) and the periods that run on them. */
export default function SchemesPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const manages = can(me, 'scheme.manage');
  const schemes = useSchemes();
  const families = useMemo(() => groupSchemesByCode(schemes.data ?? []), [schemes.data]);

  return (
    <>
      <PageHeader
        title={t('schemes.schemesTitle')}
        subtitle={t('schemes.list.subtitle')}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/schemes/new')} data-testid="scheme-new">
              {t('schemes.list.newScheme')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={12}>
        {!manages ? <Alert type="info" showIcon title={t('schemes.list.readOnly')} /> : null}
        {schemes.isLoading ? <Skeleton active /> : null}
        {schemes.isError ? <Alert type="error" showIcon title={t('schemes.list.loadFailed')} description={errorText(t, schemes.error)} /> : null}
        {schemes.data && families.length === 0 ? <Empty description={t('schemes.list.empty')} /> : null}
        {families.map((family) => (
          <FamilyCard key={family.code} family={family} manages={manages} />
        ))}
      </Flex>
    </>
  );
}
