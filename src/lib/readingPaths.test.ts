import { describe, expect, it } from 'vitest';
import { primaryPathId } from './readingPaths.ts';

describe('primaryPathId', () => {
  const here = ['start-here', 'topic-apicv'];

  it('defaults to the page topic path', () => {
    expect(primaryPathId(here, null, 'apicv')).toBe('topic-apicv');
  });

  it('follows the path the reader is on when it passes through the page', () => {
    expect(primaryPathId(here, 'start-here', 'apicv')).toBe('start-here');
  });

  it('ignores a remembered path that does not pass through the page', () => {
    expect(primaryPathId(here, 'topic-avic', 'apicv')).toBe('topic-apicv');
  });

  it('falls back to the first path when the topic has no path of its own, and to none without paths', () => {
    expect(primaryPathId(['start-here'], null, 'guide')).toBe('start-here');
    expect(primaryPathId([], 'start-here', 'guide')).toBeNull();
  });
});
