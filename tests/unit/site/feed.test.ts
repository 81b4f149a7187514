import { describe, expect, it } from 'vitest';
import { documentSummary, firstSentence } from '../../../src/site/feed.ts';

describe('a feed entry summary', () => {
  it('gives 发文字号, issuer, date and the notice as first sentence', () => {
    // content/sources/001_2dbcd8b680e63142.txt:140 (the notice of 吉政发〔2022〕21号, 落款 2022年11月18日)
    const notice = '现将《吉林省贯彻计量发展规划（2021—2035年）实施方案》印发给你们，请认真贯彻执行。';
    expect(documentSummary({ docNumber: { normalized: '吉政发〔2022〕21号' }, issuers: ['吉林省人民政府'], date: '2022-11-18', notice, body: [] })).toBe(
      `吉政发〔2022〕21号 · 吉林省人民政府 · 2022年11月18日 · ${notice}`,
    );
  });

  it('takes the first sentence of the body when there is no notice, and leaves out what is missing', () => {
    // the 卷首语 of 2023年第4期, content/sources/001_2dbcd8b680e63142.txt:43
    const text = '招商引资、项目建设、营商环境建设对推动吉林全面振兴实现新突破意义重大。全省上下要深入贯彻习近平总书记重要讲话重要指示精神。';
    const body = [{ type: 'paragraph', id: 'para1', text }] as never;
    expect(documentSummary({ docNumber: null, issuers: [], date: '2023-02-28', notice: null, body })).toBe('2023年2月28日 · 招商引资、项目建设、营商环境建设对推动吉林全面振兴实现新突破意义重大。');
  });

  it('cuts a sentence without an end at 120 characters', () => {
    expect(firstSentence('甲'.repeat(130))).toBe(`${'甲'.repeat(120)}……`);
    expect(firstSentence('  推进 科技创新！其余  ')).toBe('推进 科技创新！');
  });
});
