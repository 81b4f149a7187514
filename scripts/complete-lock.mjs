// npm run lock:complete — after `npm install <pkg>`, before committing package-lock.json.
// The registry mirror here lacks some other-platform builds of optional binaries (e.g. @pagefind/darwin-x64@1.6.0),
// so npm leaves them out of the lock file and `npm ci` then refuses the lock as "out of sync". Recording them as
// optional entries makes the lock complete; on this platform npm skips them, elsewhere npm fetches them.
// Plain JavaScript on purpose: it must run under any Node that runs npm.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const added = [];
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (!lock.packages[key]) {
      lock.packages[key] = { version, dev: true, optional: true };
      added.push(`${name}@${version}`);
    }
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `lock: recorded ${added.join(', ')}` : 'lock: complete');
