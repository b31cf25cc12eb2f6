import type { Bundle, FhirResource } from 'fhir/r4';
import { billedSchema } from '../../shared/charting/billing-lines';
import type { Diagnosis } from '../../shared/charting/episode';
import type { NoteContent } from '../../shared/charting/note-content';
import type { HandlerContext } from '../api/context';
import { renderNotePdf } from '../api/handlers/note-pdf';
import { parseContent } from '../api/handlers/note-rows';
import { conditionResource, documentReference, encounterResource, fullUrl, outcomeObservation, painObservation, patientResource, procedureResources, runObservation, type EncounterFacts } from './fhir-resources';

export interface FhirExport {
  bundle: Bundle;
  counts: Record<string, number>;
}

const PAIN_FIELDS: [keyof NoteContent['subjective'], string][] = [
  ['painNow', 'Pain now'],
  ['painBest', 'Best pain since the last visit'],
  ['painWorst', 'Worst pain since the last visit'],
];

/**
 * One patient's record as a FHIR R4 collection Bundle: the Patient; per episode its diagnoses as
 * Conditions; per signed note an Encounter, its pain scores as Observations, its billed lines as
 * Procedures and the note itself as a PDF DocumentReference; each logged run as an Observation.
 * Drafts and discarded notes are not the record and are left out. Each outcome questionnaire's
 * score (the current record: a corrected one is left for its correction) is an Observation, tied to
 * the visit's Encounter when it was filled in at a signed note.
 */
export async function patientBundle(ctx: Pick<HandlerContext, 'db' | 'now' | 'user'>, patientId: number): Promise<FhirExport> {
  const { db } = ctx;
  const clinic = await db.selectFrom('clinic').select(['name', 'createdAt']).executeTakeFirstOrThrow();
  const key = `${clinic.name}/${clinic.createdAt}`;
  const p = await db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirstOrThrow();
  const patientUrl = fullUrl(key, 'patient', p.id);
  const entries: { fullUrl: string; resource: FhirResource }[] = [{ fullUrl: patientUrl, resource: patientResource(p) }];

  const episodes = await db.selectFrom('episodes').selectAll().where('patientId', '=', p.id).orderBy('startDate').orderBy('id').execute();
  const conditionsOf = new Map<number, string[]>();
  for (const episode of episodes) {
    const diagnoses = JSON.parse(episode.diagnosesJson) as Diagnosis[];
    const urls = diagnoses.map((d) => {
      const url = fullUrl(key, `episode-${episode.id}-diagnosis`, d.code);
      entries.push({ fullUrl: url, resource: conditionResource(episode, d, patientUrl) });
      return url;
    });
    conditionsOf.set(episode.id, urls);
  }

  const notes = await db
    .selectFrom('notes')
    .innerJoin('users', 'users.id', 'notes.authorId')
    .selectAll('notes')
    .select('users.displayName as therapist')
    .where('notes.patientId', '=', p.id)
    .where('notes.status', '=', 'signed')
    .orderBy('notes.dateOfService')
    .orderBy('notes.id')
    .execute();
  const encounterOf = new Map<number, string>();
  for (const { therapist, ...note } of notes) {
    const e: EncounterFacts = { url: fullUrl(key, 'note', note.id), noteType: note.noteType, dateOfService: note.dateOfService, therapist };
    encounterOf.set(note.id, e.url);
    entries.push({ fullUrl: e.url, resource: encounterResource(e, patientUrl, conditionsOf.get(note.episodeId) ?? []) });
    const subjective = parseContent(note.contentJson).subjective;
    for (const [field, label] of PAIN_FIELDS) {
      const score = subjective[field];
      if (typeof score === 'number') entries.push({ fullUrl: fullUrl(key, `note-${note.id}-pain`, field), resource: painObservation(score, note.dateOfService, patientUrl, label, e.url) });
    }
    if (note.billedJson) {
      procedureResources(billedSchema.parse(JSON.parse(note.billedJson)), e, patientUrl).forEach((resource, i) => entries.push({ fullUrl: fullUrl(key, `note-${note.id}-line`, i), resource }));
    }
    const { filename, pdf } = await renderNotePdf(ctx, note);
    const doc = { e, signedAt: note.signedAt ?? note.updatedAt, signedBy: note.signedByName ?? therapist, contentHash: note.contentHash ?? '', filename, pdf };
    entries.push({ fullUrl: fullUrl(key, 'note-document', note.id), resource: documentReference(doc, patientUrl) });
  }

  const outcomes = await db
    .selectFrom('outcomeRecords as o')
    .selectAll('o')
    .where('o.patientId', '=', p.id)
    .where('o.score', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('outcomeRecords as c').select('c.id').whereRef('c.replacesId', '=', 'o.id'))))
    .orderBy('o.completedOn')
    .orderBy('o.id')
    .execute();
  for (const o of outcomes) {
    if (o.score === null) continue;
    const encounter = o.noteId === null ? undefined : encounterOf.get(o.noteId);
    entries.push({ fullUrl: fullUrl(key, 'outcome', o.id), resource: outcomeObservation({ ...o, score: o.score }, patientUrl, encounter) });
  }

  const runs = await db.selectFrom('runs').selectAll().where('patientId', '=', p.id).where('deletedAt', 'is', null).orderBy('date').orderBy('id').execute();
  for (const run of runs) entries.push({ fullUrl: fullUrl(key, 'run', run.id), resource: runObservation(run, patientUrl) });

  const counts: Record<string, number> = {};
  for (const { resource } of entries) counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  return {
    bundle: { resourceType: 'Bundle', type: 'collection', timestamp: ctx.now.toISOString(), entry: entries },
    counts,
  };
}
