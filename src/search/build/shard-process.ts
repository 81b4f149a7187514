/**
 * Child-process entry that indexes one shard (src/search/build/pagefind.ts indexShardInChild): it gets the
 * job by IPC, writes the shard's Pagefind bundle and exact-text index, and answers with the phrase index's
 * figures or the error. Its own process, so that two shards' exact-text indexes are read and written at once,
 * beside the Pagefind commands.
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
