import { base, de, en, en_US, es_MX, Faker, fr, vi } from '@faker-js/faker';
import { formatMrn } from '../../shared/domain/identifiers';
import type { PatientFields } from '../../shared/domain/patient';
import { REFERRAL_SOURCES } from '../../shared/domain/patient';
import { digitsOnly, foldForSearch } from '../../shared/util/text';
import type { PatientsTable } from '../db/schema';
import type { Insertable } from 'kysely';

const INSURERS = ['Aetna', 'Blue Cross Blue Shield', 'Cigna', 'UnitedHealthcare', 'Humana', 'Kaiser Permanente', 'Anthem', 'Oscar Health'];

export interface DemoPatientOptions {
  count: number;
  seed: number;
  /** YYYY-MM-DD: ages and registration dates count back from here. */
  today: string;
}

/**
 * Plausible patients for a running-focused back-pain clinic: mostly 22–60, some older (Medicare
 * beneficiaries from 65), a mix of name origins (accents included, so accent-insensitive search
 * can be tried), US phones, addresses and out-of-network insurers. Same seed → same patients.
 */
export function* demoPatients(options: DemoPatientOptions): Generator<Insertable<PatientsTable>> {
  const mk = (locale: (typeof en_US)[], offset: number) => {
    const f = new Faker({ locale: [...locale, en, base] });
    f.seed(options.seed * 7919 + offset);
    return f;
  };
  const main = mk([en_US], 0);
  const origins = [mk([es_MX], 1), mk([fr], 2), mk([de], 3), mk([vi], 4)];
  // Its own stream, so the handout language leaves every other demo draw (and the patients tests find) as it was.
  const languages = mk([en_US], 5);
  const todayMs = Date.parse(`${options.today}T12:00:00Z`);
  const todayYear = Number(options.today.slice(0, 4));

  for (let i = 1; i <= options.count; i++) {
    const roll = main.number.float({ min: 0, max: 1 });
    const namer = roll < 0.72 ? main : origins[Math.floor((roll - 0.72) / 0.07)] ?? main;
    const sex = main.helpers.weightedArrayElement([
      { value: 'female' as const, weight: 52 },
      { value: 'male' as const, weight: 46 },
      { value: 'intersex' as const, weight: 1 },
      { value: 'unknown' as const, weight: 1 },
    ]);
    const fakerSex = sex === 'male' ? 'male' : 'female';
    const first = namer.person.firstName(fakerSex);
    const last = namer.person.lastName();
    const age = main.helpers.weightedArrayElement([
      { value: main.number.int({ min: 18, max: 29 }), weight: 18 },
      { value: main.number.int({ min: 30, max: 49 }), weight: 50 },
      { value: main.number.int({ min: 50, max: 64 }), weight: 24 },
      { value: main.number.int({ min: 65, max: 82 }), weight: 8 },
    ]);
    const birthYear = todayYear - age - 1;
    const dob = `${birthYear}-${String(main.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(main.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
    const phone = `(${main.helpers.arrayElement(['312', '773', '872', '630', '847', '708'])}) ${main.string.numeric({ length: 3, allowLeadingZeros: false })}-${main.string.numeric(4)}`;
    const hasInsurer = main.number.float({ min: 0, max: 1 }) < 0.8;
    const medicare = age >= 65 && main.number.float({ min: 0, max: 1 }) < 0.9;
    const preferred = main.number.float({ min: 0, max: 1 }) < 0.12 ? first.slice(0, Math.max(2, Math.min(4, first.length - 1))) : null;
    const fields: PatientFields = {
      legalFirstName: first,
      legalLastName: last,
      preferredName: preferred,
      dateOfBirth: dob,
      sex,
      phone,
      email: main.number.float({ min: 0, max: 1 }) < 0.9 ? main.internet.email({ firstName: foldForSearch(first), lastName: foldForSearch(last) }).toLowerCase() : null,
      addressLine1: main.location.streetAddress(),
      addressLine2: main.number.float({ min: 0, max: 1 }) < 0.15 ? main.location.secondaryAddress() : null,
      city: main.helpers.arrayElement(['Chicago', 'Evanston', 'Oak Park', 'Skokie', 'Naperville', 'Cicero', 'Berwyn']),
      region: 'IL',
      postalCode: main.location.zipCode('606##'),
      emergencyContactName: main.number.float({ min: 0, max: 1 }) < 0.85 ? `${main.person.firstName()} ${last}` : null,
      emergencyContactPhone: null,
      emergencyContactRelationship: null,
      referralSource: main.helpers.arrayElement(REFERRAL_SOURCES),
      referralDetail: null,
      insurerName: medicare ? 'Medicare' : hasInsurer ? main.helpers.arrayElement(INSURERS) : null,
      insurerMemberId: medicare ? `${main.string.numeric(1)}${main.string.alpha({ length: 2, casing: 'upper' })}${main.string.numeric(1)}-${main.string.alphanumeric({ length: 3, casing: 'upper' })}-${main.string.numeric(4)}` : hasInsurer ? main.string.alphanumeric({ length: 10, casing: 'upper' }) : null,
      insurerGroupId: hasInsurer && !medicare ? main.string.numeric(6) : null,
      medicareBeneficiary: medicare,
      // About 1 in 8 read Spanish: most patients with Mexican-Spanish names, and a few others.
      language: languages.number.float({ min: 0, max: 1 }) < (namer === origins[0] ? 0.75 : 0.07) ? 'es' : 'en',
      notes: main.number.float({ min: 0, max: 1 }) < 0.2 ? main.helpers.arrayElement(['Prefers morning appointments.', 'Training for a half marathon in the spring.', 'Runs with a club on Saturdays.', 'Works night shifts — text, do not call.', 'Previous L4/5 disc bulge (2022).']) : null,
    };
    if (fields.emergencyContactName) {
      fields.emergencyContactPhone = `(${main.helpers.arrayElement(['312', '773'])}) ${main.string.numeric({ length: 3, allowLeadingZeros: false })}-${main.string.numeric(4)}`;
      fields.emergencyContactRelationship = main.helpers.arrayElement(['Spouse', 'Partner', 'Parent', 'Sibling', 'Friend']);
    }
    const registered = new Date(todayMs - main.number.int({ min: 0, max: 3 * 365 }) * 86_400_000).toISOString();
    yield {
      ...fields,
      medicareBeneficiary: medicare ? 1 : 0,
      mrn: formatMrn(i),
      firstNameKey: foldForSearch(first),
      lastNameKey: foldForSearch(last),
      phoneDigits: digitsOnly(phone),
      archivedAt: null,
      createdAt: registered,
      updatedAt: registered,
    };
  }
}
