import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Empty, Flex, Input, Select, Spin, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person, PersonStatus } from '@baton/contract/people';
import type { Id } from '../../../shared/params';
import { CursorPager } from '../../../shared/components/CursorPager';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { errorText } from '../../../shared/errors';
import { dash } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { can, useCurrentMe } from '../../auth/auth.api';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { useUnits } from '../../org/org.api';
import { CreatePersonModal } from '../components/CreatePersonModal';
import { PersonDrawer } from '../components/PersonDrawer';
import { PersonStatusTag } from '../components/PersonStatusTag';
import { usePeoplePage, type PeopleFilter } from '../people.api';

const PAGE_SIZES = [20, 50, 100];

/** Ids in the URL are numbers on this server; keep them as typed as the units list has them. */
function parseId(raw: string | null, known: Id[]): Id | null {
  if (!raw) return null;
  return known.find((id) => String(id) === raw) ?? (/^\d+$/.test(raw) ? Number(raw) : raw);
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const canManage = can(me, 'org.manage');
  const units = useUnits();
  const [params] = useSearchParams();
  const unitIds = useMemo(() => (units.data ?? []).map((u) => u.id), [units.data]);
  const unitsById = useMemo(() => new Map((units.data ?? []).map((u) => [String(u.id), u])), [units.data]);
  /** Sections repeat their names across towns (党政办公室 …): show the parent unit beside them. */
  const parentNameOf = (unitId: Id): string | null => {
    const unit = unitsById.get(String(unitId));
    if (!unit || unit.parentId === null || unit.type !== 'section') return null;
    const parent = unitsById.get(String(unit.parentId))?.name ?? null;
    // "金沙街道党政办公室" already says where it is
    return parent && !unit.name.includes(parent) ? parent : null;
  };

  const q = params.get('q') ?? '';
  const unit = parseId(params.get('unit'), unitIds);
  const subtree = params.get('subtree') !== 'false';
  const status = (params.get('status') as PersonStatus | null) ?? null;
  const personId = parseId(params.get('person'), []);
  const [limit, setLimit] = useState(PAGE_SIZES[0] ?? 20);
  const [searchText, setSearchText] = useState(q);
  const [createOpen, setCreateOpen] = useState(false);
  useEffect(() => setSearchText(q), [q]);

  const filter: PeopleFilter = useMemo(() => ({ q, unit, subtree, status, limit }), [q, unit, subtree, status, limit]);
  const filterKey = JSON.stringify(filter);
  const pages = useCursorStack(filterKey);
  const page = usePeoplePage(filter, pages.cursor);

  const update = useSearchParamsUpdate();
  const openPerson = (id: Id | null) => update({ person: id === null ? null : String(id) });

  const people = page.data?.items ?? [];
  const total = page.data?.total;

  const pager = (
    <CursorPager
      pageNumber={pages.pageNumber}
      hasPrevious={pages.hasPrevious}
      nextCursor={page.data?.nextCursor}
      busy={page.isFetching}
      onPrevious={pages.previous}
      onNext={pages.next}
      summary={total !== undefined ? t('people.total', { count: total }) : null}
      pageSize={limit}
      pageSizes={PAGE_SIZES}
      onPageSize={setLimit}
      testId="people"
    />
  );

  const cards = (
    <div className="mobile-card-list" data-testid="people-cards">
      {page.isLoading ? <Spin style={{ margin: 24 }} /> : null}
      {!page.isLoading && people.length === 0 ? <Empty description={t('people.none')} /> : null}
      {people.map((p) => (
        <Card key={String(p.id)} size="small" className="mobile-card clickable-row" onClick={() => openPerson(p.id)} data-testid="person-row">
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{p.name}</Typography.Text>
            <PersonStatusTag status={p.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span className="mono">{p.employeeNo}</span> · {parentNameOf(p.unitId) ? `${parentNameOf(p.unitId)} / ` : ''}
            {p.unitName}
          </Typography.Text>
          <div style={{ fontSize: 13 }}>{[p.postName, p.rank].filter(Boolean).join(' · ') || '—'}</div>
        </Card>
      ))}
    </div>
  );

  const table = (
    <Table<Person>
      rowKey={(p) => String(p.id)}
      size="middle"
      loading={page.isFetching}
      dataSource={people}
      pagination={false}
      scroll={{ x: 900 }}
      rowClassName={() => 'clickable-row'}
      onRow={(p) => ({ onClick: () => openPerson(p.id), 'data-testid': 'person-row' }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('people.none')} /> }}
      columns={[
        { key: 'employeeNo', title: t('people.employeeNo'), dataIndex: 'employeeNo', width: 120, render: (v: string) => <span className="mono">{v}</span> },
        { key: 'name', title: t('people.name'), dataIndex: 'name', width: 110, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        { key: 'gender', title: t('people.gender'), dataIndex: 'gender', width: 70, render: (v: string | null) => dash(v ? t(`people.genders.${v}` as 'people.genders.男', { defaultValue: v }) : null) },
        {
          key: 'unit',
          title: t('people.unit'),
          dataIndex: 'unitName',
          ellipsis: true,
          render: (name: string, p: Person) => {
            const parent = parentNameOf(p.unitId);
            return parent ? (
              <span title={`${parent} / ${name}`}>
                {name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{parent}</Typography.Text>
              </span>
            ) : (
              name
            );
          },
        },
        { key: 'post', title: t('people.post'), dataIndex: 'postName', ellipsis: true, render: (v: string | null) => dash(v) },
        { key: 'rank', title: t('people.rank'), dataIndex: 'rank', width: 130, render: (v: string | null) => dash(v) },
        { key: 'status', title: t('people.status'), dataIndex: 'status', width: 80, render: (v: PersonStatus) => <PersonStatusTag status={v} /> },
        { key: 'username', title: t('people.account'), dataIndex: 'username', width: 120, render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—') },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.people')}
        subtitle={t('people.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
              {t('people.create')}
            </Button>
          ) : null
        }
      />
      <div className="panel">
        <Flex className="filter-bar" gap={8} wrap>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              if (e.target.value === '') update({ q: null });
            }}
            onSearch={(value) => update({ q: value.trim() || null })}
            placeholder={t('people.searchPlaceholder')}
            style={{ width: isMobile ? '100%' : 300 }}
            data-testid="people-search"
            enterButton
          />
          <UnitTreeSelect
            value={unit}
            onChange={(value) => update({ unit: value === null ? null : String(value) })}
            placeholder={t('people.filterUnit')}
            style={{ width: isMobile ? '100%' : 240 }}
          />
          <Checkbox checked={subtree} disabled={unit === null} onChange={(e) => update({ subtree: e.target.checked ? null : 'false' })} style={{ alignSelf: 'center' }}>
            {t('people.includeSubunits')}
          </Checkbox>
          <Select
            allowClear
            value={status ?? undefined}
            onChange={(value: PersonStatus | undefined) => update({ status: value ?? null })}
            placeholder={t('people.filterStatus')}
            style={{ width: isMobile ? '100%' : 130 }}
            options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`people.statuses.${s}`) }))}
          />
        </Flex>
        {page.isError ? <Alert type="error" showIcon title={errorText(t, page.error)} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? cards : table}
        {pager}
      </div>
      <PersonDrawer personId={personId} canManage={canManage} onClose={() => openPerson(null)} />
      <CreatePersonModal
        open={createOpen}
        defaultUnitId={unit === null ? null : Number(unit)}
        onClose={() => setCreateOpen(false)}
        onCreated={(person) => {
          setCreateOpen(false);
          openPerson(person.id);
        }}
      />
    </>
  );
}
