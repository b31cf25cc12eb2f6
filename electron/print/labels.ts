import type { PrintClinic } from '../../shared/superbill/documents';

// Plain text the handlers need before (or without) printing: kept apart from the documents, which
// load react-pdf and the bundled font.

/** The clinic's address on one line: "1 Main St · Suite 2 · Austin, TX 78701". */
export function clinicAddress(c: Pick<PrintClinic, 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode'>): string {
  return [c.addressLine1, c.addressLine2, `${c.city}, ${c.region} ${c.postalCode}`].filter(Boolean).join(' · ');
}

export const receiptNumber = (id: number) => `R-${String(id).padStart(6, '0')}`;
