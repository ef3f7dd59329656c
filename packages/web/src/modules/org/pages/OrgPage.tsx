import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Row, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@baton/contract/org';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { can, useCurrentMe } from '../../auth/auth.api';
import { CategoriesTab } from '../components/CategoriesTab';
import { PostsTab } from '../components/PostsTab';
import { UnitDetails } from '../components/UnitDetails';
import { UnitFormDrawer, type UnitDrawerState } from '../components/UnitFormDrawer';
import { UnitTreePanel } from '../components/UnitTreePanel';
import { useUnits } from '../org.api';
import { buildUnitForest, subtreePeopleCount, type UnitNode } from '../unit-tree';

type OrgTab = 'units' | 'categories' | 'posts';

function findNode(forest: UnitNode[], key: string): UnitNode | undefined {
  for (const node of forest) {
    if (String(node.unit.id) === key) return node;
    const found = findNode(node.children, key);
    if (found) return found;
  }
  return undefined;
}

export default function OrgPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const canManage = can(me, 'org.manage');
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as OrgTab | null) ?? 'units';
  const units = useUnits();
  const forest = useMemo(() => buildUnitForest(units.data ?? []), [units.data]);
  const selectedKey = params.get('unit') ?? (forest[0] ? String(forest[0].unit.id) : null);
  const selectedNode = selectedKey ? findNode(forest, selectedKey) : undefined;
  const [drawer, setDrawer] = useState<UnitDrawerState>({ mode: 'closed' });

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const unitsTab = (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10} lg={8}>
        <Card size="small" title={t('org.unitTree')} styles={{ body: { paddingTop: 12 } }}>
          <UnitTreePanel
            units={units.data}
            loading={units.isLoading}
            selectedKey={selectedKey}
            onSelect={(unit: Unit) => {
              setParam('unit', String(unit.id));
              // On a phone the details are below the tree: bring them into view.
              if (isMobile) setTimeout(() => document.getElementById('unit-details')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
            }}
            height={isMobile ? 320 : 560}
          />
        </Card>
      </Col>
      <Col xs={24} md={14} lg={16}>
        <UnitDetails
          unit={selectedNode?.unit ?? null}
          subtreePeople={selectedNode ? subtreePeopleCount(selectedNode) : 0}
          canManage={canManage}
          onEdit={(unit) => setDrawer({ mode: 'edit', unit })}
          onAddChild={(unit) => setDrawer({ mode: 'create', parent: unit })}
        />
      </Col>
    </Row>
  );

  return (
    <>
      <PageHeader
        title={t('nav.org')}
        subtitle={t('org.subtitle', { count: units.data?.length ?? 0 })}
        extra={
          canManage && tab === 'units' ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer({ mode: 'create', parent: selectedNode?.unit ?? null })}
              data-testid="create-unit"
            >
              {t('org.createUnit')}
            </Button>
          ) : null
        }
      />
      {units.isError ? <Alert type="error" showIcon title={errorText(t, units.error)} style={{ marginBottom: 16 }} /> : null}
      <div className="panel">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key === 'units' ? null : key)}
          items={[
            { key: 'units', label: t('org.tabUnits'), children: unitsTab },
            { key: 'categories', label: t('org.tabCategories'), children: <CategoriesTab canManage={canManage} /> },
            { key: 'posts', label: t('org.tabPosts'), children: <PostsTab canManage={canManage} /> },
          ]}
        />
      </div>
      <UnitFormDrawer
        state={drawer}
        onClose={() => setDrawer({ mode: 'closed' })}
        onSaved={(unit) => {
          setDrawer({ mode: 'closed' });
          setParam('unit', String(unit.id));
        }}
      />
    </>
  );
}
