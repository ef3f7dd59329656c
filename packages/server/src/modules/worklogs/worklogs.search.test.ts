import { describe, expect, it } from 'vitest';
import { extractSearchTerms, ftsQueryOf, planSearch } from './worklogs.search.js';

describe('bigram search terms', () => {
  it('indexes overlapping bigrams of Han text', () => {
    expect(extractSearchTerms('走访辖区企业')).toEqual(['走访', '访辖', '辖区', '区企', '企业']);
  });

  it('indexes lower-cased ASCII words and folds full-width characters', () => {
    expect(extractSearchTerms('完成OA系统升级，共３家')).toEqual(['完成', 'oa', '系统', '统升', '升级', '3']);
  });

  it('keeps no term for a lone Han character between other characters', () => {
    expect(extractSearchTerms('走访3家')).toEqual(['走访', '3']);
  });

  it('treats punctuation and line breaks as separators', () => {
    expect(extractSearchTerms('上午：开会。\n下午，走访')).toEqual(['上午', '开会', '下午', '走访']);
  });

  it('deduplicates repeated terms', () => {
    expect(extractSearchTerms('走访走访')).toEqual(['走访', '访走']);
  });
});

describe('planning a search', () => {
  it('looks for the one bigram of a two-character word, which needs no further check', () => {
    expect(planSearch('走访')).toEqual({ terms: ['走访'], phrases: [] });
  });

  it('needs every bigram of a three-character word', () => {
    expect(planSearch('用工需')).toEqual({ terms: ['用工', '工需'], phrases: ['用工需'] });
  });

  it('falls back to LIKE alone for a single character', () => {
    expect(planSearch('访')).toEqual({ terms: [], phrases: ['访'] });
  });

  it('matches ASCII words as words, without a phrase', () => {
    expect(planSearch('OA 走访')).toEqual({ terms: ['oa', '走访'], phrases: [] });
    expect(planSearch('OA系统')).toEqual({ terms: ['oa', '系统'], phrases: ['oa系统'] });
  });

  it('keeps a mixed word as a phrase so its lone Han character is checked', () => {
    expect(planSearch('3家')).toEqual({ terms: ['3'], phrases: ['3家'] });
  });

  it('returns nothing to search for a blank query', () => {
    expect(planSearch('   ')).toBeNull();
  });

  it('quotes FTS terms', () => {
    expect(ftsQueryOf(['走访', 'oa'])).toBe('"走访" "oa"');
  });
});
