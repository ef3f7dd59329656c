import { useNavigate } from 'react-router-dom';
import { Button, Card, Flex, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../worklogs.model';
import { useReminders } from '../worklog-reports.api';

/** On the dashboard: today's work log at a glance — written or not — and the days still to backfill. */
export function WorkLogHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reminders = useReminders(true);
  const data = reminders.data;
  if (!data) return null;
  const done = data.todayLogged || !data.todayIsWorkingDay;
  return (
    <Card size="small" data-testid="worklog-home-card">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={10} align="flex-start">
          {done && data.count === 0 ? (
            <CheckCircleFilled style={{ color: '#4b8b6f', fontSize: 20, marginTop: 2 }} />
          ) : (
            <ExclamationCircleFilled style={{ color: '#d48a3a', fontSize: 20, marginTop: 2 }} />
          )}
          <div>
            <Typography.Text strong>
              {data.todayLogged ? t('home.worklogDone') : data.todayIsWorkingDay ? t('home.worklogDue') : t('home.worklogRestDay')}
            </Typography.Text>
            {data.count > 0 ? (
              <div>
                <Typography.Text type="danger" style={{ fontSize: 13 }}>
                  {t('home.worklogMissed', { count: data.count, days: data.missedDays.map((d) => formatDay(t, d.date)).join('、') })}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        </Flex>
        <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('/worklog')}>
          {t('worklogs.write')}
        </Button>
      </Flex>
    </Card>
  );
}
