// Shared Chromium launcher for end-to-end tests and screenshots: the system Chromium, no network.
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const options = {
  executablePath: CHROME_PATH,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(options);
}

/** A Chromium that several processes connect to (the e2e run's shared browser). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(options);
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
