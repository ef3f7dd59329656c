import { pinyin } from 'pinyin-pro';
import type { PersonStatus, Role, UnitType } from '../../db/schema.js';
import type { ImportIssue } from './imports.errors.js';
import { columnHeader, sheetName, type Located, type ParsedOrgWorkbook, type PersonRecord, type SheetKey } from './org-workbook.js';

/**
 * The rules of an organization import, as a pure function: the parsed workbook and a snapshot of
 * the current organization in, every problem (with its sheet, row and column) or the exact list
 * of creations and changes out. Nothing is written here, so a file is checked completely before
 * anything is written, and an unchanged file plans nothing (re-imports are idempotent).
 */

export interface OrgSnapshot {
  categories: { id: number; code: string; name: string; description: string | null }[];
  units: { id: number; code: string; name: string; type: UnitType; parent_id: number | null; category_id: number | null; sort: number }[];
  postTypes: { id: number; code: string; name: string }[];
  posts: { id: number; code: string; name: string; post_type_id: number }[];
  people: {
    id: number; employee_no: string; name: string; gender: string | null; unit_id: number; post_id: number | null;
    rank: string | null; phone: string | null; status: PersonStatus;
  }[];
  openAssignments: { id: number; person_id: number; valid_from: string }[];
  accounts: { id: number; username: string; person_id: number | null; disabled: number }[];
  roles: { account_id: number; role: Role; unit_id: number | null }[];
}

export interface PlanOptions {
  /** Today in the organization's time zone: the default effective date. */
  today: string;
  /** The username of a new account (default: the employee number). */
  usernameOf?: ((employeeNo: string) => string) | undefined;
}

/** A post: one that exists, or one this import creates (by post type name and post name). */
export type PostRef = { id: number } | { newKey: string };

export interface UnitFields { name: string; type: UnitType; parentCode: string | null; categoryCode: string | null; sort: number }
export interface PersonFields {
  name: string; gender: string | null; unitCode: string; post: PostRef | null; rank: string | null; phone: string | null; status: PersonStatus;
}
/** A role with the unit it applies to (only leaders have one). */
export interface PlannedRole { role: Role; unitCode: string | null }

export interface OrgImportPlan {
  categories: {
    create: { code: string; name: string; description: string | null }[];
    update: { id: number; code: string; before: { name: string; description: string | null }; after: { name: string; description: string | null } }[];
    unchanged: number;
  };
  postTypes: { create: { code: string; name: string }[] };
  posts: { create: { key: string; code: string; name: string; postTypeName: string }[] };
  units: {
    /** Parents before children. */
    create: ({ code: string } & UnitFields)[];
    update: { id: number; code: string; before: UnitFields; after: UnitFields }[];
    unchanged: number;
  };
  people: {
    create: { employeeNo: string; fields: PersonFields; validFrom: string }[];
    update: {
      id: number; employeeNo: string; before: PersonFields; after: PersonFields;
      /** A change of unit, post or rank: the open assignment is closed on `validFrom` (or replaced when it began that day). */
      move: { openAssignmentId: number | null; replace: boolean; validFrom: string } | null;
    }[];
    unchanged: number;
  };
  accounts: {
    create: { employeeNo: string; username: string; roles: PlannedRole[] }[];
    update: { id: number; employeeNo: string; before: PlannedRole[]; after: PlannedRole[] }[];
    unchanged: number;
  };
  /** Rows of the file, for progress. */
  rowCount: number;
}

export type PlanOutcome = { ok: true; plan: OrgImportPlan } | { ok: false; issues: ImportIssue[] };

const postKey = (postTypeName: string, postName: string) => `${postTypeName}\u0000${postName}`;
const sameRef = (a: PostRef | null, b: PostRef | null) =>
  a === null || b === null ? a === b : 'id' in a && 'id' in b ? a.id === b.id : 'newKey' in a && 'newKey' in b && a.newKey === b.newKey;
const blankToNull = (v: string | null) => (v === null || v === '' ? null : v);
const roleKey = (r: PlannedRole) => `${r.role}:${r.unitCode ?? ''}`;
const sameRoles = (a: PlannedRole[], b: PlannedRole[]) => a.map(roleKey).sort().join(',') === b.map(roleKey).sort().join(',');

/** A readable code for a name: the pinyin initials (综合管理类 → ZHGLL), made unique with a suffix. */
function codeFor(name: string, taken: Set<string>, prefix = ''): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase().replace(/[^A-Z0-9]/g, '');
  const base = `${prefix}${initials || 'X'}`.slice(0, 60);
  let code = base;
  for (let n = 2; taken.has(code); n += 1) code = `${base}-${n}`;
  taken.add(code);
  return code;
}

