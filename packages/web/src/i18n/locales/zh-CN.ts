import { authZhCN } from '../../modules/auth/auth.messages';
import { homeZhCN } from '../../modules/home/home.messages';
import { meZhCN } from '../../modules/me/me.messages';
import { orgZhCN } from '../../modules/org/org.messages';
import { peopleZhCN } from '../../modules/people/people.messages';
import { importsZhCN } from '../../modules/imports/imports.messages';
import { accountsZhCN } from '../../modules/accounts/accounts.messages';
import { auditZhCN } from '../../modules/audit/audit.messages';
import { worklogsZhCN } from '../../modules/worklogs/worklogs.messages';
import { workCalendarZhCN } from '../../modules/work-calendar/work-calendar.messages';
import { notificationsZhCN } from '../../modules/notifications/notifications.messages';
import { schemesZhCN } from '../../modules/schemes/schemes.messages';
import { periodsZhCN } from '../../modules/periods/periods.messages';
import { pointsZhCN } from '../../modules/points/points.messages';
import { rankingsZhCN } from '../../modules/rankings/rankings.messages';
import { redBlackZhCN } from '../../modules/red-black/red-black.messages';
import { reviewsZhCN } from '../../modules/reviews/reviews.messages';
import { resultsZhCN } from '../../modules/results/results.messages';
import { committeeZhCN } from '../../modules/committee/committee.messages';
import { appealsZhCN } from '../../modules/appeals/appeals.messages';
import { reportCardsZhCN } from '../../modules/report-cards/report-cards.messages';
import { resultListsZhCN } from '../../modules/result-lists/result-lists.messages';
import { appMessagesZhCN } from '../messages/app.messages';
import { commonMessagesZhCN } from '../messages/common.messages';

/**
 * 简体中文 — the default language: the app-wide messages (i18n/messages) and each module's own
 * (modules/<module>/<module>.messages.ts) under the module's name. en-US.ts has exactly the same keys
 * (the compiler checks).
 */
const zhCN = {
  ...appMessagesZhCN,
  ...commonMessagesZhCN,
  auth: authZhCN,
  home: homeZhCN,
  me: meZhCN,
  org: orgZhCN,
  people: peopleZhCN,
  imports: importsZhCN,
  accounts: accountsZhCN,
  audit: auditZhCN,
  worklogs: worklogsZhCN,
  workCalendar: workCalendarZhCN,
  notifications: notificationsZhCN,
  schemes: schemesZhCN,
  periods: periodsZhCN,
  points: pointsZhCN,
  rankings: rankingsZhCN,
  redBlack: redBlackZhCN,
  reviews: reviewsZhCN,
  results: resultsZhCN,
  committee: committeeZhCN,
  appeals: appealsZhCN,
  reportCards: reportCardsZhCN,
  resultLists: resultListsZhCN,
};

export default zhCN;
