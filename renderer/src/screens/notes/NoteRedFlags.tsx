import { useState } from 'react';
import type { ScreenEntry } from '../../../../shared/clinical/redFlags';
import { call } from '../../api/client';
import { Banner } from '../../components/Banner';
import { SavedScreen } from '../redflags/RedFlagOutcome';
import { RedFlagScreenForm } from '../redflags/RedFlagScreenForm';
import { useRedFlags } from '../redflags/RedFlagsProvider';

/**
 * The red-flag screen in the subjective of an evaluation or a progress note (issue #10: the same
 * screen as at plan start and the weekly check-in). Saved on its own, dated the visit; an urgent
 * sign opens the alert the therapist acknowledges (RedFlagsProvider). Read-only once signed.
 */
export function NoteRedFlags({ noteId, editable }: { noteId: number; editable: boolean }) {
  const { screens, clinic, error, saved } = useRedFlags();
  const [correcting, setCorrecting] = useState(false);
  const screen = screens?.find((s) => s.noteId === noteId && s.replacedById === null) ?? null;
  const save = async (entry: ScreenEntry) => {
    const result = await call('notes.redFlagScreen', { noteId, entry, replacesId: correcting && screen ? screen.id : null });
    saved(result.screen);
    setCorrecting(false);
  };
  return (
    <section className="note-redflags" aria-labelledby={`note-rf-${noteId}`}>
      <h3 id={`note-rf-${noteId}`}>Red-flag screen</h3>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {!screens && !error ? <p className="muted">Opening the screen…</p> : null}
      {screen && clinic && !correcting ? (
        <>
          <SavedScreen screen={screen} clinic={clinic} />
          {editable ? (
            <button type="button" className="button button-small button-quiet" onClick={() => setCorrecting(true)}>
              Correct the answers…
            </button>
          ) : null}
        </>
      ) : null}
      {screens && !screen && !editable ? <p className="muted">No red-flag screen was recorded with this note.</p> : null}
      {screens && editable && (!screen || correcting) ? (
        <>
          {correcting ? <p className="field-hint">The corrected answers replace the earlier ones; both are kept in the patient’s record.</p> : null}
          <RedFlagScreenForm key={correcting ? `fix-${screen?.id}` : 'new'} initial={correcting ? screen : null} lead="Since the symptoms began (or the last report), has the patient had…" saveLabel={correcting ? 'Save the corrected screen' : 'Save the screen'} onSave={save} />
          {correcting ? (
            <button type="button" className="button button-small button-quiet" onClick={() => setCorrecting(false)}>
              Keep the earlier answers
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
