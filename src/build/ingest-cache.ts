/**
 * The ingest's caches under .cache/ (src/ingest/pipeline.ts: ParseCache, LedgerCache), one file per entry, in a
 * folder per version of what an entry depends on besides its key: the ingest code (src/ingest and the
 * src/gazette it imports), the gazette's configuration and the serialiser. An entry is a header (the format
 * and the checksum of its body) and the V8 serialisation of the value; one whose header or checksum does not
 * match (an old format, a torn or edited file) is read as missing and made again. Only the current version's
 * folder is kept, and in it only the entries the last run used (prune).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { GazetteConfig } from '../gazette/config.ts';
import { sha256Hex } from '../gazette/hash.ts';

const FORMAT = 'gongbao-ingest-cache 1';
const HEADER_BYTES = FORMAT.length + 1 + 64 + 1;

export interface EntryStore<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Removes the other versions' folders and the entries this run neither read nor wrote. */
  prune(): void;
}


/** What every entry depends on besides its key: the code of the ingest, the configuration, this format. */
export function cacheVersion(gazette: GazetteConfig): string {
  const version = createHash('sha256').update(`${FORMAT}\0${process.versions.v8}\0${JSON.stringify(gazette)}\0`);
  for (const room of ['../ingest', '../gazette']) {
    const src = fileURLToPath(new URL(room, import.meta.url));
    const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
    for (const f of files.sort()) version.update(`${room}/${relative(src, f)}\0`).update(readFileSync(f));
  }
  return version.digest('hex').slice(0, 16);
}

export function encodeEntry(value: unknown): Buffer {
  const body = serialize(value);
  return Buffer.concat([Buffer.from(`${FORMAT}\n${sha256Hex(body)}\n`), body]);
}

/** The value of an entry, or undefined for anything but an intact entry of this format. */
export function decodeEntry<T>(bytes: Buffer): T | undefined {
  if (bytes.length < HEADER_BYTES) return undefined;
  const [format, sum] = bytes.subarray(0, HEADER_BYTES - 1).toString('latin1').split('\n');
  const body = bytes.subarray(HEADER_BYTES);
  if (format !== FORMAT || sum !== sha256Hex(body)) return undefined;
  try {
    return deserialize(body) as T;
  } catch {
    return undefined;
  }
}

/** The entries under `root`/`version`/ (e.g. .cache/ingest-parse/<version>/<key>). */
export function entryStore<T>(root: string, version: string): EntryStore<T> {
  const dir = join(root, version);
  const used = new Set<string>();
  return {
    get(key) {
      used.add(key);
      const file = join(dir, key);
      return existsSync(file) ? decodeEntry<T>(readFileSync(file)) : undefined;
    },
    // A cache that cannot be written only costs time: the ingest goes on. Written aside and renamed, so
    // that a reader never sees half an entry.
    set(key, value) {
      used.add(key);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${key}.${process.pid}.tmp`), encodeEntry(value));
        renameSync(join(dir, `${key}.${process.pid}.tmp`), join(dir, key));
      } catch {
        /* made again next time */
      }
    },
    prune() {
      try {
        for (const name of readdirSync(root)) if (name !== version) rmSync(join(root, name), { recursive: true, force: true });
        for (const name of existsSync(dir) ? readdirSync(dir) : []) if (!used.has(name)) rmSync(join(dir, name), { force: true });
      } catch {
        /* pruned next time */
      }
    },
  };
}
