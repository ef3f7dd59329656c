export { createWeakPasswordError } from './auth.errors.js';
export {
  deleteExpiredSessions, deleteSessionsOfAccount, findAccountById, findAccountByUsername, listRolesOfAccount, updatePasswordHash,
} from './auth.repository.js';
export { registerAuthRoutes } from './auth.routes.js';
export { cachedActor, checkPasswordStrength, forgetCachedSessions, resolveActor, signIn } from './auth.usecases.js';
export { generatePassword, hashPassword, verifyPassword } from './passwords.js';
