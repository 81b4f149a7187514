/**
 * Child-process entry of the benchmark for the stages of src/build/build.ts that a build runs in-process, so
 * each gets its own wall time and peak memory. Run with cwd = a bench work folder:
 *
 *   tsx tools/bench/stage.ts ingest                    src/build/build.ts ingestAndSyncStage (the ingest beside `astro sync`)
 *   tsx tools/bench/stage.ts astro <site>              src/build/build.ts astroFullStage (Astro processes side by side, astroParts,
 *                                                       beside the short-link pages /c/…, /n/…)
 *   tsx tools/bench/stage.ts search <site>             the search index (shards of years) as src/build/build.ts builds it
 *   tsx tools/bench/stage.ts pdf <site> [--only=<id>,…] [--documents]   src/pdf/render.ts exportPdfs (issues)
 *   tsx tools/bench/stage.ts phrase <site>              the exact-text indexes of a site already built (src/search/build/phrase-index.ts),
 *                                                       timed on their own: each shard's part, then the two indexes assembled
 *   tsx tools/bench/stage.ts state                      src/build/build.ts recordStateStage
 *
 * Prints one line `BENCH-RESULT {json}` with what the stage counted.
 */
import { resolve } from 'node:path';

const [stage, site = 'dist', ...rest] = process.argv.slice(2);
const siteDir = resolve(site);
const only = rest.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
const result = (data: Record<string, unknown>): void => console.log(`BENCH-RESULT ${JSON.stringify(data)}`);

switch (stage) {
  case 'ingest': {
    const { ingestAndSyncStage } = await import('../../src/build/build.ts');
    const { loadGazette } = await import('../../src/build/config.ts');
    await ingestAndSyncStage(await loadGazette());
    result({});
    break;
  }
  case 'astro': {
    const { astroFullStage, astroParts } = await import('../../src/build/build.ts');
    const { loadGazette } = await import('../../src/build/config.ts');
    const { readdirSync } = await import('node:fs');
    const parts = astroParts(readdirSync('content/documents').filter((n) => n.endsWith('.json')).length);
    const forwarders = await astroFullStage(siteDir, parts, await loadGazette());
    result({ parts, forwarders });
    break;
  }
  case 'search': {
    const { SEARCH_PAGES } = await import('../../src/build/build.ts');
    const { buildSearchIndex } = await import('../../src/search/build/pagefind.ts');
    const r = await buildSearchIndex(siteDir, { pagesFile: SEARCH_PAGES });
    result({ pages: r.pages, shards: r.shards.map((s) => `${s.bundle} ${s.years[0] ?? ''}–${s.years.at(-1) ?? ''} ${s.pages}`) });
    break;
  }
  case 'phrase': {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { bucketsForPages, writeShardPart } = await import('../../src/search/build/phrase-index.ts');
    const { phraseIndexes } = await import('../../src/search/build/pagefind.ts');
    const { MANIFEST } = await import('../../src/search/data.ts');
    type Manifest = import('../../src/search/data.ts').ShardManifest;
    const manifest = JSON.parse(readFileSync(join(siteDir, MANIFEST), 'utf8')) as Manifest;
    const timed = <T>(fn: () => T): [T, number] => {
      const t0 = performance.now();
      return [fn(), Math.round(performance.now() - t0)];
    };
    const [primary, ...closed] = manifest.shards;
    const olderBuckets = bucketsForPages(closed.reduce((n, s) => n + s.pages, 0));
    const parts = manifest.shards.map((s) => timed(() => writeShardPart(siteDir, s.bundle, s === primary ? undefined : olderBuckets)));
    const shards = { primary: primary?.bundle ?? '', closed: closed.map((s) => s.bundle), olderBuckets };
    const [phrase, assembleMs] = timed(() => phraseIndexes(siteDir, [siteDir], shards, new Map(parts.map(([p]) => [p.bundle, p]))));
    manifest.phrase = phrase;
    writeFileSync(join(siteDir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    result({ parts: parts.map(([p, ms]) => ({ ...p, ms })), indexes: phrase.map((p) => `${p.dir} ${p.buckets}`), assembleMs });
    break;
  }
  case 'state': {
    // What a build records at its end, so that `build.ts --incremental` can follow this one.
    const { recordStateStage } = await import('../../src/build/build.ts');
    recordStateStage();
    result({});
    break;
  }
  case 'pdf': {
    const { exportPdfs } = await import('../../src/pdf/render.ts');
    const { loadGazette, siteTarget } = await import('../../src/build/config.ts');
    const { base } = siteTarget(await loadGazette());
    type Result = Awaited<ReturnType<typeof exportPdfs>>[number];
    // In chunks of 10 ids, so that one PDF the exporter rejects costs its chunk, not the whole sample.
    const size = Number(rest.find((a) => a.startsWith('--chunk='))?.slice('--chunk='.length) ?? 10);
    const chunks: (string[] | undefined)[] = [];
    if (only) for (let i = 0; i < only.length; i += size) chunks.push(only.slice(i, i + size));
    else chunks.push(undefined);
    const results: Result[] = [];
    const errors: string[] = [];
    for (const chunk of chunks) {
      try {
        results.push(...(await exportPdfs({ siteDir, base, documents: rest.includes('--documents'), ...(chunk ? { only: chunk } : {}), log: () => undefined })));
      } catch (err) {
        errors.push((err instanceof Error ? err.message : String(err)).split('\n').slice(0, 3).join(' | '));
      }
    }
    const rendered = results.filter((r) => !r.cached);
    const issues = rendered.filter((r) => r.kind === 'issue');
    result({
      pdfs: results.length,
      rendered: rendered.length,
      issues: issues.length,
      issueMs: issues.map((r) => r.ms),
      issuePages: issues.map((r) => r.pages),
      documentMs: rendered.filter((r) => r.kind === 'document').map((r) => r.ms),
      pages: results.reduce((n, r) => n + r.pages, 0),
      failedChunks: errors.length,
      errors: errors.slice(0, 5),
      warnings: [...new Set(results.flatMap((r) => r.warnings))].slice(0, 10),
    });
    break;
  }
  default:
    console.error(`bench stage: unknown stage ${stage ?? '(none)'}`);
    process.exit(2);
}
