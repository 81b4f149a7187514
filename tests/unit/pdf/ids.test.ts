import { describe, expect, it } from 'vitest';
import { documentAnchor, scopedId } from '../../../src/pdf/ids.ts';

describe('per-document id namespaces in the issue print view', () => {
  it('names document markers and scoped ids predictably', () => {
    expect(documentAnchor('jzbf-2022-26')).toBe('doc-jzbf-2022-26');
    expect(scopedId('jzbf-2022-26', 'p2-s3-i11')).toBe('jzbf-2022-26--p2-s3-i11');
  });
});
