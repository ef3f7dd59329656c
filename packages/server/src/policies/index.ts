/**
 * Who may do what (docs/product.md §1, §2.5): the one place of every permission. Abilities are a table of
 * role-level predicates (sent to the UI with GET /api/me); scopes say which units an actor reads,
 * reviews or oversees (resolved in bulk by the repositories); the record rules, one file per
 * resource, say what he may do with one record (and are sent with it as `can`).
 */
export { authorize, can, presentAbilities, type Ability } from './abilities.js';
export { buildActor, type Actor } from './actor.js';
export { appealAbilitiesOf, isAppellant, MAX_APPEAL_ATTACHMENTS } from './appeals.policies.js';
export { mayReadJob } from './jobs.policies.js';
export { periodAbilitiesOf, periodStandingOf, type PeriodStanding } from './periods.policies.js';
export {
  canDecideEvent, canSeeEvent, eventAbilitiesOf, isAboutActor, isBatchUploader, isProposer, mayAttachEvidence, readsAllPoints, readsPointBatches,
  reviewsEventUnit, reviewsPoints, type PointAccess,
} from './point-events.policies.js';
export { mayReadPointsOf, mayReadRankingGroup } from './rankings.policies.js';
export { mayReadListEvidence } from './red-black.policies.js';
export { isResultVisible, type ResultVisibility } from './results.policies.js';
export { isSelf, mayRatePerson } from './reviews.policies.js';
export { firstLedUnitOf, ledScopeOf, ledUnitIdsOf, overseeScopeOf, reviewScopeOf, unitScopeOf, type UnitScope } from './scopes.js';
export { inUnits, type UnitSet } from './units.js';
export { canReviewLog, canSeeLog, isOwnLog, logAbilitiesOf, mayLikeLog, mayReplyOnLog, type LogAccess } from './work-logs.policies.js';
