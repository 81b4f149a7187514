/**
 * The generated collections (content/issues, content/documents), read from the files the ingest wrote and
 * checked against their schemas (src/gazette/schema.ts), so a broken emitter fails the build, naming the file.
 *
 * Not Astro's content layer: it serialises every entry into one data store that Vite then bundles as a
 * single module and every build parses back, a cost that grows with the archive and is paid again by an
 * incremental build that renders a handful of pages (README, "Benchmark and scale"). The pages read the same
 * JSON directly; what editors write (content/editorial/) stays in content collections (src/content.config.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { documentEntry, issueEntry } from '../gazette/schema.ts';

export const ISSUES_DIR = 'content/issues';
export const DOCUMENTS_DIR = 'content/documents';

export type IssueEntry = z.infer<typeof issueEntry>;
export type DocumentEntry = z.infer<typeof documentEntry>;

/** The JSON files of a folder, in name order. */
export const jsonFileNames = (dir: string): string[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();

/** Every entry of a generated folder, parsed by its schema; the first entry that does not fit stops the build. */
function readEntries<S extends z.ZodType>(dir: string, schema: S): z.infer<S>[] {
  return jsonFileNames(dir).map((name) => {
    const file = join(dir, name);
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '（整个文件）'}：${i.message}`);
      throw new Error(`${file} 不符合生成文件的格式（src/gazette/schema.ts），请重新运行 npm run ingest：\n  ${where.join('\n  ')}`);
    }
    return parsed.data;
  });
}

export const readIssues = (): IssueEntry[] => readEntries(ISSUES_DIR, issueEntry);
export const readDocuments = (): DocumentEntry[] => readEntries(DOCUMENTS_DIR, documentEntry);
