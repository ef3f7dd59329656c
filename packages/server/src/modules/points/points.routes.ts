import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';

export async function registerPointRoutes(_app: App, _deps: AppDeps): Promise<void> {}
