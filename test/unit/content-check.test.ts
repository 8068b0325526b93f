import { describe, expect, it } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { formatProblem } from '../../functions/catalog/problems.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { checkedWithFixture } from '../support/content-problems.ts';

const problemsWith = checkedWithFixture();

describe('checkContent: the real content', () => {
  it('has no problems, at least 15 published articles, notices and contact data', () => {
    const report = checkContent(CONTENT_DIR);

    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.articles.filter((article) => !article.data.draft).length).toBeGreaterThanOrEqual(15);
    expect(report.notices.length).toBeGreaterThan(0);
    expect(report.contact?.ladder.map((step) => step.channel)).toEqual([
      'main-phone',
      'landline',
      'on-call-mobile',
      'radio-number',
      'talkgroup',
      'drift-email',
    ]);
  });

  it('has an article for every service', () => {
    const report = checkContent(CONTENT_DIR);

    const covered = new Set(report.articles.filter((article) => !article.data.draft).flatMap((article) => article.data.services));
    expect([...covered].sort()).toEqual(Object.keys(report.catalog?.services ?? {}).sort());
  });
});

describe('checkContent: one problem per broken fixture, with file, line, field and what is expected', () => {
  it.each([
    ['missing-title', ['content/articles/uten-tittel.md:2 title — mangler: skriv en tittel']],
    [
      'unknown-service',
      [
        'content/articles/ukjent-tjeneste.md:6 services[1] — må være en av: radio, iccs, video, backup-telephony, telephony, statistics, audio-log, change-request, relocation, other',
      ],
    ],
    ['bad-date', ['content/articles/feil-dato.md:4 updated — må være en dato som finnes, på formen 2026-11-22']],
    [
      'broken-link',
      ['content/articles/brutt-lenke.md:9 lenke — «/artikler/finnes-ikke/» finnes ikke på nettstedet: sjekk stavemåten, eller lenk til en side som finnes'],
    ],
    ['relative-link', ['content/articles/relativ-lenke.md:7 lenke — «kontakt» må starte med / (for eksempel /artikler/flytte-kontrollrom/) eller https://']],
    [
      'link-to-draft',
      [
        'content/articles/lenke-til-utkast.md:5 related[0] — «utkast-chat-som-ny-kanal» er et utkast og publiseres ikke',
        'content/articles/lenke-til-utkast.md:8 lenke — «/artikler/utkast-chat-som-ny-kanal/» peker på et utkast (draft: true), som ikke publiseres',
      ],
    ],
    [
      'no-front-matter',
      ['content/articles/uten-opplysninger.md:1 — mangler opplysningene øverst i filen: start filen med en linje med ---, så feltene, så en ny linje med ---'],
    ],
    [
      'bad-file-name',
      [
        'content/articles/Flytting_av_kontorrom.md:1 — filnavnet må ha små bokstaver a–z, tall og bindestrek, uten æ, ø, å og mellomrom (for eksempel «bytte-batteri.md»)',
      ],
    ],
    ['notice-ends-before-start', ['content/notices/slutter-for-start.md:6 expectedEnd — må være etter start']],
    [
      'notice-bad-fields',
      [
        'content/notices/feil-felt.md:3 services — må ha minst én tjeneste',
        'content/notices/feil-felt.md:4 severity — må være en av: planned, disruption, outage, information',
        'content/notices/feil-felt.md:5 start — må være et tidspunkt på formen 2026-11-22T08:00+01:00 (med tidssone)',
      ],
    ],
    ['contact-unknown-channel', ['content/contact.yaml:14 ladder[1].channel — kanalen «pager» finnes ikke i channels (finnes: main-phone)']],
    ['service-check-first', ['content/services/video.yaml:5 checkFirst — må være en liste med korte punkter']],
  ])('%s', (fixture, expected) => {
    const problems = problemsWith(fixture);

    expect(problems).toEqual(expected);
  });
});
