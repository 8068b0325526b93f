import { FIELD } from './fixed-questions.ts';

/**
 * What «Vi er også rammet» asks (core/affected-sites.ts): which notice, and the report form's own contact questions
 * (content/form.yaml), so the words, rules and autofill are the form's. A module of its own because the page's
 * script bundles it, and should not bring the server's imports along.
 */
export const AFFECTED_FIELDS = [FIELD.organisation, FIELD.name, FIELD.phone, FIELD.email] as const;
