/** Assessment schemes (考核方案): the engine's scheme object, versioned by code; a period freezes the version it runs on. */
export { checkSchemeDefinition } from './scheme-definition.js';
export { findScheme, listSchemeDefinitionsByCode, type SchemeRow } from './schemes.repository.js';
export { registerSchemeRoutes } from './schemes.routes.js';
export { createAssessmentScheme } from './schemes.usecases.js';
