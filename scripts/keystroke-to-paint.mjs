// Keystroke to painted results on the patient list, measured in Chromium against web mode
// (issue #9; the figures are in docs/performance.md). Not part of the test suite: timings belong to
// the machine. Run `npm run build` first, then:
//
//   node bin/runback.cjs demo --data-dir /tmp/demo100k --patients 100000
//   node scripts/keystroke-to-paint.mjs --data-dir /tmp/demo100k [--rounds 3] [--json]
//
// The clinic is copied first (sign-in and searches write sessions and audit rows). For every
// keystroke the page itself records the keydown, then waits for the list to show that query's
// results (its aria-busy goes true, then false) and for the next frame to be painted.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORDS = ['garcia', 'martinez', 'nguyen', 'smith', 'johnson', 'lee', 'anderson', 'dang'];

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    // Also the renderer's processor time per keystroke, from a Chromium trace of the measured rounds:
    // unlike the wall-clock figures it hardly moves with the machine's load.
    cpu: { type: 'boolean', default: false },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
if (!values['data-dir'] || !existsSync(join(values['data-dir'], 'runback.sqlite'))) {
  process.stderr.write('usage: node scripts/keystroke-to-paint.mjs --data-dir DIR (a demo clinic: runback demo --data-dir DIR --patients 100000)\n');
  process.exit(2);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

/**
 * Per keystroke, the processor time of the renderer's main thread (the trace's thread time of its
 * top-level tasks) from the keydown to the painted frame, and the parts before the request left and
 * after its answer came. Each measured keydown left a "keystroke" mark on the trace's clock.
 */
function rendererCpu(trace, keystrokes) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const marks = events.filter((e) => e.name === 'keystroke' && e.pid === main.pid).map((e) => e.ts).sort((a, b) => a - b);
  // The scheduler's tasks (the other top-level events are inside them).
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && typeof e.tdur === 'number');
  if (marks.length !== keystrokes.length) throw new Error(`the trace has ${marks.length} keystrokes, the page measured ${keystrokes.length}`);
  // The tasks that ran in the span, the one it starts in included (the keydown's own task).
  const cpuIn = (from, to) => tasks.filter((e) => e.ts < to && e.ts + e.dur > from).reduce((sum, e) => sum + e.tdur / 1000, 0);
  return keystrokes.map((k, i) => {
    const t0 = marks[i];
    const end = t0 + k.ms * 1000;
    if (k.untilRequest === null) return { total: cpuIn(t0, end), untilRequest: null, afterAnswer: null };
    return { total: cpuIn(t0, end), untilRequest: cpuIn(t0, t0 + k.untilRequest * 1000), afterAnswer: cpuIn(t0 + (k.untilRequest + k.request) * 1000, end) };
  });
}

async function serve(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'runback.cjs'), 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((done, fail) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const m = /Open: (http:\/\/\S+#token=\S+)/.exec(output);
      if (m) done(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`runback serve exited (${code}):\n${output}`)));
  });
  return { url, child };
}