export function planOrgImport(parsed: ParsedOrgWorkbook, snapshot: OrgSnapshot, options: PlanOptions): PlanOutcome {
  const issues: ImportIssue[] = [...parsed.issues];
  const sheetLabel = (sheet: SheetKey) => parsed.labels.sheets[sheet] ?? sheetName(sheet);
  const issue = (sheet: SheetKey, row: number, column: string, message: string) =>
    issues.push({ sheet: sheetLabel(sheet), row, column: parsed.labels.headers[sheet].get(column) ?? columnHeader(sheet, column), message });
  const has = (sheet: SheetKey, column: string) => parsed.columns[sheet].has(column);

  /** Rows that share a key are all reported, each naming the others. */
  function reportDuplicates<T extends { row: number }>(sheet: SheetKey, column: string, rows: T[], keyOf: (r: T) => string, label: string) {
    const byKey = new Map<string, number[]>();
    for (const r of rows) {
      const key = keyOf(r);
      if (!key) continue;
      const seenAt = byKey.get(key) ?? [];
      seenAt.push(r.row);
      byKey.set(key, seenAt);
    }
    const duplicated = new Set<string>();
    for (const [key, at] of byKey) {
      if (at.length < 2) continue;
      duplicated.add(key);
      const listed = at.length > 10 ? `${at.slice(0, 10).join(', ')} … (${at.length} rows)` : at.join(', ');
      for (const row of at) issue(sheet, row, column, `${label} ${key} appears more than once in the sheet (rows ${listed})`);
    }
    return duplicated;
  }

  // ---- categories ----------------------------------------------------------------------------
  const categoryByCode = new Map(snapshot.categories.map((c) => [c.code, c]));
  const categoryCodeById = new Map(snapshot.categories.map((c) => [c.id, c.code]));
  reportDuplicates('categories', 'code', parsed.categories, (c) => c.code, '分类编码');
  const finalCategoryName = new Map(snapshot.categories.map((c) => [c.code, c.name]));
  for (const c of parsed.categories) if (c.code && c.name) finalCategoryName.set(c.code, c.name);
  const plan: OrgImportPlan = {
    categories: { create: [], update: [], unchanged: 0 },
    postTypes: { create: [] },
    posts: { create: [] },
    units: { create: [], update: [], unchanged: 0 },
    people: { create: [], update: [], unchanged: 0 },
    accounts: { create: [], update: [], unchanged: 0 },
    rowCount: parsed.rowCount,
  };
  const plannedCategoryCodes = new Set<string>();
  for (const c of parsed.categories) {
    if (!c.code || !c.name || plannedCategoryCodes.has(c.code)) continue;
    plannedCategoryCodes.add(c.code);
    const existing = categoryByCode.get(c.code);
    const description = has('categories', 'description') ? c.description : existing?.description ?? null;
    if (!existing) {
      plan.categories.create.push({ code: c.code, name: c.name, description });
    } else if (existing.name !== c.name || blankToNull(existing.description) !== blankToNull(description)) {
      plan.categories.update.push({
        id: existing.id, code: c.code,
        before: { name: existing.name, description: existing.description }, after: { name: c.name, description },
      });
    } else {
      plan.categories.unchanged += 1;
    }
  }

  /** A category cell: a code first, else a name that only one category has. */
  function resolveCategory(value: string): { code: string } | { error: string } {
    if (finalCategoryName.has(value)) return { code: value };
    const byName = [...finalCategoryName].filter(([, name]) => name === value).map(([code]) => code);
    if (byName.length === 1) return { code: byName[0]! };
    if (byName.length > 1) return { error: `the category name ${value} is ambiguous (codes ${byName.join(', ')}): use the code` };
    return { error: `unknown category ${value}: add it to the 单位分类 sheet or create it first` };
  }

  // ---- units ---------------------------------------------------------------------------------
  const unitByCode = new Map(snapshot.units.map((u) => [u.code, u]));
  const unitCodeById = new Map(snapshot.units.map((u) => [u.id, u.code]));
  const duplicateUnits = reportDuplicates('units', 'code', parsed.units, (u) => u.code, '单位编码');
  const fileUnits = new Map<string, Located<(typeof parsed.units)[number]>>();
  for (const u of parsed.units) if (u.code && !duplicateUnits.has(u.code)) fileUnits.set(u.code, u);
  const unitExists = (code: string) => fileUnits.has(code) || duplicateUnits.has(code) || unitByCode.has(code);

  /** Where every unit hangs after the import: the file's parent where it has the unit, else the database's. */
  const finalParent = new Map<string, string | null>();
  for (const u of snapshot.units) finalParent.set(u.code, u.parent_id === null ? null : unitCodeById.get(u.parent_id) ?? null);
  const unitFields = new Map<string, UnitFields>();
  for (const u of fileUnits.values()) {
    let parentOk = true;
    if (u.parentCode !== null && u.parentCode === u.code) {
      issue('units', u.row, 'parentCode', `a unit cannot be its own parent (${u.code})`);
      parentOk = false;
    } else if (u.parentCode !== null && !unitExists(u.parentCode)) {
      issue('units', u.row, 'parentCode', `unknown unit code ${u.parentCode}: neither in this sheet nor in Baton`);
      parentOk = false;
    }
    const existing = unitByCode.get(u.code);
    let categoryCode: string | null;
    if (!has('units', 'category')) {
      categoryCode = existing?.category_id != null ? categoryCodeById.get(existing.category_id) ?? null : null;
    } else if (u.category === null) {
      categoryCode = null;
    } else {
      const resolved = resolveCategory(u.category);
      if ('error' in resolved) {
        issue('units', u.row, 'category', resolved.error);
        categoryCode = null;
      } else {
        categoryCode = resolved.code;
      }
    }
    finalParent.set(u.code, parentOk ? u.parentCode : existing ? finalParent.get(u.code) ?? null : null);
    unitFields.set(u.code, {
      name: u.name, type: u.type, parentCode: u.parentCode, categoryCode,
      sort: has('units', 'sort') ? u.sort ?? 0 : existing?.sort ?? u.sort ?? 0,
    });
  }

  // Cycles: walk up from every unit of the file; a walk that meets itself is a cycle.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of fileUnits.keys()) {
    const path: string[] = [];
    let code: string | null | undefined = start;
    while (code != null && !state.has(code)) {
      state.set(code, 'walking');
      path.push(code);
      code = finalParent.get(code);
    }
    if (code != null && state.get(code) === 'walking') {
      const cycle = path.slice(path.indexOf(code));
      const described = [...cycle, code].join(' → ');
      for (const member of cycle) {
        const row = fileUnits.get(member);
        if (row) issue('units', row.row, 'parentCode', `this parent makes a cycle in the unit tree: ${described} (a unit cannot be moved under its own sub-unit)`);
      }
    }
    for (const p of path) state.set(p, 'done');
  }

  // Parents before children: a new unit is created after the new unit it hangs under.
  const depth = (code: string) => {
    let d = 0;
    for (let c = finalParent.get(code); c != null && d < 10_000; c = finalParent.get(c)) d += 1;
    return d;
  };
  const toCreate: ({ code: string } & UnitFields)[] = [];
  for (const [code, fields] of unitFields) {
    const existing = unitByCode.get(code);
    if (!existing) {
      toCreate.push({ code, ...fields });
      continue;
    }
    const before: UnitFields = {
      name: existing.name, type: existing.type,
      parentCode: existing.parent_id === null ? null : unitCodeById.get(existing.parent_id) ?? null,
      categoryCode: existing.category_id === null ? null : categoryCodeById.get(existing.category_id) ?? null,
      sort: existing.sort,
    };
    const changed = (Object.keys(before) as (keyof UnitFields)[]).some((k) => before[k] !== fields[k]);
    if (changed) plan.units.update.push({ id: existing.id, code, before, after: fields });
    else plan.units.unchanged += 1;
  }
  plan.units.create = toCreate.map((u) => ({ u, d: depth(u.code) })).sort((a, b) => a.d - b.d).map(({ u }) => u);

  // ---- posts ---------------------------------------------------------------------------------
  const postTypeByName = new Map<string, { id: number; code: string; name: string }>();
  for (const t of snapshot.postTypes) if (!postTypeByName.has(t.name)) postTypeByName.set(t.name, t);
  const postTypeNameById = new Map(snapshot.postTypes.map((t) => [t.id, t.name]));
  const postsByName = new Map<string, { id: number; name: string; post_type_id: number }[]>();
  for (const p of snapshot.posts) {
    const named = postsByName.get(p.name) ?? [];
    named.push(p);
    postsByName.set(p.name, named);
  }
  const postById = new Map(snapshot.posts.map((p) => [p.id, p]));
  const takenPostTypeCodes = new Set(snapshot.postTypes.map((t) => t.code));
  const takenPostCodes = new Set(snapshot.posts.map((p) => p.code));
  const newPostTypes = new Map<string, string>();
  const newPosts = new Map<string, { code: string; name: string; postTypeName: string }>();

  /** A person's post cell: by name within the post type; the person's current post wins a tie. */
  function resolvePost(p: Located<PersonRecord>, currentPostId: number | null): PostRef | null | undefined {
    const postType = has('people', 'postType') ? p.postType : null;
    if (p.post === null) {
      if (postType !== null) issue('people', p.row, 'post', `岗位类别 ${postType} is given without a 岗位`);
      return postType !== null ? undefined : null;
    }
    const current = currentPostId === null ? undefined : postById.get(currentPostId);
    if (postType === null) {
      const candidates = postsByName.get(p.post) ?? [];
      if (current && current.name === p.post) return { id: current.id };
      if (candidates.length === 1) return { id: candidates[0]!.id };
      if (candidates.length === 0) {
        issue('people', p.row, has('people', 'postType') ? 'postType' : 'post', `岗位 ${p.post} is new: fill in its 岗位类别`);
      } else {
        const types = candidates.map((c) => postTypeNameById.get(c.post_type_id)).join(', ');
        issue('people', p.row, has('people', 'postType') ? 'postType' : 'post', `岗位 ${p.post} exists in several post types (${types}): fill in 岗位类别`);
      }
      return undefined;
    }
    const type = postTypeByName.get(postType);
    if (type) {
      if (current && current.name === p.post && current.post_type_id === type.id) return { id: current.id };
      const found = (postsByName.get(p.post) ?? []).filter((c) => c.post_type_id === type.id).sort((a, b) => a.id - b.id)[0];
      if (found) return { id: found.id };
    } else if (!newPostTypes.has(postType)) {
      newPostTypes.set(postType, codeFor(postType, takenPostTypeCodes));
    }
    const key = postKey(postType, p.post);
    if (!newPosts.has(key)) {
      const typeCode = type?.code ?? newPostTypes.get(postType)!;
      newPosts.set(key, { code: codeFor(p.post, takenPostCodes, `${typeCode}-`), name: p.post, postTypeName: postType });
    }
    return { newKey: key };
  }

  // ---- people --------------------------------------------------------------------------------
  const personByNo = new Map(snapshot.people.map((p) => [p.employee_no, p]));
  const openByPerson = new Map(snapshot.openAssignments.map((a) => [a.person_id, a]));
  const accountByPerson = new Map<number, (typeof snapshot.accounts)[number]>();
  const accountByUsername = new Map<string, (typeof snapshot.accounts)[number]>();
  for (const a of snapshot.accounts) {
    if (a.person_id !== null) accountByPerson.set(a.person_id, a);
    accountByUsername.set(a.username, a);
  }
  const rolesByAccount = new Map<number, PlannedRole[]>();
  for (const r of snapshot.roles) {
    const list = rolesByAccount.get(r.account_id) ?? [];
    list.push({ role: r.role, unitCode: r.role === 'leader' && r.unit_id !== null ? unitCodeById.get(r.unit_id) ?? null : null });
    rolesByAccount.set(r.account_id, list);
  }
  const duplicatePeople = reportDuplicates('people', 'employeeNo', parsed.people, (p) => p.employeeNo, '工号');
  const usernameOf = options.usernameOf ?? ((no: string) => no);
  const newUsernames = new Map<string, number>();
  const adminRowsRemoved: number[] = [];
  const disabledAccounts = new Set(snapshot.accounts.filter((a) => a.disabled !== 0).map((a) => a.id));
  const enabledAdmins = new Set(snapshot.roles.filter((r) => r.role === 'admin' && !disabledAccounts.has(r.account_id)).map((r) => r.account_id));
  const adminsBefore = enabledAdmins.size;

  for (const p of parsed.people) {
    if (!p.employeeNo || duplicatePeople.has(p.employeeNo)) continue;
    if (p.unitCode && !unitExists(p.unitCode)) issue('people', p.row, 'unitCode', `unknown unit code ${p.unitCode}: neither in the 单位 sheet nor in Baton`);
    const existing = personByNo.get(p.employeeNo);
    const postRef = has('people', 'post') ? resolvePost(p, existing?.post_id ?? null) : existing?.post_id != null ? { id: existing.post_id } : null;
    if (postRef === undefined || !p.name || !p.unitCode) continue;
    const before: PersonFields | null = existing
      ? {
        name: existing.name, gender: existing.gender, unitCode: unitCodeById.get(existing.unit_id) ?? '',
        post: existing.post_id === null ? null : { id: existing.post_id }, rank: existing.rank, phone: existing.phone, status: existing.status,
      }
      : null;
    const pick = <K extends keyof PersonFields>(column: string, key: K, value: PersonFields[K]): PersonFields[K] =>
      has('people', column) || !before ? value : before[key];
    const after: PersonFields = {
      name: p.name,
      gender: pick('gender', 'gender', p.gender),
      unitCode: p.unitCode,
      post: postRef,
      rank: pick('rank', 'rank', p.rank),
      phone: pick('phone', 'phone', p.phone),
      status: pick('status', 'status', p.status),
    };
    const effective = p.effectiveFrom ?? options.today;
    if (!existing || !before) {
      plan.people.create.push({ employeeNo: p.employeeNo, fields: after, validFrom: effective });
    } else {
      const moves = before.unitCode !== after.unitCode || !sameRef(before.post, after.post) || blankToNull(before.rank) !== blankToNull(after.rank);
      const changed = moves || before.name !== after.name || blankToNull(before.gender) !== blankToNull(after.gender)
        || blankToNull(before.phone) !== blankToNull(after.phone) || before.status !== after.status;
      let move: OrgImportPlan['people']['update'][number]['move'] = null;
      if (moves) {
        const open = openByPerson.get(existing.id);
        if (open && effective < open.valid_from) {
          issue('people', p.row, 'effectiveFrom', `the change cannot take effect on ${effective}: the current assignment began on ${open.valid_from}`);
        }
        move = { openAssignmentId: open?.id ?? null, replace: open?.valid_from === effective, validFrom: effective };
      }
      if (changed) plan.people.update.push({ id: existing.id, employeeNo: p.employeeNo, before, after, move });
      else plan.people.unchanged += 1;
    }

    // Sign-in roles, when the file has the column: the cell is the person's whole set of roles.
    if (!has('people', 'roles')) continue;
    const roles: PlannedRole[] = [];
    for (const r of p.roles) {
      if (r.unitCode !== null && !unitExists(r.unitCode)) {
        issue('people', p.row, 'roles', `负责人:${r.unitCode}: unknown unit code ${r.unitCode}`);
        continue;
      }
      const planned = { role: r.role, unitCode: r.role === 'leader' ? r.unitCode ?? p.unitCode : null };
      if (!roles.some((x) => roleKey(x) === roleKey(planned))) roles.push(planned);
    }
    const account = existing ? accountByPerson.get(existing.id) : undefined;
    if (account) {
      const current = rolesByAccount.get(account.id) ?? [];
      if (sameRoles(current, roles)) {
        plan.accounts.unchanged += 1;
      } else {
        plan.accounts.update.push({ id: account.id, employeeNo: p.employeeNo, before: current, after: roles });
        const wasAdmin = current.some((r) => r.role === 'admin');
        const isAdmin = roles.some((r) => r.role === 'admin');
        if (account.disabled === 0 && wasAdmin && !isAdmin) {
          enabledAdmins.delete(account.id);
          adminRowsRemoved.push(p.row);
        }
        if (account.disabled === 0 && isAdmin) enabledAdmins.add(account.id);
      }
    } else if (roles.length > 0) {
      const username = usernameOf(p.employeeNo);
      const taken = accountByUsername.get(username);
      if (taken || newUsernames.has(username)) {
        issue('people', p.row, 'employeeNo', `the username ${username} of the new account is already used by another account`);
      }
      newUsernames.set(username, p.row);
      plan.accounts.create.push({ employeeNo: p.employeeNo, username, roles });
      if (roles.some((r) => r.role === 'admin')) enabledAdmins.add(-p.row);
    }
  }
  if (adminsBefore > 0 && enabledAdmins.size === 0) {
    for (const row of adminRowsRemoved) issue('people', row, 'roles', 'removing 管理员 here would leave no active admin');
  }

  plan.postTypes.create = [...newPostTypes].map(([name, code]) => ({ code, name }));
  plan.posts.create = [...newPosts].map(([key, p]) => ({ key, ...p }));

  if (issues.length > 0) {
    const rank = new Map((['categories', 'units', 'people'] as const).map((k, i) => [sheetLabel(k), i]));
    return { ok: false, issues: sortIssues(issues, rank) };
  }
  return { ok: true, plan };
}

/** In the order a person fixes them: sheet by sheet, row by row. */
function sortIssues(issues: ImportIssue[], sheetRank: Map<string, number>): ImportIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) =>
      (sheetRank.get(a.issue.sheet) ?? 9) - (sheetRank.get(b.issue.sheet) ?? 9) ||
      (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
      a.i - b.i)
    .map(({ issue }) => issue);
}
