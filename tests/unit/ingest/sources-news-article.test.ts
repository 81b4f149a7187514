import { describe, expect, it } from 'vitest';
import { parseNewsArticle } from '../../../src/ingest/sources/news-article.ts';
import { SEEDS, allBlocks, clauses, seed } from './sources-fixtures.ts';

const input = seed(SEEDS.s003);
const parse = parseNewsArticle(input);
const doc = parse.documents[0]!;
const blocks = allBlocks(doc.body);
const reasons = (line: number): string[] => parse.removals.filter((r) => r.line === line).map((r) => r.reason);

describe('003 news article', () => {
  it('reads the YAML front matter into metadata as printed (no derived values)', () => {
    expect(doc.meta).toMatchObject({
      title: '吉林省委省政府发布关于创新型省份建设的意见',
      categories: '金融 新浪财经 新浪财经－国內',
      author: '新浪财经',
      comments: 'false',
      date: 'Tue, 21 Dec 2021 03:42:12 GMT',
      原标题: '吉林省委省政府发布关于创新型省份建设的意见',
    });
    expect(doc.meta['publishedAt']).toBeUndefined();
    expect(parse.removals.filter((r) => r.reason === 'front matter delimiter').map((r) => r.line)).toEqual([2, 13]);
  });

  it('splits the centred heading into title and date', () => {
    expect(doc.title).toBe('省委省政府关于创新型省份建设的意见');
    expect(doc.printedTitle).toBe('省委省政府关于创新型省份建设的意见（2021年12月20日）');
    expect(doc.date).toBe('2021-12-20');
    expect(doc.kind).toBe('意见');
    expect(doc.docNumber).toBeNull();
  });

  it('publishes the 55 content paragraphs of lines 18–73, without U+3000 indents', () => {
    expect(blocks).toHaveLength(55);
    const lines = blocks.map((b) => b.source.line);
    expect(lines).toEqual(Array.from({ length: 56 }, (_, i) => 18 + i).filter((l) => l !== 26));
    for (const b of blocks) if ('text' in b) expect(b.text).not.toMatch(/[\u3000<>]/);
    expect(clauses(doc.body)).toHaveLength(47);
  });

  it('reads full-width 1． item labels', () => {
    expect(blocks.find((b) => b.id === 'p2-s1-i1')).toMatchObject({ label: '1．', level: 'item', number: 1, source: { line: 34 } });
  });

  it('reduces the stock-quote links to their anchor text, so words stay whole', () => {
    const item = blocks.find((b) => b.source.line === 53);
    expect(item?.type === 'clause' && item.text).toContain('支持长春高新区、净月高新区');
    expect(JSON.stringify(doc.body)).not.toMatch(/finance\.sina|stock_|sinaimg|href/);
  });

  it('drops the image, comments, style, QR-code ad and editor credit with reasons', () => {
    expect(reasons(26)).toContain('image not republished (hotlinked)');
    expect(reasons(81)).toEqual(['HTML comment']);
    expect(reasons(105)).toEqual(['style']);
    expect(parse.removals).toContainEqual({ line: 112, text: '海量资讯、精准解读，尽在新浪财经APP', reason: 'advertisement (新浪财经APP QR code)' });
    expect(parse.removals).toContainEqual({ line: 120, text: '责任编辑：蒋晓桐', reason: "news site's editor credit" });
    expect(parse.findings).toEqual([]);
  });
});
