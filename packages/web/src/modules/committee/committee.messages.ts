import type { Messages } from '../../shared/messages';

/** Messages of the committee's decision on a block tied at a quota line; zh-CN first, en-US must have the same keys. */
export const committeeZhCN = {
  open: '委员会决定',
  title: '{{group}} · {{grade}} 名额并列的委员会决定',
  underAppeal: '公示期内有待处理的申诉：本决定在申诉被采纳、重新发布结果时生效，公示中的当前版本不变。',
  explain: '并列的人员全部进不了“{{grade}}”的剩余名额时，按规则全部留在下一等次。考核委员会可以在剩余名额内决定由谁获得“{{grade}}”，并写明理由；决定记入审计日志和考核数据，公布的结果与导出的数据都据此复现。不勾选任何人即记录“维持下一等次”。',
  freeSeats: '可由委员会决定的名额：{{n}} 个（以服务器核对为准）',
  tooMany: '最多只能选择 {{n}} 人：名额不得突破。',
  reasonPlaceholder: '决定理由（必填），如：考核委员会 2026-12-05 会议决定',
  submit: '记录决定',
  saved: '已记录委员会决定，结果已重新计算',
};

export const committeeEnUS: Messages<typeof committeeZhCN> = {
  open: 'Committee decision',
  title: '{{group}} · committee decision on the tie at {{grade}}',
  underAppeal: 'An appeal is pending during publicity: this decision takes effect when the appeal is accepted and the results are published again; the version now in publicity stays as it is.',
  explain: 'When the tied people do not all fit in the seats left of “{{grade}}”, the rule keeps them all in the next grade. The assessment committee may decide who of them takes “{{grade}}” within the seats left, with a reason; the decision is audited and becomes part of the assessment data, so published results and the export reproduce it. Ticking nobody records that the block stays in the next grade.',
  freeSeats: 'Seats the committee may give: {{n}} (the server checks)',
  tooMany: 'At most {{n}} people: the quota may not be exceeded.',
  reasonPlaceholder: 'Reason (required), e.g. committee meeting of 2026-12-05',
  submit: 'Record the decision',
  saved: 'Decision recorded; results evaluated again',
};
