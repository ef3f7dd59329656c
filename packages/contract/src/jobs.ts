import { Type, type Static } from 'typebox';
import { Nullable, StrictObject } from './common.js';

/** Background jobs (imports): polled until they have succeeded or failed. */

export const JobParams = StrictObject({ id: Type.String({ maxLength: 64 }) });

export const JobStatusSchema = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]);
export type JobStatus = Static<typeof JobStatusSchema>;

export const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'import.org, import.points …' }),
  status: JobStatusSchema,
  total: Type.Integer(),
  done: Type.Integer(),
  message: Nullable(Type.String()),
  result: Type.Unknown({ description: "the job's outcome once succeeded (its kind's shape, e.g. OrgImportResult), else null" }),
  error: Type.Unknown({ description: '`{ code, message, details? }` once failed, else null' }),
});
export type Job = Static<typeof JobSchema>;
