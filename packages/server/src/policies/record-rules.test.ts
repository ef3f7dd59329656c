import { describe, expect, it } from 'vitest';
import {
  canDecideEvent, canReviewLog, canSeeEvent, canSeeLog, can, eventAbilitiesOf, firstLedUnitOf, isAppellant, isBatchUploader, isResultVisible, isSelf,
  ledScopeOf, logAbilitiesOf, mayAttachEvidence, mayLikeLog, mayRatePerson, mayReadJob, mayReadListEvidence, mayReadPointsOf, mayReadRankingGroup,
  mayReplyOnLog, appealAbilitiesOf, periodAbilitiesOf, periodStandingOf, type Actor, type LogAccess, type PointAccess,
} from './index.js';

const actor = (over: Partial<Actor> = {}): Actor => ({
  accountId: 1, username: 'u', personId: 7, unitId: 10, roles: ['member'], leaderUnitIds: [], ...over,
});
const member = actor();
const leader = actor({ accountId: 2, personId: 8, roles: ['member', 'leader'], leaderUnitIds: [10] });
const admin = actor({ accountId: 3, personId: null, unitId: null, roles: ['admin'] });
const auditor = actor({ accountId: 4, personId: null, unitId: null, roles: ['auditor'] });

describe('work-log rules', () => {
  const memberAccess: LogAccess = { actor: member, visible: new Set([10]), reviewable: null };
  const leaderAccess: LogAccess = { actor: leader, visible: new Set([10, 11]), reviewable: new Set([10, 11]) };
  const ownEntry = { person_id: 7, unit_id: 10 };
  const colleagueEntry = { person_id: 9, unit_id: 10 };
  const otherUnitEntry = { person_id: 9, unit_id: 20 };

  it('shows an entry to its author and to those who read its unit, and no one else', () => {
    expect(canSeeLog(memberAccess, ownEntry)).toBe(true);
    expect(canSeeLog(memberAccess, colleagueEntry)).toBe(true);
    expect(canSeeLog(memberAccess, otherUnitEntry)).toBe(false);
    expect(canSeeLog({ ...memberAccess, visible: 'all' }, otherUnitEntry)).toBe(true);
  });

  it('lets a leader review the entries of his subtree but never his own', () => {
    expect(canReviewLog(leaderAccess, colleagueEntry)).toBe(true);
    expect(canReviewLog(leaderAccess, { person_id: 8, unit_id: 10 })).toBe(false);
    expect(canReviewLog(leaderAccess, otherUnitEntry)).toBe(false);
    expect(canReviewLog(memberAccess, colleagueEntry)).toBe(false);
  });

  it('lets the author reply only once someone else commented, and nobody like his own entry', () => {
    expect(mayReplyOnLog(member, ownEntry, 0)).toBe(false);
    expect(mayReplyOnLog(member, ownEntry, 1)).toBe(true);
    expect(mayReplyOnLog(member, colleagueEntry, 1)).toBe(false);
    expect(mayLikeLog(member, ownEntry)).toBe(false);
    expect(mayLikeLog(member, colleagueEntry)).toBe(true);
    expect(mayLikeLog(admin, colleagueEntry)).toBe(false);
  });

  it('presents edit to the author while editable, comment and flag to reviewers', () => {
    expect(logAbilitiesOf(memberAccess, ownEntry, { frozen: false, commentCount: 0 })).toEqual({ edit: true, comment: false, like: false, flag: false });
    expect(logAbilitiesOf(memberAccess, ownEntry, { frozen: true, commentCount: 2 })).toEqual({ edit: false, comment: true, like: false, flag: false });
    expect(logAbilitiesOf(leaderAccess, colleagueEntry, { frozen: false, commentCount: 0 })).toEqual({ edit: false, comment: true, like: true, flag: true });
  });
});

