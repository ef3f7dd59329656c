import type { CreatePersonBody, PeopleListResponse, PeopleQuery as PeopleQueryParams, Person, PersonDetail, UpdatePersonBody } from '@baton/contract/people';
import type { AppDeps } from '../../app/deps.js';
import { isValidDate, localDateOf } from '../../app/dates.js';
import { createNotFoundError } from '../../app/errors.js';
import { authorize, unitScopeOf, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { createUnknownReferenceError, findPost, findUnit, listSubtreeUnitIds, resolveVisibleUnitIds } from '../org/index.js';
import { createDuplicateEmployeeNoError, createEffectiveDateError } from './people.errors.js';
import { closeAssignment, deleteAssignment, findOpenAssignment, findPersonIdByEmployeeNo, findPersonView, insertAssignment, insertPerson, listAssignmentsOfPerson, listPeople, listRoleNamesOfPeople, listRoleNamesOfPerson, type PersonView, updatePerson } from './people.repository.js';
import { buildPersonSearchText } from './people.search.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export function presentPerson(p: PersonView, roles: string[]): Person {
  return {
    id: p.id,
    employeeNo: p.employee_no,
    name: p.name,
    gender: p.gender,
    unitId: p.unit_id,
    unitName: p.unit_name,
    postId: p.post_id,
    postName: p.post_name,
    postTypeName: p.post_type_name,
    rank: p.rank,
    phone: p.phone,
    status: p.status,
    username: p.username,
    roles,
  };
}

/** The list's filters (GET /api/people) with the decoded cursor. */
export type PeopleQuery = Omit<PeopleQueryParams, 'cursor' | 'limit'> & { afterId?: number | undefined; limit: number };

/** People the actor may read, narrowed by the filter; a unit filter outside the scope answers 404. */
export async function listVisiblePeople({ db }: Deps, actor: Actor, query: PeopleQuery): Promise<Omit<PeopleListResponse, 'nextCursor'>> {
  authorize(actor, 'org.read');
  const visible = await resolveVisibleUnitIds(db, unitScopeOf(actor));
  let unitIds: number[] | null = visible === 'all' ? null : [...visible];
  let alsoPersonId = actor.personId;
  if (query.unit !== undefined) {
    if (visible !== 'all' && !visible.has(query.unit)) throw createNotFoundError('unit', query.unit);
    const wanted = query.subtree === false ? [query.unit] : await listSubtreeUnitIds(db, [query.unit]);
    unitIds = visible === 'all' ? wanted : wanted.filter((id) => visible.has(id));
    alsoPersonId = null;
  }
  const { items, total } = await listPeople(db, { unitIds, alsoPersonId, q: query.q, status: query.status, afterId: query.afterId, limit: query.limit });
  const roles = await listRoleNamesOfPeople(db, items.map((p) => p.id));
  return { items: items.map((p) => presentPerson(p, roles.get(p.id) ?? [])), total };
}

async function loadVisiblePerson(db: Deps['db'], actor: Actor, id: number): Promise<PersonView> {
  const person = await findPersonView(db, id);
  if (!person) throw createNotFoundError('person', id);
  if (person.id === actor.personId) return person;
  const visible = await resolveVisibleUnitIds(db, unitScopeOf(actor));
  if (visible !== 'all' && !visible.has(person.unit_id)) throw createNotFoundError('person', id);
  return person;
}

export async function getVisiblePerson({ db }: Deps, actor: Actor, id: number): Promise<PersonDetail> {
  authorize(actor, 'org.read');
  const person = await loadVisiblePerson(db, actor, id);
  const [roles, assignments] = await Promise.all([listRoleNamesOfPerson(db, id), listAssignmentsOfPerson(db, id)]);
  return {
    ...presentPerson(person, roles),
    assignments: assignments.map((a) => ({
      unitId: a.unit_id, unitName: a.unit_name, postName: a.post_name, rank: a.rank, validFrom: a.valid_from, validTo: a.valid_to, reason: a.reason,
    })),
  };
}

