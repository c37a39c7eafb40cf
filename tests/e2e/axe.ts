import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One axe-core finding, short enough to read in a failed assertion. */
export interface AxeFinding {
  rule: string;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core (from npm, injected through the debugging protocol, so the page's CSP is left
 * as it is) on the page as it is now, and returns every violation of WCAG 2.x A/AA and axe's
 * best practices.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  return page.evaluate(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      rule: v.id,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      summary: (v.nodes[0] && v.nodes[0].failureSummary || '').slice(0, 300),
    })))`);
}
