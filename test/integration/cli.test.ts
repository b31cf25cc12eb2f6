import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../electron/cli/cli';

describe('runback CLI', () => {
  it('--help lists the admin commands', () => {
    const help = buildProgram().helpInformation();
    for (const command of ['serve', 'demo', 'rules', 'plan', 'print']) expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('documents serve and demo options', () => {
    const program = buildProgram();
    const sub = (name: string) => program.commands.find((c) => c.name() === name)!.helpInformation();
    expect(sub('serve')).toContain('--data-dir <dir>');
    expect(sub('serve')).toContain('--port <n>');
    expect(sub('serve')).toContain('--open');
    for (const o of ['--data-dir <dir>', '--patients <n>', '--seed <s>', '--force']) expect(sub('demo')).toContain(o);
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
  }, 60_000);
});

describe('runback import-runs', () => {
  it('prints one line per activity: imported, skipped as duplicate, refused with the reason', async () => {
    const { createTestApp, PATIENT } = await import('./harness');
    const { importRuns } = await import('../../electron/cli/commands/import-runs');
    const t = await createTestApp();
    try {
      const p = await t.ok('patients.create', PATIENT, t.sessions.admin);
      const fx = (n: string) => join(process.cwd(), '../shared/fixtures/activities', n);
      const first = await importRuns(t, { patient: p.mrn, files: [fx('fenix2-run-9km.fit'), fx('cycling-not-a-run.fit'), fx('missing.fit')] });
      expect(first.exitCode).toBe(1);
      expect(first.lines).toEqual([
        expect.stringMatching(/^refused: .*missing\.fit — the file cannot be read \(ENOENT\)$/),
        expect.stringMatching(/^imported: fenix2-run-9km\.fit — A run on Aug 15, 2015: 9\.01 km in 47:12/),
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
});
