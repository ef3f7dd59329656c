import type { Scheme } from '@baton/engine';
import type { PointSource } from '../schema.js';

/**
 * The demo's police-style points practice (docs/product.md §1 "Dynamic points", "The demo organization"):
 * 区公安分局 scores its officers monthly on three deduction ledgers — 执法作风, 岗位实绩, 工作质效 —
 * plus an extra ledger for commendations, with point rules from superiors' notices, business data,
 * supervision checks and task deadlines.
 */
export const DEMO_POINTS_SCHEME: { code: string; name: string; definition: Scheme } = {
  code: 'police-points-2026',
  name: '区公安分局2026年民警动态积分考核',
  definition: {
    name: '区公安分局2026年民警动态积分考核',
    kind: 'routine',
    indicators: [
      { id: 'style', name: '执法作风', kind: 'regular', method: 'ledger', weight: 30 },
      { id: 'performance', name: '岗位实绩', kind: 'key', method: 'ledger', weight: 40 },
      { id: 'quality', name: '工作质效', kind: 'regular', method: 'ledger', weight: 30 },
      { id: 'commendation', name: '表彰加分', kind: 'dynamic', method: 'ledger', extra: true, base: 0, min: 0, max: 10 },
    ],
    grouping: 'all',
    grades: [
      { name: '好', quota: 0.4, minScore: 95 },
      { name: '较好', minScore: 90 },
      { name: '一般', minScore: 80 },
      { name: '较差' },
    ],
    quotaRounding: 'floor',
  },
};

export interface DemoPointRule {
  code: string;
  name: string;
  indicator: string;
  defaultDelta: number;
  minDelta: number;
  maxDelta: number;
  perOccurrence?: boolean;
  defaultSource: PointSource;
  description: string;
  /** Relative frequency in the demo's events. */
  weight: number;
  evidence: readonly string[];
}

export const DEMO_POINT_RULES: readonly DemoPointRule[] = [
  {
    code: 'TB-BY', name: '上级通报表扬', indicator: 'commendation', defaultDelta: 2, minDelta: 0.5, maxDelta: 5, defaultSource: 'superior_notice',
    description: '市局、区委区政府书面通报表扬', weight: 3,
    evidence: ['市局通报表扬：成功破获系列盗窃电动车案件', '区委政法委通报表扬：矛盾纠纷化解成效明显', '市局通报表扬：反诈宣传进社区活动组织有力'],
  },
  {
    code: 'TB-PP', name: '上级通报批评', indicator: 'style', defaultDelta: -3, minDelta: -10, maxDelta: -1, defaultSource: 'superior_notice',
    description: '市局、区委区政府书面通报批评', weight: 1,
    evidence: ['市局督察通报：值班期间脱岗', '市局通报：接处警记录不规范'],
  },
  {
    code: 'DB-CS', name: '督办事项超时', indicator: 'quality', defaultDelta: -1, minDelta: -2, maxDelta: -0.5, perOccurrence: true, defaultSource: 'task',
    description: '督办事项每超时一次扣分', weight: 3,
    evidence: ['12345工单超时办结', '信访督办件超期未反馈', '警情回访超时'],
  },
  {
    code: 'JD-WT', name: '监督检查发现问题', indicator: 'style', defaultDelta: -2, minDelta: -5, maxDelta: -0.5, defaultSource: 'supervision',
    description: '日常监督检查发现执法作风问题', weight: 2,
    evidence: ['执法记录仪未按规定全程开启', '案卷材料缺少当事人签字', '着装不规范'],
  },
  {
    code: 'YW-YX', name: '业务数据排名靠前', indicator: 'commendation', defaultDelta: 1, minDelta: 0.5, maxDelta: 3, defaultSource: 'business_data',
    description: '月度业务数据全局前三名', weight: 3,
    evidence: ['本月警情处置满意度全局第一', '本月电诈案件止付金额全局第二', '本月矛盾纠纷化解率全局第三'],
  },
  {
    code: 'YW-WDB', name: '业务数据未达标', indicator: 'performance', defaultDelta: -1.5, minDelta: -5, maxDelta: -0.5, defaultSource: 'business_data',
    description: '月度业务指标未达到目标值', weight: 2,
    evidence: ['本月案件破案率低于目标值', '本月巡逻里程未达标', '本月走访群众户数未达标'],
  },
  {
    code: 'ZF-ZL', name: '执法质量考评扣分', indicator: 'performance', defaultDelta: -2, minDelta: -6, maxDelta: -0.5, defaultSource: 'supervision',
    description: '法制部门执法质量考评发现瑕疵', weight: 1,
    evidence: ['案件法律文书引用条款错误', '受案登记不及时'],
  },
];
