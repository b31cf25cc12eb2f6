import type { ChannelName, RequestInput } from '../../shared/api/contract';
import { CLINIC_INPUT, PASSWORDS, PATIENT, type TestApp } from './harness';

/**
 * A valid request for every channel (a new channel without a sample is a compile error), used to
 * prove that each channel's role rule holds and that each refuses bad input.
 */
export function channelSamples(t: TestApp, patientId: number): { [K in ChannelName]: RequestInput<K> } {
  return {
    'setup.status': {},
    'setup.createClinic': { clinic: CLINIC_INPUT, admin: { username: 'second', displayName: 'Second', password: 'second-password' } },
    'auth.signIn': { username: 'desk', password: PASSWORDS.front_desk },
    'auth.unlock': { password: PASSWORDS.front_desk },
    'auth.lock': {},
    'auth.heartbeat': {},
    'auth.signOut': {},
    'auth.me': {},
    'users.list': {},
    'users.create': { username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: 'New Person', role: 'therapist', password: 'a-long-password' },
    'users.update': { id: t.userIds.therapist, displayName: 'Theo Therapist' },
    'users.resetPassword': { id: t.userIds.therapist, password: PASSWORDS.therapist },
    'users.therapists': {},
    'clinic.get': {},
    'clinic.update': CLINIC_INPUT,
    'patients.list': { query: 'gar' },
    'patients.get': { id: patientId },
    'patients.create': { ...PATIENT, legalFirstName: `Sample${Math.random().toString(36).slice(2, 6)}` },
    'patients.update': { id: patientId, patient: PATIENT },
    'patients.setArchived': { id: patientId, archived: false },
    'audit.list': {},
  };
}

/** A request each channel must refuse as VALIDATION (wrong type for a field, or not an object). */
export function invalidSamples(): { [K in ChannelName]: unknown } {
  return {
    'setup.status': 42,
    'setup.createClinic': { clinic: { ...CLINIC_INPUT, timeZone: 'Mars/Olympus' }, admin: { username: 'x', displayName: '', password: 'short' } },
    'auth.signIn': { username: '', password: '' },
    'auth.unlock': { password: 12345 },
    'auth.lock': 'now',
    'auth.heartbeat': [],
    'auth.signOut': 7,
    'auth.me': true,
    'users.list': 'all',
    'users.create': { username: 'no spaces allowed', displayName: 'X', role: 'surgeon', password: 'short' },
    'users.update': { id: 'one', role: 'king' },
    'users.resetPassword': { id: 1, password: 'short' },
    'users.therapists': 3,
    'clinic.get': 'x',
    'clinic.update': { ...CLINIC_INPUT, distanceUnit: 'furlongs', npi: '1234567890' },
    'patients.list': { limit: 100000 },
    'patients.get': { id: -1 },
    'patients.create': { ...PATIENT, legalLastName: '', dateOfBirth: '1985-02-30', email: 'not-an-email' },
    'patients.update': { id: 1, patient: { ...PATIENT, sex: 'other' } },
    'patients.setArchived': { id: 1, archived: 'yes' },
    'audit.list': { limit: 0 },
  };
}
