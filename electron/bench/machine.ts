import { cpus, loadavg, release, totalmem, type } from 'node:os';
import Database from 'better-sqlite3';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sqlite: string;
  /** The 1-minute load average when the bench started: a busy machine shows here. */
  loadAverage: number;
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine(): Machine {
  const processors = cpus();
  const memory = new Database(':memory:');
  try {
    const { v } = memory.prepare('select sqlite_version() as v').get() as { v: string };
    return {
      cpu: processors[0]?.model.trim() ?? 'unknown',
      cores: processors.length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
      node: process.version,
      sqlite: v,
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    };
  } finally {
    memory.close();
  }
}
