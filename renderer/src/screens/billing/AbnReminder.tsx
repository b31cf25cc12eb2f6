import { Banner } from '../../components/Banner';

/** The Medicare guard on screen: why there is no superbill, and what the desk does instead (the ABN). */
export function AbnReminder({ refusal, steps }: { refusal: string; steps: readonly string[] }) {
  return (
    <Banner tone="warning">
      <div data-testid="medicare-refusal">
        <p>
          <strong>{refusal}</strong>
        </p>
        <p>Advance Beneficiary Notice (ABN, form CMS-R-131) reminder:</p>
        <ol className="billing-list">
          {steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </div>
    </Banner>
  );
}
