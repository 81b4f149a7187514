/** Process helpers for the build scripts: run a command, stream its output, fail loudly. */
import { spawnSync } from 'node:child_process';

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${res.status ?? res.signal}`);
  }
}

export function requireModernNode(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    throw new Error(
      `Node ${process.versions.node} is too old for Astro 7 (needs ≥ 22.12). Run the project through npm ` +
        '(npm run build, npm test): npm scripts use the Node 24 that `npm ci` installs into node_modules/.bin.',
    );
  }
}
