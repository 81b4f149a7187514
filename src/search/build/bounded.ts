/**
 * Runs jobs at most `atOnce` at a time and, beside that, at most `budget` units of weight at a time (a shard's
 * pages: Pagefind's memory grows with them, README "Benchmark and scale"). Jobs start in the order given; a job
 * heavier than the budget runs alone. Resolves with the results in the order given; the first failure rejects
 * (jobs already started still finish, none is started after it).
 */
export async function runBounded<T, R>(jobs: readonly T[], weight: (job: T) => number, atOnce: number, budget: number, run: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  let running = 0;
  let load = 0;
  let failed: unknown = null;
  return new Promise((resolve, reject) => {
    const start = (): void => {
      while (failed === null && next < jobs.length && running < Math.max(1, atOnce)) {
        const i = next;
        const job = jobs[i] as T;
        const w = weight(job);
        if (running > 0 && load + w > budget) break;
        next++;
        running++;
        load += w;
        run(job).then(
          (r) => {
            results[i] = r;
            running--;
            load -= w;
            if (failed === null && next === jobs.length && running === 0) resolve(results);
            else start();
          },
          (err: unknown) => {
            failed = err;
            running--;
            load -= w;
            reject(err);
          },
        );
      }
    };
    if (jobs.length === 0) resolve(results);
    else start();
  });
}
