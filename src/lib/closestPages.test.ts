import { describe, expect, it } from 'vitest';
import { closestPages, pathWords } from './closestPages.ts';

const pages = [
  { url: '/apicv/', title: 'Intel APICv' },
  { url: '/apicv/posted-interrupts/', title: 'Posted interrupts' },
  { url: '/apicv/observing/', title: 'Observing APICv' },
  { url: '/avic/observing/', title: 'Observing AVIC' },
  { url: '/rfc/outcome/', title: 'What became of the RFC' },
];

describe('closestPages', () => {
  it('suggests the page one letter away first', () => {
    expect(closestPages('/apicv/posted-interrupt/', pages)[0]!.title).toBe('Posted interrupts');
  });

  it('prefers the page in the same topic', () => {
    expect(closestPages('/avic/observng/', pages).map((p) => p.url)).toEqual(['/avic/observing/', '/apicv/observing/']);
  });

  it('finds a page whose topic was mistyped', () => {
    expect(closestPages('/rcf/outcome/', pages)[0]!.url).toBe('/rfc/outcome/');
  });

  it('suggests nothing for an unrelated path or the root', () => {
    expect(closestPages('/completely/unrelated-thing/', pages)).toEqual([]);
    expect(closestPages('/', pages)).toEqual([]);
  });
});

describe('pathWords', () => {
  it('turns a path into search words', () => {
    expect(pathWords('/apicv/posted-interupt/')).toBe('apicv posted interupt');
    expect(pathWords('/kvm/kvm_set_apicv_inhibit%20x/')).toBe('kvm kvm set apicv inhibit x');
  });
});
