import { useEffect, useState } from 'react';
import { Alert, Descriptions, Drawer, Empty, Flex, Skeleton, Tabs, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '@baton/contract/people';
import type { Id } from '../../../shared/params';
import { errorText } from '../../../shared/errors';
import { dash, formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { usePerson } from '../people.api';
import { PersonEditForm } from './PersonEditForm';
import { PersonStatusTag } from './PersonStatusTag';

/** Newest assignment first: the timeline reads from "now" backwards. */
function byNewest(a: Assignment, b: Assignment): number {
  return b.validFrom.localeCompare(a.validFrom);
}

export function AssignmentTimeline({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <Empty description={t('people.noAssignments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="assignment-timeline"
      items={[...assignments].sort(byNewest).map((a, index) => ({
        key: `${a.validFrom}-${index}`,
        color: a.validTo ? 'gray' : 'green',
        content: (
          <div>
            <div className="nowrap" style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {formatDate(a.validFrom)} — {a.validTo ? formatDate(a.validTo) : t('people.current')}
            </div>
            <Typography.Text strong>{a.unitName}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {[a.postName, a.rank].filter(Boolean).join(' · ') || t('people.noPost')}
              </Typography.Text>
            </div>
            {a.reason ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.reason')}：{a.reason}
              </Typography.Text>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

interface PersonDrawerProps {
  personId: Id | null;
  canManage: boolean;
  onClose: () => void;
}

export function PersonDrawer({ personId, canManage, onClose }: PersonDrawerProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const person = usePerson(personId);
  const [tab, setTab] = useState<'details' | 'edit'>('details');
  useEffect(() => setTab('details'), [personId]);
  const data = person.data;

  const details = data ? (
    <Flex vertical gap={20}>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'employeeNo', label: t('people.employeeNo'), children: <span className="mono">{data.employeeNo}</span> },
          { key: 'gender', label: t('people.gender'), children: data.gender ? t(`people.genders.${data.gender}` as 'people.genders.男', { defaultValue: data.gender }) : '—' },
          { key: 'unit', label: t('people.unit'), children: data.unitName },
          { key: 'post', label: t('people.post'), children: data.postName ? `${data.postName}${data.postTypeName ? `（${data.postTypeName}）` : ''}` : '—' },
          { key: 'rank', label: t('people.rank'), children: dash(data.rank) },
          { key: 'phone', label: t('people.phone'), children: dash(data.phone) },
          { key: 'status', label: t('people.status'), children: <PersonStatusTag status={data.status} /> },
          {
            key: 'account',
            label: t('people.account'),
            children: data.username ? (
              <Flex gap={4} wrap>
                <span className="mono">{data.username}</span>
                {data.roles.map((r) => (
                  <Tag key={r} color="blue">
                    {t(`roles.${r}` as 'roles.admin', { defaultValue: r })}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('people.noAccount')
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('people.assignmentHistory')}</Typography.Title>
        <AssignmentTimeline assignments={data.assignments} />
      </div>
    </Flex>
  ) : null;

  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={
        data ? (
          <Flex align="center" gap={8}>
            <span data-testid="person-drawer-name">{data.name}</span>
            <PersonStatusTag status={data.status} />
          </Flex>
        ) : (
          t('people.person')
        )
      }
      data-testid="person-drawer"
    >
      {person.isLoading ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {person.isError ? <Alert type="error" showIcon title={errorText(t, person.error)} /> : null}
      {data ? (
        canManage ? (
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as 'details' | 'edit')}
            items={[
              { key: 'details', label: t('people.tabDetails'), children: details },
              { key: 'edit', label: t('people.tabEdit'), children: <PersonEditForm person={data} onSaved={() => setTab('details')} /> },
            ]}
          />
        ) : (
          details
        )
      ) : null}
    </Drawer>
  );
}
