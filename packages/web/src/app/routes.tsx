import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import type { Ability } from '@baton/contract/auth';
import { can, useCurrentMe } from '../modules/auth/auth.api';
import { SignInPage } from '../modules/auth/pages/SignInPage';
import { useIsMobile } from '../shared/hooks/useIsMobile';
import { RequireSession } from './RequireSession';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { phoneLandingPath } from './navigation';

const HomePage = lazy(() => import('../modules/home/pages/HomePage'));
const MyInfoPage = lazy(() => import('../modules/me/pages/MyInfoPage'));
const OrgPage = lazy(() => import('../modules/org/pages/OrgPage'));
const PeoplePage = lazy(() => import('../modules/people/pages/PeoplePage'));
const ImportExportPage = lazy(() => import('../modules/imports/pages/ImportExportPage'));
const AccountsPage = lazy(() => import('../modules/accounts/pages/AccountsPage'));
const AuditPage = lazy(() => import('../modules/audit/pages/AuditPage'));
const ChangePasswordPage = lazy(() => import('../modules/auth/pages/ChangePasswordPage'));
const MyWorkLogPage = lazy(() => import('../modules/worklogs/pages/MyWorkLogPage'));
const CalendarPage = lazy(() => import('../modules/worklogs/pages/CalendarPage'));
const FeedPage = lazy(() => import('../modules/worklogs/pages/FeedPage'));
const SummaryPage = lazy(() => import('../modules/worklogs/pages/SummaryPage'));
const StatsPage = lazy(() => import('../modules/worklogs/pages/StatsPage'));
const WorkCalendarPage = lazy(() => import('../modules/work-calendar/pages/WorkCalendarPage'));
const PointRulesPage = lazy(() => import('../modules/points/pages/PointRulesPage'));
const PointEventsPage = lazy(() => import('../modules/points/pages/PointEventsPage'));
const PointImportPage = lazy(() => import('../modules/points/pages/PointImportPage'));
const MyPointsPage = lazy(() => import('../modules/rankings/pages/MyPointsPage'));
const RankingsPage = lazy(() => import('../modules/rankings/pages/RankingsPage'));
const RedBlackPage = lazy(() => import('../modules/red-black/pages/RedBlackPage'));
const SchemesPage = lazy(() => import('../modules/schemes/pages/SchemesPage'));
const SchemeEditorPage = lazy(() => import('../modules/schemes/pages/SchemeEditorPage'));
const PeriodsPage = lazy(() => import('../modules/periods/pages/PeriodsPage'));
const MySummaryPage = lazy(() => import('../modules/reviews/pages/MySummaryPage'));
const ReviewPage = lazy(() => import('../modules/reviews/pages/ReviewPage'));
const ResultsPage = lazy(() => import('../modules/results/pages/ResultsPage'));
const ReportCardPage = lazy(() => import('../modules/report-cards/pages/ReportCardPage'));
const AppealsPage = lazy(() => import('../modules/appeals/pages/AppealsPage'));
const ResultListsPage = lazy(() => import('../modules/result-lists/pages/ResultListsPage'));

export function PageSpinner() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin />
    </Flex>
  );
}

/** Hides a page the caller has no ability for (the server would answer 403 anyway). */
function RequireAbility({ any, children }: { any: Ability[]; children: ReactNode }) {
  const me = useCurrentMe();
  if (!any.some((ability) => can(me, ability))) return <NotFoundPage forbidden />;
  return <>{children}</>;
}

/**
 * `/`: the dashboard — except when a member opens the app on his phone: his first screen is the
 * work log (the initial location of a page load has the key "default"; the 首页 menu item still
 * reaches the dashboard).
 */
function Home() {
  const me = useCurrentMe();
  const location = useLocation();
  const isMobile = useIsMobile();
  const landing = phoneLandingPath(me);
  if (isMobile && location.key === 'default' && landing !== '/') return <Navigate to={landing} replace />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <HomePage />
    </Suspense>
  );
}

