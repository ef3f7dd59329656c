import { Type, type Static } from 'typebox';
import { ErrorResponse, FileResponse } from './common.js';

/** The organization workbook: its template, the roster export and the import as a background job. */

export const ImportStartedSchema = Type.Object(
  { jobId: Type.String({ description: 'poll GET /api/jobs/:id; its result is an OrgImportResult' }) },
  { description: 'The file was read and checked; the import runs as a background job' },
);
export type ImportStarted = Static<typeof ImportStartedSchema>;

export const ImportIssueSchema = Type.Object({
  sheet: Type.String({ description: '单位分类 / 单位 / 人员' }),
  row: Type.Optional(Type.Integer({ description: 'the Excel row number' })),
  column: Type.Optional(Type.String({ description: 'the column header' })),
  message: Type.String(),
});
export type ImportIssue = Static<typeof ImportIssueSchema>;

export const ImportInvalidResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'import.invalid, import.unreadable or import.no_file' }),
      message: Type.String(),
      details: Type.Array(ImportIssueSchema),
    }),
  },
  { description: 'Every problem of the file (at most 500; the message says how many more); nothing was imported' },
);

const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });

/** The `result` of a succeeded `import.org` job (documented here; served by GET /api/jobs/:id). */
export const OrgImportResultSchema = Type.Object({
  fileName: Type.String(),
  categories: Counts,
  units: Counts,
  people: Type.Intersect([Counts, Type.Object({ moved: Type.Integer() })]),
  accounts: Counts,
  postTypesCreated: Type.Integer(),
  postsCreated: Type.Integer(),
  auditRecords: Type.Integer(),
  temporaryPasswords: Type.Array(Type.Object({ employeeNo: Type.String(), name: Type.String(), username: Type.String(), password: Type.String() })),
});
export type OrgImportResult = Static<typeof OrgImportResultSchema>;

export const WorkbookResponse = FileResponse('an .xlsx workbook (单位分类, 单位, 人员, 说明)');

export const UploadErrorResponses = {
  400: ImportInvalidResponse,
  413: ErrorResponse,
  415: ErrorResponse,
};
