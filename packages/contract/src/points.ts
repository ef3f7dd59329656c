import { Type, type Static } from 'typebox';
import { DateString, FileResponse, Listed, LiteralUnion, Nullable, PageQuery, Paged, StrictObject } from './common.js';
import { AttachmentSchema } from './attachments.js';
import { SubjectKindSchema } from './schemes.js';
import { MAX_EVIDENCE_CHARS, MAX_LINK_CHARS, MAX_OCCURRENCES, MAX_POINTS, POINT_EVENT_STATUSES, POINT_SOURCES } from './vocabulary.js';

/** Dynamic points (动态积分, docs/api-points.md): rules, the event ledger with evidence and approval, batches. */

const Id = Type.Integer({ minimum: 1 });

/** Points: at most two decimals (checked exactly by the use case, which names the field). */
const Points = (description: string) => Type.Number({ minimum: -MAX_POINTS, maximum: MAX_POINTS, description: `${description}; at most two decimals` });

export const Source = LiteralUnion(POINT_SOURCES, {
  description: 'superior_notice 上级通报反馈 · business_data 业务数据监测 · supervision 日常监督检查 · task 任务督办 · other',
});
export type PointSource = Static<typeof Source>;
const RuleStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
export type PointRuleStatus = Static<typeof RuleStatus>;
export const PointEventStatusSchema = LiteralUnion(POINT_EVENT_STATUSES);
export type PointEventStatus = Static<typeof PointEventStatusSchema>;
const EventStatus = PointEventStatusSchema;
const RuleCode = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', description: 'letters, digits, _ . - (≤ 64)' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Description = Type.String({ maxLength: 1000 });
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const EvidenceText = Type.String({ minLength: 1, maxLength: MAX_EVIDENCE_CHARS, description: 'the evidence, plain text (1–2 000 characters)' });
const EvidenceLink = Type.String({ maxLength: MAX_LINK_CHARS, description: 'an http(s) address' });
const Occurrences = Type.Integer({ minimum: 1, maximum: MAX_OCCURRENCES });

// ---- rules

export const PointRuleSchema = Type.Object({
  id: Type.Integer(), schemeId: Type.Integer(), code: Type.String(), version: Type.Integer(), name: Type.String(), indicator: Type.String(),
  defaultSource: Nullable(Source), defaultDelta: Type.Number(), minDelta: Type.Number(), maxDelta: Type.Number(), perOccurrence: Type.Boolean(),
  description: Nullable(Type.String()), status: RuleStatus, replacesRuleId: Nullable(Type.Integer()), eventCount: Type.Integer(),
  createdAt: Type.String(), disabledAt: Nullable(Type.String()),
});
export type PointRule = Static<typeof PointRuleSchema>;

export const RuleListQuery = StrictObject({ scheme: Type.Optional(Id), status: Type.Optional(RuleStatus) });
export type RuleListQuery = Static<typeof RuleListQuery>;
export const RuleListResponse = Listed(PointRuleSchema);
export type RuleList = Static<typeof RuleListResponse>;

export const CreateRuleBody = StrictObject({
  schemeId: Id,
  code: RuleCode,
  name: Name,
  indicator: Type.String({ minLength: 1, maxLength: 64, description: 'a `ledger` indicator of the scheme' }),
  defaultDelta: Points('the delta an event gets unless it says otherwise'),
  minDelta: Points('the lowest delta an event (per occurrence) may have'),
  maxDelta: Points('the highest delta an event (per occurrence) may have'),
  perOccurrence: Type.Optional(Type.Boolean({ description: 'the delta counts once per occurrence (督办超时 −1 each)' })),
  defaultSource: Type.Optional(Nullable(Source)),
  description: Type.Optional(Nullable(Description)),
});
export type CreateRuleBody = Static<typeof CreateRuleBody>;

export const ReplaceRuleBody = StrictObject({
  name: Type.Optional(Name),
  defaultDelta: Type.Optional(Points('default delta')),
  minDelta: Type.Optional(Points('lowest delta')),
  maxDelta: Type.Optional(Points('highest delta')),
  perOccurrence: Type.Optional(Type.Boolean()),
  defaultSource: Type.Optional(Nullable(Source)),
  description: Type.Optional(Nullable(Description)),
  reason: Reason,
});
export type ReplaceRuleBody = Static<typeof ReplaceRuleBody>;

export const ReasonBody = StrictObject({ reason: Reason });
export type ReasonBody = Static<typeof ReasonBody>;

// ---- events

const PersonRef = Type.Object({ accountId: Type.Integer(), name: Type.String() });

