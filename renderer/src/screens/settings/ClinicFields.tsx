import { get, useFormContext } from 'react-hook-form';
import { Field } from '../../components/Field';
import { TimeZoneInput } from '../../components/TimeZoneField';
import { COUNTRIES, COUNTRY_LABELS, DATE_ORDER_LABELS, DATE_ORDERS, POSTAL_CODE_WORDS, TIME_FORMAT_LABELS, TIME_FORMATS, WEEK_START_DAYS, WEEK_START_LABELS, type Country } from '../../../../shared/domain/locale';

/** The clinic's fields, shared by first-run setup (prefix "clinic.") and Settings → Clinic (no prefix). */
export function ClinicFields({ prefix = '' }: { prefix?: string }) {
  const { register, formState, watch } = useFormContext();
  const country = (watch(`${prefix}country`) as Country | undefined) ?? 'US';
  const err = (name: string): string | undefined => (get(formState.errors, `${prefix}${name}`) as { message?: string } | undefined)?.message;
  const reg = (name: string) => register(`${prefix}${name}`);
  return (
    <div className="form-grid">
      <Field label="Clinic name" error={err('name')} className="span-6">
        <input {...reg('name')} autoComplete="organization" />
      </Field>
      <Field label="Street address" error={err('addressLine1')} className="span-4">
        <input {...reg('addressLine1')} autoComplete="address-line1" />
      </Field>
      <Field label="Address line 2" optional error={err('addressLine2')} className="span-2">
        <input {...reg('addressLine2')} autoComplete="address-line2" placeholder="Suite, floor" />
      </Field>
      <Field label="City" error={err('city')} className="span-3">
        <input {...reg('city')} autoComplete="address-level2" />
      </Field>
      <Field label="State or region" error={err('region')} className="span-1">
        <input {...reg('region')} autoComplete="address-level1" />
      </Field>
      <Field label="ZIP or postal code" error={err('postalCode')} hint={`For example ${POSTAL_CODE_WORDS[country].example}`} className="span-2">
        <input {...reg('postalCode')} autoComplete="postal-code" />
      </Field>
      <Field label="Phone" error={err('phone')} className="span-2">
        <input {...reg('phone')} type="tel" autoComplete="tel" />
      </Field>
      <Field label="Time zone" error={err('timeZone')} hint="Appointments and “today” follow this zone." className="span-4">
        <TimeZoneInput {...reg('timeZone')} />
      </Field>
      <fieldset className="choice-group span-2 field" aria-describedby={undefined}>
        <legend>Distance unit</legend>
        <label className="choice">
          <input type="radio" value="mi" {...reg('distanceUnit')} /> Miles
        </label>
        <label className="choice">
          <input type="radio" value="km" {...reg('distanceUnit')} /> Kilometres
        </label>
        {err('distanceUnit') && <div className="field-error">{err('distanceUnit')}</div>}
      </fieldset>
      <Field label="Country" error={err('country')} hint="Postal codes are checked against it (the clinic’s and its patients’)." className="span-2">
        <select {...reg('country')}>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {COUNTRY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Dates" error={err('dateOrder')} hint="How every screen, printout and message writes dates, and how dates are typed." className="span-2">
        <select {...reg('dateOrder')}>
          {DATE_ORDERS.map((o) => (
            <option key={o} value={o}>
              {DATE_ORDER_LABELS[o]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Clock" error={err('timeFormat')} className="span-1">
        <select {...reg('timeFormat')}>
          {TIME_FORMATS.map((t) => (
            <option key={t} value={t}>
              {TIME_FORMAT_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Week starts on" error={err('weekStartsOn')} className="span-1">
        <select {...reg('weekStartsOn')}>
          {WEEK_START_DAYS.map((d) => (
            <option key={d} value={d}>
              {WEEK_START_LABELS[d]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Auto-lock after (minutes)" error={err('idleLockMinutes')} hint="The screen locks when nobody has used it this long." className="span-4">
        <input {...reg('idleLockMinutes')} type="number" inputMode="numeric" min={1} max={240} step={1} className="input-short" />
      </Field>
      <Field label="Billing NPI (type 2, organisation)" optional error={err('npi')} hint="10 digits with a check digit; superbills are refused without it." className="span-3">
        <input {...reg('npi')} inputMode="numeric" autoComplete="off" />
      </Field>
      <Field label="Tax ID (EIN)" optional error={err('taxId')} hint="NN-NNNNNNN, e.g. 12-3456789; superbills are refused without it." className="span-3">
        <input {...reg('taxId')} autoComplete="off" />
      </Field>
    </div>
  );
}
