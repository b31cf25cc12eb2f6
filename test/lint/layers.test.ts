import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints fixture files as if they lived in shared/ or renderer/, proving the layer rule fires.
const eslint = new ESLint({ cwd: process.cwd() });
const fixture = (rel: string) => readFileSync(join('test/lint/fixtures', rel), 'utf8');

async function restrictedImportMessages(rel: string, pretendPath: string) {
  const [result] = await eslint.lintText(fixture(rel), { filePath: pretendPath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it('refuses Node modules in shared/', async () => {
    expect(await restrictedImportMessages('shared/bad-node-import.ts', 'shared/x/bad.ts')).toEqual([
      expect.stringContaining('shared/ must not use Node modules'),
    ]);
  });
  it('refuses electron/ imports in shared/', async () => {
    expect(await restrictedImportMessages('shared/bad-layer-import.ts', 'shared/x/bad.ts')).toEqual([
      expect.stringContaining('must not import electron/ or renderer/'),
    ]);
  });
  it('refuses React in shared/', async () => {
    expect(await restrictedImportMessages('shared/bad-react-import.ts', 'shared/x/bad.ts')).toHaveLength(1);
  });
  it('accepts a pure import in shared/', async () => {
    expect(await restrictedImportMessages('shared/good.ts', 'shared/x/good.ts')).toEqual([]);
  });
  it('refuses electron/ and database imports in renderer/', async () => {
    expect(await restrictedImportMessages('renderer/bad-electron-import.ts', 'renderer/src/bad.ts')).toHaveLength(1);
    expect(await restrictedImportMessages('renderer/bad-sqlite-import.ts', 'renderer/src/bad.ts')).toHaveLength(1);
  });
});
