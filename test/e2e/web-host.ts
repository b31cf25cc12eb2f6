import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST = fileURLToPath(new URL('./web-host.mjs', import.meta.url));

type Reply = { id: number; ok: boolean; url?: string; error?: string };

/**
 * A server host (web-host.mjs) for one Playwright worker: each test gets its own web-mode server on
 * its own data folder and port, started and stopped in a Node process that stays up between tests.
 * A host that dies or hangs is killed, and the next test starts a new one.
 */
export class WebHost {
  private child: ChildProcess | null = null;
  private output = '';
  private nextId = 1;

  private spawn(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null && this.child.connected) return this.child;
    if (!existsSync(join(ROOT, 'dist-electron', 'cli.cjs'))) throw new Error('Runback is not built yet: run "npm run build" first.');
    // The suite checks every response in full, as tests and development do (production samples them).
    const env = { ...process.env, RUNBACK_RESPONSE_CHECKS: 'full' };
    const child = fork(HOST, [], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.output = '';
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    return child;
  }

  private request(message: { type: 'start'; dataDir: string } | { type: 'stop' }, limitMs: number): Promise<Reply> {
    const child = this.spawn();
    const id = this.nextId++;
    return new Promise<Reply>((done, fail) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        outcome();
      };
      const onMessage = (reply: Reply) => {
        if (reply.id === id) finish(() => done(reply));
      };
      const onExit = (code: number | null, signal: string | null) => finish(() => fail(new Error(`the server host exited (${code ?? signal}) during ${message.type}:\n${this.output}`)));
      // A hang guard: a host that does not answer is killed, so it is not left running after its test.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(() => fail(new Error(`the server host did not ${message.type} in ${limitMs / 1000} s:\n${this.output}`)));
      }, limitMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...message, id });
    });
  }

  /** Serves a data folder (migrating it and taking its daily backup, as `runback serve` does); resolves with the launch address. */
  async start(dataDir: string): Promise<string> {
    // Within the fixture's 60 s: with two workers on a loaded machine a start took over 15 s.
    const reply = await this.request({ type: 'start', dataDir }, 45_000);
    if (!reply.ok || !reply.url) throw new Error(`runback web mode did not start:\n${reply.error ?? ''}\n${this.output}`);
    return reply.url;
  }

  /** Stops the server it runs: waits for the calls already running, then closes the database. */
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const reply = await this.request({ type: 'stop' }, 15_000);
    if (!reply.ok) throw new Error(`runback web mode did not stop cleanly:\n${reply.error ?? ''}`);
  }

  /** Ends the host process (its server closes first). */
  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
