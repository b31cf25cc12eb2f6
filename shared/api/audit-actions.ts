/**
 * What each audit-log action means, in words an admin reads ("Booked an appointment", not
 * "appointments.book"). The log stores the channel name (or one of the few actions below); the
 * viewer and its CSV export show these words. A new channel that writes or is audited adds a line.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'setup.createClinic': 'Created the clinic',
  'auth.signIn': 'Signed in',
  'auth.signIn.failed': 'Sign-in refused',
  'auth.unlock': 'Unlocked the screen',
  'auth.lock': 'Locked the screen',
  'auth.signOut': 'Signed out',
  'auth.sessionEnded': 'Session ended',
  'access.forbidden': 'Tried something their role may not do',
  'users.create': 'Added a user',
  'users.update': 'Changed a user (role or active)',
  'users.resetPassword': 'Reset a password',
  'clinic.update': 'Changed the clinic’s settings',
  'policy.update': 'Changed the clinic policy',
  'patients.search': 'Searched the patient list',
  'patients.get': 'Opened a patient’s record',
  'patients.create': 'Registered a patient',
  'patients.update': 'Changed a patient’s details',
  'patients.setArchived': 'Archived or unarchived a patient',
  'rooms.save': 'Added or changed a room',
  'appointmentTypes.save': 'Added or changed an appointment type',
  'workingHours.set': 'Changed working hours',
  'blockouts.create': 'Blocked out time',
  'blockouts.remove': 'Removed a blockout',
  'appointments.get': 'Opened an appointment',
  'appointments.book': 'Booked an appointment',
  'appointments.move': 'Moved or changed an appointment',
  'appointments.cancel': 'Cancelled an appointment',
  'appointments.setStatus': 'Checked in, completed or marked a no-show',
  'schedule.daySheet': 'Printed a day sheet',
  'waitlist.add': 'Added to the waitlist',
  'waitlist.remove': 'Removed from the waitlist',
  'waitlist.booked': 'Booked from the waitlist',
  'runs.list': 'Opened a running log',
  'runs.save': 'Added or changed a run',
  'runs.delete': 'Deleted a run',
  'runs.restore': 'Restored a deleted run',
  'runs.setIntervals': 'Corrected a run’s intervals',
  'runImport.commit': 'Imported watch files',
  'plans.get': 'Opened a run-walk plan',
  'plans.start': 'Started a run-walk plan',
  'plans.checkIn': 'Saved a weekly check-in',
  'plans.review': 'Reviewed a plan week',
  'plans.accept': 'Accepted the planner’s decision',
  'plans.override': 'Overrode the planner’s decision',
  'plans.end': 'Ended a run-walk plan',
  'reassessments.list': 'Opened a patient’s reassessments',
  'reassessments.record': 'Recorded a reassessment',
  'outcomes.list': 'Opened a patient’s outcome questionnaires',
  'outcomes.record': 'Recorded an outcome questionnaire',
  'demo.generate': 'Created the demo clinic',
  'demo.history': 'Wrote the demo history',
  'audit.export': 'Exported the audit log',
};

/** The words for an action; an unknown one (from a newer Runback) reads as its name with spaces. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\./g, ': ');
}
