// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { runPlanCase } from '../../../shared/clinical/case';
import { WORKED_EXAMPLES } from '../../../shared/clinical/examples';
import { DEFAULT_LADDER } from '../../../shared/clinical/ladder';
import type { PlanDecision } from '../../../shared/clinical/planner';
import { DecisionView } from '../../../renderer/src/screens/plan/DecisionView';
import { SignedInProviders } from './helpers';

afterEach(cleanup);

function decisionOf(index: number): PlanDecision {
  const r = runPlanCase(WORKED_EXAMPLES[index]!.input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.decision;
}

function renderDecision(decision: PlanDecision) {
  render(
    <SignedInProviders>
      <DecisionView decision={decision} ladder={DEFAULT_LADDER} unit="mi" locale="en-US" />
    </SignedInProviders>,
  );
}

describe('the planner’s decision', () => {
  it('shows the decision in words, and every reason with its sentence, rule id, source and grade', () => {
    const decision = decisionOf(1); // regress, stricter clinic policy, positive ASLR
    expect(decision.engineDecision).toBe('regress');
    renderDecision(decision);
    const view = screen.getByTestId('decision-view');
    expect(within(view).getAllByText('Regress')[0]).toBeVisible();
    expect(view).toHaveTextContent('Rung 4 of 10 → Rung 3 of 10');

    const items = screen.getAllByTestId('reason');
    expect(items).toHaveLength(decision.reasons.length);
    decision.reasons.forEach((reason, i) => {
      const item = items[i]!;
      expect(item).toHaveTextContent(reason.ruleId);
      expect(item).toHaveTextContent(reason.source);
      const label = { confirmed: 'Confirmed', secondary: 'Secondary source', 'clinic-policy': 'Clinic policy' }[reason.grade];
      expect(within(item).getByText(label, { selector: '.grade' })).toBeInTheDocument();
    });
    // Changed thresholds are the clinic's figures: the pain-zone reason is graded clinic policy.
    const zones = items.find((el) => el.textContent?.includes('pain.zones'))!;
    expect(within(zones).getByText('Clinic policy', { selector: '.grade' })).toBeInTheDocument();
    // Dates inside the sentences are written the locale's way, never as ISO.
    expect(screen.getByTestId('decision-view').textContent).not.toMatch(/\b2026-04-09\b/);
    expect(screen.getAllByText(/Apr 9, 2026/).length).toBeGreaterThan(0);
    // Rule ids and rung ids are for looking things up, not for reading: folded away, never in the text staff read.
    for (const item of items) expect(item.querySelector('.reason-rule')!.closest('details')).not.toHaveAttribute('open');
    expect(view.textContent).not.toMatch(/\(rw-\d+-\d+\)/);
  });

  it('names the home exercises, the caution window as clinic policy, and the research context as not a target', () => {
    renderDecision(decisionOf(1));
    expect(screen.getByRole('heading', { name: /^Home exercises the decision adds \(\d+\)$/ })).toBeInTheDocument();
    expect(screen.getByText('McGill curl-up')).toBeInTheDocument();
    const caution = screen.getAllByTestId('reason').find((el) => el.textContent?.includes('planner.caution-window'))!;
    expect(caution).toHaveTextContent("ASTEROID's published results do not report");
    expect(within(caution).getByText('Clinic policy', { selector: '.grade' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Research context/ })).toHaveTextContent('not a target');
    const research = screen.getByRole('complementary', { name: 'Research context', hidden: true });
    expect(research).toHaveTextContent('hypothesis-generating');
    expect(research).toHaveTextContent('17.8 mi–28.6 mi over 12 weeks');
  });

  it('shows a progress, the gate lifted and next week’s prescription in the patient’s words', () => {
    const decision = decisionOf(0);
    expect(decision.engineDecision).toBe('progress');
    renderDecision(decision);
    expect(screen.getAllByText('Progress')[0]).toBeVisible();
    expect(screen.getAllByTestId('reason').some((el) => /gate lifted/i.test(el.textContent ?? ''))).toBe(true);
    expect(screen.getByText('Lifted')).toBeInTheDocument();
    expect(screen.getByText('Run 45 seconds, walk 1 minute 15 seconds, 15 times (30 minutes). Do this 3 times this week, with at least one rest day between runs.')).toBeInTheDocument();
  });
});
