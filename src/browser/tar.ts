/**
 * Reads the plain tar archives inside @sparticuz/chromium (ustar: files and folders only), so they can be
 * unpacked synchronously where we want them instead of through the package's own unpacker, which always
 * writes into the temp folder.
 */

export interface TarEntry {
  /** Relative path, '/'-separated, never absolute and never with '..'. */
  path: string;
  kind: 'file' | 'dir';
  mode: number;
  /** The file's bytes (empty for a folder). */
  data: Uint8Array;
}

const BLOCK = 512;

const text = (b: Uint8Array, at: number, len: number): string => {
  const field = b.subarray(at, at + len);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end < 0 ? field : field.subarray(0, end));
};
const octal = (b: Uint8Array, at: number, len: number): number => Number.parseInt(text(b, at, len).trim() || '0', 8);

/** The entries of an uncompressed tar archive; throws on anything but files and folders, or an unsafe path. */
export function tarEntries(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= archive.length; ) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) break; // end of archive
    const prefix = text(header, 345, 155);
    const name = text(header, 0, 100);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\.\//, '').replace(/\/$/, '');
    const type = String.fromCharCode(header[156] ?? 0);
    const size = octal(header, 124, 12);
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`tar: unsafe path ${path}`);
    if (type !== '0' && type !== '\0' && type !== '5') throw new Error(`tar: ${path}: entry type '${type}' is not supported (files and folders only)`);
    const data = archive.subarray(at + BLOCK, at + BLOCK + size);
    if (data.length < size) throw new Error(`tar: ${path}: archive ends inside the file`);
    if (path) entries.push({ path, kind: type === '5' ? 'dir' : 'file', mode: octal(header, 100, 8), data: type === '5' ? new Uint8Array() : data });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
