import type { Messages } from '../../shared/messages';
import { authEnUS } from '../../modules/auth/auth.messages';
import { homeEnUS } from '../../modules/home/home.messages';
import { meEnUS } from '../../modules/me/me.messages';
import { orgEnUS } from '../../modules/org/org.messages';
import { peopleEnUS } from '../../modules/people/people.messages';
import { importsEnUS } from '../../modules/imports/imports.messages';
import { accountsEnUS } from '../../modules/accounts/accounts.messages';
import { auditEnUS } from '../../modules/audit/audit.messages';
import { worklogsEnUS } from '../../modules/worklogs/worklogs.messages';
import { workCalendarEnUS } from '../../modules/work-calendar/work-calendar.messages';
import { notificationsEnUS } from '../../modules/notifications/notifications.messages';
import { schemesEnUS } from '../../modules/schemes/schemes.messages';
import { periodsEnUS } from '../../modules/periods/periods.messages';
import { pointsEnUS } from '../../modules/points/points.messages';
import { rankingsEnUS } from '../../modules/rankings/rankings.messages';
import { redBlackEnUS } from '../../modules/red-black/red-black.messages';
import { reviewsEnUS } from '../../modules/reviews/reviews.messages';
import { resultsEnUS } from '../../modules/results/results.messages';
import { committeeEnUS } from '../../modules/committee/committee.messages';
import { appealsEnUS } from '../../modules/appeals/appeals.messages';
import { reportCardsEnUS } from '../../modules/report-cards/report-cards.messages';
import { resultListsEnUS } from '../../modules/result-lists/result-lists.messages';
import { appMessagesEnUS } from '../messages/app.messages';
import { commonMessagesEnUS } from '../messages/common.messages';
import type zhCN from './zh-CN';

/** English: the same tables as zh-CN.ts, in English; the type makes a missing or extra key a compile error. */
const enUS: Messages<typeof zhCN> = {
  ...appMessagesEnUS,
  ...commonMessagesEnUS,
  auth: authEnUS,
  home: homeEnUS,
  me: meEnUS,
  org: orgEnUS,
  people: peopleEnUS,
  imports: importsEnUS,
  accounts: accountsEnUS,
  audit: auditEnUS,
  worklogs: worklogsEnUS,
  workCalendar: workCalendarEnUS,
  notifications: notificationsEnUS,
  schemes: schemesEnUS,
  periods: periodsEnUS,
  points: pointsEnUS,
  rankings: rankingsEnUS,
  redBlack: redBlackEnUS,
  reviews: reviewsEnUS,
  results: resultsEnUS,
  committee: committeeEnUS,
  appeals: appealsEnUS,
  reportCards: reportCardsEnUS,
  resultLists: resultListsEnUS,
};

export default enUS;
