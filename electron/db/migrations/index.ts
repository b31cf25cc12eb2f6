import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-schedule';
import { migration0003 } from './0003-running';
import { migration0004 } from './0004-locale-and-audit';
import { migration0005 } from './0005-red-flag-screens';
import { migration0006 } from './0006-read-indexes';
import { migration0007 } from './0007-run-legs';
import { migration0008 } from './0008-charting';
import { migration0009 } from './0009-reassessments';
import { migration0010 } from './0010-ledger';
import { migration0011 } from './0011-billing-identity';
import { migration0012 } from './0012-exercises';
import { migration0013 } from './0013-home-programs';
import { migration0014 } from './0014-referral-address';
import { migration0015 } from './0015-search-folding';
import { migration0016 } from './0016-patient-numbers';
import { migration0017 } from './0017-patient-name-tokens';

/** Every migration, in order. An explicit list (no folder scan), so the order is reviewed code. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
];

export const LATEST_VERSION = MIGRATIONS.length;
