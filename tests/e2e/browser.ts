// Shared Chromium launcher for end-to-end tests and screenshots: the system Chromium, no network.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** The full browser, as readers run it: the bench measures in it (search UI, Lighthouse). */
export const FULL_CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Tests prefer Chromium's headless shell (Debian's chromium-headless-shell): the same Blink without the
// browser's UI layer. The end-to-end suite is bound by Chromium's CPU on two cores, and the shell runs it
// in about 60% of the time the full browser takes.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROME_PATH = process.env.CHROME_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

const options = {
  executablePath: CHROME_PATH,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export function launchChromium(executablePath = CHROME_PATH): Promise<Browser> {
  return chromium.launch({ ...options, executablePath });
}

/** A Chromium that several processes connect to (the e2e run's shared browser). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(options);
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
