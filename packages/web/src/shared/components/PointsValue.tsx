import { Typography } from 'antd';
import { formatPoints } from '../scores';

/** A delta with its sign, green for additions and red for deductions (the colors of 红黑榜). */
export function PointsValue({ value, strong, size }: { value: number | null | undefined; strong?: boolean; size?: number }) {
  const color = value === null || value === undefined || value === 0 ? undefined : value > 0 ? '#2f7d4f' : '#c8372d';
  return (
    <Typography.Text strong={strong} className="nowrap points-value" style={{ color, fontSize: size, fontVariantNumeric: 'tabular-nums' }}>
      {formatPoints(value)}
    </Typography.Text>
  );
}
