import type { AppDeps } from './deps.js';
import { migrateToLatest } from '../db/kysely.js';
import { seedDemoOrganization, type DemoAccount } from '../db/seed/demo.js';
import { appendAuditRecords } from '../modules/audit/index.js';
import { insertAccount, replaceRolesOfAccount } from '../modules/accounts/index.js';
import { findAccountByUsername, generatePassword, hashPassword } from '../modules/auth/index.js';
import { inTransaction } from '../db/transactions.js';
import { canSeedDemo, markDemoSeeded } from '../db/seed/seed.repository.js';

export interface BootstrapReport {
  adminCreated: boolean;
  /** Set only when the password was generated: printed once, never stored in clear. */
  generatedAdminPassword?: string;
  demoSeeded: boolean;
  demoPassword?: string;
  demoPasswordGenerated?: boolean;
  demoAccounts: DemoAccount[];
}

/** First start: migrations, the `admin` account, and (unless BATON_DEMO=0) the demo organization. */
export async function bootstrap(deps: AppDeps): Promise<BootstrapReport> {
  await migrateToLatest(deps.db);
  const report: BootstrapReport = { adminCreated: false, demoSeeded: false, demoAccounts: [] };
  const at = deps.now().toISOString();

  if (!(await findAccountByUsername(deps.db, 'admin'))) {
    const password = deps.config.adminPassword ?? generatePassword();
    const hash = await hashPassword(password);
    await inTransaction(deps.db, async (trx) => {
      const id = await insertAccount(trx, { username: 'admin', personId: null, passwordHash: hash, mustChangePassword: false, now: at });
      await replaceRolesOfAccount(trx, id, [{ role: 'admin', unitId: null }]);
      await appendAuditRecords(trx, [{ actorId: null, actorLabel: 'system', action: 'account.created', entity: 'account', entityId: id, after: { username: 'admin', roles: ['admin'] }, reason: 'first start' }], at);
    });
    report.adminCreated = true;
    if (!deps.config.adminPassword) report.generatedAdminPassword = password;
  }

  if (deps.config.seedDemo) {
    if (await canSeedDemo(deps.db)) {
      const demoPassword = deps.config.demoPassword ?? generatePassword(10);
      const { accounts } = await seedDemoOrganization(deps, { demoPassword });
      await markDemoSeeded(deps.db, at);
      Object.assign(report, { demoSeeded: true, demoPassword, demoPasswordGenerated: !deps.config.demoPassword, demoAccounts: accounts });
    }
  }
  return report;
}
