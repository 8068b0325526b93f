/** What to do when it is urgent, in order: every receipt and error page repeats it. */
export const PHONE_LADDER = [
  'Ring Servicedesk på 08915 (hele døgnet).',
  'Svarer ikke 08915: ring direktenummeret 61 18 28 00.',
  'I en krise, når begge numrene svikter: ring vakttelefonen 907 87 035 (kan være opptatt når mange ringer – prøv igjen, eller gå videre).',
  'Svikter også den: ring Servicedesk sitt ISSI- eller DDI-nummer i Nødnett.',
  'Deretter: kall opp Servicedesk i talegruppe HDO-04 i Nødnett.',
  'Er både telefon og Nødnett nede og bare internett virker: send e-post til drift@hdo.no.',
] as const;
