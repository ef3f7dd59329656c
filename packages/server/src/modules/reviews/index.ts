export { insertRatingsBatch, insertSummariesBatch, type NewRatingRow, type NewSummaryRow } from './reviews.repository.js';
export { registerReviewRoutes } from './reviews.routes.js';
export { LEADER_RATER_GROUP, ratePerson, ratingLeadersOf } from './reviews.usecases.js';
export { remindMissingSummaries, startSummaryReminderScheduler } from './summary-reminders.js';
