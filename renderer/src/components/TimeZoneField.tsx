import { useId, useMemo, type ComponentProps } from 'react';

let cachedZones: { zone: string; label: string }[] | null = null;

/** Every time zone this computer knows, with its current UTC offset ("America/Chicago", "GMT-6"). */
export function timeZoneOptions(): { zone: string; label: string }[] {
  if (cachedZones) return cachedZones;
  const zones = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add(browserTimeZone());
  const now = new Date();
  cachedZones = [...zones].sort().map((zone) => {
    let offset = '';
    try {
      offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    return { zone, label: `${zone.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}` };
  });
  return cachedZones;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A searchable time-zone picker: a text field with the system's zones as suggestions (type
 * "chic" to find America/Chicago). Validation (a real zone) is the schema's job.
 */
export function TimeZoneInput(props: ComponentProps<'input'>) {
  const listId = useId();
  const options = useMemo(timeZoneOptions, []);
  return (
    <>
      <input {...props} type="text" list={listId} autoComplete="off" spellCheck={false} placeholder="Type a city, e.g. Chicago" />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.zone} value={o.zone}>
            {o.label}
          </option>
        ))}
      </datalist>
    </>
  );
}
