/**
 * The shapes of docs/api-contract.md, as the web UI sees them.
 * Ids are numbers in the database; the UI treats them as opaque (`Id`).
 */
export type Id = number | string;

export type Role = 'admin' | 'leader' | 'member' | 'auditor';
export const ROLES: readonly Role[] = ['admin', 'leader', 'member', 'auditor'];

export type Ability =
  | 'org.read'
  | 'org.manage'
  | 'org.import'
  | 'org.export'
  | 'account.manage'
  | 'audit.read'
  | 'engine.evaluate'
  | 'log.write'
  | 'log.like'
  | 'log.review'
  | 'log.oversee'
  | 'calendar.manage'
  | 'scheme.manage'
  | 'period.manage'
  | 'points.read'
  | 'points.rules.manage'
  | 'points.propose'
  | 'points.approve'
  | 'points.reverse'
  | 'points.import'
  | 'ranking.read'
  | 'redblack.manage'
  | 'summary.write'
  | 'review.rate'
  | 'review.rate.unled'
  | 'results.read'
  | 'results.oversee'
  | 'results.export'
  | 'appeal.submit'
  | 'appeal.read'
  | 'appeal.decide';

export interface Me {
  account: { id: Id; username: string; mustChangePassword: boolean };
  person: {
    id: Id;
    name: string;
    employeeNo: string;
    unitId: Id;
    unitName: string;
    postName: string | null;
    rank: string | null;
  } | null;
  roles: { role: Role; unitId: Id | null; unitName: string | null }[];
  abilities: Partial<Record<Ability, boolean>>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export type UnitType = 'district' | 'town' | 'street' | 'department' | 'section' | 'other';
export const UNIT_TYPES: readonly UnitType[] = ['district', 'town', 'street', 'department', 'section', 'other'];

export interface Unit {
  id: Id;
  code: string;
  name: string;
  type: UnitType;
  parentId: Id | null;
  categoryId: Id | null;
  categoryName: string | null;
  sort: number;
  active: boolean;
  peopleCount: number;
}

export interface UnitDetail extends Unit {
  path: { id: Id; name: string }[];
}

export interface NewUnitInput {
  code: string;
  name: string;
  type: UnitType;
  parentId: Id | null;
  categoryId?: Id | null;
  sort?: number;
}

export interface UnitPatch {
  name?: string;
  type?: UnitType;
  parentId?: Id | null;
  categoryId?: Id | null;
  sort?: number;
  active?: boolean;
  reason?: string;
}

export interface Category {
  id: Id;
  code: string;
  name: string;
  description: string | null;
  sort: number;
  unitCount: number;
}

export interface CategoryInput {
  code: string;
  name: string;
  description?: string;
  sort?: number;
}

export interface PostType {
  id: Id;
  code: string;
  name: string;
}

export interface Post {
  id: Id;
  code: string;
  name: string;
  postTypeId: Id;
  postTypeName: string;
}

export type PersonStatus = 'active' | 'left';

export interface Person {
  id: Id;
  employeeNo: string;
  name: string;
  gender: string | null;
  unitId: Id;
  unitName: string;
  postId: Id | null;
  postName: string | null;
  postTypeName: string | null;
  rank: string | null;
  phone: string | null;
  status: PersonStatus;
  username: string | null;
  roles: string[];
}

export interface Assignment {
  unitId: Id;
  unitName: string;
  postName: string | null;
  rank: string | null;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
}

export interface PersonDetail extends Person {
  assignments: Assignment[];
}

export interface NewPersonInput {
  employeeNo: string;
  name: string;
  gender?: string;
  unitId: Id;
  postId?: Id;
  rank?: string;
  phone?: string;
}

export interface PersonPatch {
  name?: string;
  gender?: string | null;
  unitId?: Id;
  postId?: Id | null;
  rank?: string | null;
  phone?: string | null;
  status?: PersonStatus;
  effectiveFrom?: string;
  reason?: string;
}

export interface RoleGrant {
  role: Role;
  unitId?: Id | null;
}

export interface Account {
  id: Id;
  username: string;
  personId: Id | null;
  personName: string | null;
  roles: { role: Role; unitId: Id | null; unitName: string | null }[];
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

export interface NewAccountInput {
  username: string;
  personId?: Id;
  roles: RoleGrant[];
  password?: string;
}

export interface AccountPatch {
  roles?: RoleGrant[];
  disabled?: boolean;
  reason?: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  headHash: string | null;
  problems: { seq: number; message: string }[];
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  done: number;
  message: string | null;
  result: unknown;
  error: unknown;
}

export interface ErrorDetail {
  path?: string;
  row?: number;
  column?: string;
  sheet?: string;
  message: string;
}
