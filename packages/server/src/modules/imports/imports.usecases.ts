import type { OrgImportResult as OrgImportResultShape } from '@baton/contract/imports';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import type { NewPerson, NewUnit } from '../../db/schema.js';
import { authorize, type Actor } from '../../policies/index.js';
import { appendAuditRecords, type AuditEntry } from '../audit/index.js';
import { generatePassword, hashPassword } from '../auth/index.js';
import { type JobProgress, startJob } from '../jobs/index.js';
import { updateCategory, updateUnit } from '../org/index.js';
import { buildPersonSearchText, updatePerson } from '../people/index.js';
import { createImportInvalidError } from './imports.errors.js';
import {
  closeAssignments, deleteAssignments, insertAccounts, insertAssignments, insertCategories, insertPeople, insertPostTypes, insertPosts,
  insertUnits, listRolesOfPeopleWithUnitCodes, listRosterCategories, listRosterPeople, listRosterUnits, loadOrgSnapshot, replaceRolesOfAccounts,
} from './imports.repository.js';
import { planOrgImport, type OrgImportPlan, type PersonFields, type PlannedRole, type PostRef } from './org-import-plan.js';
import { readOrgWorkbook, TEMPLATE_EXAMPLE, writeOrgWorkbook, type OrgRoster, type ParsedOrgWorkbook, type RoleSpec } from './org-workbook.js';
import { issueTemporaryPasswords } from './temporary-passwords.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'dialect' | 'now'>;

export interface OrgImportFile { fileName: string; content: Buffer }

/** The password of a new account: its hash, and the clear text when it must be handed out. */
export type NewAccountCredentials = (username: string) => Promise<{ hash: string; temporaryPassword: string | null; mustChangePassword: boolean }>;

export interface ApplyOrgImportOptions {
  progress?: JobProgress | undefined;
  /** Default: a generated temporary password per account, to be changed at first sign-in. */
  credentials?: NewAccountCredentials | undefined;
  /** Default: the employee number. */
  usernameOf?: ((employeeNo: string) => string) | undefined;
}

/** The job's result (the contract's, served by GET /api/jobs/:id); `temporaryPasswords`: of the accounts this import created, shown once, to hand out. */
export type OrgImportResult = OrgImportResultShape;

const generatedCredentials: NewAccountCredentials = async () => {
  const password = generatePassword(14);
  return { hash: await hashPassword(password, 'temporary'), temporaryPassword: password, mustChangePassword: true };
};

/**
 * Reads an uploaded workbook and checks every row against the current organization. Throws 415
 * for a file that is not an .xlsx and 400 `import.invalid` with the whole error table; nothing
 * is written.
 */
export async function checkOrgImport({ db, now }: Deps, actor: Actor, file: OrgImportFile) {
  authorize(actor, 'org.import');
  const parsed = await readOrgWorkbook(file.content);
  const outcome = planOrgImport(parsed, await loadOrgSnapshot(db), { today: localDateOf(now()) });
  if (!outcome.ok) throw createImportInvalidError(outcome.issues);
  return { parsed, plan: outcome.plan };
}

/**
 * POST /api/imports/org and `baton import org`: checks the file at once (so errors come back with
 * the upload), then writes it in the background as the job `import.org` — in one transaction, so
 * a failure leaves nothing half-written.
 */
export async function startOrgImport(deps: Deps, actor: Actor, file: OrgImportFile): Promise<{ jobId: string }> {
  const { parsed, plan } = await checkOrgImport(deps, actor, file);
  const total = parsed.rowCount;
  const usernames = plan.accounts.create.map((a) => a.username);
  const { fileName } = file;
  const job = {
    kind: 'import.org', total, createdBy: actor.accountId,
    // Temporary passwords are shown once, from memory; the jobs table keeps only how many there were.
    persistResult: ({ temporaryPasswords, ...rest }: OrgImportResult) => ({ ...rest, temporaryPasswords: [], temporaryPasswordsIssued: temporaryPasswords.length }),
  };
  const jobId = await startJob(deps, job, async (progress) => {
    // Hashing is CPU work: done before the transaction, so the database is held only for writing.
    const prepared = await issueTemporaryPasswords(usernames, (n) => progress(0, total, `preparing new accounts ${n}/${usernames.length}`));
    const credentials: NewAccountCredentials = async (username) => {
      const secret = prepared.get(username);
      if (!secret) return generatedCredentials(username);
      return { hash: secret.hash, temporaryPassword: secret.password, mustChangePassword: true };
    };
    return inTransaction(deps.db, (trx) => applyOrgImport({ ...deps, db: trx }, actor, fileName, parsed, { progress, credentials }));
  });
  return { jobId };
}

