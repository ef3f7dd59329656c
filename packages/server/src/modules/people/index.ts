export { findOwnPerson, findPersonBrief, findPersonByEmployeeNo, findPersonView, findUnitOfPersonOn, listAssignmentsOfPerson, updatePerson } from './people.repository.js';
export { registerPeopleRoutes } from './people.routes.js';
export { buildPersonSearchText } from './people.search.js';
export { changePerson, createPerson } from './people.usecases.js';
