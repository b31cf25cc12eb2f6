import { LANGUAGE_LABELS } from '../../shared/i18n/languages';
import { createHash } from 'node:crypto';
import type { Condition, DocumentReference, Encounter, Observation, Patient, Procedure, Reference } from 'fhir/r4';
import type { Billed } from '../../shared/charting/billing-lines';
import type { Diagnosis } from '../../shared/charting/episode';
import { NOTE_TYPE_LABELS, type NoteType } from '../../shared/charting/note-content';
import { CPT_SHORT_LABELS, DISCHARGE_REASON_LABELS, type DischargeReason } from '../../shared/charting/vocab';
import type { Selectable } from 'kysely';
import type { EpisodesTable, OutcomeRecordsTable, PatientsTable, RunsTable } from '../db/schema';

/**
 * One patient's record as FHIR R4 resources (typed by @types/fhir), following US Core where Runback
 * holds what the profile needs (clinical.md §9). Codes: ICD-10-CM for diagnoses, LOINC 72514-3 for a
 * 0–10 pain score, CPT for billed procedures (with Runback's own short labels: CPT descriptions are the
 * AMA's). What has no standard code (a run, a note type) carries Runback's own code system.
 */
export const SYSTEMS = {
  mrn: 'urn:runback:mrn',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  loinc: 'http://loinc.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  ucum: 'http://unitsofmeasure.org',
  runback: 'urn:runback:codes',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  docCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
} as const;

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
export const PAIN_LOINC = { system: SYSTEMS.loinc, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' };

/** A stable urn:uuid for a record (the same record gives the same id in every export of this clinic). */
export function fullUrl(clinicKey: string, kind: string, id: number | string): string {
  const h = createHash('sha256').update(`${clinicKey}/${kind}/${id}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const ref = (url: string, display?: string): Reference => ({ reference: url, ...(display ? { display } : {}) });
const GENDER: Record<PatientsTable['sex'], Patient['gender']> = { female: 'female', male: 'male', intersex: 'other', unknown: 'unknown' };

export function patientResource(p: Selectable<PatientsTable>): Patient {
  const line = [p.addressLine1, p.addressLine2].filter((l): l is string => !!l);
  return {
    resourceType: 'Patient',
    meta: { profile: [`${US_CORE}us-core-patient`] },
    identifier: [{ use: 'usual', type: { text: 'Medical record number' }, system: SYSTEMS.mrn, value: p.mrn }],
    active: p.archivedAt === null,
    name: [
      { use: 'official', family: p.legalLastName, given: [p.legalFirstName], text: `${p.legalFirstName} ${p.legalLastName}` },
      ...(p.preferredName && p.preferredName !== p.legalFirstName ? [{ use: 'usual' as const, given: [p.preferredName] }] : []),
    ],
    gender: GENDER[p.sex],
    birthDate: p.dateOfBirth,
    telecom: [...(p.phone ? [{ system: 'phone' as const, value: p.phone }] : []), ...(p.email ? [{ system: 'email' as const, value: p.email }] : [])],
    ...(line.length || p.city ? { address: [{ line, city: p.city ?? undefined, state: p.region ?? undefined, postalCode: p.postalCode ?? undefined }] } : {}),
    ...(p.emergencyContactName
      ? { contact: [{ relationship: [{ text: p.emergencyContactRelationship ?? 'Emergency contact' }], name: { text: p.emergencyContactName }, telecom: p.emergencyContactPhone ? [{ system: 'phone', value: p.emergencyContactPhone }] : [] }] }
      : {}),
    // The language the patient's handouts print in (BCP-47, as US Core's patient communication asks).
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: p.language, display: LANGUAGE_LABELS[p.language] }], text: LANGUAGE_LABELS[p.language] }, preferred: true }],
  };
}

export interface EncounterFacts {
  url: string;
  noteType: NoteType;
  dateOfService: string;
  therapist: string;
}

export function encounterResource(e: EncounterFacts, patient: string, conditions: string[]): Encounter {
  return {
    resourceType: 'Encounter',
    meta: { profile: [`${US_CORE}us-core-encounter`] },
    status: 'finished',
    class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ coding: [{ system: SYSTEMS.runback, code: `visit-${e.noteType}`, display: NOTE_TYPE_LABELS[e.noteType] }], text: `Physical therapy visit: ${NOTE_TYPE_LABELS[e.noteType]}` }],
    subject: ref(patient),
    participant: [{ individual: { display: e.therapist } }],
    period: { start: e.dateOfService, end: e.dateOfService },
    ...(conditions.length ? { diagnosis: conditions.map((c, i) => ({ condition: ref(c), rank: i + 1 })) } : {}),
  };
}

export function conditionResource(episode: Selectable<EpisodesTable>, d: Diagnosis, patient: string): Condition {
  const resolved = episode.dischargedOn !== null;
  return {
    resourceType: 'Condition',
    meta: { profile: [`${US_CORE}us-core-condition-encounter-diagnosis`] },
    clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: resolved ? 'resolved' : 'active' }] },
    category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    code: { coding: [{ system: SYSTEMS.icd10cm, code: d.code, ...(d.title ? { display: d.title } : {}) }], text: d.title ?? d.code },
    subject: ref(patient),
    ...(episode.onsetDate ? { onsetDateTime: episode.onsetDate } : {}),
    ...(resolved ? { abatementDateTime: episode.dischargedOn! } : {}),
    recordedDate: episode.startDate,
    ...(episode.dischargeReason ? { note: [{ text: `Discharged: ${DISCHARGE_REASON_LABELS[episode.dischargeReason as DischargeReason] ?? episode.dischargeReason}` }] } : {}),
  };
}

/** A 0–10 pain score, as the patient reported it (US Core screening and assessment). */
export function painObservation(score: number, when: string, patient: string, what: string, encounter?: string): Observation {
  return {
    resourceType: 'Observation',
    meta: { profile: [`${US_CORE}us-core-observation-screening-assessment`] },
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' }] }],
    code: { coding: [PAIN_LOINC], text: what },
    subject: ref(patient),
    ...(encounter ? { encounter: ref(encounter) } : {}),
    effectiveDateTime: when,
    valueInteger: score,
  };
}

const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: SYSTEMS.ucum, code });

/** A logged run: distance, time, run and walk time, and the pain the patient reported around it. */
export function runObservation(run: Selectable<RunsTable>, patient: string): Observation {
  const pains: [number | null, string][] = [
    [run.painBefore, 'Pain before the run'],
    [run.painDuring, 'Pain during the run'],
    [run.painAfter, 'Pain after the run'],
    [run.painNextMorning, 'Pain the next morning'],
  ];
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'activity', display: 'Activity' }] }],
    code: { coding: [{ system: SYSTEMS.runback, code: run.kind === 'run' ? 'run' : run.kind, display: run.kind === 'run' ? 'Run' : run.kind === 'walk' ? 'Walk' : 'Cross-training' }], text: `Logged ${run.kind.replace('_', '-')}` },
    subject: ref(patient),
    effectiveDateTime: run.startedAt ?? run.date,
    component: [
      { code: { coding: [{ system: SYSTEMS.runback, code: 'distance', display: 'Distance' }] }, valueQuantity: quantity(run.distanceM, 'm', 'm') },
      { code: { coding: [{ system: SYSTEMS.runback, code: 'duration', display: 'Duration' }] }, valueQuantity: quantity(run.durationS, 's', 's') },
      ...(run.runSeconds !== null ? [{ code: { coding: [{ system: SYSTEMS.runback, code: 'run-time', display: 'Time running' }] }, valueQuantity: quantity(run.runSeconds, 's', 's') }] : []),
      ...(run.walkSeconds !== null ? [{ code: { coding: [{ system: SYSTEMS.runback, code: 'walk-time', display: 'Time walking' }] }, valueQuantity: quantity(run.walkSeconds, 's', 's') }] : []),
      ...pains.filter((p): p is [number, string] => p[0] !== null).map(([v, text]) => ({ code: { coding: [PAIN_LOINC], text }, valueInteger: v })),
    ],
    ...(run.notes ? { note: [{ text: run.notes }] } : {}),
  };
}

/** Each billed line of a signed note: the CPT code, with its units, minutes and modifiers in words. */
export function procedureResources(billed: Billed, e: EncounterFacts, patient: string): Procedure[] {
  return billed.lines.map((line) => ({
    resourceType: 'Procedure',
    meta: { profile: [`${US_CORE}us-core-procedure`] },
    status: 'completed',
    code: { coding: [{ system: SYSTEMS.cpt, code: line.code, ...(CPT_SHORT_LABELS[line.code] ? { display: CPT_SHORT_LABELS[line.code] } : {}) }], text: CPT_SHORT_LABELS[line.code] ?? line.code },
    subject: ref(patient),
    encounter: ref(e.url),
    performedDateTime: e.dateOfService,
    performer: [{ actor: { display: e.therapist } }],
    note: [{ text: `${line.units} unit${line.units === 1 ? '' : 's'}${line.minutes ? `, ${line.minutes} min` : ''}${line.modifiers.length ? `, modifiers ${line.modifiers.join(' ')}` : ''}` }],
  }));
}

export interface SignedNoteDocument {
  e: EncounterFacts;
  signedAt: string;
  signedBy: string;
  contentHash: string;
  filename: string;
  pdf: Buffer;
}

/** A signed note as its PDF, with the signature's SHA-256 of the note (not of the PDF) in its description. */
export function documentReference(d: SignedNoteDocument, patient: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: SYSTEMS.runback, code: `note-${d.e.noteType}`, display: NOTE_TYPE_LABELS[d.e.noteType] }], text: NOTE_TYPE_LABELS[d.e.noteType] },
    category: [{ coding: [{ system: SYSTEMS.docCategory, code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: ref(patient),
    date: d.signedAt,
    author: [{ display: d.signedBy }],
    description: `${NOTE_TYPE_LABELS[d.e.noteType]} of ${d.e.dateOfService}, signed by ${d.signedBy} (content SHA-256 ${d.contentHash})`,
    content: [{ attachment: { contentType: 'application/pdf', data: d.pdf.toString('base64'), title: d.filename, size: d.pdf.length, hash: createHash('sha1').update(d.pdf).digest('base64') } }],
    context: { encounter: [ref(d.e.url)], period: { start: d.e.dateOfService, end: d.e.dateOfService } },
  };
}

/**
 * Outcome questionnaires: the NPRS as the pain code, the ODI total as LOINC 97909-6 (clinical.md §9
 * grades that code as seen in sample data and a terminology lookup, not confirmed), the others with no
 * LOINC code found under Runback's own system. Only the score leaves: item answers are the clinic's
 * record of the form, and their wording may be licensed.
 */
const OUTCOME_CODES: Record<OutcomeRecordsTable['instrument'], { coding: { system: string; code: string; display: string }; text: string }> = {
  nprs: { coding: PAIN_LOINC, text: 'Numeric pain rating scale (NPRS), 0–10' },
  odi: { coding: { system: SYSTEMS.loinc, code: '97909-6', display: 'Oswestry Disability Index total score' }, text: 'Oswestry Disability Index (ODI), % (0–100)' },
  'modified-odi': { coding: { system: SYSTEMS.runback, code: 'modified-odi', display: 'Modified Oswestry (Fritz & Irrgang), % (0–100)' }, text: 'Modified Oswestry Disability Index, % (0–100)' },
  psfs: { coding: { system: SYSTEMS.runback, code: 'psfs', display: 'Patient-Specific Functional Scale, mean 0–10' }, text: 'Patient-Specific Functional Scale (PSFS), mean 0–10' },
  rmdq: { coding: { system: SYSTEMS.runback, code: 'rmdq', display: 'Roland-Morris Disability Questionnaire, 0–24' }, text: 'Roland-Morris Disability Questionnaire, 0–24' },
  'start-back': { coding: { system: SYSTEMS.runback, code: 'start-back', display: 'Keele STarT Back total, 0–9' }, text: 'Keele STarT Back Screening Tool, total 0–9' },
};

function outcomeQuantity(instrument: OutcomeRecordsTable['instrument'], score: number) {
  const value = Math.round(score * 10) / 10;
  return instrument === 'odi' || instrument === 'modified-odi' ? quantity(value, '%', '%') : quantity(value, 'score', '{score}');
}

export function outcomeObservation(record: Selectable<OutcomeRecordsTable> & { score: number }, patient: string, encounter?: string): Observation {
  const code = OUTCOME_CODES[record.instrument];
  return {
    resourceType: 'Observation',
    meta: { profile: [`${US_CORE}us-core-observation-screening-assessment`] },
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' }] }],
    code: { coding: [code.coding], text: code.text },
    subject: ref(patient),
    ...(encounter ? { encounter: ref(encounter) } : {}),
    effectiveDateTime: record.completedOn,
    // R4 has no decimal value: a fractional score (an ODI of 13/45 answered sections, a PSFS mean) is
    // a Quantity, to one decimal — the database keeps it exact.
    ...(Number.isInteger(record.score) ? { valueInteger: record.score } : { valueQuantity: outcomeQuantity(record.instrument, record.score) }),
  };
}
