import { Flex, Tag } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PeriodState } from '../schemes.api';
import { PERIOD_FLOW } from '../schemes.model';

export const STATE_COLORS: Record<PeriodState, string> = {
  draft: 'default',
  open: 'blue',
  reviewing: 'orange',
  publicity: 'purple',
  closed: 'green',
};

export function PeriodStateTag({ state }: { state: PeriodState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid={`period-state-${state}`}>
      {t(`schemes.state.${state}`)}
    </Tag>
  );
}

/** 草稿 → 进行中 → 审核评鉴 → 公示中 → 已结束, the current state highlighted. */
export function PeriodStateFlow({ current }: { current?: PeriodState }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={4} wrap>
      {PERIOD_FLOW.map((state, i) => (
        <Flex key={state} align="center" gap={4}>
          {i > 0 ? <RightOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.35)' }} /> : null}
          <Tag
            color={current === undefined || current === state ? STATE_COLORS[state] : undefined}
            style={{ marginInlineEnd: 0, opacity: current === undefined || current === state ? 1 : 0.55 }}
          >
            {t(`schemes.state.${state}`)}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}
