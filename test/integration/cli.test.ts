import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../electron/cli/cli';
import { OWN_ACTIVITY_FIXTURES, SHARED_ACTIVITY_FIXTURES } from '../fixture-dirs';

// Guards against a hang, not speed limits: spawning the built CLI (which builds a demo clinic) and
// importing real files on a shared, busy machine can take well over vitest's default.
const HANG_GUARD_MS = 180_000;

describe('runback CLI', { timeout: HANG_GUARD_MS }, () => {
  it('--help lists the admin commands', () => {
    const help = buildProgram().helpInformation();
    for (const command of ['serve', 'demo', 'rules', 'plan', 'print', 'bench']) expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('documents serve, demo and bench options', () => {
    const program = buildProgram();
    const sub = (name: string) => program.commands.find((c) => c.name() === name)!.helpInformation();
    expect(sub('serve')).toContain('--data-dir <dir>');
    expect(sub('serve')).toContain('--port <n>');
    expect(sub('serve')).toContain('--open');
    for (const o of ['--data-dir <dir>', '--patients <n>', '--seed <s>', '--force']) expect(sub('demo')).toContain(o);
    for (const o of ['--data-dir <dir>', '--json', '--runs <n>', '--fit <file>', '--only <text>']) expect(sub('bench')).toContain(o);
  });

  // The built CLI, as `npx runback` runs it (skipped only before the first build).
  it.runIf(existsSync('dist-electron/cli.cjs'))('refuses bad options with a clear message and a non-zero exit, touching nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runback-cli-'));
    try {
      const bad = spawnSync(process.execPath, ['bin/runback.cjs', 'demo', '--data-dir', dir, '--patients', 'many'], { encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('expected a whole number from 0 to 1000000, got "many"');
      expect(existsSync(join(dir, 'runback.sqlite'))).toBe(false);
      const out = execFileSync(process.execPath, ['bin/runback.cjs', 'demo', '--data-dir', dir, '--patients', '20', '--seed', '4'], { encoding: 'utf8' });
      expect(out).toContain('Demo clinic created');
      expect(out).toMatch(/frontdesk\s+Front desk\s+demo-frontdesk-2026/);
      const again = spawnSync(process.execPath, ['bin/runback.cjs', 'demo', '--data-dir', dir], { encoding: 'utf8' });
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('already holds a clinic. Nothing was changed. Use --force');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runback bench', { timeout: HANG_GUARD_MS }, () => {
  it.runIf(existsSync('dist-electron/cli.cjs'))('prints JSON with --json and measures only the operations --only names', async () => {
    const { createTestApp } = await import('./harness');
    const t = await createTestApp();
    try {
      const bench = execFileSync(process.execPath, ['bin/runback.cjs', 'bench', '--data-dir', t.dataDir, '--json', '--runs', '2', '--only', 'empty call'], { encoding: 'utf8' });
      const result = JSON.parse(bench) as { operations: { name: string; runs: number; p50: number; raw: unknown; goal: string }[]; machine: { cores: number } };
      expect(result.operations).toEqual([expect.objectContaining({ name: 'an empty call (auth.me)', runs: 2, raw: expect.any(Object), goal: 'p50 ≤ 0.5 ms, p95 ≤ 2 ms' })]);
      expect(result.machine.cores).toBeGreaterThan(0);
      const none = spawnSync(process.execPath, ['bin/runback.cjs', 'bench', '--data-dir', t.dataDir, '--only', 'teleport'], { encoding: 'utf8' });
      expect(none.status).toBe(2);
      expect(none.stderr).toContain('No operation\'s name contains "teleport"');
    } finally {
      await t.dispose();
    }
  });
});

describe('runback import-runs', { timeout: HANG_GUARD_MS }, () => {
  it('prints one line per activity: imported, skipped as duplicate, refused with the reason', async () => {
    const { createTestApp, PATIENT } = await import('./harness');
    const { importRuns } = await import('../../electron/cli/commands/import-runs');
    const t = await createTestApp();
    try {
      const p = await t.ok('patients.create', PATIENT, t.sessions.admin);
      const fx = (n: string) => join(SHARED_ACTIVITY_FIXTURES, n);
      const first = await importRuns(t, { patient: p.mrn, files: [fx('fenix2-run-9km.fit'), fx('cycling-not-a-run.fit'), fx('missing.fit')] });
      expect(first.exitCode).toBe(1);
      // The fēnix 2 run's split (44:25 / 2:47) is checked against its cadence in import-truth.test.ts.
      expect(first.lines).toEqual([
        expect.stringMatching(/^refused: .*missing\.fit — the file cannot be read \(ENOENT\)$/),
        'imported: fenix2-run-9km.fit — A run on Aug 15, 2015: 9.01 km in 47:12, 5 runs totalling 44:25, walking 2:47',
        expect.stringMatching(/^refused: cycling-not-a-run\.fit — This is a ride \(cycling\), not a run/),
      ]);
      const second = await importRuns(t, { patient: p.mrn, files: [fx('fenix2-run-9km.fit')] });
      expect(second).toEqual({ exitCode: 0, lines: [expect.stringMatching(/^skipped as duplicate: fenix2-run-9km\.fit — Already in the log/)] });
      const nobody = await importRuns(t, { patient: 'RB999999', files: [fx('fenix2-run-9km.fit')] });
      expect(nobody.exitCode).toBe(2);
      const audit = await t.services.db.selectFrom('auditLog').selectAll().where('action', '=', 'runImport.commit').execute();
      expect(audit[0]!.username).toMatch(/^cli:/);
    } finally {
      await t.dispose();
    }
  });

  it('one line per activity, from what the commit did: each leg of a multisport file, a second copy in the same batch as a duplicate, --confirm for a very short run', async () => {
    const { createTestApp, PATIENT } = await import('./harness');
    const { importRuns } = await import('../../electron/cli/commands/import-runs');
    const t = await createTestApp();
    const dir = mkdtempSync(join(tmpdir(), 'runback-cli-'));
    try {
      const p = await t.ok('patients.create', PATIENT, t.sessions.admin);
      const fx = (n: string) => join(SHARED_ACTIVITY_FIXTURES, n);
      const copy = join(dir, 'same-run.fit');
      copyFileSync(fx('fenix2-run-9km.fit'), copy);
      const first = await importRuns(t, { patient: p.mrn, files: [fx('fenix2-run-9km.fit'), copy, fx('fenix5-run-short.fit'), join(OWN_ACTIVITY_FIXTURES, 'triathlon-chained.fit')] });
      expect(first.exitCode).toBe(1);
      expect(first.lines).toEqual([
        'imported: fenix2-run-9km.fit — A run on Aug 15, 2015: 9.01 km in 47:12, 5 runs totalling 44:25, walking 2:47',
        'skipped as duplicate: same-run.fit — The same activity as fenix2-run-9km.fit, earlier in this import: skipped.',
        'needs confirmation, not imported: fenix5-run-short.fit — This lasted only 0:57 and covered 0.16 km — was the watch started by accident? Import it only if it was a real session. (run again with --confirm to import it)',
        'refused: triathlon-chained.fit (leg 1 of 5) — Leg 1 of 5 of this multisport file is a swim (swimming), not a run — it can be logged as cross-training instead.',
        'refused: triathlon-chained.fit (leg 2 of 5) — Leg 2 of 5 of this multisport file is the transition between two sports, not a run.',
        'refused: triathlon-chained.fit (leg 3 of 5) — Leg 3 of 5 of this multisport file is a ride (cycling), not a run — it can be logged as cross-training instead.',
        'refused: triathlon-chained.fit (leg 4 of 5) — Leg 4 of 5 of this multisport file is the transition between two sports, not a run.',
        'imported: triathlon-chained.fit (leg 5 of 5) — A run on May 27, 2018: 9.81 km in 47:31, continuous run 47:30',
      ]);
      const confirmed = await importRuns(t, { patient: p.mrn, files: [fx('fenix5-run-short.fit')], confirm: true });
      expect(confirmed).toEqual({ exitCode: 0, lines: ['imported: fenix5-run-short.fit — A run on Jun 11, 2017: 0.16 km in 0:57, continuous run 0:56'] });
      expect((await t.ok('runs.list', { patientId: p.id }, t.sessions.therapist)).runs).toHaveLength(3);
    } finally {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
