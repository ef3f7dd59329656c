import { type OrgRoster, type PersonRecord, type RoleSpec, type UnitRecord } from '../../modules/imports/index.js';
import type { DemoAccount } from './demo.js';
import {
  DEMO_CATEGORIES, DEMO_DISTRICT, DEMO_TOP_UNITS, GIVEN_FEMALE, GIVEN_MALE, POST_TYPES, RANKS, SURNAMES, type DemoSection,
} from './demo-org.data.js';
import { createSeededRandom } from './seeded-random.js';

/** How many people the demo district has. */
export const DEMO_PEOPLE_COUNT = 400;
const SEED = 20_260_101;


export interface DemoOrganization {
  roster: OrgRoster;
  /** Memorable usernames of the demo accounts, by employee number (the rest sign in with theirs). */
  usernames: Map<string, string>;
  accounts: DemoAccount[];
}

interface Slot {
  unitCode: string;
  unitName: string;
  post: string;
  postType: string;
  ranks: readonly string[];
  leader: boolean;
}

function sectionHeadTitle(section: DemoSection): string {
  if (section.kind === 'police') return section.name.endsWith('所') ? '所长' : section.name.endsWith('大队') ? '大队长' : '主任';
  if (section.name.endsWith('大队')) return '大队长';
  if (section.name.endsWith('队')) return '队长';
  if (section.name.endsWith('局')) return '局长';
  if (section.name.endsWith('科')) return '科长';
  return '主任';
}

const MEMBER_POST: Record<DemoSection['kind'], { post?: string; postType: string }> = {
  office: { post: '科员', postType: POST_TYPES.general },
  police: { post: '民警', postType: POST_TYPES.law },
  law: { post: '执法队员', postType: POST_TYPES.law },
  specialist: { postType: POST_TYPES.specialist },
};

const MEMBERS_PER_SECTION: Record<DemoSection['kind'], [number, number]> = { office: [1, 3], police: [4, 7], law: [2, 4], specialist: [1, 3] };

/**
 * The demo district as a roster in the import layout: 通州区 with 4 streets, 8 towns and 20
 * departments in 3 categories, their sections, and 400 people — a leader (负责人) for every unit,
 * deputies and members with posts and ranks, and an auditor. Deterministic: names, phones and
 * dates come from a seeded generator; only the dates move with `today`.
 */