const copyDir = mkdtempSync(join(tmpdir(), 'runback-keystrokes-'));
const source = new Database(join(resolve(values['data-dir']), 'runback.sqlite'), { readonly: true });
await source.backup(join(copyDir, 'runback.sqlite'));
source.close();
const { url, child } = await serve(copyDir);
const browser = await chromium.launch({ executablePath: values.chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.getByLabel('Username').fill('frontdesk');
  await page.getByLabel('Password').fill('demo-frontdesk-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.waitFor();
  await page.waitForFunction(() => document.querySelector('#patient-table')?.getAttribute('aria-busy') !== 'true');

  // In the page: keydown time, then the list busy with the new query, then idle, then a painted frame.
  await page.evaluate(() => {
    const table = document.querySelector('#patient-table');
    window.__keystrokes = [];
    // When each patient-list request left and its answer was in (to split the time into its parts).
    window.__requests = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name.includes('/api/patients.list')) window.__requests.push({ start: e.startTime, end: e.responseEnd });
    }).observe({ type: 'resource', buffered: false });
    // Over the page's WebSocket a call has no Resource Timing entry: the transport measures each one
    // (renderer/src/api/socket-transport.ts), from the message sent to its answer read.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'runback.socket:patients.list') window.__requests.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'measure', buffered: false });
    document.addEventListener(
      'keydown',
      (event) => {
        // Letters typed into the search only (clearing it between words is not measured).
        if (event.key.length !== 1 || event.target !== document.querySelector('input[type=search]')) return;
        const start = performance.now();
        // Where the keystroke starts on the trace's clock (--cpu).
        performance.mark('keystroke');
        let sawBusy = table.getAttribute('aria-busy') === 'true';
        // The frame after the change: a rAF callback runs just before it is painted, a message posted
        // from there is handled just after.
        const painted = new MessageChannel();
        painted.port1.onmessage = () => {
          const end = performance.now();
          // The request this keystroke made: the last one that left after the keydown.
          const request = window.__requests.filter((r) => r.start >= start && r.end <= end).at(-1);
          window.__keystrokes.push({ key: event.key, ms: end - start, untilRequest: request ? request.start - start : null, request: request ? request.end - request.start : null });
        };
        const done = () => requestAnimationFrame(() => painted.port2.postMessage(null));
        const observer = new MutationObserver(() => {
          const busy = table.getAttribute('aria-busy') === 'true';
          if (busy) sawBusy = true;
          else if (sawBusy) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(table, { attributes: true, attributeFilter: ['aria-busy'] });
      },
      true,
    );
  });

  const rounds = Number(values.rounds);
  const all = [];
  const traceFile = join(copyDir, 'trace.json');
  if (values.cpu) await browser.startTracing(page, { path: traceFile, categories: ['toplevel', 'blink.user_timing'] });
  for (let round = 0; round < rounds; round++) {
    for (const word of WORDS) {
      // Back to the whole list, and settled, before the next word.
      await search.fill('');
      await page.waitForFunction(
        () => document.querySelector('#patient-table')?.getAttribute('aria-busy') !== 'true' && /patients$/.test(document.querySelector('[data-testid=patient-count]')?.textContent ?? ''),
      );
      await page.evaluate(() => (window.__keystrokes.length = 0));
      for (const [i, key] of [...word].entries()) {
        await page.keyboard.press(key);
        // Like a quick typist, but each key's results arrive before the next (one measure per key).
        await page.waitForFunction((n) => window.__keystrokes.length >= n, i + 1, { timeout: 10_000 });
      }
      const times = await page.evaluate(() => window.__keystrokes);
      all.push(...times.map((t, i) => ({ ...t, prefix: word.slice(0, i + 1) })));
    }
  }
  const cpu = values.cpu ? rendererCpu(JSON.parse(String(await browser.stopTracing())), all) : null;
  const sorted = all.map((t) => t.ms).sort((a, b) => a - b);
  const oneLetter = all.filter((t) => t.prefix.length === 1).map((t) => t.ms).sort((a, b) => a - b);
  const median = (values) => percentile(values.filter((v) => v !== null).sort((a, b) => a - b), 0.5);
  const result = {
    machine: { cpu: cpus()[0]?.model.trim(), cores: cpus().length, loadAverage: Math.round(loadavg()[0] * 100) / 100 },
    keystrokes: all.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    // Medians of the parts: keydown → request sent, the request (server and loopback), answer → painted.
    parts: {
      untilRequest: median(all.map((t) => t.untilRequest)),
      request: median(all.map((t) => t.request)),
      afterAnswer: median(all.filter((t) => t.request !== null).map((t) => t.ms - t.untilRequest - t.request)),
    },
    // Medians of the renderer main thread's processor time per keystroke (--cpu): all of it, before the request left, after the answer came.
    ...(cpu ? { rendererCpu: { total: median(cpu.map((c) => c.total)), untilRequest: median(cpu.map((c) => c.untilRequest)), afterAnswer: median(cpu.map((c) => c.afterAnswer)) } } : {}),
    firstLetter: { keystrokes: oneLetter.length, p50: percentile(oneLetter, 0.5), p95: percentile(oneLetter, 0.95) },
    // The slowest keystrokes with their parts: where a p95 comes from.
    slowest: all
      .map((t, i) => ({ prefix: t.prefix, ms: t.ms, untilRequest: t.untilRequest, request: t.request, ...(cpu ? { rendererCpu: cpu[i] } : {}) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 6),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write(
      `Keystroke to painted results, ${result.keystrokes} keystrokes (${WORDS.join(', ')} typed letter by letter, ${rounds} rounds), Chromium at 1366×768:\n` +
        `  every keystroke: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms\n` +
        `  the first letter (the broadest search): p50 ${result.firstLetter.p50.toFixed(1)} ms, p95 ${result.firstLetter.p95.toFixed(1)} ms\n` +
        `  medians of its parts: keydown to request ${result.parts.untilRequest.toFixed(1)} ms, request ${result.parts.request.toFixed(1)} ms, answer to painted ${result.parts.afterAnswer.toFixed(1)} ms\n` +
        (result.rendererCpu
          ? `  the renderer's processor time (medians): ${result.rendererCpu.total.toFixed(1)} ms a keystroke, ${result.rendererCpu.untilRequest.toFixed(1)} ms before the request, ${result.rendererCpu.afterAnswer.toFixed(1)} ms after the answer\n`
          : '') +
        `  on ${result.machine.cpu}, ${result.machine.cores} cores, load average ${result.machine.loadAverage}\n`,
    );
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((done) => child.once('exit', done));
  rmSync(copyDir, { recursive: true, force: true });
}
