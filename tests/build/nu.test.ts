/**
 * The W3C Nu HTML checker (npm vnu-jar, run with the machine's Java) over every HTML page of the seed build
 * (dist/, which `npm test` has just built): the pages, the print view, the short-link forwarders. 0 errors.
 * Warnings are left out: the checker reads the meta Content-Security-Policy as blocking the stylesheets of a
 * file: URL, which a served page does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

const DIST = 'dist';
/** The jar's path, as the package exports it. */
const VNU = String(createRequire(import.meta.url)('vnu-jar'));

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

interface NuMessage {
  type: string;
  url?: string;
  message: string;
  extract?: string;
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is not built: run `npm run build` first');
});

describe('the W3C Nu HTML checker', () => {
  it('finds 0 errors on every HTML page of the build', () => {
    const files = htmlFiles(DIST);
    // Seed: the home page, 往期, the issue, its print view, 文件索引 and its year/kind/issuer pages, ten documents,
    // 检索, 报告, 404 and the short-link pages.
    expect(files.length).toBeGreaterThan(250);
    const r = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.error, 'java must be on PATH (Java 17)').toBeUndefined();
    const messages = (JSON.parse(r.stderr) as { messages: NuMessage[] }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    expect(errors.map((m) => `${(m.url ?? '').replace(/^.*\/dist\//, '')}: ${m.message} ${m.extract ?? ''}`)).toEqual([]);
    expect(r.status).toBe(0);
  });
});
