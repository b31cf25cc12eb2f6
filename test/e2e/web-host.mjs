// The e2e suite's server host: one Node process per Playwright worker that loads the built CLI once
// and serves one test's data folder at a time, exactly as `runback serve` does (the same
// startWebMode), so a test does not pay for starting Node and loading the whole CLI (about 1.5 s of
// processor time each). The fixture (test/e2e/web-host.ts) talks to it over the IPC channel.
import { createRequire } from 'node:module';

// As bin/runback.cjs does: React's production build, as the installed command runs it.
process.env.NODE_ENV ||= 'production';
const require = createRequire(import.meta.url);
const { startWebMode } = require('../../dist-electron/cli.cjs');

/** @type {{ stop(): Promise<void> } | null} */
let current = null;

async function stopCurrent() {
  const web = current;
  current = null;
  if (web) await web.stop();
}

process.on('message', (message) => {
  const reply = (body) => process.send?.({ id: message.id, ...body });
  const work = message.type === 'start' ? stopCurrent().then(() => startWebMode(message.dataDir, 0)) : stopCurrent();
  work.then(
    (web) => {
      if (web) current = web;
      reply({ ok: true, url: web?.url });
    },
    (error) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

// The worker went away (or was killed): close the database before leaving.
process.on('disconnect', () => {
  void stopCurrent().finally(() => process.exit(0));
});
