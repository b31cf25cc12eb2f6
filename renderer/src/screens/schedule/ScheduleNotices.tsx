import { Banner } from '../../components/Banner';
import { LoadFailed } from '../../components/LoadState';
import { ConflictList } from './ConflictList';
import type { Notice, Refusal } from './useMoves';

interface NoticesProps {
  loadError: { message: string } | null;
  onRetry: () => void;
  refusal: Refusal | null;
  notice: Notice | null;
  date: string;
  onDismissRefusal: () => void;
  onDismissNotice: () => void;
  onShow: (date: string) => void;
}

/** What just happened on the schedule: a load that failed, a refused move with its reasons, a change made (with Show and Undo). */
export function ScheduleNotices({ loadError, onRetry, refusal, notice, date, onDismissRefusal, onDismissNotice, onShow }: NoticesProps) {
  if (!loadError && !refusal && !notice) return null;
  return (
    <div className="sched-messages">
      {loadError && <LoadFailed error={loadError} onRetry={onRetry} />}
      {refusal && (
        <ConflictList
          title={refusal.title}
          reasons={refusal.reasons}
          actions={
            <>
              {refusal.edit && (
                <button type="button" className="button button-small" onClick={refusal.edit}>
                  Change it in the form…
                </button>
              )}
              <button type="button" className="button button-small button-quiet" onClick={onDismissRefusal}>
                Dismiss
              </button>
            </>
          }
        />
      )}
      {notice && (
        <Banner
          tone="success"
          actions={
            <>
              {notice.show && notice.show !== date && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    onShow(notice.show!);
                    onDismissNotice();
                  }}
                >
                  Show
                </button>
              )}
              {notice.undo && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    notice.undo?.();
                    onDismissNotice();
                  }}
                >
                  Undo
                </button>
              )}
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismissNotice}>
                <span aria-hidden="true">×</span>
              </button>
            </>
          }
        >
          {notice.text}
        </Banner>
      )}
    </div>
  );
}
