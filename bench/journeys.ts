import { launchChromium } from '../test/support/chromium.ts';
import { fileByKeyboard, type KeyboardJourney } from '../test/support/keyboard-journey.ts';
import { TYPICAL } from '../test/e2e/wizard-driver.ts';

/**
 * The report journey as a stressed operator meets it: a typical ICCS fault and a typical radio fault, by keyboard
 * alone on a 375 px phone, the first time and once the contact details are remembered on the device. Counts, not
 * times: screens, keystrokes and questions, the same driver as the browser test that holds them to their limits.
 */

export interface JourneyFigures extends KeyboardJourney {
  service: string;
  /** First time on the device, or with «Husk meg» ticked the time before. */
  visit: 'første gang' | 'husket';
}

/** The limits: at most 7 screens the first time, at most 5 with remembered details. */
export const SCREEN_LIMITS: Record<JourneyFigures['visit'], number> = { 'første gang': 7, husket: 5 };

export async function measureJourneys(portalUrl: string): Promise<JourneyFigures[]> {
  const browser = await launchChromium();
  try {
    const figures: JourneyFigures[] = [];
    for (const service of ['iccs', 'radio'] as const) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const formUrl = `${portalUrl}/meld-feil/${service}/`;
      figures.push({ service, visit: 'første gang', ...(await fileByKeyboard(page, formUrl, TYPICAL[service], { remember: true })) });
      figures.push({ service, visit: 'husket', ...(await fileByKeyboard(page, formUrl, TYPICAL[service])) });
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
  }
}
