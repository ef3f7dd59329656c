import { useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { theme } from './theme';
import { AppRoutes } from './routes';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers are final (403, 404, 401): retrying them only delays the message.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
    },
  });
}

/** On any 401 from the API: forget cached data and go to the sign-in page, remembering where we were. */
function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (window.location.pathname.startsWith('/sign-in')) return;
      const next = window.location.pathname + window.location.search;
      client.clear();
      navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
    });
  }, [navigate, client, location.key]);
  return null;
}

export function App() {
  const queryClient = useMemo(createQueryClient, []);
  const { i18n } = useTranslation();
  const antdLocale = i18n.language === 'en-US' ? enUSAntd : zhCNAntd;
  useEffect(() => {
    document.title = i18n.t('app.documentTitle');
  }, [i18n, i18n.language]);

  return (
    <ConfigProvider locale={antdLocale} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionExpiryRedirect />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
