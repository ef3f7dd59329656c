import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tag } from 'antd';
import { LockOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { dash } from '../../../shared/format';
import { can, useCurrentMe } from '../../auth/auth.api';
import { usePerson } from '../../people/people.api';
import { AssignmentTimeline } from '../../people/components/PersonDrawer';
import { PersonStatusTag } from '../../people/components/PersonStatusTag';

/** 我的信息: the caller's own record, assignment history and account. */
export default function MyInfoPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const person = usePerson(me.person?.id ?? null);
  const data = person.data;

  return (
    <>
      <PageHeader
        title={t('nav.me')}
        extra={
          <>
            {me.person && can(me, 'org.read') ? (
              <Button icon={<TeamOutlined />} onClick={() => navigate(`/people?unit=${encodeURIComponent(String(me.person?.unitId))}`)}>
                {t('me.unitPeople')}
              </Button>
            ) : null}
            <Button icon={<LockOutlined />} onClick={() => navigate('/change-password')}>
              {t('nav.changePassword')}
            </Button>
          </>
        }
      />
      {!me.person ? <Empty description={t('home.noPerson')} /> : null}
      {person.isError ? <Alert type="error" showIcon title={errorText(t, person.error)} style={{ marginBottom: 16 }} /> : null}
      {me.person ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t('me.profile')}>
              {person.isLoading ? (
                <Skeleton active />
              ) : (
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    { key: 'name', label: t('people.name'), children: data?.name ?? me.person.name },
                    { key: 'employeeNo', label: t('people.employeeNo'), children: <span className="mono">{data?.employeeNo ?? me.person.employeeNo}</span> },
                    { key: 'unit', label: t('people.unit'), children: data?.unitName ?? me.person.unitName },
                    { key: 'post', label: t('people.post'), children: dash(data?.postName ?? me.person.postName) },
                    { key: 'rank', label: t('people.rank'), children: dash(data?.rank ?? me.person.rank) },
                    { key: 'phone', label: t('people.phone'), children: dash(data?.phone) },
                    { key: 'status', label: t('people.status'), children: data ? <PersonStatusTag status={data.status} /> : '—' },
                  ]}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <Card title={t('me.account')}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'username', label: t('accounts.username'), children: <span className="mono">{me.account.username}</span> },
                    {
                      key: 'roles',
                      label: t('accounts.roles'),
                      children: (
                        <Flex gap={4} wrap>
                          {me.roles.map((r, i) => (
                            <Tag key={`${r.role}-${i}`} color="blue">
                              {t(`roles.${r.role}`)}
                              {r.unitName ? ` · ${r.unitName}` : ''}
                            </Tag>
                          ))}
                        </Flex>
                      ),
                    },
                  ]}
                />
              </Card>
              <Card title={t('people.assignmentHistory')}>
                {person.isLoading ? <Skeleton active /> : <AssignmentTimeline assignments={data?.assignments ?? []} />}
              </Card>
            </Flex>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
