import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveInto, swapIn, writeStaged } from '../../../src/build/stage-swap.ts';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gongbao-swap-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the staging swap', () => {
  it('writes staged files into an emptied staging folder', () => {
    const staging = join(root, 'staging');
    mkdirSync(staging);
    writeFileSync(join(staging, 'left-over.json'), '{}');
    writeStaged(staging, [
      { path: 'content/issues/2023-4.json', content: '{"id":"2023-4"}\n' },
      { path: 'content/report.json', content: '{}\n' },
    ]);
    expect(readdirSync(staging)).toEqual(['content']);
    expect(readFileSync(join(staging, 'content/issues/2023-4.json'), 'utf8')).toBe('{"id":"2023-4"}\n');
  });

  it('replaces folders and files whole: nothing of the old target survives, nothing is left aside', () => {
    const staging = join(root, 'staging');
    writeStaged(staging, [
      { path: 'documents/jzbf-2022-26.json', content: 'new' },
      { path: 'report.json', content: 'new report' },
    ]);
    mkdirSync(join(root, 'documents'));
    writeFileSync(join(root, 'documents/removed.json'), 'old');
    writeFileSync(join(root, 'report.json'), 'old report');
    swapIn([
      { staged: join(staging, 'documents'), target: join(root, 'documents') },
      { staged: join(staging, 'report.json'), target: join(root, 'report.json') },
    ]);
    expect(readdirSync(join(root, 'documents'))).toEqual(['jzbf-2022-26.json']);
    expect(readFileSync(join(root, 'report.json'), 'utf8')).toBe('new report');
    expect(readdirSync(staging)).toEqual([]);
  });

  it('puts a staged folder in place where there was none', () => {
    const staging = join(root, 'dist-staging');
    writeStaged(staging, [{ path: 'index.html', content: '<!doctype html>' }]);
    swapIn([{ staged: staging, target: join(root, 'dist') }]);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<!doctype html>');
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(`${staging}.old`)).toBe(false);
  });

  it('moves an incremental build in: search bundles whole, the manifest kept, bundles it lists no more dropped', () => {
    const staging = join(root, 'staging');
    const dist = join(root, 'dist');
    const manifest = { shards: [{ bundle: 'pagefind', years: ['2023'], pages: 1 }, { bundle: 'pagefind-2021-2022', years: ['2021', '2022'], pages: 2 }], phrase: [{ dir: 'pagefind-older', parts: [], buckets: 1 }] };
    writeStaged(dist, [
      { path: 'pagefind/old.pf_fragment', content: 'old' },
      { path: 'pagefind-2021-2022/a.pf_fragment', content: 'kept' },
      { path: 'pagefind-older/phrase/0.bin', content: 'kept' },
      { path: 'pagefind-2020/a.pf_fragment', content: 'an earlier plan' },
      { path: 'pagefind-shards.json', content: '{}' },
      { path: 'documents/a/index.html', content: 'a' },
    ]);
    writeStaged(staging, [
      { path: 'pagefind/new.pf_fragment', content: 'new' },
      { path: 'pagefind-shards.json', content: JSON.stringify(manifest) },
      { path: 'documents/b/index.html', content: 'b' },
    ]);
    moveInto(staging, dist);
    expect(readdirSync(dist).sort()).toEqual(['documents', 'pagefind', 'pagefind-2021-2022', 'pagefind-older', 'pagefind-shards.json']);
    expect(readdirSync(join(dist, 'pagefind'))).toEqual(['new.pf_fragment']);
    expect(JSON.parse(readFileSync(join(dist, 'pagefind-shards.json'), 'utf8'))).toEqual(manifest);
    expect(readdirSync(join(dist, 'documents')).sort()).toEqual(['a', 'b']);
  });
});
