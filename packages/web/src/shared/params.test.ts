import { describe, expect, it } from 'vitest';
import { idOf } from './params';

describe('idOf', () => {
  it('reads only positive integer ids from the route or the query', () => {
    expect(idOf('12')).toBe(12);
    expect(idOf('7')).toBe(7);
    expect(idOf('999999999999999')).toBe(999999999999999);
    for (const bad of ['0', '-1', '1.5', 'x', 'abc', '', null, undefined, '01', '1000000000000000', ' 1', '1e3']) expect(idOf(bad)).toBeNull();
  });
});
