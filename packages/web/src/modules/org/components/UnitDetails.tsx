import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, Tag } from 'antd';
import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Unit } from '@baton/contract/org';
import { dash } from '../../../shared/format';
import { useUnit } from '../org.api';

interface UnitDetailsProps {
  unit: Unit | null;
  subtreePeople: number;
  canManage: boolean;
  onEdit: (unit: Unit) => void;
  onAddChild: (unit: Unit) => void;
}

export function UnitDetails({ unit, subtreePeople, canManage, onEdit, onAddChild }: UnitDetailsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useUnit(unit?.id ?? null);

  if (!unit) {
    return (
      <Card>
        <Empty description={t('org.selectUnitHint')} />
      </Card>
    );
  }
  const data = detail.data ?? { ...unit, path: [] };
  const parentName = data.path.length > 1 ? data.path[data.path.length - 2]?.name : undefined;

  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <span>{data.name}</span>
          {data.active ? <Tag color="green">{t('org.active')}</Tag> : <Tag>{t('org.inactive')}</Tag>}
        </Flex>
      }
      extra={null}
      data-testid="unit-details"
      id="unit-details"
    >
      {data.path.length > 1 ? (
        <Breadcrumb style={{ marginBottom: 16 }} items={data.path.map((p) => ({ key: String(p.id), title: p.name }))} />
      ) : null}
      <Descriptions
        column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 3, xxl: 3 }}
        size="small"
        bordered
        items={[
          { key: 'code', label: t('org.code'), children: <span className="mono">{data.code}</span> },
          { key: 'type', label: t('org.type'), children: t(`org.unitTypes.${data.type}`) },
          { key: 'category', label: t('org.category'), children: dash(data.categoryName) },
          { key: 'parent', label: t('org.parent'), children: dash(parentName) },
          { key: 'people', label: t('org.peopleHere'), children: data.peopleCount },
          { key: 'subtree', label: t('org.peopleSubtree'), children: subtreePeople },
          { key: 'sort', label: t('org.sort'), children: data.sort },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button icon={<TeamOutlined />} onClick={() => navigate(`/people?unit=${encodeURIComponent(String(data.id))}`)}>
          {t('org.viewPeople')}
        </Button>
        {canManage ? (
          <>
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(unit)} data-testid="edit-unit">
              {t('common.edit')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => onAddChild(unit)}>
              {t('org.addChild')}
            </Button>
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
