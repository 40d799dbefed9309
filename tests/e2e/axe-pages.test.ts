import { describe } from 'vitest';
import { everyPageHasNoViolations } from './axeChecks.ts';
import { useSite } from './site.ts';

const site = useSite();

// The other half of the pages of axe.test.ts (see axeChecks.ts), in its own file so both workers share them.
describe.concurrent('accessibility (axe-core, WCAG 2.2 AA) in light and dark mode, second half of the pages', () => {
  everyPageHasNoViolations(site, 1, 2);
});