/**
 * Imports a workbook now, in the caller's database handle — pass a transaction to make it part of
 * a larger unit of work (the demo seed does).
 */
export async function importOrgWorkbookNow(deps: Deps, actor: Actor, file: OrgImportFile, options: ApplyOrgImportOptions = {}): Promise<OrgImportResult> {
  authorize(actor, 'org.import');
  const parsed = await readOrgWorkbook(file.content);
  return applyOrgImport(deps, actor, file.fileName, parsed, options);
}

/**
 * Plans again against the organization as it is inside the transaction (it may have changed since
 * the upload was checked) and writes the plan: categories, post types and posts, units (parents
 * first), people and their assignments, accounts and roles — then one audit record per created or
 * changed record, with the reason `import <file name>`.
 */
async function applyOrgImport(
  { db, now }: Deps, actor: Actor, fileName: string, parsed: ParsedOrgWorkbook, options: ApplyOrgImportOptions,
): Promise<OrgImportResult> {
  const atDate = now();
  const at = atDate.toISOString();
  const snapshot = await loadOrgSnapshot(db);
  const outcome = planOrgImport(parsed, snapshot, { today: localDateOf(atDate), usernameOf: options.usernameOf });
  if (!outcome.ok) throw createImportInvalidError(outcome.issues);
  const plan = outcome.plan;
  const credentials = options.credentials ?? generatedCredentials;
  const reason = `import ${fileName}`;
  const audit: AuditEntry[] = [];
  const record = (action: string, entity: string, entityId: number, before: unknown, after: unknown) =>
    audit.push({ actorId: actor.accountId, actorLabel: actor.username, action, entity, entityId, before, after, reason });
  const total = plan.rowCount;
  let done = 0;
  const advance = (n: number, message: string) => {
    done = Math.min(total, done + n);
    options.progress?.(done, total, message);
  };

  // Categories, post types and posts: small, referenced by what follows.
  const categoryIds = new Map(snapshot.categories.map((c) => [c.code, c.id]));
  for (const row of await insertCategories(db, plan.categories.create.map((c) => ({ ...c, now: at })))) categoryIds.set(row.code, row.id);
  for (const c of plan.categories.create) record('category.created', 'category', categoryIds.get(c.code)!, undefined, c);
  for (const c of plan.categories.update) {
    await updateCategory(db, c.id, c.after, at);
    record('category.updated', 'category', c.id, { code: c.code, ...c.before }, { code: c.code, ...c.after });
  }
  advance(parsed.categories.length, 'categories');

  const postTypeIds = new Map(snapshot.postTypes.map((t) => [t.name, t.id]));
  for (const row of await insertPostTypes(db, plan.postTypes.create.map((t) => ({ ...t, now: at })))) {
    postTypeIds.set(row.name, row.id);
    record('post_type.created', 'post_type', row.id, undefined, { code: row.code, name: row.name });
  }
  const newPostIds = new Map<string, number>();
  const postRows = plan.posts.create.map((p) => ({ code: p.code, name: p.name, postTypeId: postTypeIds.get(p.postTypeName)!, now: at }));
  const insertedPosts = new Map((await insertPosts(db, postRows)).map((r) => [r.code, r.id]));
  for (const p of plan.posts.create) {
    const id = insertedPosts.get(p.code)!;
    newPostIds.set(p.key, id);
    record('post.created', 'post', id, undefined, { code: p.code, name: p.name, postTypeId: postTypeIds.get(p.postTypeName)! });
  }
  const postIdOf = (ref: PostRef | null) => (ref === null ? null : 'id' in ref ? ref.id : newPostIds.get(ref.newKey)!);

  // Units, level by level: a new unit is inserted once the unit it hangs under has an id.
  const unitIds = new Map(snapshot.units.map((u) => [u.code, u.id]));
  const unitId = (code: string) => unitIds.get(code)!;
  const categoryId = (code: string | null) => (code === null ? null : categoryIds.get(code)!);
  let pending = plan.units.create;
  while (pending.length > 0) {
    const ready = pending.filter((u) => u.parentCode === null || unitIds.has(u.parentCode));
    if (ready.length === 0) throw new Error(`units without a parent to hang under: ${pending.map((u) => u.code).join(', ')}`);
    const readySet = new Set(ready);
    pending = pending.filter((u) => !readySet.has(u));
    const rows: NewUnit[] = ready.map((u) => ({
      code: u.code, name: u.name, type: u.type, parent_id: u.parentCode === null ? null : unitId(u.parentCode), category_id: categoryId(u.categoryCode),
      sort: u.sort, active: 1, created_at: at, updated_at: at,
    }));
    for (const row of await insertUnits(db, rows)) unitIds.set(row.code, row.id);
    for (const row of rows) record('unit.created', 'unit', unitId(row.code), undefined, presentUnitRow(row.code, row));
    advance(ready.length, 'units');
  }
  for (const u of plan.units.update) {
    const changes = { name: u.after.name, type: u.after.type, parent_id: u.after.parentCode === null ? null : unitId(u.after.parentCode), category_id: categoryId(u.after.categoryCode), sort: u.after.sort };
    await updateUnit(db, u.id, { ...changes, updated_at: at });
    const before = { name: u.before.name, type: u.before.type, parent_id: u.before.parentCode === null ? null : unitId(u.before.parentCode), category_id: categoryId(u.before.categoryCode), sort: u.before.sort };
    record('unit.updated', 'unit', u.id, presentUnitRow(u.code, before), presentUnitRow(u.code, changes));
  }
  advance(parsed.units.length - plan.units.create.length, 'units');

  // People: inserted in batches with their first assignment; changes one by one (usually few).
  const personIds = new Map(snapshot.people.map((p) => [p.employee_no, p.id]));
  const personRow = (employeeNo: string, f: PersonFields) => ({
    employeeNo, name: f.name, gender: f.gender, unitId: unitId(f.unitCode), postId: postIdOf(f.post), rank: f.rank, phone: f.phone, status: f.status,
  });
  for (let i = 0; i < plan.people.create.length; i += 1000) {
    const batch = plan.people.create.slice(i, i + 1000);
    const rows: NewPerson[] = batch.map(({ employeeNo, fields: f }) => ({
      employee_no: employeeNo, name: f.name, gender: f.gender, unit_id: unitId(f.unitCode), post_id: postIdOf(f.post), rank: f.rank, phone: f.phone,
      status: f.status, search_text: buildPersonSearchText(f.name, employeeNo), created_at: at, updated_at: at,
    }));
    for (const row of await insertPeople(db, rows)) personIds.set(row.employee_no, row.id);
    await insertAssignments(db, batch.map((p) => ({
      person_id: personIds.get(p.employeeNo)!, unit_id: unitId(p.fields.unitCode), post_id: postIdOf(p.fields.post), rank: p.fields.rank,
      valid_from: p.validFrom, valid_to: null, reason, created_at: at,
    })));
    for (const p of batch) record('person.created', 'person', personIds.get(p.employeeNo)!, undefined, { ...personRow(p.employeeNo, p.fields), validFrom: p.validFrom });
    advance(batch.length, 'people');
  }
  const closing = new Map<string, number[]>();
  const replaced: number[] = [];
  const opened: Parameters<typeof insertAssignments>[1] = [];
  for (const [i, p] of plan.people.update.entries()) {
    const after = personRow(p.employeeNo, p.after);
    await updatePerson(db, p.id, {
      name: after.name, gender: after.gender, unit_id: after.unitId, post_id: after.postId, rank: after.rank, phone: after.phone, status: after.status,
      ...(p.before.name !== p.after.name && { search_text: buildPersonSearchText(p.after.name, p.employeeNo) }),
      updated_at: at,
    });
    if (p.move) {
      if (p.move.openAssignmentId !== null) {
        if (p.move.replace) replaced.push(p.move.openAssignmentId);
        else {
          const ids = closing.get(p.move.validFrom) ?? [];
          ids.push(p.move.openAssignmentId);
          closing.set(p.move.validFrom, ids);
        }
      }
      opened.push({ person_id: p.id, unit_id: after.unitId, post_id: after.postId, rank: after.rank, valid_from: p.move.validFrom, valid_to: null, reason, created_at: at });
    }
    record('person.updated', 'person', p.id, personRow(p.employeeNo, p.before), { ...after, ...(p.move && { effectiveFrom: p.move.validFrom }) });
    if ((i + 1) % 1000 === 0) advance(1000, 'people');
  }
  advance(total, 'people');
  await deleteAssignments(db, replaced);
  for (const [validTo, ids] of closing) await closeAssignments(db, ids, validTo);
  await insertAssignments(db, opened);

  // Accounts: one per person with roles, username = employee number (or the demo's names).
  const rolesOf = (accountId: number, roles: PlannedRole[]) =>
    roles.map((r) => ({ account_id: accountId, role: r.role, unit_id: r.unitCode === null ? null : unitId(r.unitCode) }));
  const presentRoles = (roles: PlannedRole[]) => roles.map((r) => ({ role: r.role, unitId: r.unitCode === null ? null : unitId(r.unitCode) }));
  const nameOf = new Map(parsed.people.map((p) => [p.employeeNo, p.name]));
  const temporaryPasswords: OrgImportResult['temporaryPasswords'] = [];
  const newAccounts = [];
  for (const a of plan.accounts.create) {
    const secret = await credentials(a.username);
    if (secret.temporaryPassword) temporaryPasswords.push({ employeeNo: a.employeeNo, name: nameOf.get(a.employeeNo) ?? '', username: a.username, password: secret.temporaryPassword });
    newAccounts.push({ username: a.username, personId: personIds.get(a.employeeNo)!, passwordHash: secret.hash, mustChangePassword: secret.mustChangePassword, now: at });
  }
  const accountIds = new Map((await insertAccounts(db, newAccounts)).map((r) => [r.username, r.id]));
  const roleRows = [
    ...plan.accounts.create.flatMap((a) => rolesOf(accountIds.get(a.username)!, a.roles)),
    ...plan.accounts.update.flatMap((a) => rolesOf(a.id, a.after)),
  ];
  await replaceRolesOfAccounts(db, plan.accounts.update.map((a) => a.id), roleRows);
  for (const a of plan.accounts.create) {
    const id = accountIds.get(a.username)!;
    record('account.created', 'account', id, undefined, { username: a.username, personId: personIds.get(a.employeeNo)!, roles: presentRoles(a.roles) });
  }
  for (const a of plan.accounts.update) record('account.updated', 'account', a.id, { roles: presentRoles(a.before) }, { roles: presentRoles(a.after) });

  options.progress?.(done, total, `writing ${audit.length} audit records`);
  await appendAuditRecords(db, audit, at);
  options.progress?.(total, total, 'done');
  return summarise(fileName, plan, audit.length, temporaryPasswords);
}

