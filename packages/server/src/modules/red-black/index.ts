/** The monthly red/black list (红黑榜). The CLI wires its scheduler into `baton serve`. */
export { startRedBlackScheduler, runRedBlackJobOnce, RED_BLACK_JOB } from './red-black.scheduler.js';
export { registerRedBlackRoutes } from './red-black.routes.js';
export { generateRedBlackLists, publishRedBlackList } from './red-black.usecases.js';
