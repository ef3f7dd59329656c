import type { Me } from '@baton/contract/auth';
import { can, isMemberOnly } from '../modules/auth/auth.api';

export type NavKey =
  | 'home'
  | 'worklog'
  | 'worklogCalendar'
  | 'feed'
  | 'summary'
  | 'worklogStats'
  | 'me'
  | 'myPoints'
  | 'rankings'
  | 'redBlack'
  | 'periods'
  | 'reportCard'
  | 'appeals'
  | 'resultLists'
  | 'schemes'
  | 'pointEvents'
  | 'pointRules'
  | 'pointImport'
  | 'org'
  | 'people'
  | 'imports'
  | 'accounts'
  | 'workCalendar'
  | 'audit';

export interface NavItem {
  key: NavKey;
  path: string;
  /** The menu label when it is not `nav.<key>`. */
  label?: 'summaryAll';
}

/** Who reads the team feed: everyone with a work log of his own, and those who review or oversee others'. */
export function readsFeed(me: Me): boolean {
  return can(me, 'log.write') || can(me, 'log.review') || can(me, 'log.oversee');
}

/** Who works with the ledger of others (propose, approve, reverse, audit); a member reads his own on 我的积分. */
export function managesPoints(me: Me): boolean {
  return can(me, 'points.propose') || can(me, 'points.approve') || can(me, 'points.reverse') || can(me, 'audit.read');
}

/**
 * The menu of a caller, from the abilities the server sent (GET /api/me): a page
 * appears only when the caller may use it; the server still enforces every call.
 */
export function navItemsFor(me: Me): NavItem[] {
  const items: NavItem[] = [{ key: 'home', path: '/' }];
  if (can(me, 'log.write')) items.push({ key: 'worklog', path: '/worklog' }, { key: 'worklogCalendar', path: '/worklog/calendar' });
  if (readsFeed(me)) items.push({ key: 'feed', path: '/worklog/feed' });
  // 我的汇总 for someone with a work log of his own; an administrator without one reads others'
  if (can(me, 'log.write') || can(me, 'log.oversee')) items.push({ key: 'summary', path: '/worklog/summary', ...(me.person ? {} : { label: 'summaryAll' as const }) });
  if (can(me, 'log.oversee')) items.push({ key: 'worklogStats', path: '/worklog/stats' });
  if (me.person && can(me, 'points.read')) items.push({ key: 'myPoints', path: '/points/me' });
  if (can(me, 'ranking.read')) items.push({ key: 'rankings', path: '/rankings' });
  if (can(me, 'ranking.read') || can(me, 'redblack.manage')) items.push({ key: 'redBlack', path: '/red-black' });
  items.push({ key: 'periods', path: '/periods' });
  if (me.person && can(me, 'results.read')) items.push({ key: 'reportCard', path: '/report-cards/me' });
  // 申诉复核: the organization department decides; leaders and auditors follow the appeals of what they oversee
  if (can(me, 'appeal.decide') || can(me, 'results.oversee')) items.push({ key: 'appeals', path: '/appeals' });
  // 考用结合: the warning-talk and promotion lists of the people one oversees
  if (can(me, 'results.oversee')) items.push({ key: 'resultLists', path: '/result-lists' });
  if (can(me, 'scheme.manage') || can(me, 'results.export')) items.push({ key: 'schemes', path: '/schemes' });
  if (managesPoints(me)) items.push({ key: 'pointEvents', path: '/points/events' });
  if (can(me, 'points.read') || can(me, 'points.rules.manage')) items.push({ key: 'pointRules', path: '/points/rules' });
  if (can(me, 'points.import')) items.push({ key: 'pointImport', path: '/points/import' });
  if (me.person) items.push({ key: 'me', path: '/me' });
  if (can(me, 'org.read') && !isMemberOnly(me)) items.push({ key: 'org', path: '/org' });
  if (can(me, 'org.read')) items.push({ key: 'people', path: '/people' });
  if (can(me, 'org.import') || can(me, 'org.export')) items.push({ key: 'imports', path: '/imports' });
  if (can(me, 'account.manage')) items.push({ key: 'accounts', path: '/accounts' });
  if (can(me, 'calendar.manage')) items.push({ key: 'workCalendar', path: '/work-calendar' });
  if (can(me, 'audit.read')) items.push({ key: 'audit', path: '/audit' });
  return items;
}

/**
 * Where a caller lands after signing in on a phone: the work log for those who keep one and
 * administer nothing (members, leaders); administrators and auditors keep the dashboard.
 */
export function phoneLandingPath(me: Me): string {
  const administers = me.roles.some((r) => r.role === 'admin' || r.role === 'auditor');
  return can(me, 'log.write') && !administers ? '/worklog' : '/';
}

export function activeNavKey(pathname: string, items: NavItem[]): NavKey {
  const match = items
    .filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? 'home';
}
