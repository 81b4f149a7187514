/** npm run ingest — sources → generated content collections + build report. */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const dir = 'content/sources';
for (const name of readdirSync(dir).sort()) {
  const bytes = readFileSync(`${dir}/${name}`);
  const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  console.log(`source ${name} ${bytes.length} bytes sha256:${sha}`);
}
