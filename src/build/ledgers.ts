/**
 * The character ledgers of an ingest, made on two cores: most of a cold ingest is the ledger (≈ 9 of 16 s at
 * 1,000 issues) and the rest of it leaves a core idle (README, "Build speed … seventh session"). The ledgers
 * the cache lacks are split between this process and one child (src/build/ledger-process.ts), each source's
 * ledger being a pure function of its job (src/ingest/check/ledger.ts buildLedger); a few misses (a rebuild)
 * are made here, where starting a process would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { buildLedger, type LedgerEntry, type LedgerInput } from '../ingest/check/ledger.ts';
import type { LedgerCache, LedgerJob } from '../ingest/pipeline.ts';
import { forkTs } from './run.ts';

/** From this many ledgers to make, a child process makes every second one. */
export const SPLIT_LEDGERS_FROM = 32;

export type LedgerReply = { entries: LedgerEntry[] } | { error: string };

/** `inputs`' ledgers made by a child process (V8 serialisation: the parses hold Maps and Sets). */
function ledgersInChild(inputs: LedgerInput[]): { sent: Promise<void>; entries: Promise<LedgerEntry[]>; stop: () => void } {
  const child = forkTs(new URL('./ledger-process.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  let reply: LedgerReply | null = null;
  const entries = new Promise<LedgerEntry[]>((resolve, reject) => {
    child.once('message', (r: LedgerReply) => (reply = r));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'entries' in reply) resolve(reply.entries);
      else reject(new Error(`ingest: the ledger process failed: ${reply?.error ?? `it stopped (${signal ?? `exit code ${code ?? '?'}`})`}`));
    });
  });
  const sent = new Promise<void>((resolve, reject) => child.send(inputs, (err) => (err ? reject(err) : resolve())));
  return { sent, entries, stop: () => void child.kill() };
}

/** Each job's ledger, in order: from the cache, else made here or, from `splitFrom` misses on, every second one by a child. */
export async function makeLedgers(jobs: readonly LedgerJob[], cache: LedgerCache | undefined, splitFrom = SPLIT_LEDGERS_FROM): Promise<LedgerEntry[]> {
  const out = jobs.map((job) => cache?.get(job.key));
  const misses = out.flatMap((entry, i) => (entry ? [] : [i]));
  const make = (i: number, entry = buildLedger((jobs[i] as LedgerJob).input)): void => {
    cache?.set((jobs[i] as LedgerJob).key, entry);
    out[i] = entry;
  };
  const parallel = misses.length >= splitFrom && availableParallelism() >= 2;
  const theirs = parallel ? misses.filter((_, k) => k % 2 === 1) : [];
  const mine = parallel ? misses.filter((_, k) => k % 2 === 0) : misses;
  if (!parallel) mine.forEach((i) => make(i));
  else {
    const child = ledgersInChild(theirs.map((i) => (jobs[i] as LedgerJob).input));
    // The whole message must be in the pipe before this process is busy: it writes only from its event loop.
    await child.sent;
    try {
      mine.forEach((i) => make(i));
    } catch (err) {
      // Its reply would never be read: the child would keep this process alive.
      child.stop();
      throw err;
    }
    const made = await child.entries;
    theirs.forEach((i, k) => make(i, made[k]));
  }
  return out.map((entry) => entry as LedgerEntry);
}
