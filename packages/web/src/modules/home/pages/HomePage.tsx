import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, TeamOutlined, UserDeleteOutlined, TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Chart } from '../../../shared/components/Chart';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { can, useCurrentMe } from '../../auth/auth.api';
import { useCategories, useUnits } from '../../org/org.api';
import { usePeopleCount } from '../../people/people.api';
import { navItemsFor } from '../../../app/navigation';
import { peopleByCategory, peopleByTopUnit } from '../home.model';
import { WorkLogHomeCard } from '../../worklogs/components/WorkLogHomeCard';

const PALETTE = ['#1f4e8c', '#3a78c2', '#6fa3dc', '#e8b84a', '#c8372d', '#4b8b6f', '#8c6bb1', '#d48a3a', '#5d6d7e', '#a3b1c2'];

export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canRead = can(me, 'org.read');
  const units = useUnits();
  const categories = useCategories();
  const active = usePeopleCount('active');
  const left = usePeopleCount('left');

  const byCategory = useMemo(() => peopleByCategory(units.data ?? [], t('home.uncategorised')), [units.data, t]);
  const byTopUnit = useMemo(() => peopleByTopUnit(units.data ?? []), [units.data]);
  const greeting = dayjs().hour() < 12 ? t('home.morning') : dayjs().hour() < 18 ? t('home.afternoon') : t('home.evening');
  const name = me.person?.name ?? me.account.username;

  const barOption = {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: byTopUnit.map((d) => d.name),
      axisLabel: { width: isMobile ? 72 : 120, overflow: 'truncate' },
    },
    series: [{ type: 'bar', name: t('home.people'), data: byTopUnit.map((d) => d.count), barMaxWidth: 18, label: { show: true, position: 'right' } }],
  };
  const pieOption = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: isMobile ? 'plain' : 'scroll' },
    series: [
      {
        type: 'pie',
        name: t('home.people'),
        radius: ['40%', '62%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { show: !isMobile, formatter: '{b}\n{c}', alignTo: 'edge', edgeDistance: 8, minMargin: 4, lineHeight: 16 },
        labelLine: { length: 12, length2: 0, maxSurfaceAngle: 80 },
        data: byCategory.map((d) => ({ name: d.name, value: d.count })),
      },
    ],
  };

  const quickLinks = navItemsFor(me).filter((item) => item.key !== 'home');

  return (
    <Flex vertical gap={16}>
      <Card className="welcome-card" variant="borderless">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0, color: '#fff' }}>
              {greeting}，{name}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }}>
              {me.person ? `${me.person.unitName}${me.person.postName ? ` · ${me.person.postName}` : ''}` : t('home.noPerson')}
            </Typography.Text>
            <Flex gap={6} wrap style={{ marginTop: 10 }}>
              {me.roles.map((r, i) => (
                <Tag key={`${r.role}-${i}`} color="gold" variant="outlined" style={{ background: 'transparent' }}>
                  {t(`roles.${r.role}`)}
                  {r.unitName ? ` · ${r.unitName}` : ''}
                </Tag>
              ))}
            </Flex>
          </div>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{dayjs().format(t('home.dateFormat'))}</Typography.Text>
        </Flex>
      </Card>

      {can(me, 'log.write') ? <WorkLogHomeCard /> : null}

      {canRead ? (
        <>
          {units.isError ? <Alert type="error" showIcon title={errorText(t, units.error)} /> : null}
          {units.data && units.data.length === 0 && can(me, 'org.import') ? (
            <Alert
              type="info"
              showIcon
              title={t('home.emptyTitle')}
              description={t('home.emptyText')}
              action={
                <Button type="primary" onClick={() => navigate('/imports')}>
                  {t('nav.imports')}
                </Button>
              }
            />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <Card className="stat-card" hoverable onClick={() => navigate('/org')}>
                <Statistic title={t('home.units')} value={units.data?.length ?? 0} loading={units.isLoading} prefix={<ApartmentOutlined />} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card className="stat-card" hoverable onClick={() => navigate('/people?status=active')}>
                <Statistic title={t('home.activePeople')} value={active.data ?? 0} loading={active.isLoading} prefix={<TeamOutlined />} data-testid="stat-active" />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card className="stat-card" hoverable onClick={() => navigate('/people?status=left')}>
                <Statistic title={t('home.leftPeople')} value={left.data ?? 0} loading={left.isLoading} prefix={<UserDeleteOutlined />} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card className="stat-card" hoverable onClick={() => navigate('/org?tab=categories')}>
                <Statistic title={t('home.categories')} value={categories.data?.length ?? 0} loading={categories.isLoading} prefix={<TagsOutlined />} />
              </Card>
            </Col>
          </Row>
          {/* A chart of one bar or one slice says nothing: a member's or a small leader's scope shows the numbers only. */}
          {units.isLoading || byTopUnit.length > 1 || byCategory.length > 1 ? (
            <Row gutter={[16, 16]}>
              {units.isLoading || byTopUnit.length > 1 ? (
                <Col xs={24} lg={byCategory.length > 1 || units.isLoading ? 14 : 24}>
                  <Card title={t('home.byTopUnit')} size="small">
                    {units.isLoading ? (
                      <Skeleton active />
                    ) : (
                      <Chart option={barOption} height={Math.max(220, byTopUnit.length * 26 + 24)} testId="chart-top-units" />
                    )}
                  </Card>
                </Col>
              ) : null}
              {units.isLoading || byCategory.length > 1 ? (
                <Col xs={24} lg={byTopUnit.length > 1 || units.isLoading ? 10 : 24}>
                  <Card title={t('home.byCategory')} size="small">
                    {units.isLoading ? <Skeleton active /> : <Chart option={pieOption} height={320} testId="chart-categories" />}
                  </Card>
                </Col>
              ) : null}
            </Row>
          ) : null}
        </>
      ) : null}

      {quickLinks.length > 0 ? (
        <Card title={t('home.quickLinks')} size="small">
          <Flex gap={8} wrap>
            {quickLinks.map((item) => (
              <Tag.CheckableTag key={item.key} checked={false} onChange={() => navigate(item.path)} className="quick-link">
                {t(`nav.${item.label ?? item.key}`)}
              </Tag.CheckableTag>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
