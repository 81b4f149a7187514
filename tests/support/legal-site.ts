/**
 * The legal-norm e2e site (tests/e2e/legal.spec.ts): the five seeds beside two LawRefBook regulations, built in a
 * work folder (tests/support/workdir.ts) without PDFs, so the seed site's own dist/ stays as it is.
 *
 * The 政府令 dump tests/fixtures/legal/gazette-order_md.txt is left out: it reuses 001's cover and masthead, so
 * beside the seeds the ingest reads it as another source of issue 2023-4 (an `issue-duplicate` error).
 *
 * tsx tests/support/legal-site.ts <folder> — prepares and builds; the site is then <folder>/dist.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareWorkdir } from './workdir.ts';

export const LEGAL_SOURCES = [
  'tests/fixtures/corpus/lawrefbook_shanghai_real_estate_registration_md.txt',
  'tests/fixtures/corpus/lawrefbook_beijing_food_safety_regulation_md.txt',
];

export function buildLegalSite(folder: string): string {
  const project = resolve('.');
  // With the record of published clause URLs: the seed's anchors must hold beside the new documents.
  const work = prepareWorkdir(folder, { anchors: true });
  for (const dir of ['content/sources', 'dist', '.cache']) rmSync(join(work, dir), { recursive: true, force: true });
  cpSync(join(project, 'content/sources'), join(work, 'content/sources'), { recursive: true });
  LEGAL_SOURCES.forEach((src, i) => cpSync(join(project, src), join(work, 'content/sources', `${String(900 + i)}_${src.split('/').pop() ?? ''}`)));
  const r = spawnSync('tsx', ['scripts/build.ts', '--no-pdf'], { cwd: work, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`legal site: build in ${work} failed (${String(r.status)})`);
  return join(work, 'dist');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'legal-site.ts')) {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: tsx tests/support/legal-site.ts <folder>');
  buildLegalSite(folder);
  console.log(`legal site: ${readdirSync(join(folder, 'dist')).length} entries in ${join(folder, 'dist')}`);
}
