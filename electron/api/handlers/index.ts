import type { Handlers } from '../handler';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { clinicHandlers } from './clinic';
import { patientHandlers } from './patients';
import { setupHandlers } from './setup';
import { userHandlers } from './users';
import { appointmentHandlers } from './appointments';
import { daySheetHandlers } from './day-sheet';
import { scheduleSettingsHandlers } from './schedule-settings';
import { waitlistHandlers } from './waitlist';
import { runHandlers } from './runs';
import { runImportHandlers } from './run-import';
import { planHandlers } from './plans';
import { policyHandlers } from './clinic-policy';
import { todayHandlers } from './today';
import { redFlagHandlers } from './red-flags';
import { reassessmentHandlers } from './reassessments';
import { kioskHandlers } from './kiosk';
import { backupHandlers } from './backups';
import { episodeHandlers } from './episodes';
import { noteHandlers } from './notes';
import { noteSigningHandlers } from './note-signing';
import { noteDueHandlers } from './notes-due';
import { notePdfHandlers } from './note-pdf';
import { progressReportHandlers } from './progress-report';
import { noteRedFlagHandlers } from './note-red-flags';
import { attachmentHandlers } from './attachments';
import { exportHandlers } from './exports';
import { patientImportHandlers } from './patient-import';
import { ledgerFeeHandlers } from './ledger-fees';
import { ledgerChargeHandlers } from './ledger-charges';
import { ledgerPaymentHandlers } from './ledger-payments';
import { superbillHandlers } from './superbills';
import { receiptHandlers } from './receipts';
import { exerciseHandlers } from './exercises';
import { programHandlers } from './programs';
import { handoutHandlers } from './handouts';
import { exercisePhotoHandlers } from './exercise-photos';

/** Every channel's handler; the type makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...userHandlers,
  ...clinicHandlers,
  ...patientHandlers,
  ...auditHandlers,
  ...scheduleSettingsHandlers,
  ...appointmentHandlers,
  ...waitlistHandlers,
  ...daySheetHandlers,
  ...runHandlers,
  ...runImportHandlers,
  ...planHandlers,
  ...policyHandlers,
  ...todayHandlers,
  ...redFlagHandlers,
  ...reassessmentHandlers,
  ...kioskHandlers,
  ...backupHandlers,
  ...episodeHandlers,
  ...noteHandlers,
  ...noteSigningHandlers,
  ...noteDueHandlers,
  ...notePdfHandlers,
  ...progressReportHandlers,
  ...noteRedFlagHandlers,
  ...attachmentHandlers,
  ...exportHandlers,
  ...patientImportHandlers,
  ...ledgerFeeHandlers,
  ...ledgerChargeHandlers,
  ...ledgerPaymentHandlers,
  ...superbillHandlers,
  ...receiptHandlers,
  ...exerciseHandlers,
  ...programHandlers,
  ...handoutHandlers,
  ...exercisePhotoHandlers,
};
