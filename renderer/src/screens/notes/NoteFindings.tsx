import { useQuery } from '../../api/hooks';

/**
 * The reassessments and questionnaires recorded with this visit (linked on the Reassessment tab),
 * one line each. They are records of their own: a correction there shows here.
 */
export function NoteFindings({ noteId }: { noteId: number }) {
  const query = useQuery('reassessments.forNote', { noteId });
  const findings = query.data?.findings ?? [];
  if (!findings.length) return null;
  return (
    <section className="note-read-section note-findings" aria-labelledby={`note-findings-${noteId}`}>
      <h3 id={`note-findings-${noteId}`}>Reassessments and questionnaires linked to this visit</h3>
      <ul>
        {findings.map((f) => (
          <li key={`${f.kind}-${f.id}`}>{f.text}</li>
        ))}
      </ul>
    </section>
  );
}
