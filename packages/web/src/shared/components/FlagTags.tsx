import { Flex, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { parseFlag } from '../flags';

/** The engine's flags in words; quota ties stand out (the committee has to look at them). */
export function FlagTags({ flags, names }: { flags: readonly string[]; names?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  // several unrated (or missing) indicators read better as one tag: "未评分 3 项"
  const grouped = (['no-rating', 'missing'] as const).map((kind) => ({ kind, flags: flags.filter((f) => parseFlag(f).kind === kind) }));
  const single = flags.filter((f) => !grouped.some((g) => g.flags.length > 1 && g.flags.includes(f)));
  return (
    <Flex gap={4} wrap component="span">
      {grouped
        .filter((g) => g.flags.length > 1)
        .map((g) => (
          <Tooltip key={g.kind} title={g.flags.map((f) => names?.get(parseFlag(f).arg) ?? parseFlag(f).arg).join('、')}>
            <Tag style={{ marginInlineEnd: 0 }} data-testid={`flag-${g.kind}`}>
              {t(g.kind === 'no-rating' ? 'flags.noRatingMany' : 'flags.missingMany', { n: g.flags.length })}
            </Tag>
          </Tooltip>
        ))}
      {single.map((flag) => {
        const f = parseFlag(flag);
        const indicator = names?.get(f.arg) ?? f.arg;
        if (f.kind === 'quota-tie') {
          return (
            <Tag key={flag} color="volcano" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="flag-tie">
              {t('flags.quotaTie', { grade: f.arg })}
            </Tag>
          );
        }
        if (f.kind === 'tie-decision') {
          return (
            <Tag key={flag} color="green" style={{ marginInlineEnd: 0 }} data-testid="flag-tie-decision">
              {t('flags.tieDecision', { grade: f.arg })}
            </Tag>
          );
        }
        const text =
          f.kind === 'veto'
            ? t('flags.veto', { indicator })
            : f.kind === 'no-rating'
              ? t('flags.noRating', { indicator })
              : f.kind === 'missing'
                ? t('flags.missing', { indicator })
                : flag;
        return (
          <Tooltip key={flag} title={flag}>
            <Tag color={f.kind === 'veto' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
              {text}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
