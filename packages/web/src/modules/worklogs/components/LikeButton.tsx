import { App, Button } from 'antd';
import { LikeFilled, LikeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '@baton/contract/worklogs';
import { errorText } from '../../../shared/errors';
import { useToggleLike } from '../worklogs.api';

/** 点赞 for colleagues (`can.like`); for everyone else only the count. */
export function LikeButton({ entry }: { entry: LogEntry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toggle = useToggleLike();
  const icon = entry.likedByMe ? <LikeFilled /> : <LikeOutlined />;
  if (!entry.can.like) {
    return (
      <span className="entry-stat" aria-label={t('worklogs.likes', { count: entry.likeCount })}>
        <LikeOutlined /> {entry.likeCount}
      </span>
    );
  }
  return (
    <Button
      type="text"
      size="small"
      icon={icon}
      className={entry.likedByMe ? 'entry-liked' : undefined}
      loading={toggle.isPending}
      aria-pressed={entry.likedByMe}
      aria-label={entry.likedByMe ? t('worklogs.unlike') : t('worklogs.like')}
      data-testid="like-button"
      onClick={(event) => {
        event.stopPropagation();
        toggle.mutate({ logId: entry.id, like: !entry.likedByMe }, { onError: (error) => void message.error(errorText(t, error)) });
      }}
    >
      {entry.likeCount}
    </Button>
  );
}
