export { createUnknownReferenceError } from './org.errors.js';
export {
  findPost, findUnit, listCategoryInfos, listSubtreeUnitIds, listUnitInfos, resolveVisibleUnitIds, type UnitInfoRow, updateCategory, updateUnit,
} from './org.repository.js';
export { registerOrgRoutes } from './org.routes.js';
export { changeUnit, createCategory, createUnit, openVisibleUnit } from './org.usecases.js';
