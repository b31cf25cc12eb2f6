import { CURRENCY_BY_COUNTRY, formatMoney } from '../../../shared/format/money';
import { useClinic } from './clinic';

/** Money in the clinic's locale and currency: `const money = useMoney(); money(8_500)` → "$85.00". */
export function useMoney(): (cents: number) => string {
  const { locale, country } = useClinic();
  const currency = CURRENCY_BY_COUNTRY[country];
  return (cents) => formatMoney(cents, locale, currency);
}
