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
    expect(f[0]).toMatchObject({ kind: 'anchor-removed', severity: 'error', line: 2, message: '/documents/a/#p1-s1 was published before and is gone from this build.' });
  });

  it('accepts a recorded forward only when its target exists', () => {
    expect(checkAnchors(recorded, ['/documents/a/#p1', '/documents/a/#p1-s2', '/documents/b/#p2'], { '/documents/a/#p1-s1': '/documents/a/#p1-s2' })).toEqual([]);
    expect(checkAnchors(recorded, ['/documents/a/#p1', '/documents/b/#p2'], { '/documents/a/#p1-s1': '/documents/a/#p1-s9' })).toHaveLength(1);
  });
});
