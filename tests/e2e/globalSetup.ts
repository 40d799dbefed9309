// One static server and one Chromium for the whole end-to-end run: test files connect to them
// (see useSite in site.ts) instead of each starting their own, so files can also run in parallel.
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve.ts';
import { launchChromiumServer } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSite: { base: string; wsEndpoint: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await serveStatic(resolve(import.meta.dirname, '../../dist'), 0);
  const browser = await launchChromiumServer();
  project.provide('e2eSite', {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    wsEndpoint: browser.wsEndpoint(),
  });
  return async () => {
    await browser.close();
    server.close();
  };
}
