import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMappingSchema, type ImportMapping } from '../../shared/domain/patient-import';

/**
 * The last import's column mapping, kept beside the database (as the backup settings are): the next
 * file from the same system maps itself. A preference, not a record: a missing or unreadable file
 * means no remembered mapping.
 */
export const MAPPING_FILE = 'patient-import-mapping.json';

export function readMapping(dataDir: string): ImportMapping | null {
  const file = join(dataDir, MAPPING_FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = importMappingSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeMapping(dataDir: string, mapping: ImportMapping): void {
  const file = join(dataDir, MAPPING_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(mapping, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