const page = (element: ReactNode) => <Suspense fallback={<PageSpinner />}>{element}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route
          path="worklog"
          element={<RequireAbility any={['log.write']}>{page(<MyWorkLogPage />)}</RequireAbility>}
        />
        <Route
          path="worklog/calendar"
          element={<RequireAbility any={['log.write', 'log.oversee']}>{page(<CalendarPage />)}</RequireAbility>}
        />
        <Route
          path="worklog/feed"
          element={<RequireAbility any={['log.write', 'log.review', 'log.oversee']}>{page(<FeedPage />)}</RequireAbility>}
        />
        <Route
          path="worklog/summary"
          element={<RequireAbility any={['log.write', 'log.oversee']}>{page(<SummaryPage />)}</RequireAbility>}
        />
        <Route
          path="worklog/stats"
          element={<RequireAbility any={['log.oversee']}>{page(<StatsPage />)}</RequireAbility>}
        />
        <Route
          path="work-calendar"
          element={<RequireAbility any={['calendar.manage']}>{page(<WorkCalendarPage />)}</RequireAbility>}
        />
        <Route path="points/me" element={<RequireAbility any={['points.read']}>{page(<MyPointsPage />)}</RequireAbility>} />
        <Route
          path="points/people/:personId"
          element={<RequireAbility any={['points.propose', 'points.approve', 'points.reverse', 'audit.read']}>{page(<MyPointsPage />)}</RequireAbility>}
        />
        <Route
          path="points/events"
          element={<RequireAbility any={['points.propose', 'points.approve', 'points.reverse', 'audit.read']}>{page(<PointEventsPage />)}</RequireAbility>}
        />
        <Route path="points/rules" element={<RequireAbility any={['points.read', 'points.rules.manage']}>{page(<PointRulesPage />)}</RequireAbility>} />
        <Route path="points/import" element={<RequireAbility any={['points.import']}>{page(<PointImportPage />)}</RequireAbility>} />
        <Route path="rankings" element={<RequireAbility any={['ranking.read']}>{page(<RankingsPage />)}</RequireAbility>} />
        <Route path="red-black" element={<RequireAbility any={['ranking.read', 'redblack.manage']}>{page(<RedBlackPage />)}</RequireAbility>} />
        <Route path="schemes" element={<RequireAbility any={['scheme.manage', 'results.export']}>{page(<SchemesPage />)}</RequireAbility>} />
        <Route path="schemes/new" element={<RequireAbility any={['scheme.manage']}>{page(<SchemeEditorPage />)}</RequireAbility>} />
        <Route path="schemes/:schemeId" element={<RequireAbility any={['scheme.manage', 'results.export']}>{page(<SchemeEditorPage />)}</RequireAbility>} />
        <Route path="periods" element={page(<PeriodsPage />)} />
        <Route path="periods/:periodId/summary" element={<RequireAbility any={['summary.write']}>{page(<MySummaryPage />)}</RequireAbility>} />
        <Route path="periods/:periodId/review" element={<RequireAbility any={['review.rate']}>{page(<ReviewPage />)}</RequireAbility>} />
        <Route path="periods/:periodId/results" element={<RequireAbility any={['results.read']}>{page(<ResultsPage />)}</RequireAbility>} />
        <Route path="report-cards/:personId" element={<RequireAbility any={['results.read']}>{page(<ReportCardPage />)}</RequireAbility>} />
        <Route path="appeals" element={<RequireAbility any={['appeal.decide', 'results.oversee']}>{page(<AppealsPage />)}</RequireAbility>} />
        <Route path="result-lists" element={<RequireAbility any={['results.oversee']}>{page(<ResultListsPage />)}</RequireAbility>} />
        <Route path="me" element={<Suspense fallback={<PageSpinner />}><MyInfoPage /></Suspense>} />
        <Route
          path="org"
          element={
            <RequireAbility any={['org.read']}>
              <Suspense fallback={<PageSpinner />}><OrgPage /></Suspense>
            </RequireAbility>
          }
        />
        <Route
          path="people"
          element={
            <RequireAbility any={['org.read']}>
              <Suspense fallback={<PageSpinner />}><PeoplePage /></Suspense>
            </RequireAbility>
          }
        />
        <Route
          path="imports"
          element={
            <RequireAbility any={['org.import', 'org.export']}>
              <Suspense fallback={<PageSpinner />}><ImportExportPage /></Suspense>
            </RequireAbility>
          }
        />
        <Route
          path="accounts"
          element={
            <RequireAbility any={['account.manage']}>
              <Suspense fallback={<PageSpinner />}><AccountsPage /></Suspense>
            </RequireAbility>
          }
        />
        <Route
          path="audit"
          element={
            <RequireAbility any={['audit.read']}>
              <Suspense fallback={<PageSpinner />}><AuditPage /></Suspense>
            </RequireAbility>
          }
        />
        <Route path="change-password" element={<Suspense fallback={<PageSpinner />}><ChangePasswordPage /></Suspense>} />
        <Route path="home" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
