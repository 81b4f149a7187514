/**
 * 校勘记 in the customary form (src/gazette/collation.ts), with the seed's variants of 吉政办发〔2022〕26号: the
 * window the reconcile stage records is cut anywhere; the note quotes the whole phrase of the standard text.
 */
import { describe, expect, it } from 'vitest';
import { collationReading, collationSentence, difference, differingSpan } from '../../../src/gazette/collation.ts';
import { isFromGazette, originLabel, sourceNames } from '../../../src/gazette/sources.ts';

// content/sources/001_2dbcd8b680e63142.txt:288 (二、（二）——坚持问题导向) against 000:16, which adds 「堵点」.
const TEXT = '——坚持问题导向。围绕社会各界反映强烈、影响科技创新生态的重点难点问题，全力推进重点领域和关键环节改革。';
const VARIANT = { authoritative: '态的重点难点问题，全力推', copy: '态的重点难点堵点问题,全力推' };

describe('the difference of two readings', () => {
  it('ignores width and quote form: 「，」 and 「,」 read alike', () => {
    expect(difference(VARIANT.authoritative, VARIANT.copy)).toEqual({ start: 6, end: 6 });
    // An insertion: the span is empty, right after 「难点」.
    const at = TEXT.indexOf('难点问题') + 2;
    expect(differingSpan(TEXT, VARIANT)).toEqual([at, at]);
    expect(differingSpan('别的文字', VARIANT)).toBeNull();
  });
});

describe('the phrase a note quotes', () => {
  it('runs from the punctuation before the difference to the punctuation after it', () => {
    expect(collationReading(TEXT, VARIANT)).toEqual({ standard: '影响科技创新生态的重点难点问题', copy: '影响科技创新生态的重点难点堵点问题' });
    // 001:322 「联合“大校、大所、大企业”，分类施策」 against 000:36 「大企”,」: the closing quote bounds the phrase.
    expect(collationReading('联合“大校、大所、大企业”，分类施策打造', { authoritative: '、大所、大企业”，分类施策', copy: '、大所、大企”,分类施策' })).toEqual({ standard: '大企业', copy: '大企' });
  });

  it('falls back to the window when the text no longer holds it, and never quotes an empty phrase', () => {
    expect(collationReading('', { authoritative: '免于问责', copy: '免予问责' })).toEqual({ standard: '免于问责', copy: '免予问责' });
    // A difference in the punctuation itself quotes its neighbours; an insertion between two marks, the window.
    expect(collationReading('甲，乙', { authoritative: '，', copy: '、' })).toEqual({ standard: '甲，乙', copy: '甲、乙' });
    expect(collationReading('甲，。乙', { authoritative: '，。', copy: '，的。' })).toEqual({ standard: '，。', copy: '，的。' });
  });

  it('is written with the copies named by what they are and the gazette print as the authority', () => {
    const line = { ...collationReading(TEXT, VARIANT), copies: sourceNames(['scraped-record', 'encyclopedia']), authority: '公报印刷版' };
    expect(collationSentence(line)).toBe('「影响科技创新生态的重点难点问题」，网络转载本、百科繁体本作「影响科技创新生态的重点难点堵点问题」，以公报印刷版为准。');
    expect(collationSentence({ ...line, authority: '新闻网站转载本' })).toMatch(/，本站从新闻网站转载本。$/);
  });
});

describe('where a document comes from', () => {
  it('is the gazette when an issue places it, and nothing else', () => {
    expect(isFromGazette({ issue: '2023-4' })).toBe(true);
    expect(isFromGazette({ issue: null })).toBe(false);
    expect([originLabel({ issue: '2023-4' }), originLabel({ issue: null })]).toEqual(['公报刊登', '非公报文本']);
    expect(sourceNames(['scraped-record', 'scraped-record', 'gazette-dump'])).toBe('网络转载本、公报印刷版');
  });
});
