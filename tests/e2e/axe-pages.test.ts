import { describe } from 'vitest';
import { everyPageHasNoViolations } from './everyPage.ts';
import { useSite } from './site.ts';

const site = useSite();

// The pages axe.test.ts leaves (three groups in five; see everyPage.ts), in their own file so both
// workers share the every-page check.
describe.concurrent('every page: accessibility (axe-core, WCAG 2.2 AA) in light and dark mode, and the page policy', () => {
  everyPageHasNoViolations(site, (group) => group % 5 >= 2);
});
