import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';

// Filled in by the import/export work (template, upload with progress, roster export).
export async function registerImportRoutes(_app: App, _deps: AppDeps) {}
