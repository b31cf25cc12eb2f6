import type { ReactNode } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { paths, type Route } from './routes';

export interface NavItem {
  id: string;
  label: string;
  href: string;
  /** Who sees the entry at all (what a role may not use is simply not there). */
  roles: 'all' | readonly Role[];
  isActive: (route: Route) => boolean;
  icon: ReactNode;
}

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);

/**
 * The left navigation, top to bottom. Only screens that exist are listed. Later issues add Reports
 * after Today — add the route in routes.ts and an entry here.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'schedule',
    label: 'Schedule',
    href: `#${paths.schedule()}`,
    roles: 'all',
    isActive: (r) => r.name === 'schedule',
    icon: icon('M7 3v3M17 3v3M4 8.5h16M5.5 5h13A1.5 1.5 0 0 1 20 6.5v12a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5v-12A1.5 1.5 0 0 1 5.5 5M8 12.5h2M14 12.5h2M8 16h2'),
  },
  {
    id: 'patients',
    label: 'Patients',
    href: `#${paths.patients()}`,
    roles: 'all',
    isActive: (r) => r.name === 'patients' || r.name === 'patient' || r.name === 'patientNew',
    icon: icon('M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20M10 11.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7M20 20v-1.5a3.5 3.5 0 0 0-2.5-3.35M15.5 4.65a3.5 3.5 0 0 1 0 6.7'),
  },
  {
    id: 'today',
    label: 'Today',
    href: `#${paths.today()}`,
    roles: ['therapist', 'admin'],
    isActive: (r) => r.name === 'today',
    icon: icon('M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18'),
  },
  {
    id: 'end-of-day',
    label: 'End of day',
    href: `#${paths.endOfDay()}`,
    roles: ['front_desk', 'admin'],
    isActive: (r) => r.name === 'endOfDay',
    icon: icon('M4 7h16v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1zM4 7l2-3h12l2 3M9 12h6M12 10v5'),
  },
  {
    id: 'exercises',
    label: 'Exercises',
    href: `#${paths.exercises()}`,
    roles: ['therapist', 'admin'],
    isActive: (r) => r.name === 'exercises',
    icon: icon('M4 10v4M20 10v4M7 7v10M17 7v10M7 12h10'),
  },
  {
    id: 'settings',
    label: 'Settings',
    href: `#${paths.settings()}`,
    roles: 'all',
    isActive: (r) => r.name === 'settings',
    icon: icon('M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1'),
  },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}
