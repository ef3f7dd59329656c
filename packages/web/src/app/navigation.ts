import type { Me } from '../api/types';
import { can, isMemberOnly } from '../modules/auth/auth.api';

export type NavKey = 'home' | 'me' | 'org' | 'people' | 'imports' | 'accounts' | 'audit';

export interface NavItem {
  key: NavKey;
  path: string;
}

/**
 * The menu of a caller, from the abilities the server sent (GET /api/me): a page
 * appears only when the caller may use it; the server still enforces every call.
 */
export function navItemsFor(me: Me): NavItem[] {
  const items: NavItem[] = [{ key: 'home', path: '/' }];
  if (me.person) items.push({ key: 'me', path: '/me' });
  if (can(me, 'org.read') && !isMemberOnly(me)) items.push({ key: 'org', path: '/org' });
  if (can(me, 'org.read')) items.push({ key: 'people', path: '/people' });
  if (can(me, 'org.import') || can(me, 'org.export')) items.push({ key: 'imports', path: '/imports' });
  if (can(me, 'account.manage')) items.push({ key: 'accounts', path: '/accounts' });
  if (can(me, 'audit.read')) items.push({ key: 'audit', path: '/audit' });
  return items;
}

export function activeNavKey(pathname: string, items: NavItem[]): NavKey {
  const match = items
    .filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? 'home';
}
