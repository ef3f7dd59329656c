import { useLayoutEffect, useRef, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The text of an entry, comment or note exactly as written: React escapes it (never
 * dangerouslySetInnerHTML) and `white-space: pre-wrap` keeps the author's line breaks.
 * `clampLines` folds long entries in lists behind 展开 / 收起.
 */
export function EntryContent({ text, clampLines, testId = 'entry-content' }: { text: string; clampLines?: number; testId?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !clampLines || expanded) return;
    setOverflows(element.scrollHeight > element.clientHeight + 1);
  }, [text, clampLines, expanded]);

  const clamped = clampLines !== undefined && !expanded;
  return (
    <div>
      <div
        ref={ref}
        className={clamped ? 'entry-text entry-text-clamped' : 'entry-text'}
        style={clamped ? { WebkitLineClamp: clampLines } : undefined}
        data-testid={testId}
      >
        {text}
      </div>
      {clampLines !== undefined && (overflows || expanded) ? (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            setExpanded(!expanded);
          }}
          style={{ fontSize: 13 }}
        >
          {expanded ? t('worklogs.collapse') : t('worklogs.expand')}
        </Typography.Link>
      ) : null}
    </div>
  );
}
