import { describe, expect, it } from 'vitest';
import { KERNEL_VERSION_PATTERN, kernelTreeVersion, kernelVersionFromMakefile, sameKernelVersion } from './kernelVersion.ts';

const makefile = (sub: string, extra = '') =>
  `# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = ${sub}\nEXTRAVERSION =${extra ? ` ${extra}` : ''}\nNAME = Baby Opossum Posse\n`;

describe('kernelVersionFromMakefile', () => {
  it('names a stable or Debian tree by its full release, never by the mainline tag', () => {
    expect(kernelVersionFromMakefile(makefile('118'))).toBe('6.12.118');
  });

  it('names a mainline tree by its upstream tag', () => {
    expect(kernelVersionFromMakefile(makefile('0'))).toBe('v6.12');
    expect(kernelVersionFromMakefile(makefile('0', '-rc3'))).toBe('v6.12-rc3');
  });

  it('rejects a file that is not a kernel Makefile, or a local EXTRAVERSION, with a message', () => {
    expect(() => kernelVersionFromMakefile('all:\n\techo hi\n')).toThrow(/not a kernel Makefile/);
    expect(() => kernelVersionFromMakefile(makefile('118', '-custom'))).toThrow(/EXTRAVERSION "-custom"/);
  });

  it('writes only what the symbol schema accepts', () => {
    for (const v of ['6.12.118', 'v6.12', 'v6.12-rc3']) expect(KERNEL_VERSION_PATTERN.test(v), v).toBe(true);
    for (const v of ['6.12', 'v6.12.0', '6.12.0', 'linux-6.12']) expect(KERNEL_VERSION_PATTERN.test(v), v).toBe(false);
  });
});

describe('comparing versions', () => {
  it('treats a tag and a release number of the same release as equal, and nothing else', () => {
    expect(sameKernelVersion('v6.12.118', '6.12.118')).toBe(true);
    expect(sameKernelVersion('v6.12', '6.12.118')).toBe(false);
    expect(sameKernelVersion('6.12.117', '6.12.118')).toBe(false);
  });
});

describe('kernelTreeVersion', () => {
  it('names the Makefile it could not read', () => {
    expect(() => kernelTreeVersion('/nonexistent-tree')).toThrow(/nonexistent-tree\/Makefile/);
  });
});
