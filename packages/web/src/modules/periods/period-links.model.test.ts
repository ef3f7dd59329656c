import { describe, expect, it } from 'vitest';
import { periodLinksOf } from './period-links.model';

describe('period links', () => {
  const none = { summary: false, review: false, results: false, preview: false };

  it('offers exactly the pages the server allows, summary first', () => {
    expect(periodLinksOf({ id: 7, can: { ...none, summary: true, review: true } }).map((l) => l.kind)).toEqual(['summary', 'review']);
    expect(periodLinksOf({ id: 7, can: { ...none, review: true, results: true } }).map((l) => l.kind)).toEqual(['review', 'results']);
    expect(periodLinksOf({ id: 7, can: { ...none, preview: true } }).map((l) => l.kind)).toEqual(['preview']);
    expect(periodLinksOf({ id: 7, can: none })).toEqual([]);
  });

  it('links to the cycle pages of the period; the preview is the results page before publicity', () => {
    expect(periodLinksOf({ id: 7, can: { ...none, summary: true, review: true } }).map((l) => l.path)).toEqual(['/periods/7/summary', '/periods/7/review']);
    expect(periodLinksOf({ id: 7, can: { ...none, preview: true } }).map((l) => l.path)).toEqual(['/periods/7/results']);
  });
});
