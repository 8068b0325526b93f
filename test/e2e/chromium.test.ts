import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/chromium.ts';

describe('finding Chromium for the browser tests', () => {
  const original = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (original === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = original;
  });

  it('stops with the command that installs it when it is missing', () => {
    process.env.CHROMIUM_PATH = '/finnes/ikke/chromium';

    expect(() => chromiumPath()).toThrow(/Fant ikke Chromium på \/finnes\/ikke\/chromium[\s\S]*apt-get install -y chromium-headless-shell/);
  });
});
