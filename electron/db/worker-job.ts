import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * One job in a worker thread, for the SQLite work that reads or writes a whole database file
 * (integrity_check, the online backup's copy): seconds for a large clinic, during which the main
 * thread must keep answering requests and, in Electron, all IPC.
 *
 * Worker scripts are plain CommonJS files beside this module: electron/db/ when vitest runs the
 * TypeScript, dist-electron/ in the build (vite.node.config.ts copies them there, beside main.cjs
 * and cli.cjs, which hold this code), app.asar/dist-electron/ packaged (Electron loads worker
 * scripts from the archive). The same file runs in all three, so a job's logic exists once and no
 * worker has to load TypeScript. Each script posts one message: { ok: true, value } or
 * { ok: false, message, code? }.
 */
type Reply<T> = { ok: true; value: T } | { ok: false; message: string; code?: string };

export type WorkerScript = 'database-check-worker.cjs' | 'database-copy-worker.cjs';

/**
 * Runs `script` with `data` and gives back its value; its failure comes back as an Error with the
 * worker's message (and code, when it had one), so callers word it as they did when the work ran
 * here. The worker is terminated before the promise settles, whatever happened: no thread outlives
 * its job (a CLI command still exits).
 */
export function runWorkerJob<T>(script: WorkerScript, data: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(join(__dirname, script), { workerData: data });
    } catch (error) {
      reject(new Error(`the ${script} worker could not start (${error instanceof Error ? error.message : String(error)})`));
      return;
    }
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      // A worker that already exited resolves terminate() at once; done() runs either way.
      worker.terminate().then(done, done);
    };
    worker.once('message', (reply: Reply<T>) =>
      settle(() => (reply.ok ? resolve(reply.value) : reject(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {})))),
    );
    worker.once('error', (error) => settle(() => reject(new Error(`the ${script} worker failed (${error.message})`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`the ${script} worker stopped before it answered (exit code ${code})`))));
  });
}
