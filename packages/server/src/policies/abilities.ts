import { ABILITIES } from '@baton/contract/vocabulary';
import { createForbiddenError } from '../app/errors.js';
import type { Actor } from './actor.js';
import { hasPerson, isAdmin, isAuditor, isLeader, readsEverything } from './roles.js';

/** The abilities the API names (GET /api/me): one list, the contract's; the table below must cover it. */
export type Ability = (typeof ABILITIES)[number];

/**
 * The permission table. Reads of records are further narrowed by `unitScopeOf` (scopes are
 * data, checked in bulk by the repositories); these predicates say who may do what at all.
 */
const abilityRules: Record<Ability, (actor: Actor) => boolean> = {
  'org.read': () => true,
  'org.manage': isAdmin,
  'org.import': isAdmin,
  'org.export': (a) => isAdmin(a) || isAuditor(a),
  /** The organization as a tree to browse (the org page, unit and person pickers): those who oversee units — a member sees his own unit. */
  'org.browse': (a) => readsEverything(a) || isLeader(a),
  'account.manage': isAdmin,
  'audit.read': (a) => isAdmin(a) || isAuditor(a),
  /** The organization's dashboard is one's landing page (on a phone too): admin and auditor, who keep no log of their own work there. */
  'home.organization': readsEverything,
  'engine.evaluate': () => true,
  // Work records (issue 4). Which entries: narrowed by the unit scope in the use cases.
  'log.write': hasPerson,
  /** Colleagues encourage each other (横向了解): anyone with a person of his own may like an entry he can see. */
  'log.like': hasPerson,
  /** Comment, flag for follow-up, spot-check: leaders (within their subtree) and admin. */
  'log.review': (a) => isAdmin(a) || isLeader(a),
  /** Statistics, exports and spot-check results of a unit: reviewers and the read-only auditor. */
  'log.oversee': (a) => isAdmin(a) || isLeader(a) || isAuditor(a),
  'calendar.manage': isAdmin,
  // Schemes and periods (issues 5 and 6): the organization department.
  'scheme.manage': isAdmin,
  'period.manage': isAdmin,
  // Dynamic points (issue 5). Which subjects: narrowed by reviewScopeOf / unitScopeOf in the use cases.
  /** Everyone reads the events about himself with their evidence (docs/product.md §2.3); leaders their subtree; admin, auditor all. */
  'points.read': () => true,
  /** Other people's points and evidence: their leaders (their subtrees), admin and auditor everyone's. */
  'points.oversee': (a) => readsEverything(a) || isLeader(a),
  'points.rules.manage': isAdmin,
  /** Leaders propose for their subtree, admin for anyone. */
  'points.propose': (a) => isAdmin(a) || isLeader(a),
  /** Another authorised person approves: admin, or a leader whose subtree holds the subject — never the proposer. */
  'points.approve': (a) => isAdmin(a) || isLeader(a),
  /** A correction is a reversing event with a reason (docs/product.md §2.2): the organization department only. */
  'points.reverse': isAdmin,
  /** Business data in bulk (业务数据监测): files and the JSON API for other systems. */
  'points.import': isAdmin,
  /** Approving a whole batch needs every subject in scope: the organization department's (never the uploader's own). */
  'points.batch.approve': isAdmin,
  /** Rankings of the groups one belongs to or oversees (see docs/api-points.md). */
  'ranking.read': () => true,
  /** Every group of every ranking (the others read the groups they belong to or lead: rankings.policies.ts). */
  'ranking.read.all': readsEverything,
  'redblack.manage': isAdmin,
  // Assessment cycles (issue 6). Whose: narrowed by the unit scopes in the use cases.
  /** A member writes and submits his own personal summary (个人小结). */
  'summary.write': hasPerson,
  /**
   * Leader review (审核评鉴): a leader rates the people of his subtree, never himself; the
   * organization department rates those no leader can (the head of the top unit).
   */
  'review.rate': (a) => isLeader(a) || isAdmin(a),
  /** …the participants no leader rates (nobody but himself leads a unit at or above his): the organization department. */
  'review.rate.unled': isAdmin,
  /** Results and report cards: one's own once published, a leader's subtree, admin and auditor all. */
  'results.read': () => true,
  /** Every published result, of every unit and group (the others: their own and their led subtrees'). */
  'results.read.all': readsEverything,
  /**
   * Others' cycle data of a unit — summaries, review sheets, unit report cards and lists: admin and
   * auditor every unit, a leader his subtrees (overseeScopeOf); members read their own only.
   */
  'results.oversee': (a) => isAdmin(a) || isAuditor(a) || isLeader(a),
  /** The exact scenario of a period (`baton export scenario`), for audits: admin and auditor. */
  'results.export': (a) => isAdmin(a) || isAuditor(a),
  /** Appeals (申诉/复核): one's own result only, during publicity. */
  'appeal.submit': hasPerson,
  /** One's own appeals; a leader's subtree, admin and auditor all (narrowed in the use cases like results). */
  'appeal.read': () => true,
  /** The organization department decides; an accepted appeal publishes a new result version. */
  'appeal.decide': isAdmin,
};

export function can(actor: Actor, ability: Ability): boolean {
  return abilityRules[ability](actor);
}

/** Throws 403 `auth.forbidden` unless the actor has the ability. */
export function authorize(actor: Actor, ability: Ability): void {
  if (!can(actor, ability)) throw createForbiddenError(ability);
}

/** Sent to the UI (GET /api/me) so it hides what the caller may not do. */
export function presentAbilities(actor: Actor): Record<Ability, boolean> {
  return Object.fromEntries(ABILITIES.map((ability) => [ability, can(actor, ability)])) as Record<Ability, boolean>;
}
