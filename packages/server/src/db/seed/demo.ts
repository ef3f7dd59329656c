import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import { hashPassword } from '../../modules/auth/index.js';
import { importOrgWorkbookNow, writeOrgWorkbook } from '../../modules/imports/index.js';
import type { Actor } from '../../policies/index.js';
import { buildDemoOrganization } from './demo-org.js';
import { seedDemoWorkLogs } from '../../modules/worklogs/index.js';
import { seedDemoPoints } from './demo-points.js';
import { seedDemoCycles } from './demo-cycles.js';

export interface DemoAccount { username: string; role: string; description: string }

/** The seed acts as the built-in system administrator (like the CLI); its audit records say "system". */
const seedActor: Actor = { accountId: 0, username: 'system', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };

/**
 * Seeds the demo district (docs/product.md §1 "The demo organization") in one transaction. The organization
 * is written as an .xlsx roster and imported through the import use case, so the demo goes through
 * the same validation as any upload. Later seed steps (work logs, points, periods) belong in the
 * same transaction, after the organization; the points practice follows through its use cases.
 */
export async function seedDemoOrganization(deps: AppDeps, { demoPassword }: { demoPassword: string }): Promise<{ accounts: DemoAccount[] }> {
  const demo = buildDemoOrganization({ today: localDateOf(deps.now()) });
  const content = await writeOrgWorkbook(demo.roster);
  // Every demo account shares the demo password: hashed once (at full cost), not 400 times.
  const hash = await hashPassword(demoPassword);
  await deps.db.transaction().execute(async (trx) => {
    const scoped = { ...deps, db: trx };
    await importOrgWorkbookNow(scoped, seedActor, { fileName: 'demo-organization.xlsx', content }, {
      credentials: async () => ({ hash, temporaryPassword: null, mustChangePassword: false }),
      usernameOf: (employeeNo) => demo.usernames.get(employeeNo) ?? employeeNo,
    });
    // Two months of work records (工作纪实): entries, leader comments, likes, flags, notifications.
    await seedDemoWorkLogs(scoped, { now: deps.now() });
  });
  // Points go through their use cases, each committing on its own (a use case opens its own transaction).
  await seedDemoPoints(deps);
  // Routine assessment (issue 6): a closed quarter with published results and the current one in review.
  await seedDemoCycles(deps);
  return { accounts: demo.accounts };
}