describe('point-event rules', () => {
  const access: PointAccess = { actor: leader, read: new Set([10]), review: new Set([10]) };
  const proposed = { person_id: 9, unit_id: 10, proposed_by: 5, status: 'proposed' };

  it('shows an event about oneself whatever its unit', () => {
    expect(canSeeEvent({ actor: member, read: new Set(), review: null }, { person_id: 7, unit_id: 99 })).toBe(true);
    expect(canSeeEvent({ actor: member, read: new Set(), review: null }, { person_id: 9, unit_id: 10 })).toBe(false);
  });

  it('lets another authorised person of the unit decide a proposed event: never its proposer, never about himself', () => {
    expect(canDecideEvent(access, proposed)).toBe(true);
    expect(canDecideEvent(access, { ...proposed, proposed_by: leader.accountId })).toBe(false);
    expect(canDecideEvent(access, { ...proposed, person_id: leader.personId })).toBe(false);
    expect(canDecideEvent(access, { ...proposed, unit_id: 20 })).toBe(false);
    expect(canDecideEvent(access, { ...proposed, status: 'approved' })).toBe(false);
    expect(canDecideEvent({ actor: member, read: new Set([10]), review: new Set([10]) }, proposed)).toBe(false);
  });

  it('lets only the proposer attach evidence, while the event waits', () => {
    expect(mayAttachEvidence(leader, { proposed_by: leader.accountId, status: 'proposed' })).toBe(true);
    expect(mayAttachEvidence(leader, { proposed_by: leader.accountId, status: 'approved' })).toBe(false);
    expect(mayAttachEvidence(leader, { proposed_by: 99, status: 'proposed' })).toBe(false);
  });

  it('presents reverse to the admin for a reversible event only', () => {
    const adminAccess: PointAccess = { actor: admin, read: 'all', review: 'all' };
    expect(eventAbilitiesOf(adminAccess, { ...proposed, status: 'approved', reversible: true })).toEqual({ approve: false, reject: false, reverse: true, attach: false });
    expect(eventAbilitiesOf(adminAccess, { ...proposed, status: 'approved', reversible: false }).reverse).toBe(false);
    expect(eventAbilitiesOf(access, { ...proposed, reversible: false })).toEqual({ approve: true, reject: true, reverse: false, attach: false });
  });

  it('never lets the uploader approve his own batch; batches are approved by the admin', () => {
    expect(isBatchUploader(admin, { created_by: admin.accountId })).toBe(true);
    expect(isBatchUploader(admin, { created_by: 99 })).toBe(false);
    expect(can(admin, 'points.batch.approve')).toBe(true);
    expect(can(leader, 'points.batch.approve')).toBe(false);
  });
});

describe('ranking and points reading', () => {
  const org = {
    categoryOfUnit: (unitId: number) => (unitId === 10 ? 3 : null),
    unitChain: (unitId: number) => (unitId === 11 ? [11, 10, 1] : unitId === 10 ? [10, 1] : [unitId, 1]),
  };

  it('lets everyone read all, his unit and his unit\'s category; a leader his subtree; admin and auditor any group', () => {
    expect(mayReadRankingGroup(member, 'all', org)).toBe(true);
    expect(mayReadRankingGroup(member, 'unit:10', org)).toBe(true);
    expect(mayReadRankingGroup(member, 'category:3', org)).toBe(true);
    expect(mayReadRankingGroup(member, 'category:4', org)).toBe(false);
    expect(mayReadRankingGroup(member, 'unit:11', org)).toBe(false);
    expect(mayReadRankingGroup(leader, 'unit:11', org)).toBe(true);
    expect(mayReadRankingGroup(leader, 'unit:20', org)).toBe(false);
    expect(mayReadRankingGroup(auditor, 'unit:20', org)).toBe(true);
  });

  it('refuses group keys outside the grammar', () => {
    expect(mayReadRankingGroup(member, 'unit:abc', org)).toBe(false);
    expect(mayReadRankingGroup(member, 'category:none', org)).toBe(false);
    expect(mayReadRankingGroup(member, 'team:1', org)).toBe(false);
  });

  it("lets one read his own points, a leader his subtree's, admin and auditor everyone's", () => {
    expect(mayReadPointsOf(member, { id: 7, unitIds: [10] }, new Set())).toBe(true);
    expect(mayReadPointsOf(member, { id: 9, unitIds: [10] }, new Set())).toBe(false);
    expect(mayReadPointsOf(leader, { id: 9, unitIds: [20, 11] }, new Set([10, 11]))).toBe(true);
    expect(mayReadPointsOf(auditor, { id: 9, unitIds: [20] }, new Set())).toBe(true);
  });

  it("shows a red/black entry's evidence to its subject, his leaders, admin and auditor", () => {
    expect(mayReadListEvidence(member, { kind: 'person', id: 7, unitId: 10 }, new Set())).toBe(true);
    expect(mayReadListEvidence(member, { kind: 'person', id: 9, unitId: 10 }, new Set())).toBe(false);
    expect(mayReadListEvidence(leader, { kind: 'person', id: 9, unitId: 11 }, new Set([10, 11]))).toBe(true);
    expect(mayReadListEvidence(leader, { kind: 'unit', id: 11, unitId: 10 }, new Set([11]))).toBe(true);
    expect(mayReadListEvidence(admin, { kind: 'unit', id: 30, unitId: 1 }, new Set())).toBe(true);
  });

  it('resolves a leader\'s led subtrees and the unit his pages open on', () => {
    expect(ledScopeOf(leader)).toEqual({ kind: 'some', subtreeRoots: [10], units: [] });
    expect(ledScopeOf(member)).toEqual({ kind: 'some', subtreeRoots: [], units: [] });
    expect(firstLedUnitOf(leader)).toBe(10);
    expect(firstLedUnitOf(member)).toBeUndefined();
  });
});

