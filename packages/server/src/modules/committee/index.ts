/** The assessment committee (评审委员会): its decisions on ties at a quota line. */
export { registerCommitteeRoutes } from './committee.routes.js';
