import type { Kysely } from 'kysely';
import type { Account } from '../../shared/billing/ledger-schemas';
import { addDays } from '../../shared/clinical/calendar';
import { instantToLocal, localToInstant } from '../../shared/schedule/clinic-time';
import type { Dispatch } from '../api/dispatcher';
import type { DB } from '../db/schema';
import { must } from './demo-api';

interface Ctx {
  dispatch: Dispatch;
  db: Kysely<DB>;
  setNow(date: Date): Promise<void>;
  admin: string;
  desk: string;
  today: string;
  timeZone: string;
  /** The real time the demo is made at: today's payments are taken no later than now. */
  now: Date;
}

export interface DemoLedgerResult {
  charges: number;
  payments: number;
  refunds: number;
  voids: number;
  packages: number;
  /** Patients who still owe something. */
  owing: number;
}

/** The clinic's fees a year back (per 15-minute unit for timed codes), and one raise a fortnight ago. */
const FEES: Record<string, number> = {
  VISIT: 12_000,
  '97161': 14_000,
  '97162': 16_000,
  '97163': 18_000,
  '97164': 11_000,
  '97110': 5_500,
  '97112': 6_000,
  '97140': 6_500,
  '97530': 6_000,
  '97535': 5_500,
  '97750': 6_000,
};

/**
 * The cash desk for the demo visits, through the same API the desk uses: the fee schedule (with a
 * raise two weeks ago: earlier visits keep the old fee), two packages, each signed note charged at
 * its date of service and paid at the desk by card, HSA/FSA card, cash or check — one patient on a
 * six-visit package, one split payment, one overpayment refunded, one bounced check voided by the
 * admin, a visit charged by hand before its note is signed, and a few balances left owing.
 */
const CLOSING = 17 * 60 + 30;

export async function createDemoLedger(c: Ctx): Promise<DemoLedgerResult> {
  const call = <T>(channel: string, input: unknown, session: string, what: string) => must<T>(c.dispatch({ channel, input, sessionToken: session, transport: 'cli' }), what);
  const at = (date: string, minute: number) => c.setNow(new Date(localToInstant(date, minute, c.timeZone)));
  const result: DemoLedgerResult = { charges: 0, payments: 0, refunds: 0, voids: 0, packages: 0, owing: 0 };

  const yearAgo = addDays(c.today, -365);
  await at(yearAgo, 9 * 60);
  for (const [code, feeCents] of Object.entries(FEES)) await call('fees.set', { code, feeCents, effectiveFrom: yearAgo }, c.admin, `fee ${code}`);
  await call('fees.set', { code: '97140', feeCents: 7_000, effectiveFrom: addDays(c.today, -14) }, c.admin, 'fee raise');
  const six = await call<{ id: number }>('packageTypes.save', { name: 'Six-visit package', visits: 6, priceCents: 60_000 }, c.admin, 'package');
  await call('packageTypes.save', { name: 'Ten-visit package', visits: 10, priceCents: 95_000 }, c.admin, 'package');

  const signed = await c.db.selectFrom('notes').select(['patientId']).where('status', '=', 'signed').groupBy('patientId').orderBy('patientId').execute();
  const methods = ['card', 'hsa_fsa', 'card', 'cash', 'check'] as const;
  let packageId: number | null = null;
  for (const [i, { patientId }] of signed.entries()) {
    const first = await call<Account>('ledger.account', { patientId }, c.desk, 'account');
    for (const [j, note] of first.unchargedNotes.entries()) {
      // The desk closes at 5:30 PM; a visit of today is paid by now (a demo made in the morning has no payment in the future).
      await at(note.dateOfService, note.dateOfService === c.today ? Math.min(CLOSING, instantToLocal(c.now, c.timeZone).minute) : CLOSING);
      // The second patient buys a six-visit package at their first visit and pays for it by card.
      if (i === 1 && j === 0) {
        const sold = await call<{ packageId: number; account: Account }>('ledger.sellPackage', { patientId, packageTypeId: six.id, soldOn: note.dateOfService }, c.desk, 'sell package');
        packageId = sold.packageId;
        await call('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method: 'card', amountCents: 60_000, reference: 'Visa 4417' }] }, c.desk, 'package payment');
        result.packages++;
        result.payments++;
      }
      const charged = await call<{ charges: { amountCents: number }[]; account: Account }>('ledger.chargeNote', { noteId: note.noteId, pricing: i % 7 === 3 ? 'visit' : 'codes' }, c.desk, 'charge note');
      result.charges += charged.charges.length;
      const owed = charged.account.owingCents;
      const lastVisit = j === first.unchargedNotes.length - 1;
      if (owed === 0) continue;
      if (i === 1 && packageId !== null && charged.account.packageVisitsLeft > 0) {
        await call('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method: 'package', packageId }] }, c.desk, 'package visit');
      } else if (i % 6 === 4 && lastVisit) {
        result.owing++; // left owing: pays next time
        continue;
      } else if (i === 2 && j === 0) {
        // A split payment: part on the HSA card, the rest in cash.
        await call('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method: 'hsa_fsa', amountCents: 10_000, reference: 'HSA 0921' }, { method: 'cash', amountCents: owed - 10_000 }] }, c.desk, 'split payment');
        result.payments++;
      } else if (i === 3 && j === 0) {
        // Overpaid in cash; the change is refunded the next morning.
        const paid = await call<{ paymentIds: number[] }>('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method: 'cash', amountCents: owed + 2_000 }] }, c.desk, 'overpayment');
        const nextDay = addDays(note.dateOfService, 1) > c.today ? note.dateOfService : addDays(note.dateOfService, 1);
        await at(nextDay, 8 * 60 + 30);
        await call('ledger.refund', { paymentId: paid.paymentIds[0], amountCents: 2_000, refundedOn: nextDay, reason: 'Overpaid in cash: change returned' }, c.desk, 'refund');
        result.refunds++;
      } else if (i === 4 && j === 0) {
        // A check that bounced: the admin voids it and the visit is owed again, then paid by card.
        const paid = await call<{ paymentIds: number[] }>('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method: 'check', amountCents: owed, reference: 'Check 1184' }] }, c.desk, 'check');
        await call('ledger.void', { entity: 'payment', id: paid.paymentIds[0], reason: 'Check returned unpaid by the bank' }, c.admin, 'void check');
        await call('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method: 'card', amountCents: owed, reference: 'Mastercard 5521' }] }, c.desk, 'card after check');
        result.voids++;
        result.payments += 2;
      } else {
        const method = methods[(i + j) % methods.length]!;
        await call('ledger.takePayment', { patientId, receivedOn: note.dateOfService, parts: [{ method, amountCents: owed, reference: method === 'check' ? `Check ${1000 + i * 10 + j}` : null }] }, c.desk, 'payment');
      }
      result.payments++;
    }
  }
  // A visit whose note is still a draft is charged by hand at the self-pay visit fee, marked so.
  const draft = await c.db.selectFrom('notes').select(['patientId', 'dateOfService']).where('status', '=', 'draft').where('dateOfService', '<=', c.today).orderBy('dateOfService').executeTakeFirst();
  if (draft) {
    await at(draft.dateOfService, 17 * 60 + 45);
    await call('ledger.chargeManual', { patientId: draft.patientId, dateOfService: draft.dateOfService, code: 'VISIT', description: 'Visit (note not yet signed)' }, c.desk, 'manual charge');
    result.charges++;
    result.owing++;
  }
  return result;
}
