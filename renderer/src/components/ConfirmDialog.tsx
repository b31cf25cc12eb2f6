import { createContext, useCallback, useContext, useId, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'danger' | 'normal';
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/** One confirmation dialog for the whole signed-in app: `await confirm({...})` → true or false. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const messageId = useId();

  const confirm = useCallback<Confirm>((options) => {
    resolver.current?.(false);
    setRequest(options);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const finish = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setRequest(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog open={request !== null} onClose={() => finish(false)} title={request?.title ?? ''} describedBy={messageId}>
        {request && (
          <>
            <div id={messageId} className="dialog-message">
              {request.message}
            </div>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => finish(false)} autoFocus data-autofocus>
                {request.cancelLabel ?? 'Cancel'}
              </button>
              <button type="button" className={`button ${request.tone === 'danger' ? 'button-danger' : 'button-primary'}`} onClick={() => finish(true)}>
                {request.confirmLabel}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm outside ConfirmProvider');
  return confirm;
}
