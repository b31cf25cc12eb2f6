import type { z } from 'zod';
import type { ChannelDef } from './channel';
import { auditChannels } from './audit';
import { authChannels } from './auth';
import { clinicChannels } from './clinic';
import { patientChannels } from './patients';
import { setupChannels } from './setup';
import { userChannels } from './users';
import { scheduleChannels } from './schedule';
import { waitlistChannels } from './waitlist';
import { runningChannels } from './running';
import { todayChannels } from './today';
import { redFlagChannels } from './redFlags';
import { reassessmentChannels } from './reassessments';
import { kioskChannels } from './kiosk';
import { backupChannels } from './backups';
import { episodeChannels } from './episodes';
import { noteChannels } from './notes';
import { attachmentChannels } from './attachments';
import { exportChannels } from './exports';
import { patientImportChannels } from './patientImport';
import { ledgerChannels } from './ledger';
import { billingDocChannels } from './billingDocs';
import { exerciseChannels } from './exercises';
import { programChannels } from './programs';
import { handoutChannels } from './handouts';
import { exercisePhotoChannels } from './exercisePhotos';

/**
 * The one API contract. Each area declares its slice next to its schemas; this merges them.
 * The dispatcher, the preload bridge, the web-mode server, the renderer client and the tests all
 * derive their channel lists and types from this object — add a slice here and every transport has it.
 */
export const contract = {
  ...setupChannels,
  ...authChannels,
  ...userChannels,
  ...clinicChannels,
  ...patientChannels,
  ...auditChannels,
  ...scheduleChannels,
  ...waitlistChannels,
  ...runningChannels,
  ...todayChannels,
  ...redFlagChannels,
  ...reassessmentChannels,
  ...kioskChannels,
  ...backupChannels,
  ...episodeChannels,
  ...noteChannels,
  ...attachmentChannels,
  ...exportChannels,
  ...patientImportChannels,
  ...ledgerChannels,
  ...billingDocChannels,
  ...exerciseChannels,
  ...programChannels,
  ...handoutChannels,
  ...exercisePhotoChannels,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type RequestInput<K extends ChannelName> = z.input<Contract[K]['request']>;
export type RequestData<K extends ChannelName> = z.output<Contract[K]['request']>;
export type ResponseData<K extends ChannelName> = z.output<Contract[K]['response']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
