import { useEffect } from 'react';
import { useAuth } from '../../api/session';
import { useRouter } from '../../app/router';
import { paths, type SettingsSection } from '../../app/routes';
import { ClinicSettings } from './ClinicSettings';
import { UsersSettings } from './UsersSettings';
import { ScheduleSettings } from './ScheduleSettings';
import { ClinicPolicySettings } from './ClinicPolicySettings';
import { AuditLogSettings } from './AuditLogSettings';
import { BackupSettings } from './BackupSettings';
import { FeesSettings } from '../billing/FeesSettings';

const SECTIONS: { id: SettingsSection; label: string; adminOnly: boolean }[] = [
  { id: 'clinic', label: 'Clinic', adminOnly: false },
  { id: 'users', label: 'Users', adminOnly: true },
  { id: 'schedule', label: 'Schedule', adminOnly: true },
  { id: 'policy', label: 'Clinic policy', adminOnly: false },
  { id: 'fees', label: 'Fees', adminOnly: false },
  { id: 'audit', label: 'Audit log', adminOnly: true },
  { id: 'backups', label: 'Backups', adminOnly: true },
];

export function SettingsScreen({ section }: { section: SettingsSection }) {
  const auth = useAuth();
  const isAdmin = auth.phase === 'signedIn' && auth.user.role === 'admin';
  const visible = SECTIONS.filter((s) => isAdmin || !s.adminOnly);
  const allowed = visible.some((s) => s.id === section);
  const { navigate } = useRouter();

  // A section this role may not use is simply not there.
  useEffect(() => {
    if (!allowed) void navigate(paths.settings('clinic'), { replace: true, force: true });
  }, [allowed, navigate]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <nav aria-label="Settings sections">
        <ul className="tabs">
          {visible.map((s) => (
            <li key={s.id}>
              <a className="tab" href={`#${paths.settings(s.id)}`} aria-current={s.id === section ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {allowed && section === 'clinic' && <ClinicSettings canEdit={isAdmin} />}
      {allowed && section === 'users' && <UsersSettings />}
      {allowed && section === 'schedule' && <ScheduleSettings />}
      {allowed && section === 'policy' && <ClinicPolicySettings canEdit={isAdmin} />}
      {allowed && section === 'audit' && <AuditLogSettings />}
      {allowed && section === 'backups' && <BackupSettings />}
      {allowed && section === 'fees' && <FeesSettings canEdit={isAdmin} />}
    </div>
  );
}
