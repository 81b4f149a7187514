import { describe, expect, it } from 'vitest';
import { documentAnchor, scopedId } from '../../../src/pdf/ids.ts';
import { issueNumberLabel, printedDate } from '../../../src/pdf/format.ts';

describe('per-document id namespaces in the issue print view', () => {
  it('names document markers and scoped ids predictably', () => {
    expect(documentAnchor('jzbf-2022-26')).toBe('doc-jzbf-2022-26');
    expect(scopedId('jzbf-2022-26', 'p2-s3-i11')).toBe('jzbf-2022-26--p2-s3-i11');
  });
});

describe('print view wording', () => {
  it('writes the issue number as the gazette does', () => {
    expect(issueNumberLabel({ number: 4, cumulative: 888 })).toBe('第4期（复总第888期）');
    expect(issueNumberLabel({ number: 4, cumulative: null })).toBe('第4期');
  });

  it('prints a 落款 date in Chinese whether the model holds ISO or the printed form', () => {
    expect(printedDate('2022-08-12')).toBe('2022年8月12日');
    expect(printedDate('2022年8月12日')).toBe('2022年8月12日');
    expect(printedDate(null)).toBe('');
  });
});
