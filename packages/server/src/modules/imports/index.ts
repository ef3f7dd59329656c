export { createMissingFileError, createUnreadableWorkbookError, type ImportIssue } from './imports.errors.js';
export { registerImportRoutes } from './imports.routes.js';
export { buildOrgTemplate, exportOrgRoster, importOrgWorkbookNow, type OrgImportResult, startOrgImport } from './imports.usecases.js';
export { type OrgRoster, type PersonRecord, type RoleSpec, type UnitRecord, writeOrgWorkbook } from './org-workbook.js';
