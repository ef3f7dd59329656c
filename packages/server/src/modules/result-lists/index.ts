/** The lists that use results (考用结合): the warning-talk list (连续末位) and the promotion list. */
export { registerResultListRoutes } from './result-lists.routes.js';
