/**
 * The second heavy process of `npm run bench -- --with-load`: keeps every core busy (one worker thread per core,
 * hashing a megabyte over and over, and holding ≈ 256 MB each) until it is killed, as another build on the same
 * server would. The bench starts it before the build stages and ends it, by its pid, after them.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread } from 'node:worker_threads';

if (isMainThread) {
  for (let i = 0; i < availableParallelism(); i++) new Worker(new URL(import.meta.url));
} else {
  const held = Array.from({ length: 256 }, () => Buffer.alloc(1024 * 1024, 1));
  const block = Buffer.alloc(1024 * 1024, 7);
  for (;;) createHash('sha256').update(block).update(held[Math.floor(Math.random() * held.length)] ?? block).digest();
}
