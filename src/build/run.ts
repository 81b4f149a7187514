/** Process helpers for the build scripts: run a command, stream its output, fail loudly. */
import { fork, spawn, spawnSync, type ChildProcess, type ForkOptions } from 'node:child_process';
import { setPriority } from 'node:os';

const failed = (cmd: string, args: string[], code: number | string | null): Error => new Error(`${cmd} ${args.join(' ')} failed with exit code ${code ?? '?'}`);

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    throw failed(cmd, args, res.status ?? res.signal);
  }
}

/** `run`, without blocking this process: several commands at once. */
export function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(failed(cmd, args, code ?? signal))));
  });
}

/**
 * A command started now that does its work once told (one IPC message), or is stopped before. `nice`: its
 * scheduling priority (os.setPriority), so that what it does before being told takes only a core left idle.
 */
export interface StartedCommand {
  /** Sends the message and waits for the command to end; rejects when it failed (before being told, too). */
  tell(message: unknown): Promise<void>;
  stop(): Promise<void>;
}

export function startCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, nice = 0): StartedCommand {
  const child = spawn(cmd, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  if (nice && child.pid !== undefined) setPriority(child.pid, nice);
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('error', () => resolve('error'));
    child.once('exit', (code, signal) => resolve(code ?? signal));
  });
  return {
    async tell(message) {
      if (child.connected) child.send(message as object);
      const code = await exited;
      if (code !== 0) throw failed(cmd, args, code);
    },
    async stop() {
      child.kill();
      await exited;
    },
  };
}

/**
 * A child process running a TypeScript module of ours: under tsx, as this process runs when a build script
 * started it, else (a test runner's worker) with tsx's loader added — Node's own type stripping refuses some
 * of our syntax (parameter properties).
 */
export function forkTs(module: URL, options: ForkOptions = {}): ChildProcess {
  const underTsx = process.execArgv.some((a) => /[\\/]tsx[\\/]/.test(a));
  return fork(module, { ...options, execArgv: underTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'] });
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
