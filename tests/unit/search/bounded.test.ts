import { describe, expect, it } from 'vitest';
import { runBounded } from '../../../src/search/build/bounded.ts';

/** Jobs that finish when released, recording which ran together. */
function recorder() {
  const running = new Set<string>();
  const together: string[][] = [];
  const release = new Map<string, () => void>();
  const run = (job: { name: string }) =>
    new Promise<string>((resolve) => {
      running.add(job.name);
      together.push([...running].sort());
      release.set(job.name, () => {
        running.delete(job.name);
        resolve(job.name.toUpperCase());
      });
    });
  const finish = async (name: string) => {
    release.get(name)?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { run, together, finish, running };
}

describe('runBounded', () => {
  it('runs at most atOnce jobs and at most budget pages at once, in the order given; a heavier job runs alone', async () => {
    // pages as the 1,000-issue plan with shards of ≤ 1,750: two closed shards fit the 3,500 budget together
    const jobs = [
      { name: 'a', pages: 1700 },
      { name: 'b', pages: 1700 },
      { name: 'c', pages: 4000 },
      { name: 'd', pages: 100 },
      { name: 'e', pages: 100 },
    ];
    const r = recorder();
    const done = runBounded(jobs, (j) => j.pages, 2, 3500, r.run);
    await new Promise((res) => setTimeout(res, 0));
    expect([...r.running].sort()).toEqual(['a', 'b']);
    await r.finish('a');
    expect([...r.running]).toEqual(['b']); // c (4,000) waits until it can run alone
    await r.finish('b');
    expect([...r.running]).toEqual(['c']);
    await r.finish('c');
    expect([...r.running].sort()).toEqual(['d', 'e']);
    await r.finish('e');
    await r.finish('d');
    await expect(done).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.together).toEqual([['a'], ['a', 'b'], ['c'], ['d'], ['d', 'e']]);
  });

  it('rejects with the first failure and starts no job after it', async () => {
    const started: number[] = [];
    const done = runBounded([1, 2, 3], () => 1, 1, 10, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('shard 2 failed');
      return n;
    });
    await expect(done).rejects.toThrow('shard 2 failed');
    await new Promise((res) => setTimeout(res, 0));
    expect(started).toEqual([1, 2]);
  });

  it('resolves an empty list at once', async () => {
    await expect(runBounded([], () => 1, 2, 1, async () => 1)).resolves.toEqual([]);
  });
});
