import { describe, expect, it } from 'vitest';
import { parseFlag, tiedGradesOf } from './flags';

describe('flags and quotas', () => {
  it('reads the engine flags', () => {
    expect(parseFlag('quota-tie:好')).toEqual({ kind: 'quota-tie', arg: '好' });
    expect(parseFlag('veto:veto_safety')).toEqual({ kind: 'veto', arg: 'veto_safety' });
    expect(parseFlag('tie-decision:好')).toEqual({ kind: 'tie-decision', arg: '好' });
    expect(parseFlag('no-rating:review')).toEqual({ kind: 'no-rating', arg: 'review' });
    expect(parseFlag('something')).toEqual({ kind: 'other', arg: 'something' });
    expect(tiedGradesOf(['missing:x', 'quota-tie:较好'])).toEqual(['较好']);
  });
});
