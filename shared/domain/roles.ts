export const ROLES = ['admin', 'therapist', 'front_desk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  therapist: 'Therapist',
  front_desk: 'Front desk',
};
