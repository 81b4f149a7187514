/** Child-process entry that makes character ledgers (src/build/ledgers.ts): it gets their inputs by IPC and answers with the entries or the error. */
import { buildLedger, type LedgerInput } from '../ingest/check/ledger.ts';
import type { LedgerReply } from './ledgers.ts';

process.once('message', (inputs: LedgerInput[]) => {
  let r: LedgerReply;
  try {
    r = { entries: inputs.map(buildLedger) };
  } catch (err) {
    r = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // Disconnecting once the reply is sent lets the process end (the parent waits for its exit).
  process.send?.(r, () => process.disconnect?.());
});
