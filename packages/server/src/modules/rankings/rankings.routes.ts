import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';

export async function registerRankingRoutes(_app: App, _deps: AppDeps): Promise<void> {}
