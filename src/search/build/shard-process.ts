/**
 * Child-process entry that indexes one shard (src/search/build/pagefind.ts indexShardInChild): it gets the
 * job by IPC, writes the shard's Pagefind bundle and exact-text index, and answers with the phrase index's
 * figures or the error. Its own process, so that it gets its own Pagefind service: one service works through
 * its messages one at a time, whatever the number of indexes it holds.
 */
import { indexShard, type ShardJob, type ShardReply } from './pagefind.ts';

process.once('message', (job: ShardJob) => {
  // Disconnecting once the reply is sent lets the process end (the parent waits for its exit).
  const reply = (r: ShardReply): void => {
    process.send?.(r, () => process.disconnect?.());
  };
  indexShard(job).then(
    (phrase) => reply({ phrase }),
    (err: unknown) => reply({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
