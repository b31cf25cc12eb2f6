import { useQuery } from '../../api/hooks';
import { useMoney } from '../../app/money';
import { balanceWords } from './balanceWords';
import './billing.css';

/** The patient's balance and credit, wherever staff meet the patient: the chart header and check-in. */
export function BalanceBadge({ patientId, label = 'Account' }: { patientId: number; label?: string }) {
  const { data } = useQuery('ledger.balance', { patientId });
  const money = useMoney();
  if (!data) return null;
  const { text, tone } = balanceWords(data, money);
  return (
    <span className={`balance-badge balance-${tone}`} data-testid="balance">
      <span className="visually-hidden">{label}: </span>
      {text}
    </span>
  );
}
