import type { AppDeps } from '../../app/deps.js';

export interface DemoAccount { username: string; role: string; description: string }

/** Seeds the demo district (filled in by the seed work). */
export async function seedDemoOrganization(_deps: AppDeps, _opts: { demoPassword: string }): Promise<{ accounts: DemoAccount[] }> {
  return { accounts: [] };
}
