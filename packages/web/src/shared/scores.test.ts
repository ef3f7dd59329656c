import { describe, expect, it } from 'vitest';
import { formatPoints } from './scores';

describe('formatPoints', () => {
  it.each([
    [3, '+3'],
    [-2.5, '−2.5'],
    [0, '0'],
    [1.1, '+1.1'],
    [-0.05, '−0.05'],
    [0.1 + 0.2, '+0.3'],
    [80.115, '+80.12'],
  ])('shows %s as %s', (value, text) => {
    expect(formatPoints(value)).toBe(text);
  });

  it('leaves the sign off a score', () => {
    expect(formatPoints(87.25, { sign: false })).toBe('87.25');
    expect(formatPoints(null)).toBe('—');
  });
});
