import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupService } from '../../electron/backup/backup-service';
import { checkDatabaseFile, databaseHasClinic } from '../../electron/db/sqlite-file';
import type * as SqliteFile from '../../electron/db/sqlite-file';
import { createTestApp, type TestApp } from './harness';

// The real functions, watched: which files the daily rule checks (mocks a module, so this file is
// in vitest.config.ts's isolated list).
vi.mock('../../electron/db/sqlite-file', async (importOriginal) => {
  const real = await importOriginal<typeof SqliteFile>();
  return { ...real, checkDatabaseFile: vi.fn(real.checkDatabaseFile), databaseHasClinic: vi.fn(real.databaseHasClinic) };
});

const checked = () => vi.mocked(checkDatabaseFile).mock.calls.map(([file]) => file);
const asked = () => vi.mocked(databaseHasClinic).mock.calls.map(([file]) => file);

describe('the daily backup rule and the live database', () => {
  let t: TestApp | null = null;
  let dir: string | null = null;
  beforeEach(() => {
    vi.mocked(checkDatabaseFile).mockClear();
    vi.mocked(databaseHasClinic).mockClear();
  });
  afterEach(async () => {
    await t?.dispose();
    t = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('asks the live database only whether a clinic exists; the integrity checks are of the copy and of the file read back', async () => {
    t = await createTestApp();
    const live = join(t.dataDir, 'runback.sqlite');
    const outcome = await t.services.backups.runDue();
    expect(outcome).toMatchObject({ kind: 'daily', check: { integrity: 'ok', hasClinic: true } });
    expect(asked()).toEqual([live]);
    expect(checked()).toHaveLength(2);
    expect(checked()).not.toContain(live);
  });

  it('takes no backup and checks nothing before the clinic is set up', async () => {
    t = await createTestApp({ withClinic: false });
    expect(await t.services.backups.runDue()).toBeNull();
    expect(asked()).toEqual([join(t.dataDir, 'runback.sqlite')]);
    expect(checked()).toEqual([]);
    expect(t.services.backups.history()).toEqual([]);
  });

  it('still attempts the backup of a live file it cannot read, and records why it failed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'runback-due-'));
    const live = join(dir, 'runback.sqlite');
    writeFileSync(live, 'Not a database: the clinic file was overwritten. '.repeat(100));
    const service = new BackupService(dir, live, () => new Date('2026-12-01T09:00:00Z'), { info: () => {}, error: () => {} });
    expect(await service.runDue()).toBeNull();
    expect(asked()).toEqual([live]);
    expect(checked()).not.toContain(live);
    expect(service.history()).toEqual([expect.objectContaining({ kind: 'daily', ok: false, message: expect.stringContaining('file is not a database') })]);
  });
});