export function buildDemoOrganization({ today }: { today: string }): DemoOrganization {
  const random = createSeededRandom(SEED);
  const year = Number(today.slice(0, 4));
  const ranks = (from: string, to: string) => RANKS.slice(RANKS.indexOf(from as (typeof RANKS)[number]), RANKS.indexOf(to as (typeof RANKS)[number]) + 1);

  const units: UnitRecord[] = [{ code: DEMO_DISTRICT.code, name: DEMO_DISTRICT.name, type: 'district', parentCode: null, category: null, sort: 0 }];
  const slots: Slot[] = [{ unitCode: DEMO_DISTRICT.code, unitName: DEMO_DISTRICT.name, post: '考核办主任', postType: POST_TYPES.general, ranks: ['二级调研员'], leader: true }];
  const sectionMembers: { slotsAt: number; section: DemoSection; unitCode: string; unitName: string; head: string; count: number }[] = [];

  DEMO_TOP_UNITS.forEach((top, i) => {
    units.push({ code: top.code, name: top.name, type: top.type, parentCode: DEMO_DISTRICT.code, category: top.category, sort: i + 1 });
    slots.push({ unitCode: top.code, unitName: top.name, post: top.head, postType: POST_TYPES.general, ranks: ranks('一级主任科员', '四级调研员'), leader: true });
    for (let d = random.int(1, 2); d > 0; d -= 1) {
      slots.push({ unitCode: top.code, unitName: top.name, post: top.deputy, postType: POST_TYPES.general, ranks: ranks('二级主任科员', '一级主任科员'), leader: false });
    }
    top.sections.forEach((section, j) => {
      const code = `${top.code}-${String(j + 1).padStart(2, '0')}`;
      const name = `${top.name}${section.name}`;
      units.push({ code, name, type: 'section', parentCode: top.code, category: null, sort: j + 1 });
      const head = sectionHeadTitle(section);
      const headType = section.kind === 'police' || section.kind === 'law' ? POST_TYPES.law : POST_TYPES.general;
      slots.push({ unitCode: code, unitName: name, post: head, postType: headType, ranks: ranks('四级主任科员', '二级主任科员'), leader: true });
      const [min, max] = MEMBERS_PER_SECTION[section.kind];
      sectionMembers.push({ slotsAt: slots.length, section, unitCode: code, unitName: name, head, count: random.int(min, max) });
    });
  });

  // Exactly DEMO_PEOPLE_COUNT people: the sections' members are topped up or trimmed at random.
  let total = slots.length + sectionMembers.reduce((n, s) => n + s.count, 0);
  while (total < DEMO_PEOPLE_COUNT) {
    random.pick(sectionMembers).count += 1;
    total += 1;
  }
  while (total > DEMO_PEOPLE_COUNT) {
    const s = random.pick(sectionMembers);
    if (s.count > 1) {
      s.count -= 1;
      total -= 1;
    }
  }
  for (const s of sectionMembers) {
    const member = MEMBER_POST[s.section.kind];
    const deputyType = s.section.kind === 'police' || s.section.kind === 'law' ? POST_TYPES.law : POST_TYPES.general;
    for (let m = 0; m < s.count; m += 1) {
      // A section of three or more has a deputy head.
      const deputy = m === 0 && s.count >= 3;
      slots.push({
        unitCode: s.unitCode, unitName: s.unitName,
        post: deputy ? `副${s.head}` : member.post ?? s.section.specialistPost!,
        postType: deputy ? deputyType : member.postType,
        ranks: deputy ? ranks('四级主任科员', '三级主任科员') : ranks('二级科员', '三级主任科员'),
        leader: false,
      });
    }
  }

  // People in unit order, so employee numbers run through the organization chart.
  const unitOrder = new Map(units.map((u, i) => [u.code, i]));
  slots.sort((a, b) => unitOrder.get(a.unitCode)! - unitOrder.get(b.unitCode)! || Number(b.leader) - Number(a.leader));
  const names = new Set<string>();
  const people: (PersonRecord & { slot: Slot })[] = slots.map((slot, i) => {
    const male = random.next() < 0.62;
    let name: string;
    do {
      const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
      name = random.pickSkewed(SURNAMES) + random.pick(pool) + (random.next() < 0.7 ? random.pick(pool) : '');
    } while (names.has(name));
    names.add(name);
    const roles: RoleSpec[] = [{ role: 'member', unitCode: null }];
    if (slot.leader) roles.push({ role: 'leader', unitCode: null });
    return {
      employeeNo: String(100_001 + i),
      name,
      gender: male ? '男' : '女',
      unitCode: slot.unitCode,
      post: slot.post,
      postType: slot.postType,
      rank: random.pick(slot.ranks),
      phone: `1${random.pick(['3', '5', '8'])}${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      roles,
      status: 'active',
      effectiveFrom: `${random.int(year - 6, year - 1)}-${String(random.int(1, 12)).padStart(2, '0')}-01`,
      slot,
    };
  });

  // The accounts printed at first start.
  const usernames = new Map<string, string>();
  const accounts: DemoAccount[] = [];
  const describe = (p: (typeof people)[number]) => `${p.name} · ${p.slot.unitName} · ${p.post}`;
  const give = (username: string, role: string, find: (p: (typeof people)[number]) => boolean, note = '') => {
    const person = people.find(find);
    if (!person) throw new Error(`the demo has nobody for ${username}`);
    if (username !== person.employeeNo) usernames.set(person.employeeNo, username);
    accounts.push({ username, role, description: describe(person) + note });
    return person;
  };
  give('leader_jinsha', 'leader', (p) => p.unitCode === 'JINSHA' && p.slot.leader);
  give('member_jinsha', 'member', (p) => p.unitCode === 'JINSHA-01' && !p.slot.leader);
  give('leader_chuanjiang', 'leader', (p) => p.unitCode === 'CHUANJIANG' && p.slot.leader);
  give('leader_police', 'leader', (p) => p.unitCode === 'POLICE' && p.slot.leader);
  give('member_police', 'member', (p) => p.unitCode === 'POLICE-02' && p.post === '民警');
  const auditor = give('auditor', 'auditor', (p) => p.unitCode === 'AUDIT-03' && p.post === '审计师');
  auditor.roles.push({ role: 'auditor', unitCode: null });
  const example = people.find((p) => p.unitCode === 'XIANFENG-01' && !p.slot.leader)!;
  accounts.push({ username: example.employeeNo, role: 'member', description: `${describe(example)}（其余人员均以工号登录，如此例）` });

  return {
    roster: {
      categories: DEMO_CATEGORIES.map((c) => ({ code: c.code, name: c.name, description: c.description })),
      units,
      people: people.map(({ slot: _slot, ...person }) => person),
    },
    usernames,
    accounts,
  };
}
