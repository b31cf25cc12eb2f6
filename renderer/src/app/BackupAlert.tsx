import { useQuery } from '../api/hooks';
import { Banner } from '../components/Banner';
import { useFormat } from './clinic';
import { useRouter } from './router';
import { paths } from './routes';

/**
 * For admins, on every screen: a warning when no backup has succeeded for days (the clinic's
 * record is then one dead disk away from gone). Shown nowhere else, and not on the Backups tab,
 * which says it itself.
 */
export function BackupAlert() {
  const f = useFormat();
  const { route } = useRouter();
  const { data } = useQuery('backups.alert', {});
  if (!data?.overdue || (route.name === 'settings' && route.section === 'backups')) return null;
  return (
    <div className="frame-alert">
      <Banner
        tone="warning"
        actions={
          <a className="button button-small" href={`#${paths.settings('backups')}`}>
            Open backups
          </a>
        }
      >
        <strong>No backup has succeeded for more than {data.warnAfterDays} days</strong>
        {data.lastGoodAt ? ` (the last good one was ${f.instant(data.lastGoodAt)})` : ''}.{data.lastError ? ` The last attempt failed: ${data.lastError}` : ''}
      </Banner>
    </div>
  );
}
