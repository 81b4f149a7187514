import { describe, expect, it } from 'vitest';
import { tarEntries } from '../../../src/browser/tar.ts';

/** One ustar header block (checksum left blank: the reader does not need it). */
function header(name: string, type: string, size: number, mode = 0o644): Uint8Array {
  const h = new Uint8Array(512);
  const put = (at: number, s: string) => h.set(new TextEncoder().encode(s), at);
  put(0, name);
  put(100, `${mode.toString(8).padStart(7, '0')}\0`);
  put(124, `${size.toString(8).padStart(11, '0')}\0`);
  put(156, type);
  put(257, 'ustar\0');
  return h;
}

function archive(...entries: { name: string; type: string; body?: string; mode?: number }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const body = new TextEncoder().encode(e.body ?? '');
    blocks.push(header(e.name, e.type, body.length, e.mode));
    const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
    padded.set(body);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('tarEntries', () => {
  it('reads folders and files with their modes, across block boundaries', () => {
    const big = 'x'.repeat(700);
    const entries = tarEntries(archive({ name: 'lib/', type: '5', mode: 0o755 }, { name: 'lib/libnss3.so', type: '0', body: big, mode: 0o755 }, { name: './fonts.conf', type: '0', body: '<fontconfig/>' }));
    expect(entries.map((e) => [e.path, e.kind, e.mode.toString(8), e.data.length])).toEqual([
      ['lib', 'dir', '755', 0],
      ['lib/libnss3.so', 'file', '755', 700],
      ['fonts.conf', 'file', '644', 13],
    ]);
    expect(decode(entries[2]?.data ?? new Uint8Array())).toBe('<fontconfig/>');
  });

  it('refuses links and paths that leave the folder', () => {
    expect(() => tarEntries(archive({ name: 'lib/libnss3.so', type: '2' }))).toThrow("tar: lib/libnss3.so: entry type '2' is not supported");
    expect(() => tarEntries(archive({ name: '../etc/passwd', type: '0', body: 'x' }))).toThrow('tar: unsafe path ../etc/passwd');
    expect(() => tarEntries(archive({ name: '/etc/passwd', type: '0', body: 'x' }))).toThrow('tar: unsafe path /etc/passwd');
  });

  it('notices an archive cut short', () => {
    const whole = archive({ name: 'a', type: '0', body: 'y'.repeat(600) });
    expect(() => tarEntries(whole.subarray(0, 512 + 100))).toThrow('tar: a: archive ends inside the file');
  });
});
