export { registerEngineRoutes } from './engine.routes.js';
