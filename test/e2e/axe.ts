import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Accessibility in the suite: axe-core scans the page as it is (a screen, or a dialog open on it)
 * against WCAG 2.x A and AA. Serious and critical violations fail the test; moderate and minor ones
 * are attached to the report so they are seen.
 */
export async function expectAccessible(page: Page, what: string, testInfo?: TestInfo) {
  // Legacy mode runs axe.run in the page itself (same-origin frames included). The default mode runs
  // axe in each frame, then opens a blank page, injects axe into it again and combines the results
  // there: the app has no frames, so the same rules give the same results without a new page per scan.
  // Only the violations are read, so only they carry every node: passes, incomplete and inapplicable
  // rules keep one node each (axe's resultTypes; every rule still runs on the whole page and its
  // violations are the same). The full results were ~630 kB per scan on the patient list, serialized
  // in the page and parsed here: over half of a scan's processor time.
  const options = { runOnly: { type: 'tag' as const, values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations' as const] };
  // axe-core (580 kB) stays in the page between scans until it navigates; AxeBuilder evaluates it twice
  // per scan, so a page that has it is given an empty source (the configure call still runs).
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  const results = await new AxeBuilder({ page, ...(loaded ? { axeSource: ';' } : {}) }).options(options).setLegacyMode().analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length && testInfo) {
    await testInfo.attach(`axe (${what}): moderate/minor`, { body: other.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n'), contentType: 'text/plain' });
  }
  const describe = (list: typeof results.violations) => list.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(blocking, `axe on ${what}:\n${describe(blocking)}`).toEqual([]);
  return other;
}
