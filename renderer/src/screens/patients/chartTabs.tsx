import type { ReactNode } from 'react';
import type { Patient } from '../../../../shared/domain/patient';
import type { Role } from '../../../../shared/domain/roles';
import { PatientForm } from './PatientForm';
import { RunningTab } from '../running/RunningTab';
import { PlanTab } from '../plan/PlanTab';
import { ReassessmentTab } from '../reassessment/ReassessmentTab';
import { NotesTab } from '../notes/NotesTab';
import { NoteScreen } from '../notes/NoteEditor';
import { BillingTab } from '../billing/BillingTab';
import { HomeProgramTab } from '../program/HomeProgramTab';
import { HandoutPanel } from '../handout/HandoutPanel';

export interface ChartTabContext {
  patient: Patient;
  onSaved: (patient: Patient) => void;
  onReload: () => void;
  /** Changes when the record is reloaded after a conflict: the tab starts again from it. */
  version: number;
  /** The note opened in the Notes tab (#/patients/12/notes/34). */
  noteId?: number;
}

export interface ChartTab {
  id: string;
  label: string;
  /** Who sees the tab at all (front desk does not see clinical tabs: not disabled, simply absent). */
  roles: 'all' | readonly Role[];
  render: (ctx: ChartTabContext) => ReactNode;
}

/**
 * The chart's tabs, in order. Later issues add Overview (first, the default), Notes, Reassessments,
 * Running, Plan, Home program and Billing here — each with the roles that may see it.
 */
export const CHART_TABS: readonly ChartTab[] = [
  {
    id: 'notes',
    label: 'Notes',
    // The front desk sees that notes exist (date, type, status, billing), never what they say.
    roles: 'all',
    render: ({ patient, noteId }) => (noteId !== undefined && noteId > 0 ? <NoteScreen key={noteId} patientId={patient.id} noteId={noteId} /> : <NotesTab key={patient.id} patient={patient} />),
  },
  { id: 'running', label: 'Running', roles: ['admin', 'therapist'], render: ({ patient }) => <RunningTab key={patient.id} patient={patient} /> },
  { id: 'reassessment', label: 'Reassessment', roles: ['admin', 'therapist'], render: ({ patient }) => <ReassessmentTab key={patient.id} patient={patient} /> },
  { id: 'plan', label: 'Plan', roles: ['admin', 'therapist'], render: ({ patient }) => <PlanTab key={patient.id} patient={patient} /> },
  // What the patient takes home: clinical content, so not the front desk's.
  { id: 'program', label: 'Home program', roles: ['admin', 'therapist'], render: ({ patient }) => <HomeProgramTab key={patient.id} patient={patient} /> },
  // The desk reprints a handout a patient lost (exactly as printed); printing a new one is the therapist's.
  { id: 'handouts', label: 'Handouts', roles: ['front_desk'], render: ({ patient }) => <HandoutPanel key={patient.id} patientId={patient.id} programVersion={null} /> },
  // The account: the desk charges and takes payments here; therapists see it; admins void.
  { id: 'billing', label: 'Billing', roles: 'all', render: ({ patient }) => <BillingTab key={patient.id} patient={patient} /> },
  {
    id: 'details',
    label: 'Details',
    roles: 'all',
    render: ({ patient, onSaved, onReload, version }) => <PatientForm key={`${patient.id}:${version}`} patient={patient} onSaved={onSaved} onReload={onReload} />,
  },
];

export function chartTabsFor(role: Role): ChartTab[] {
  return CHART_TABS.filter((t) => t.roles === 'all' || t.roles.includes(role));
}
