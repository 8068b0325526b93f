/**
 * The body font: Inter from @fontsource-variable/inter, cut down to the characters Norwegian text uses (site/fonts.ts
 * makes the file when the site is built or served). Nothing here depends on Node, so pages can import it.
 */
export const FONT_FAMILY = 'Inter';
/** A local font stretched to Inter's measures, shown until Inter has loaded, so nothing moves when it arrives. */
export const FALLBACK_FAMILY = 'Inter fallback';
export const FONT_URL = '/fonts/inter-nb.woff2';
/** The weights Designsystemet uses: regular, medium, semibold and bold. */
export const FONT_WEIGHTS = { min: 400, max: 700 } as const;
