import { describe, expect, it } from 'vitest';
import { decodeSource, MAX_SOURCE_BYTES } from '../../../src/ingest/text/decode.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('passes valid UTF-8 through unchanged', () => {
    const r = decodeSource('a.txt', enc('吉林省人民政府公报\n第4期'));
    expect(r).toEqual({ ok: true, text: '吉林省人民政府公报\n第4期', findings: [] });
  });

  it('removes a BOM and normalises CRLF, and says so', () => {
    const r = decodeSource('a.txt', enc('\uFEFF一、总体要求\r\n（一）指导思想\r\n'));
    expect(r.ok && r.text).toBe('一、总体要求\n（一）指导思想\n');
    expect(r.ok && r.findings.map((f) => f.kind)).toEqual(['bom-removed', 'line-endings-normalised']);
  });

  it('decodes GB18030/GBK text and reports it', () => {
    // 「吉林省人民政府」 in GBK
    const gbk = Uint8Array.from([0xbc, 0xaa, 0xc1, 0xd6, 0xca, 0xa1, 0xc8, 0xcb, 0xc3, 0xf1, 0xd5, 0xfe, 0xb8, 0xae, 0x0a]);
    const r = decodeSource('gbk.txt', gbk);
    expect(r.ok && r.text).toBe('吉林省人民政府\n');
    expect(r.ok && r.findings[0]?.kind).toBe('decoded-gb18030');
  });

  it('rejects invalid UTF-8 that is not GBK either, naming file and line', () => {
    const bytes = Uint8Array.from([...enc('第一行\n第二行\n'), 0xff, 0xfe, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46]);
    const r = decodeSource('bad.txt', bytes);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/^bad\.txt 第3行：偏移 \d+ 处的字节 0xff/);
  });

  it('rejects empty, binary and oversized files', () => {
    expect(decodeSource('e.txt', new Uint8Array()).ok).toBe(false);
    const bin = decodeSource('b.bin', Uint8Array.from([0x41, 0x0a, 0x00, 0x01]));
    expect(!bin.ok && bin.error).toMatchObject({ kind: 'binary-source', line: 2 });
    const big = decodeSource('big.txt', new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41));
    expect(!big.ok && big.error.kind).toBe('source-too-large');
  });
});