function presentUnitRow(code: string, u: { name: string; type: string; parent_id?: number | null; category_id?: number | null; sort?: number }) {
  return { code, name: u.name, type: u.type, parentId: u.parent_id ?? null, categoryId: u.category_id ?? null, sort: u.sort ?? 0 };
}

function summarise(fileName: string, plan: OrgImportPlan, auditRecords: number, temporaryPasswords: OrgImportResult['temporaryPasswords']): OrgImportResult {
  return {
    fileName,
    categories: { created: plan.categories.create.length, updated: plan.categories.update.length, unchanged: plan.categories.unchanged },
    units: { created: plan.units.create.length, updated: plan.units.update.length, unchanged: plan.units.unchanged },
    people: {
      created: plan.people.create.length, updated: plan.people.update.length, unchanged: plan.people.unchanged,
      moved: plan.people.update.filter((p) => p.move).length,
    },
    accounts: { created: plan.accounts.create.length, updated: plan.accounts.update.length, unchanged: plan.accounts.unchanged },
    postTypesCreated: plan.postTypes.create.length,
    postsCreated: plan.posts.create.length,
    auditRecords,
    temporaryPasswords,
  };
}

// ---- template and export -----------------------------------------------------------------------

export interface WorkbookDownload {
  /** The file name people see (Chinese). */
  fileName: string;
  /** An ASCII name for clients that cannot read a UTF-8 file name. */
  asciiFileName: string;
  content: Buffer;
}