describe('cycle rules', () => {
  it('shows a published result within the visible units, and one\'s own', () => {
    expect(isResultVisible(undefined, { unitId: 20, personId: 9 })).toBe(true);
    expect(isResultVisible({ unitIds: [10], personId: 7 }, { unitId: 10, personId: 9 })).toBe(true);
    expect(isResultVisible({ unitIds: [10], personId: 7 }, { unitId: 20, personId: 7 })).toBe(true);
    expect(isResultVisible({ unitIds: [10], personId: 7 }, { unitId: 20, personId: 9 })).toBe(false);
    expect(isResultVisible({ unitIds: [], personId: null }, { unitId: 20, personId: null })).toBe(false);
  });

  it('lets a leader of the person rate him, the organization department rate the unled, and nobody himself', () => {
    expect(mayRatePerson(leader, 9, new Set([leader.accountId]))).toBe(true);
    expect(mayRatePerson(leader, 9, new Set([99]))).toBe(false);
    expect(mayRatePerson(leader, leader.personId!, new Set([leader.accountId]))).toBe(false);
    expect(mayRatePerson(admin, 9, new Set())).toBe(true);
    expect(mayRatePerson(leader, 9, new Set())).toBe(false);
  });

  it('keeps appeals and self-judgement personal', () => {
    expect(isAppellant(member, { person_id: 7 })).toBe(true);
    expect(isAppellant(leader, { person_id: 7 })).toBe(false);
    expect(isSelf(member, 7)).toBe(true);
    expect(isSelf(admin, null)).toBe(false);
  });

  it('shows a job to whoever started it and to the organization department', () => {
    expect(mayReadJob(member, { createdBy: member.accountId })).toBe(true);
    expect(mayReadJob(member, { createdBy: 99 })).toBe(false);
    expect(mayReadJob(admin, { createdBy: 99 })).toBe(true);
  });
});

describe('period and appeal abilities', () => {
  const participant = { participant: true, reviewer: false };
  const reviewer = { participant: true, reviewer: true };
  const outsider = { participant: false, reviewer: false };

  it('places the actor in a scope: his unit in it, or a subtree he leads meeting it', () => {
    const scope = new Set([10, 11]);
    expect(periodStandingOf(member, scope, new Set(), 10)).toEqual({ participant: true, reviewer: false });
    expect(periodStandingOf(member, new Set([20]), new Set(), 20)).toEqual({ participant: false, reviewer: false });
    expect(periodStandingOf(leader, scope, new Set([10, 11]), 10)).toEqual({ participant: true, reviewer: true });
    // the scope lies inside the subtree he leads
    expect(periodStandingOf(actor({ ...leader, unitId: 1, leaderUnitIds: [1] }), new Set([11]), new Set([1, 10, 11]), 11)).toEqual({ participant: false, reviewer: true });
    expect(periodStandingOf(admin, null, 'all', null)).toEqual({ participant: false, reviewer: false });
  });

  it('offers the summary to a participant while it is written, the sheet to his leader while rating', () => {
    expect(periodAbilitiesOf(member, { state: 'open' }, participant)).toMatchObject({ summary: true, review: false, results: false, preview: false });
    expect(periodAbilitiesOf(member, { state: 'publicity' }, participant)).toMatchObject({ summary: false, results: true });
    expect(periodAbilitiesOf(member, { state: 'publicity' }, outsider).results).toBe(false);
    expect(periodAbilitiesOf(leader, { state: 'reviewing' }, reviewer)).toMatchObject({ review: true, summary: true });
    expect(periodAbilitiesOf(leader, { state: 'publicity' }, reviewer)).toMatchObject({ review: true, committee: true });
    expect(periodAbilitiesOf(leader, { state: 'closed' }, reviewer).review).toBe(false);
  });

  it('gives the organization department the preview before publicity, editing until closed, advancing until the end', () => {
    expect(periodAbilitiesOf(admin, { state: 'draft' }, outsider)).toMatchObject({ preview: true, results: false, edit: true, advance: true, committee: true });
    expect(periodAbilitiesOf(admin, { state: 'closed' }, outsider)).toMatchObject({ preview: false, results: true, edit: false, advance: false });
    expect(periodAbilitiesOf(auditor, { state: 'reviewing' }, outsider)).toMatchObject({ preview: true, edit: false, advance: false });
  });

  it("lets the appellant withdraw and add evidence while pending, the department decide, another leader re-rate", () => {
    const pending = { person_id: 7, status: 'pending', period_state: 'publicity' as const, attachmentCount: 0 };
    expect(appealAbilitiesOf(member, pending)).toEqual({ withdraw: true, attach: true, decide: false, reRate: false });
    expect(appealAbilitiesOf(member, { ...pending, attachmentCount: 9 }).attach).toBe(false);
    expect(appealAbilitiesOf(admin, pending)).toEqual({ withdraw: false, attach: false, decide: true, reRate: false });
    expect(appealAbilitiesOf(leader, pending)).toMatchObject({ reRate: true, decide: false });
    expect(appealAbilitiesOf(leader, { ...pending, status: 'rejected' })).toEqual({ withdraw: false, attach: false, decide: false, reRate: false });
  });
});

