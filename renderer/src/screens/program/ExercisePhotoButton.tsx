import { useRef, useState, type FormEvent } from 'react';
import { MAX_EXERCISE_PHOTO_BYTES } from '../../../../shared/program/exercise-photo';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { useConfirm } from '../../components/ConfirmDialog';
import { toBase64 } from '../../components/download';
import { FormDialog } from '../../components/FormDialog';
import './exercise-photo.css';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const LIMIT = `${MAX_EXERCISE_PHOTO_BYTES / 1024 / 1024} MB`;

interface ExercisePhotoButtonProps {
  patientId: number;
  exerciseKey: string;
  /** The exercise's name, for the dialog's title. */
  exerciseTitle: string;
}

/** The current photo, shown from its bytes (the page's policy allows data: images). */
function CurrentPhoto({ id, alt }: { id: number; alt: string }) {
  const photo = useQuery('exercisePhotos.get', { id });
  if (photo.error) return <p className="field-error">{messageOf(photo.error)}</p>;
  if (!photo.data) return <p className="muted">Loading the photo…</p>;
  return <img className="exercise-photo-preview" src={`data:${photo.data.photo.mimeType};base64,${photo.data.base64}`} alt={alt} />;
}

/**
 * A patient's own photo of one exercise, printed in place of the drawing: the button says whether
 * there is one; its dialog shows it and attaches, replaces or takes it out.
 */
export function ExercisePhotoButton({ patientId, exerciseKey, exerciseTitle }: ExercisePhotoButtonProps) {
  const f = useFormat();
  const confirm = useConfirm();
  const list = useQuery('exercisePhotos.list', { patientId });
  const current = list.data?.photos.find((p) => p.exerciseKey === exerciseKey) ?? null;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const close = () => {
    setOpen(false);
    setChosen(null);
    setProblem(null);
  };
  /** One change to the photos, then the list again and the dialog closed; a refusal stays in the dialog. */
  const change = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      list.refetch();
      close();
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setProblem('Choose a photo first (PNG or JPEG).');
    if (chosen.size > MAX_EXERCISE_PHOTO_BYTES) return setProblem(`${chosen.name} is ${megabytes(chosen.size)}: exercise photos may be at most ${LIMIT}. Save a smaller copy of the photo and try again.`);
    await change(async () => call('exercisePhotos.upload', { patientId, exerciseKey, fileName: chosen.name, base64: toBase64(await chosen.arrayBuffer()) }));
  };
  const remove = async () => {
    if (!current) return;
    const ok = await confirm({ title: 'Take this photo out?', message: 'The drawing prints in its place again. Handouts already printed with the photo keep it.', confirmLabel: 'Take the photo out', cancelLabel: 'Keep it', tone: 'danger' });
    if (ok) await change(() => call('exercisePhotos.remove', { id: current.id }));
  };

  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}
        disabled={!list.data}
        aria-label={current ? `Photo ✓ of ${exerciseTitle}: change or take it out` : `Add photo of the patient doing ${exerciseTitle}`}
        title={current ? 'This exercise prints with the patient’s photo' : 'Print the patient’s own photo in place of the drawing'}>
        {current ? 'Photo ✓' : 'Add photo'}
      </button>
      {open && (
        <FormDialog
          open
          size="narrow"
          title={`Photo: ${exerciseTitle}`}
          onSubmit={upload}
          submitLabel={busy ? 'Saving…' : current ? 'Replace photo' : 'Attach photo'}
          submitting={busy}
          dirty={chosen !== null}
          onClose={close}
          problem={problem}
          discard={{ title: 'Close without attaching the photo?', message: 'The photo you chose is not attached yet.', confirmLabel: 'Close without attaching' }}
          extraActions={
            current ? (
              <button type="button" className="button button-danger" onClick={() => void remove()} disabled={busy}>
                Take photo out
              </button>
            ) : undefined
          }
        >
          {current ? (
            <figure className="exercise-photo-current">
              <CurrentPhoto id={current.id} alt={`The patient doing ${exerciseTitle}`} />
              <figcaption className="muted">
                Printed in place of the drawing · added {f.instantDate(current.uploadedAt)} by {current.uploadedBy}
              </figcaption>
            </figure>
          ) : (
            <p className="muted">No photo: the handout prints the drawing. A photo of the patient doing the exercise prints in its place.</p>
          )}
          <label className="field">
            <span className="field-label">{current ? 'New photo' : 'Photo'}</span>
            <input ref={input} type="file" accept="image/png,image/jpeg" onChange={(e) => setChosen(e.target.files?.[0] ?? null)} />
            <span className="field-hint">PNG or JPEG, up to {LIMIT}. Stored in the clinic’s data folder.</span>
          </label>
        </FormDialog>
      )}
    </>
  );
}
