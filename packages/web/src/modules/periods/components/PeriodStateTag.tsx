import { Flex, Tag } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PeriodState } from '@baton/contract/periods';
import { PERIOD_STATES } from '@baton/engine';

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
      {t(`periods.state.${state}`)}
    </Tag>
  );
}

/** 草稿 → 进行中 → 审核评鉴 → 公示中 → 已结束, the current state highlighted. */
export function PeriodStateFlow({ current }: { current?: PeriodState }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={4} wrap>
      {PERIOD_STATES.map((state, i) => (
        <Flex key={state} align="center" gap={4}>
          {i > 0 ? <RightOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.35)' }} /> : null}
          <Tag
            color={current === undefined || current === state ? STATE_COLORS[state] : undefined}
            style={{ marginInlineEnd: 0, opacity: current === undefined || current === state ? 1 : 0.55 }}
          >
            {t(`periods.state.${state}`)}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}

const SHORT_STATE_COLORS: Record<PeriodState, string> = { draft: 'default', open: 'processing', reviewing: 'gold', publicity: 'purple', closed: 'default' };

/**
 * The state in the short words of the period pickers and the headers of a period's pages (审核中,
 * 已关闭) and their own colours; the periods page names the states of its flow (审核评鉴, 已结束).
 */
export function ShortPeriodStateTag({ state }: { state: PeriodState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SHORT_STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {t(`periods.shortState.${state}`)}
    </Tag>
  );
}
