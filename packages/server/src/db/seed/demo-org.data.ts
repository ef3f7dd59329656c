/**
 * The demo district's fixed facts (docs/product.md §1 "The demo organization"): a county-level district
 * with its towns, streets and departments, three unit categories, and the pools the people's
 * names are drawn from. Everything else in the demo is derived from this by a seeded generator.
 */

export const DEMO_DISTRICT = { code: 'DIST', name: '通州区' };

export const DEMO_CATEGORIES = [
  { code: 'INDUSTRY', name: '工业强镇', description: '以工业经济为主的镇：经济发展、项目招引类指标权重较高' },
  { code: 'URBAN', name: '城区街道', description: '城区街道：社会治理、民生服务类指标权重较高' },
  { code: 'DEPT', name: '综合部门', description: '区级机关部门：职能履行、服务发展类指标权重较高' },
] as const;

/** What a section does decides its posts: police officers, law enforcement, specialists or clerks. */
export type SectionKind = 'office' | 'police' | 'law' | 'specialist';

export interface DemoSection { name: string; kind: SectionKind; specialistPost?: string }

export interface DemoTopUnit {
  code: string;
  name: string;
  type: 'town' | 'street' | 'department';
  category: (typeof DEMO_CATEGORIES)[number]['code'];
  head: string;
  deputy: string;
  sections: DemoSection[];
}

const office = (name: string): DemoSection => ({ name, kind: 'office' });
const law = (name: string): DemoSection => ({ name, kind: 'law' });
const police = (name: string): DemoSection => ({ name, kind: 'police' });
const specialist = (name: string, post: string): DemoSection => ({ name, kind: 'specialist', specialistPost: post });

const townSections = [office('党政办公室'), office('经济发展局'), office('社会事业局'), law('综合行政执法局')];
const streetSections = [office('党政办公室'), office('经济服务办'), office('社区治理办'), law('综合行政执法队')];

const town = (code: string, name: string): DemoTopUnit => ({ code, name, type: 'town', category: 'INDUSTRY', head: '镇长', deputy: '副镇长', sections: townSections });
const street = (code: string, name: string): DemoTopUnit => ({
  code, name, type: 'street', category: 'URBAN', head: '街道办事处主任', deputy: '街道办事处副主任', sections: streetSections,
});
const department = (code: string, name: string, sections: DemoSection[], head = '局长', deputy = '副局长'): DemoTopUnit => ({
  code, name, type: 'department', category: 'DEPT', head, deputy, sections,
});

export const DEMO_TOP_UNITS: DemoTopUnit[] = [
  street('JINSHA', '金沙街道'),
  street('XIANFENG', '先锋街道'),
  street('JINXIN', '金新街道'),
  street('XINGDONG', '兴东街道'),
  town('CHUANJIANG', '川姜镇'),
  town('ERJIA', '二甲镇'),
  town('PINGCHAO', '平潮镇'),
  town('XITING', '西亭镇'),
  town('DONGSHE', '东社镇'),
  town('LIUQIAO', '刘桥镇'),
  town('SHIZONG', '十总镇'),
  town('SHIGANG', '石港镇'),
  department('ORG', '区委组织部', [office('办公室'), office('干部科'), office('组织科'), office('干部监督科')], '部长', '副部长'),
  department('HRSS', '区人社局', [office('办公室'), office('就业促进科'), office('社会保险科'), law('劳动保障监察大队')]),
  department('EDU', '区教体局', [office('办公室'), office('基础教育科'), office('体育科')]),
  department('POLICE', '区公安分局', [
    office('指挥中心'), police('治安管理大队'), police('刑事侦查大队'), police('交通警察大队'), police('金沙派出所'), police('平潮派出所'),
  ], '局长', '副局长'),
  department('SAMR', '区市场监管局', [office('办公室'), office('登记注册科'), office('食品安全科'), law('综合执法大队')]),
  department('AUDIT', '区审计局', [office('办公室'), specialist('财政审计科', '审计师'), specialist('经济责任审计科', '审计师')]),
  department('EMERG', '区应急管理局', [office('办公室'), office('安全生产监管科'), office('应急救援科'), law('执法大队')]),
  department('DRC', '区发改委', [office('办公室'), office('综合科'), office('项目推进科')], '主任', '副主任'),
  department('FIN', '区财政局', [office('办公室'), office('预算科'), office('国库科')]),
  department('NATRES', '区自然资源局', [office('办公室'), specialist('国土空间规划科', '工程师'), law('执法监察大队')]),
  department('HOUSING', '区住建局', [office('办公室'), specialist('建筑业管理科', '工程师'), specialist('城建科', '工程师')]),
  department('TRANS', '区交通局', [office('办公室'), office('规划建设科'), office('运输管理科')]),
  department('AGRI', '区农业农村局', [office('办公室'), office('农村经济科'), law('农业综合执法大队')]),
  department('HEALTH', '区卫健委', [office('办公室'), office('医政医管科'), office('疾病预防控制科')], '主任', '副主任'),
  department('CIVIL', '区民政局', [office('办公室'), office('社会救助科'), office('养老服务科')]),
  department('JUSTICE', '区司法局', [office('办公室'), office('普法与依法治理科'), office('人民调解科')]),
  department('ECO', '区生态环境局', [office('办公室'), specialist('环境监测科', '工程师'), law('生态环境执法大队')]),
  department('COMMERCE', '区商务局', [office('办公室'), office('外贸外资科')]),
  department('CULTURE', '区文旅局', [office('办公室'), office('文化产业科')]),
  department('STATS', '区统计局', [office('办公室'), specialist('综合统计科', '统计师')]),
];

export const POST_TYPES = { general: '综合管理类', law: '行政执法类', specialist: '专业技术类' } as const;

/** 职级, lowest first. */
export const RANKS = ['二级科员', '一级科员', '四级主任科员', '三级主任科员', '二级主任科员', '一级主任科员', '四级调研员', '三级调研员', '二级调研员'] as const;

/** Common surnames, the Nantong area's (顾, 陆, 施, 季, 缪, 瞿) among them; earlier ones are drawn more often. */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '顾', '陆', '施', '季', '钱', '沈', '曹',
  '马', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '彭', '曾', '肖', '田',
  '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '姚', '卢', '姜', '崔', '钟', '谭',
  '汪', '范', '金', '石', '贾', '夏', '邱', '秦', '江', '尹', '薛', '缪', '瞿', '严', '葛', '仇', '邵', '孔', '戴', '包',
];

export const GIVEN_MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩',
  '凯', '健', '俊', '帆', '旭', '宁', '龙', '林', '阳', '建', '国', '峰', '亮', '成', '东', '文', '新', '海', '晨', '志',
  '立', '振', '宏', '荣', '培', '德', '卫', '正', '俊', '锋',
];

export const GIVEN_FEMALE = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '琳', '晶', '颖', '洁', '慧', '倩', '莉', '萍',
  '红', '梅', '琴', '云', '佳', '欣', '悦', '怡', '蕾', '晓', '雯', '菲', '露', '瑶', '青', '月', '洁', '秀', '丹', '薇',
];