export async function createPerson({ db, now }: Deps, actor: Actor, input: CreatePersonBody): Promise<Person> {
  authorize(actor, 'org.manage');
  const at = now();
  const atIso = at.toISOString();
  const id = await inTransaction(db, async (trx) => {
    if (await findPersonIdByEmployeeNo(trx, input.employeeNo)) throw createDuplicateEmployeeNoError(input.employeeNo);
    if (!(await findUnit(trx, input.unitId))) throw createUnknownReferenceError('/unitId', 'unit', input.unitId);
    if (input.postId != null && !(await findPost(trx, input.postId))) {
      throw createUnknownReferenceError('/postId', 'post', input.postId);
    }
    const newId = await insertPerson(trx, {
      employee_no: input.employeeNo, name: input.name, gender: input.gender ?? null, unit_id: input.unitId, post_id: input.postId ?? null,
      rank: input.rank ?? null, phone: input.phone ?? null, status: 'active', search_text: buildPersonSearchText(input.name, input.employeeNo),
      created_at: atIso, updated_at: atIso,
    });
    await insertAssignment(trx, { personId: newId, unitId: input.unitId, postId: input.postId ?? null, rank: input.rank ?? null, validFrom: localDateOf(at), reason: 'created', now: atIso });
    await appendAuditRecords(trx, [{ actorId: actor.accountId, actorLabel: actor.username, action: 'person.created', entity: 'person', entityId: newId, after: input }], atIso);
    return newId;
  });
  return presentPerson((await findPersonView(db, id))!, []);
}


/**
 * Edits a person. A change of unit, post or rank closes the current assignment on `effectiveFrom`
 * (default today) and opens a new one, so history keeps where the person was at any date.
 */
export async function changePerson({ db, now }: Deps, actor: Actor, id: number, changes: UpdatePersonBody): Promise<Person> {
  authorize(actor, 'org.manage');
  const at = now();
  const atIso = at.toISOString();
  await inTransaction(db, async (trx) => {
    const before = await findPersonView(trx, id);
    if (!before) throw createNotFoundError('person', id);
    if (changes.unitId !== undefined && !(await findUnit(trx, changes.unitId))) throw createUnknownReferenceError('/unitId', 'unit', changes.unitId);
    if (changes.postId != null && !(await findPost(trx, changes.postId))) {
      throw createUnknownReferenceError('/postId', 'post', changes.postId);
    }
    const moves =
      (changes.unitId !== undefined && changes.unitId !== before.unit_id) ||
      (changes.postId !== undefined && changes.postId !== before.post_id) ||
      (changes.rank !== undefined && changes.rank !== before.rank);
    if (moves) {
      const effective = changes.effectiveFrom ?? localDateOf(at);
      if (!isValidDate(effective)) throw createEffectiveDateError('must be a date YYYY-MM-DD');
      const open = await findOpenAssignment(trx, id);
      if (open && effective < open.valid_from) throw createEffectiveDateError(`must not be before the current assignment began (${open.valid_from})`);
      if (open) {
        if (open.valid_from === effective) await deleteAssignment(trx, open.id);
        else await closeAssignment(trx, open.id, effective);
      }
      await insertAssignment(trx, {
        personId: id,
        unitId: changes.unitId ?? before.unit_id,
        postId: changes.postId !== undefined ? changes.postId : before.post_id,
        rank: changes.rank !== undefined ? changes.rank : before.rank,
        validFrom: effective,
        reason: changes.reason ?? null,
        now: atIso,
      });
    }
    const name = changes.name ?? before.name;
    await updatePerson(trx, id, {
      ...(changes.name !== undefined && { name: changes.name, search_text: buildPersonSearchText(name, before.employee_no) }),
      ...(changes.gender !== undefined && { gender: changes.gender }),
      ...(changes.unitId !== undefined && { unit_id: changes.unitId }),
      ...(changes.postId !== undefined && { post_id: changes.postId }),
      ...(changes.rank !== undefined && { rank: changes.rank }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.status !== undefined && { status: changes.status }),
      updated_at: atIso,
    });
    const after = await findPersonView(trx, id);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'person.updated', entity: 'person', entityId: id,
      before: presentPerson(before, []), after: presentPerson(after!, []), reason: changes.reason ?? null,
    }], atIso);
  });
  return presentPerson((await findPersonView(db, id))!, await listRoleNamesOfPerson(db, id));
}
