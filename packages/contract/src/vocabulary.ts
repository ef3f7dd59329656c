/**
 * The API's enumerations and limits as plain values, without TypeBox: the schemas are built from
 * them, and the web imports them at runtime from here (importing a schema module would bring the
 * schema builder into the browser bundle).
 */

/** Roles of an account: a leader's names the unit whose subtree he leads. */
export const ROLES = ['admin', 'leader', 'member', 'auditor'] as const;

/**
 * What one may do (the server's policies): GET /api/me sends each with true or false, so the UI
 * hides the rest. The server's auth routes fail to compile when the policies' list differs.
 */
export const ABILITIES = [
  'org.read', 'org.browse', 'org.manage', 'org.import', 'org.export', 'account.manage', 'audit.read', 'home.organization', 'engine.evaluate',
  'log.write', 'log.like', 'log.review', 'log.oversee', 'calendar.manage', 'scheme.manage', 'period.manage',
  'points.read', 'points.oversee', 'points.rules.manage', 'points.propose', 'points.approve', 'points.reverse', 'points.import', 'points.batch.approve',
  'ranking.read', 'ranking.read.all', 'redblack.manage', 'summary.write', 'review.rate', 'review.rate.unled',
  'results.read', 'results.read.all', 'results.oversee', 'results.export', 'appeal.submit', 'appeal.read', 'appeal.decide',
] as const;

/** 区 / 镇 / 街道 / 部门 / 科室 / 其他 */
export const UNIT_TYPES = ['district', 'town', 'street', 'department', 'section', 'other'] as const;

export const GENDERS = ['男', '女'] as const;
export const EMPLOYEE_NO_PATTERN = '^[A-Za-z0-9_-]+$';
export const PHONE_PATTERN = '^[0-9+() -]*$';

/**
 * What every evidence upload takes (work-log entries, point events, appeals), decided by the server
 * from the content: JPEG, PNG, WebP, GIF and PDF. Also the types a download answers with.
 */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;

export const APPEAL_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;

/** superior_notice 上级通报反馈 · business_data 业务数据监测 · supervision 日常监督检查 · task 任务督办 · other */
export const POINT_SOURCES = ['superior_notice', 'business_data', 'supervision', 'task', 'other'] as const;
export const POINT_EVENT_STATUSES = ['proposed', 'approved', 'rejected'] as const;
/** The largest amount a rule or an event may carry (a guard, far above any real practice). */
export const MAX_POINTS = 100_000;
export const MAX_OCCURRENCES = 1000;
export const MAX_EVIDENCE_CHARS = 2000;
export const MAX_LINK_CHARS = 500;

/** routine 日常工作 · key_task 重点任务 · dynamic_task 动态任务 */
export const WORK_LOG_KINDS = ['routine', 'key_task', 'dynamic_task'] as const;
/** The longest indicator reference an entry may link, `<scheme code>:<indicator id>`. */
export const INDICATOR_REF_MAX = 200;
