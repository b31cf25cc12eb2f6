// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { setupFormSchema } from '../../../renderer/src/screens/setup/setupSchema';

const clinic = {
  name: 'Lakeshore',
  addressLine1: '1 Main St',
  addressLine2: '',
  city: 'Chicago',
  region: 'IL',
  postalCode: '60610',
  phone: '(312) 555-0142',
  timeZone: 'America/Chicago',
  distanceUnit: 'mi' as const,
  npi: '',
  taxId: '',
  idleLockMinutes: '10',
};

function messages(input: unknown) {
  const r = setupFormSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('setup form', () => {
  it('says when the two passwords differ, even while other fields still need work', () => {
    expect(messages({ clinic: { ...clinic, name: '' }, admin: { displayName: 'Dana', username: 'dana', password: 'correct-horse-1', confirmPassword: 'correct-horse-2' } })).toEqual({
      'clinic.name': 'Clinic name is required',
      'admin.confirmPassword': 'The two passwords are not the same',
    });
  });

  it('accepts a complete clinic and admin (blank optional fields become null)', () => {
    const r = setupFormSchema.safeParse({ clinic, admin: { displayName: 'Dana', username: 'Dana', password: 'correct-horse-1', confirmPassword: 'correct-horse-1' } });
    expect(r.success).toBe(true);
    expect(r.data?.clinic).toMatchObject({ npi: null, taxId: null, idleLockMinutes: 10 });
    expect(r.data?.admin.username).toBe('dana');
  });
});