export const PointEventSchema = Type.Object({
  id: Type.Integer(),
  status: EventStatus,
  rule: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), version: Type.Integer() }),
  schemeId: Type.Integer(),
  indicator: Type.String(),
  subject: Type.Object({
    kind: SubjectKindSchema, personId: Nullable(Type.Integer()), name: Type.String(),
    employeeNo: Nullable(Type.String()), unitId: Type.Integer(), unitName: Type.String(),
  }),
  occurredOn: Type.String(),
  occurrences: Type.Integer(),
  delta: Type.Number({ description: 'the whole delta of the event (per-occurrence delta × occurrences)' }),
  source: Source,
  evidenceText: Type.String({ description: 'plain text, never HTML' }),
  evidenceLink: Nullable(Type.String()),
  attachments: Type.Array(AttachmentSchema),
  proposedBy: PersonRef,
  proposedAt: Type.String(),
  decidedBy: Nullable(PersonRef),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  reversesEventId: Nullable(Type.Integer()),
  reversedByEventId: Nullable(Type.Integer()),
  batchId: Nullable(Type.Integer()),
  can: Type.Object({ approve: Type.Boolean(), reject: Type.Boolean(), reverse: Type.Boolean(), attach: Type.Boolean({ description: 'add evidence: its proposer, while proposed' }) }),
});
export type PointEvent = Static<typeof PointEventSchema>;
export type PointSubject = PointEvent['subject'];

export const EventListQuery = StrictObject({
  ...PageQuery,
  person: Type.Optional(Id),
  unit: Type.Optional(Type.Integer({ minimum: 1, description: 'the unit and its sub-units' })),
  status: Type.Optional(EventStatus),
  scheme: Type.Optional(Id),
  rule: Type.Optional(Id),
  batch: Type.Optional(Id),
  from: Type.Optional(DateString('occurredOn from (inclusive)')),
  to: Type.Optional(DateString('occurredOn to (inclusive)')),
});
export type EventListQuery = Static<typeof EventListQuery>;

export const EventListResponse = Paged(PointEventSchema);
export type EventListResponse = Static<typeof EventListResponse>;

export const ProposeBody = StrictObject({
  ruleId: Id,
  personId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  occurredOn: DateString('not in the future; not in a closed period of the scheme'),
  occurrences: Type.Optional(Occurrences),
  delta: Type.Optional(Points('per occurrence for per-occurrence rules; default the rule\'s default')),
  source: Type.Optional(Source),
  evidenceText: EvidenceText,
  evidenceLink: Type.Optional(Nullable(EvidenceLink)),
});
export type ProposeBody = Static<typeof ProposeBody>;

export const ApproveBody = StrictObject({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) });
export type ApproveBody = Static<typeof ApproveBody>;
export const RejectBody = StrictObject({ note: Type.String({ minLength: 1, maxLength: 500 }) });
export type RejectBody = Static<typeof RejectBody>;

// ---- batches

export const PointBatchSchema = Type.Object({
  id: Type.Integer(), idempotencyKey: Type.String(), channel: Type.Union([Type.Literal('api'), Type.Literal('xlsx'), Type.Literal('csv')]),
  fileName: Nullable(Type.String()), eventCount: Type.Integer(), proposedCount: Type.Integer(), approvedCount: Type.Integer(), rejectedCount: Type.Integer(),
  createdBy: PersonRef, createdAt: Type.String(),
  can: Type.Object({ approve: Type.Boolean({ description: 'approve its proposed events at once (the organization department, never the uploader)' }) }),
});
export type PointBatch = Static<typeof PointBatchSchema>;

export const BatchOutcomeSchema = Type.Object({ batch: PointBatchSchema, replayed: Type.Boolean() });
export type BatchOutcome = Static<typeof BatchOutcomeSchema>;

export const BatchEvent = StrictObject({
  rule: RuleCode,
  employeeNo: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  unitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  occurredOn: DateString(),
  occurrences: Type.Optional(Occurrences),
  delta: Type.Optional(Points('per occurrence for per-occurrence rules')),
  source: Type.Optional(Source),
  evidenceText: EvidenceText,
  evidenceLink: Type.Optional(Nullable(EvidenceLink)),
});

export type BatchEvent = Static<typeof BatchEvent>;

export const BatchBody = StrictObject({ schemeId: Id, events: Type.Array(BatchEvent, { minItems: 1, maxItems: 50_000 }) });
export type BatchBody = Static<typeof BatchBody>;

export const BatchHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

export const BatchListQuery = StrictObject({ ...PageQuery });
export const BatchListResponse = Paged(PointBatchSchema);
export type BatchListResponse = Static<typeof BatchListResponse>;

export const BatchApprovedResponse = Type.Object({ approved: Type.Integer({ description: 'how many proposed events of the batch were approved' }) });
export type BatchApproved = Static<typeof BatchApprovedResponse>;

export const TemplateQuery = StrictObject({ scheme: Id });
export const PointTemplateResponse = FileResponse("an .xlsx template of the scheme's rules, with example rows");
export const ImportStartedSchema = Type.Object({ jobId: Type.String({ description: 'poll GET /api/jobs/:id; its result is { batch, replayed }' }) });
export type ImportStarted = Static<typeof ImportStartedSchema>;
