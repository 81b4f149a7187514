/**
 * The bulk files' gzip, kept between builds: one file per year under `dir`, beside the checksums of the text
 * it was made from and of its own bytes. gzip at its best compression is most of the time of making the bulk
 * files, and a rebuild after one issue changes the text of one year: every other year's bytes are read back
 * and checked, not compressed again. A missing or damaged entry is made again, so the cache can only save
 * time, never change a byte.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipText, type Gzip } from './bulk.ts';
import { sha256Hex } from '../../gazette/hash.ts';

export function cachedGzip(dir: string, gzip: Gzip = gzipText): Gzip {
  return async (text, year) => {
    const textSum = sha256Hex(text);
    const [sumFile, gzFile] = [join(dir, `${year}.sha256`), join(dir, `${year}.ndjson.gz`)];
    if (existsSync(sumFile) && existsSync(gzFile)) {
      const [madeFrom, bytesSum] = readFileSync(sumFile, 'utf8').split(' ');
      const bytes = new Uint8Array(readFileSync(gzFile));
      if (madeFrom === textSum && bytesSum === sha256Hex(bytes)) return bytes;
    }
    const bytes = await gzip(text, year);
    mkdirSync(dir, { recursive: true });
    writeFileSync(gzFile, bytes);
    writeFileSync(sumFile, `${textSum} ${sha256Hex(bytes)}`);
    return bytes;
  };
}
