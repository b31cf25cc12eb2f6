// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Patient } from '../../../shared/domain/patient';
import { setClient } from '../../../renderer/src/api/client';
import { PatientForm } from '../../../renderer/src/screens/patients/PatientForm';
import { fakeServer, SignedInProviders } from './helpers';

afterEach(() => {
  cleanup();
  setClient(null);
});

const saved: Patient = {
  id: 7,
  mrn: 'RB000007',
  legalFirstName: 'José',
  legalLastName: 'Álvarez',
  preferredName: null,
  dateOfBirth: '1985-03-07',
  sex: 'male',
  phone: '(312) 555-0101',
  email: null,
  addressLine1: null,
  addressLine2: null,
  city: null,
  region: null,
  postalCode: null,
  emergencyContactName: null,
  emergencyContactPhone: null,
  emergencyContactRelationship: null,
  referralSource: null,
  referralDetail: null,
  insurerName: null,
  insurerMemberId: null,
  insurerGroupId: null,
  medicareBeneficiary: false,
  notes: null,
  language: 'en',
  archivedAt: null,
  createdAt: '2026-01-02T15:00:00.000Z',
  updatedAt: '2026-01-02T15:00:00.000Z',
};

/** Small stand-ins for user-event (not installed): type into a field and leave it, click, choose. */
const user = {
  async type(el: HTMLElement, text: string) {
    const current = (el as HTMLInputElement).value;
    await act(async () => {
      fireEvent.focus(el);
      fireEvent.input(el, { target: { value: current + text } });
    });
  },
  async clear(el: HTMLElement) {
    await act(async () => {
      fireEvent.input(el, { target: { value: '' } });
    });
  },
  async leave(el: HTMLElement) {
    await act(async () => {
      fireEvent.focusOut(el);
    });
  },
  async click(el: HTMLElement) {
    await act(async () => {
      fireEvent.click(el);
    });
  },
  async selectOptions(el: HTMLElement, value: string) {
    await act(async () => {
      fireEvent.change(el, { target: { value } });
    });
  },
};

function renderForm(patient: Patient | null = null) {
  const onSaved = vi.fn();
  render(
    <SignedInProviders>
      <PatientForm patient={patient} onSaved={onSaved} />
    </SignedInProviders>,
  );
  return { onSaved, user };
}

/** The message shown next to a field (tied to it by aria-describedby). */
function messageFor(label: string): string {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('patient form', () => {
  it('shows each required field’s message next to it and saves nothing', async () => {
    const server = fakeServer({});
    const { user, onSaved } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Register patient' }));
    await waitFor(() => expect(messageFor('Legal first name')).toContain('Legal first name is required'));
    expect(messageFor('Legal last name')).toContain('Legal last name is required');
    expect(messageFor('Date of birth')).toContain('Date of birth is required');
    expect(messageFor('Sex')).toContain('Choose a sex');
    expect(screen.getByText('Say whether the patient’s primary coverage is Medicare Part B')).toBeInTheDocument();
    expect(screen.getByLabelText('Legal last name')).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says a date of birth in the future, or not a real date, in plain words', async () => {
    fakeServer({});
    const { user } = renderForm();
    const dob = screen.getByLabelText('Date of birth');
    await user.type(dob, '3/7/2999');
    await user.leave(dob);
    await waitFor(() => expect(messageFor('Date of birth')).toContain('Date of birth is in the future'));
    await user.clear(dob);
    await user.type(dob, '2/30/1985');
    await user.leave(dob);
    await waitFor(() => expect(messageFor('Date of birth')).toContain('Date of birth is not a real date'));
    await user.clear(dob);
    await user.type(dob, '3/7/1985');
    await user.leave(dob);
    await waitFor(() => expect(messageFor('Date of birth')).toMatch(/March 7, 1985 · age \d+/));
  });

  it('puts the server’s field messages next to the fields and keeps what was typed', async () => {
    const server = fakeServer({
      'patients.update': () => ({
        ok: false,
        error: { code: 'VALIDATION', message: 'Phone needs 7 to 15 digits', fields: { 'patient.phone': 'Phone needs 7 to 15 digits' } },
      }),
    });
    const { user, onSaved } = renderForm(saved);
    const phone = screen.getByLabelText(/^Phone/, { selector: 'input[name="phone"]' });
    await user.clear(phone);
    await user.type(phone, '555 0199 77');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByText('Phone needs 7 to 15 digits', { selector: '.field-error' })).toBeInTheDocument());
    expect(phone).toHaveValue('555 0199 77');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was saved');
    expect(onSaved).not.toHaveBeenCalled();
    expect(server.calls[0]).toMatchObject({ channel: 'patients.update', input: { id: 7, expectedUpdatedAt: saved.updatedAt, patient: { phone: '555 0199 77', dateOfBirth: '1985-03-07' } } });
  });

  it('saves the handout language chosen (English shown for a patient who never chose)', async () => {
    const server = fakeServer({ 'patients.update': (input) => ({ ok: true, value: { ...saved, language: (input as { patient: { language: 'es' } }).patient.language } }) });
    const { user, onSaved } = renderForm(saved);
    const language = screen.getByLabelText(/^Handout language/);
    expect(language).toHaveValue('en');
    expect(screen.getByRole('option', { name: 'Español' })).toBeInTheDocument();
    await user.selectOptions(language, 'es');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.calls[0]).toMatchObject({ channel: 'patients.update', input: { id: 7, patient: { language: 'es' } } });
  });

  it('offers reload when someone else changed the record (CONFLICT)', async () => {
    fakeServer({
      'patients.update': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Someone else changed this patient while you were editing.' } }),
    });
    const { user } = renderForm(saved);
    await user.type(screen.getByLabelText(/^Preferred name/), 'Pepe');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('button', { name: 'Discard my changes and reload' })).toBeInTheDocument();
    expect(screen.getByText(/Someone else changed this patient/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Preferred name/)).toHaveValue('Pepe');
  });

  it('on a duplicate, shows the message and creates anyway when asked', async () => {
    let tries = 0;
    const server = fakeServer({
      'patients.create': (input) => {
        tries++;
        if (!(input as { confirmDuplicate?: boolean }).confirmDuplicate) {
          return { ok: false, error: { code: 'CONFLICT', message: 'A patient with this name and date of birth already exists (MRN RB000003).', fields: { _duplicate: 'RB000003' } } };
        }
        return { ok: true, value: saved };
      },
    });
    const { user, onSaved } = renderForm();
    await user.type(screen.getByLabelText('Legal first name'), 'José');
    await user.type(screen.getByLabelText('Legal last name'), 'Álvarez');
    await user.type(screen.getByLabelText('Date of birth'), '3/7/1985');
    await user.selectOptions(screen.getByLabelText('Sex'), 'male');
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Register patient' }));
    expect(await screen.findByText(/already exists \(MRN RB000003\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(tries).toBe(2);
    expect(server.calls[1]?.input).toMatchObject({ confirmDuplicate: true, legalLastName: 'Álvarez', dateOfBirth: '1985-03-07', medicareBeneficiary: false });
  });

  it('shows the Medicare self-pay caution when Medicare Part B is primary', async () => {
    fakeServer({});
    const { user } = renderForm();
    expect(screen.queryByText(/superbill to self-submit|not\s+print this patient a superbill/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    expect(screen.getByText(/superbill to self-submit|not\s+print this patient a superbill/)).toBeInTheDocument();
  });
});
