export { insertAccount, listAccountsOfPeople, replaceRolesOfAccount } from './accounts.repository.js';
export { registerAccountRoutes } from './accounts.routes.js';
export { createAccount, resetAccountPassword } from './accounts.usecases.js';
