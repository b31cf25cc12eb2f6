import type { ProgramSuggestionView } from '../../../../shared/api/programs';
import { doseWords } from './draft';

/** What the mobility gates call for after the latest reassessment: one click adds it with its reason. */
export function SuggestionsPanel({ suggestions, inProgram, onAdd, readOnly }: { suggestions: readonly ProgramSuggestionView[] | undefined; inProgram: ReadonlySet<string>; onAdd: (s: ProgramSuggestionView) => void; readOnly: boolean }) {
  return (
    <section className="program-panel program-suggestions" aria-labelledby="program-suggestions-title">
      <h3 id="program-suggestions-title">Suggested by the reassessment</h3>
      {suggestions === undefined ? (
        <p className="muted">Reading the latest reassessment…</p>
      ) : suggestions.length === 0 ? (
        <p className="muted">No mobility gate holds at the latest reassessment: nothing to suggest.</p>
      ) : (
        <ul className="program-suggestion-list">
          {suggestions.map((s) => {
            const added = inProgram.has(s.exerciseKey);
            return (
              <li key={s.exerciseKey} className="program-suggestion">
                <div className="program-suggestion-head">
                  <span className="program-item-title">{s.title}</span>
                  {added ? (
                    <span className="badge badge-ok">In the program</span>
                  ) : s.archived ? (
                    <span className="badge badge-archived">Archived in the library</span>
                  ) : (
                    <button type="button" className="button button-small" disabled={readOnly} onClick={() => onAdd(s)} aria-label={`Add ${s.title}`}>
                      Add
                    </button>
                  )}
                </div>
                <span className="program-item-dose">{doseWords(s.dosage)}</span>
                <span className="program-item-reason">{s.reason}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
