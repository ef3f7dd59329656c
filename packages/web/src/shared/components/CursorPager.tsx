import { Button, Flex, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CursorPagerProps {
  pageNumber: number;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  busy: boolean;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  summary?: ReactNode;
  pageSize?: number;
  pageSizes?: number[];
  onPageSize?: (size: number) => void;
  testId?: string;
}

/** Previous / next for cursor-paginated lists (no page jumps: a cursor only knows the next page). */
export function CursorPager({
  pageNumber,
  hasPrevious,
  nextCursor,
  busy,
  onPrevious,
  onNext,
  summary,
  pageSize,
  pageSizes,
  onPageSize,
  testId,
}: CursorPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
      <Typography.Text type="secondary" data-testid={testId ? `${testId}-summary` : undefined}>
        {summary}
        {summary ? ' · ' : null}
        {t('common.pageN', { n: pageNumber })}
      </Typography.Text>
      <Space wrap>
        {pageSize !== undefined && pageSizes && onPageSize ? (
          <Select
            size="small"
            value={pageSize}
            onChange={onPageSize}
            options={pageSizes.map((n) => ({ value: n, label: t('common.perPage', { n }) }))}
            style={{ width: 110 }}
          />
        ) : null}
        <Button size="small" icon={<LeftOutlined />} disabled={!hasPrevious || busy} onClick={onPrevious}>
          {t('common.previous')}
        </Button>
        <Button
          size="small"
          disabled={!nextCursor || busy}
          onClick={() => {
            if (nextCursor) onNext(nextCursor);
          }}
          data-testid={testId ? `${testId}-next` : undefined}
        >
          {t('common.next')} <RightOutlined />
        </Button>
      </Space>
    </Flex>
  );
}
