import { useRef, useState } from 'react';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, ATTACHMENT_TYPE_LABELS, MAX_ATTACHMENT_BYTES, type AttachmentKind } from '../../../../shared/charting/attachment';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useFormat } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { toBase64 } from '../../components/download';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/** Hand the stored document to the browser: it opens in the system's viewer, never inside Runback. */
function saveBlob(name: string, type: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Referral letters, imaging reports and outside notes attached to the patient (PDF, JPEG, PNG). */
export function AttachmentsPanel({ patientId, episodeId }: { patientId: number; episodeId: number | null }) {
  const f = useFormat();
  const list = useQuery('attachments.list', { patientId });
  const [kind, setKind] = useState<AttachmentKind>('referral');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const upload = async () => {
    const f = file.current?.files?.[0];
    if (!f) return setProblem('Choose a file first.');
    if (f.size > MAX_ATTACHMENT_BYTES) return setProblem(`${f.name} is ${megabytes(f.size)}: attachments may be at most ${megabytes(MAX_ATTACHMENT_BYTES)}.`);
    setBusy(true);
    setProblem(null);
    try {
      await call('attachments.add', { patientId, episodeId, kind, title: title.trim() || f.name, fileName: f.name, base64: toBase64(await f.arrayBuffer()) });
      setTitle('');
      if (file.current) file.current.value = '';
      list.refetch();
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const open = async (id: number) => {
    try {
      const r = await call('attachments.get', { id });
      saveBlob(r.attachment.fileName, r.attachment.mimeType, r.base64);
    } catch (e) {
      setProblem(messageOf(e));
    }
  };

  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Documents</h2>
      {problem ? <Banner tone="error">{problem}</Banner> : null}
      {list.data && list.data.attachments.length === 0 ? <p className="muted">No documents attached yet.</p> : null}
      {list.data?.attachments.length ? (
        <ul className="attachment-list">
          {list.data.attachments.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-button" onClick={() => void open(a.id)}>
                {a.title}
              </button>{' '}
              <span className="muted">
                {ATTACHMENT_KIND_LABELS[a.kind]} · {ATTACHMENT_TYPE_LABELS[a.mimeType]}, {megabytes(a.sizeBytes)} · added {f.instantDate(a.uploadedAt)} by {a.uploadedBy}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="attachment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <label>
          What it is{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ATTACHMENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. MRI lumbar spine, Oct 2026" />
        </label>
        <label>
          File <input ref={file} type="file" accept="application/pdf,image/jpeg,image/png" />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Attaching…' : 'Attach'}
        </button>
        <span className="field-hint">PDF, JPEG or PNG, up to {megabytes(MAX_ATTACHMENT_BYTES)}. Stored in the clinic's data folder and never opened by Runback itself.</span>
      </form>
    </section>
  );
}
