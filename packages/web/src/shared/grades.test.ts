import { describe, expect, it } from 'vitest';
import { gradeChartColor, gradeColor, gradeTone, gradeToneAt } from './grades';

const grades = ['好', '较好', '一般', '较差'];

describe('grade colour scale', () => {
  it('colors grades by their place, the last one red', () => {
    expect(grades.map((g) => gradeColor(g, grades))).toEqual(['green', 'blue', 'gold', 'red']);
    expect(gradeColor('优秀', grades)).toBe('default');
    expect(gradeColor(null, grades)).toBe('default');
    expect(gradeColor('好', ['好'])).toBe('green');
    expect(['A', 'B', 'C', 'D', 'E'].map((g) => gradeColor(g, ['A', 'B', 'C', 'D', 'E']))).toEqual(['green', 'blue', 'gold', 'gold', 'red']);
  });

  it('recognises the last grade, but not a lone one', () => {
    expect(gradeTone('较差', grades)).toBe('last');
    expect(gradeTone('好', ['好'])).toBe(0);
    expect(gradeTone('优秀', grades)).toBeNull();
    expect(grades.map((_, i) => gradeToneAt(i, grades.length))).toEqual([0, 1, 2, 'last']);
  });

  it('uses the same scale for charts', () => {
    expect(grades.map((_, i) => gradeChartColor(i, grades.length))).toEqual(['#2f7d4f', '#1f4e8c', '#d48806', '#c8372d']);
    expect(gradeChartColor(0, 1)).toBe('#2f7d4f');
    expect(gradeChartColor(3, 6)).toBe('#d48806');
  });
});
