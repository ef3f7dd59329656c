import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import type { Ability } from '../api/types';
import { can, useCurrentMe } from '../modules/auth/auth.api';
import { SignInPage } from '../modules/auth/pages/SignInPage';
import { RequireSession } from './RequireSession';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

const HomePage = lazy(() => import('../modules/home/pages/HomePage'));
const MyInfoPage = lazy(() => import('../modules/me/pages/MyInfoPage'));
const OrgPage = lazy(() => import('../modules/org/pages/OrgPage'));
const PeoplePage = lazy(() => import('../modules/people/pages/PeoplePage'));
const ImportExportPage = lazy(() => import('../modules/imports/pages/ImportExportPage'));
const AccountsPage = lazy(() => import('../modules/accounts/pages/AccountsPage'));
const AuditPage = lazy(() => import('../modules/audit/pages/AuditPage'));
const ChangePasswordPage = lazy(() => import('../modules/auth/pages/ChangePasswordPage'));

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
        <Route
          index
          element={
            <Suspense fallback={<PageSpinner />}>
              <HomePage />
            </Suspense>
          }
        />
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
