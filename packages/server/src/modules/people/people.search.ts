import { pinyin } from 'pinyin-pro';

/**
 * The text a person is found by: name, full pinyin and initials (输入 "zs" 找到 张三), employee
 * number — lower-cased, space-separated. Surnames use their surname reading (单 → shan).
 */
export function buildPersonSearchText(name: string, employeeNo: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const full = syllables.join('');
  const initials = syllables.map((s) => s[0] ?? '').join('');
  return [name, full, initials, employeeNo].join(' ').toLowerCase();
}

/** Escapes LIKE wildcards so a query for "50%" finds "50%", not everything. */
export function likePattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
