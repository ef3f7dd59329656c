import type { Command } from 'commander';
import type { Role } from '../../db/schema.js';
import { createAccount, resetAccountPassword } from '../../modules/accounts/index.js';
import type { Actor } from '../../policies/index.js';
import { CliError, openCliContext } from '../context.js';
import { findPersonByEmployeeNo } from '../../modules/people/index.js';
import { findAccountByUsername } from '../../modules/auth/index.js';

/** The CLI acts as the built-in system administrator; its changes are audited as "cli". */
const cliActor: Actor = { accountId: 0, username: 'cli', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };

const ROLES: Role[] = ['admin', 'leader', 'member', 'auditor'];

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('sign-in accounts');

  user
    .command('create <username>')
    .description('create an account; prints a temporary password unless --password is given')
    .option('--role <role...>', `roles: ${ROLES.join(', ')}; leader:<unitId> for a leader`, ['member'])
    .option('--person <employeeNo>', 'link the account to a person by employee number')
    .option('--password <password>', 'initial password (else a temporary one is generated)')
    .action(async (username: string, opts: { role: string[]; person?: string; password?: string }) => {
      const roles = opts.role.map((spec) => {
        const [role, unit] = spec.split(':');
        if (!ROLES.includes(role as Role)) throw new CliError(`--role: unknown role "${role}" (one of ${ROLES.join(', ')})`, 2);
        return { role: role as Role, unitId: unit ? Number(unit) : null };
      });
      const { deps, close } = await openCliContext();
      try {
        let personId: number | null = null;
        if (opts.person) {
          const p = await findPersonByEmployeeNo(deps.db, opts.person);
          if (!p) throw new CliError(`--person: no person with employee number ${opts.person}`, 2);
          personId = p.id;
        }
        const result = await createAccount(deps, cliActor, { username, personId, roles, password: opts.password });
        console.log(`created account ${result.account.username} (${result.account.roles.map((r) => r.role).join(', ')})`);
        if (result.temporaryPassword) console.log(`temporary password (must be changed at first sign-in): ${result.temporaryPassword}`);
      } finally {
        await close();
      }
    });

  user
    .command('reset-password <username>')
    .description('set a new temporary password and sign the user out everywhere')
    .option('--reason <text>', 'why (goes to the audit log)')
    .action(async (username: string, opts: { reason?: string }) => {
      const { deps, close } = await openCliContext();
      try {
        const account = await findAccountByUsername(deps.db, username);
        if (!account) throw new CliError(`no account named ${username}`, 2);
        const { temporaryPassword } = await resetAccountPassword(deps, cliActor, account.id, opts.reason ?? 'reset from the command line');
        console.log(`temporary password for ${username} (must be changed at next sign-in): ${temporaryPassword}`);
      } finally {
        await close();
      }
    });
}
