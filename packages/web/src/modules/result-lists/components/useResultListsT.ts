import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultListsKey } from '../result-lists.messages';

/**
 * `t` for this module's messages (the `resultLists` section of the locales), its keys checked
 * against result-lists.messages.ts rather than the app's locale type, so the module compiles on its own.
 */
export function useResultListsT(): (key: ResultListsKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key: ResultListsKey, options?: Record<string, unknown>) => t(`resultLists.${key}` as never, options as never) as unknown as string, [t]);
}
