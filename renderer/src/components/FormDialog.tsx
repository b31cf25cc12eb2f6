import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useLeaveGuard } from '../app/router';
import { Banner } from './Banner';
import { useConfirm } from './ConfirmDialog';
import { Dialog } from './Dialog';

export interface FormDialogProps {
  open: boolean;
  title: string;
  /** The form's submit handler (react-hook-form's handleSubmit(...) or a plain one). */
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  submitLabel: ReactNode;
  /** True while saving: the button waits. */
  submitting?: boolean;
  /** Unsaved changes: closing (Esc, ×, Cancel) and leaving the screen ask first. */
  dirty?: boolean;
  /** Called once closing is settled (nothing typed, or the person chose to discard it). */
  onClose: () => void;
  /** What did not land next to a field (the server's words): shown at the top and scrolled into view. */
  problem?: ReactNode;
  /** The question before throwing typed work away. */
  discard?: { title: string; message?: string; confirmLabel?: string };
  cancelLabel?: string;
  /** More buttons beside Cancel and the submit button (e.g. "Book anyway"). */
  extraActions?: ReactNode;
  /** A short status at the left of the actions ("Unsaved changes", "6 of 8 fit"). */
  status?: ReactNode;
  size?: 'narrow' | 'wide';
  className?: string;
  /** The form's name for screen readers (default: the title). */
  formLabel?: string;
  submitDanger?: boolean;
  children: ReactNode;
}

/**
 * The shell of every add and edit dialog: title, the fields, the server's message at the top (in
 * view), the actions always on screen at the bottom (only the fields scroll), Ctrl+S or Ctrl+Enter
 * to save, and a question before unsaved work is thrown away — by Esc, ×, Cancel or leaving the
 * screen. The fields and their validation are the caller's (react-hook-form + Field).
 */
export function FormDialog(props: FormDialogProps) {
  const { open, dirty = false, onClose } = props;
  const formId = useId();
  const confirm = useConfirm();
  const problemRef = useRef<HTMLDivElement>(null);
  useLeaveGuard(open && dirty);

  const requestClose = async () => {
    if (dirty) {
      const d = props.discard ?? { title: 'Close without saving?' };
      const ok = await confirm({ title: d.title, message: d.message ?? 'What you entered in this form will be lost.', confirmLabel: d.confirmLabel ?? 'Close without saving', cancelLabel: 'Keep editing', tone: 'danger' });
      if (!ok) return;
    }
    onClose();
  };

  // A new message appears where the person is looking.
  const hasProblem = Boolean(props.problem);
  useEffect(() => {
    if (hasProblem) problemRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [hasProblem, props.problem]);

  return (
    <Dialog
      open={open}
      onClose={() => void requestClose()}
      title={props.title}
      size={props.size ?? 'wide'}
      className={`form-dialog${props.className ? ` ${props.className}` : ''}`}
      footer={
        <div className="dialog-actions">
          {props.status !== undefined && <span className="form-dialog-status">{props.status}</span>}
          <span className="spacer" />
          {props.extraActions}
          <button type="button" className="button" onClick={() => void requestClose()}>
            {props.cancelLabel ?? 'Cancel'}
          </button>
          <button type="submit" form={formId} className={`button ${props.submitDanger ? 'button-danger' : 'button-primary'}`} disabled={props.submitting} title="Save (Ctrl+S)" aria-keyshortcuts="Control+S">
            {props.submitLabel}
          </button>
        </div>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => void props.onSubmit(event)}
        noValidate
        aria-label={props.formLabel ?? props.title}
        onKeyDown={(event) => {
          const key = event.key.toLowerCase();
          if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === 's' || key === 'enter')) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        <div ref={problemRef} className="form-dialog-problem">
          {props.problem ? <Banner tone="error">{props.problem}</Banner> : null}
        </div>
        {props.children}
      </form>
    </Dialog>
  );
}