/** The empty import layout with a few example rows (GET /api/imports/org/template). */
export async function buildOrgTemplate(_deps: Pick<AppDeps, 'now'>, actor: Actor): Promise<WorkbookDownload> {
  authorize(actor, 'org.import');
  return { fileName: '组织人员导入模板.xlsx', asciiFileName: 'baton-org-template.xlsx', content: await writeOrgWorkbook(TEMPLATE_EXAMPLE) };
}

/** The current roster in the import layout, so an export imports back to no change (GET /api/exports/org). */
export async function exportOrgRoster({ db, now }: Pick<AppDeps, 'db' | 'now'>, actor: Actor): Promise<WorkbookDownload> {
  authorize(actor, 'org.export');
  const roster = await loadOrgRoster(db);
  const date = localDateOf(now());
  return { fileName: `组织人员-${date}.xlsx`, asciiFileName: `baton-org-${date}.xlsx`, content: await writeOrgWorkbook(roster) };
}

async function loadOrgRoster(db: Deps['db']): Promise<OrgRoster> {
  const categories = await listRosterCategories(db);
  const units = await listRosterUnits(db);
  const people = await listRosterPeople(db);
  const roles = await listRolesOfPeopleWithUnitCodes(db);

  // Units in tree order (each after its parent, siblings by sort then age), people by unit.
  const children = new Map<number | null, typeof units>();
  for (const u of units) {
    const siblings = children.get(u.parent_id) ?? [];
    siblings.push(u);
    children.set(u.parent_id, siblings);
  }
  const known = new Set(units.map((u) => u.id));
  const ordered: typeof units = [];
  const visit = (parent: number | null) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.id - b.id)) {
      ordered.push(u);
      visit(u.id);
    }
  };
  visit(null);
  for (const u of units) if (u.parent_id !== null && !known.has(u.parent_id)) ordered.push(u);
  const unitOrder = new Map(ordered.map((u, i) => [u.id, i]));

  const rolesByPerson = new Map<number, RoleSpec[]>();
  const unitCodeOfPerson = new Map(people.map((p) => [p.id, p.unit_code]));
  for (const r of roles) {
    if (r.person_id === null) continue;
    const ownUnit = unitCodeOfPerson.get(r.person_id);
    const spec: RoleSpec = { role: r.role, unitCode: r.role === 'leader' && r.unit_code !== ownUnit ? r.unit_code : null };
    rolesByPerson.set(r.person_id, [...(rolesByPerson.get(r.person_id) ?? []), spec]);
  }

  return {
    categories: categories.map((c) => ({ code: c.code, name: c.name, description: c.description })),
    units: ordered.map((u) => ({ code: u.code, name: u.name, type: u.type, parentCode: u.parent_code, category: u.category_code, sort: u.sort })),
    people: [...people]
      .sort((a, b) => (unitOrder.get(a.unit_id) ?? 0) - (unitOrder.get(b.unit_id) ?? 0) || a.employee_no.localeCompare(b.employee_no))
      .map((p) => ({
        employeeNo: p.employee_no, name: p.name, gender: p.gender, unitCode: p.unit_code, post: p.post_name, postType: p.post_type_name,
        rank: p.rank, phone: p.phone, roles: rolesByPerson.get(p.id) ?? [], status: p.status,
        // Left empty: it is the date of the changes a re-import makes, not a record of the past.
        effectiveFrom: null,
      })),
  };
}
