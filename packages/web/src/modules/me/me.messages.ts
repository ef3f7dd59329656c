import type { Messages } from '../../shared/messages';

/** Messages of 我的信息; zh-CN first, en-US must have the same keys. */
export const meZhCN = {
  profile: '基本信息',
  account: '账号',
  unitPeople: '本单位人员',
};

export const meEnUS: Messages<typeof meZhCN> = {
  profile: 'Profile',
  account: 'Account',
  unitPeople: 'People of my unit',
};
