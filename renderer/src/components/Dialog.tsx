import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useAuth } from '../api/session';
import './Dialog.css';

interface DialogProps {
  open: boolean;
  /** Esc, the Close button, or the backdrop form's cancel all call this. */
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Narrow (confirmations) or wide (forms). */
  size?: 'narrow' | 'wide';
  /** Described-by text id, for confirmations whose question is the body. */
  describedBy?: string;
  /** An extra class for one dialog's own layout (width, body). */
  className?: string;
  /** Stays at the bottom while the body scrolls (a form's actions: always visible). */
  footer?: ReactNode;
}

/**
 * A modal on the native <dialog>: focus moves in (to the [data-autofocus] element or the first field),
 * Tab stays inside, Esc closes, and focus returns to what opened it. While the screen is locked the
 * dialog steps out of the top layer (so the lock screen is usable) and comes back on unlock.
 */
export function Dialog({ open, onClose, title, children, size = 'narrow', describedBy, className, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const auth = useAuth();
  const locked = auth.phase === 'signedIn' && auth.locked;
  const show = open && !locked;
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (show && !dialog.open) {
      if (!locked) opener.current = document.activeElement;
      dialog.showModal();
      // React focuses autoFocus elements before the dialog is shown (and writes no autofocus
      // attribute), so choose here: the element marked data-autofocus, else the first field.
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.dialog-body :is(input, select, textarea, button):not([disabled]):not([type="hidden"])');
      first?.focus();
    } else if (!show && dialog.open) {
      dialog.close();
      if (!open && opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [show, open, locked]);

  // Unmounting while open (the screen went away): still give focus back.
  useEffect(
    () => () => {
      if (opener.current instanceof HTMLElement && document.contains(opener.current)) opener.current.focus();
    },
    [],
  );

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <div className="dialog-footer">{footer}</div>}
        </>
      )}
    </dialog>
  );
}
