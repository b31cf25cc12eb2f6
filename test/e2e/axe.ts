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
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).setLegacyMode().analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length && testInfo) {
    await testInfo.attach(`axe (${what}): moderate/minor`, { body: other.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n'), contentType: 'text/plain' });
  }
  const describe = (list: typeof results.violations) => list.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(blocking, `axe on ${what}:\n${describe(blocking)}`).toEqual([]);
  return other;
}
