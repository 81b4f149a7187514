import { describe, expect, it } from 'vitest';
import { checkAnchors, parseAnchorList } from '../../../src/ingest/check/anchors.ts';

describe('anchor stability', () => {
  const recorded = parseAnchorList('# published clause URLs\n/documents/a/#p1\n/documents/a/#p1-s1\n/documents/b/#p2\n');

  it('passes when every recorded anchor is still published', () => {
    expect(checkAnchors(recorded, ['/documents/a/#p1', '/documents/a/#p1-s1', '/documents/b/#p2', '/documents/b/#p3'], {})).toEqual([]);
  });

  it('fails on an anchor that disappeared, naming it and its line', () => {
    const f = checkAnchors(recorded, ['/documents/a/#p1', '/documents/b/#p2'], {});
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'anchor-removed', severity: 'error', file: 'content/published-anchors.txt', line: 2, message: '/documents/a/#p1-s1 曾经发布，本次生成中已不存在。' });
  });

  it('names the source of a document that is still built, and the anchor list line in the message', () => {
    const f = checkAnchors(recorded, ['/documents/a/#p1', '/documents/b/#p2'], {}, (id) => (id === 'a' ? { file: 'content/sources/a.txt', line: 40 } : null));
    expect(f.map((x) => [x.file, x.line])).toEqual([['content/sources/a.txt', 40]]);
    expect(f[0]!.message).toBe('/documents/a/#p1-s1（记录于 content/published-anchors.txt 第2行）曾经发布，本次生成中已不存在；该文件现由 content/sources/a.txt 第40行起的文本发布，请检查其中对应的条款。');
  });

  it('accepts a recorded forward only when its target exists', () => {
    expect(checkAnchors(recorded, ['/documents/a/#p1', '/documents/a/#p1-s2', '/documents/b/#p2'], { '/documents/a/#p1-s1': '/documents/a/#p1-s2' })).toEqual([]);
    expect(checkAnchors(recorded, ['/documents/a/#p1', '/documents/b/#p2'], { '/documents/a/#p1-s1': '/documents/a/#p1-s9' })).toHaveLength(1);
  });
});
