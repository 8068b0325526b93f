import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { ContentError, formatProblem, type ContentProblem } from '../../functions/catalog/problems.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { CONTENT_DIR, realCatalog } from './builders.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/catalog', import.meta.url));
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A copy of the real content/ with one thing broken: the files in test/fixtures/catalog/<fixture>/ laid over it,
 * then `remove` deleted and `write` written (paths relative to content/).
 */
function brokenContent(change: { fixture?: string; remove?: string[]; write?: Record<string, string> }): string {
  const dir = mkdtempSync(join(tmpdir(), 'serviceportal-content-'));
  tempDirs.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  if (change.fixture) {
    const overlay = join(FIXTURES, change.fixture);
    if (!existsSync(overlay)) throw new Error(`No fixture ${overlay}`);
    cpSync(overlay, dir, { recursive: true });
  }
  for (const path of change.remove ?? []) rmSync(join(dir, path), { recursive: true });
  for (const [path, text] of Object.entries(change.write ?? {})) writeFileSync(join(dir, path), text);
  return dir;
}

function contentErrorFrom(contentDir: string): ContentError {
  try {
    loadCatalog(contentDir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected loadCatalog to throw a ContentError');
}

const problemsIn = (contentDir: string): readonly ContentProblem[] => contentErrorFrom(contentDir).problems;

const teamKeys = () => Object.keys(realCatalog().teams).join(', ');

describe('loadCatalog: the real content', () => {
  it('has a file for each of the 10 services, each escalating to an existing team', () => {
    const catalog = loadCatalog(CONTENT_DIR);

    expect(Object.keys(catalog.services).sort()).toEqual([...SERVICE_IDS].sort());
    expect(Object.keys(catalog.services)).toHaveLength(10);
    for (const service of Object.values(catalog.services)) expect(catalog.teams[service.team], service.id).toBeDefined();
  });

  it('fills in the defaults editors may leave out', () => {
    const { iccs, other } = loadCatalog(CONTENT_DIR).services;

    expect(iccs.pages.flatMap((page) => page.questions.map((question) => [question.id, question.type, question.required]))).toEqual([
      ['controlRoom', 'text', true],
      ['operatorPosition', 'text', true],
      ['affectedFunction', 'choice', true],
      ['faultState', 'choice', true],
    ]);
    expect(iccs.requestTypes).toEqual(['fault', 'change', 'question', 'order']);
    expect(other.requestTypes).toEqual(['question']);
  });
});

describe('loadCatalog: what an editor can get wrong, with file, line and field', () => {
  it.each<[string, Parameters<typeof brokenContent>[0], ContentProblem[]]>([
    [
      'a question type that does not exist',
      { fixture: 'wrong-question-type' },
      [
        {
          file: 'content/services/iccs.yaml',
          line: 14,
          field: 'pages[0].questions[1].type',
          message: 'må være en av: text, textarea, choice, date, tel, email',
        },
      ],
    ],
    [
      'a choice question without options (pointing at the question)',
      { fixture: 'choice-without-options' },
      [{ file: 'content/services/iccs.yaml', line: 12, field: 'pages[0].questions[1].options', message: 'mangler: et spørsmål av type choice må ha options' }],
    ],
    [
      'options on a text question, and a choice with one option (pointing at the options)',
      { fixture: 'options-rules' },
      [
        { file: 'content/services/iccs.yaml', line: 13, field: 'pages[0].questions[0].options', message: 'brukes bare når type er choice' },
        { file: 'content/services/iccs.yaml', line: 21, field: 'pages[0].questions[1].options', message: 'må ha minst to valg' },
      ],
    ],
    [
      'a team that is not in teams.yaml',
      { fixture: 'unknown-team' },
      [{ file: 'content/services/video.yaml', line: 5, field: 'team', message: `teamet «teamVideo» finnes ikke i content/teams.yaml (finnes: ${teamKeys()})` }],
    ],
    [
      'an id that does not match the file name',
      { fixture: 'id-not-file-name' },
      [{ file: 'content/services/video.yaml', line: 1, field: 'id', message: 'må være lik filnavnet: filen heter video.yaml, men id er «telephony»' }],
    ],
    [
      'the same question id twice (pointing at the second)',
      { fixture: 'duplicate-question-id' },
      [
        {
          file: 'content/services/radio.yaml',
          line: 15,
          field: 'pages[0].questions[2].id',
          message: '«issi» er brukt før i samme tjeneste: hver id må være unik',
        },
      ],
    ],
    [
      'a YAML syntax error',
      { fixture: 'yaml-syntax-error' },
      [{ file: 'content/services/iccs.yaml', line: 12, field: '', message: 'YAML-feil: Sequence item without - indicator' }],
    ],
    [
      'a file for a service that does not exist',
      { fixture: 'unknown-service-file' },
      [{ file: 'content/services/fax.yaml', line: 1, field: 'id', message: `må være en av: ${SERVICE_IDS.join(', ')}` }],
    ],
    [
      'a team address that is not an e-mail address',
      { fixture: 'invalid-team-address' },
      [{ file: 'content/teams.yaml', line: 11, field: 'kontrollrom.address', message: 'må være en gyldig e-postadresse' }],
    ],
    [
      'a missing service file',
      { remove: ['services/video.yaml'] },
      [{ file: 'content/services/video.yaml', line: 1, field: '', message: `filen mangler: hver tjeneste (${SERVICE_IDS.join(', ')}) må ha sin egen fil` }],
    ],
    [
      'a missing teams.yaml (a problem, not a raw ENOENT)',
      { remove: ['teams.yaml'] },
      [{ file: 'content/teams.yaml', line: 1, field: '', message: 'filen mangler' }],
    ],
  ])('%s', (_case, change, expected) => {
    expect(problemsIn(brokenContent(change))).toEqual(expected);
  });

  const edited = (path: string, from: string, to: string) => {
    const text = readFileSync(join(CONTENT_DIR, path), 'utf8');
    if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
    return { write: { [path]: text.replace(from, to) } };
  };

  it.each<[string, Parameters<typeof brokenContent>[0], ContentProblem[]]>([
    [
      'a form page asking a question that is not a fixed one',
      edited('form.yaml', 'questions: [summary, description]', 'questions: [summary, describe]'),
      [
        {
          file: 'content/form.yaml',
          line: 103,
          field: 'pages[1].questions[1]',
          message:
            'må være et av de faste spørsmålene: urgent, requestType, summary, description, affected, workaround, calledDesk, name, organisation, phone, email, issi',
        },
      ],
    ],
    [
      'a fixed question no page asks',
      edited('form.yaml', 'questions: [name, organisation, phone, email, issi]', 'questions: [name, organisation, phone, email]'),
      [{ file: 'content/form.yaml', line: 96, field: 'pages', message: 'det faste spørsmålet «issi» står ikke på noen side' }],
    ],
    [
      'a fixed question asked on two pages',
      edited('form.yaml', 'questions: [summary, description]', 'questions: [summary, description, urgent]'),
      [{ file: 'content/form.yaml', line: 103, field: 'pages[1].questions[2]', message: '«urgent» står alt på en annen side: hvert spørsmål stilles én gang' }],
    ],
    [
      'an option value of a fixed question changed',
      edited('form.yaml', '      - value: several\n', '      - value: some\n'),
      [
        {
          file: 'content/form.yaml',
          line: 52,
          field: 'questions[4].options',
          message: 'må ha ett valg for hver av verdiene one, several, site, many, i den rekkefølgen',
        },
      ],
    ],
    [
      'a written report after a call that would not ask whether it is urgent',
      edited('form.yaml', 'afterCall: [start, about, contact]', 'afterCall: [about, contact]'),
      [{ file: 'content/form.yaml', line: 125, field: 'phone.afterCall', message: 'må ta med siden «start»: den spør om det haster' }],
    ],
    [
      'a service page joining a page the form does not have',
      edited('services/radio.yaml', 'join: impact', 'join: alvor'),
      [
        {
          file: 'content/services/radio.yaml',
          line: 37,
          field: 'pages[1].join',
          message: '«alvor» er ikke en side i content/form.yaml (kan være: start, about, impact, contact)',
        },
      ],
    ],
    [
      'a condition on a question that is not asked before it',
      edited('services/audio-log.yaml', 'showIf: { question: part, equals: playback }', 'showIf: { question: nextOne, equals: playback }'),
      [
        {
          file: 'content/services/audio-log.yaml',
          line: 38,
          field: 'pages[0].questions[4].showIf.question',
          message:
            '«nextOne» er ikke et spørsmål som kommer før dette (kan være: urgent, requestType, summary, description, part, controlRoom, timeRange, positionOrTalkGroup)',
        },
      ],
    ],
    [
      'written reports handled by a channel contact.yaml does not have',
      edited('priority.yaml', 'handledBy: portal', 'handledBy: web'),
      [
        {
          file: 'content/priority.yaml',
          line: 62,
          field: 'handledBy',
          message:
            'kanalen «web» finnes ikke i content/contact.yaml (finnes: main-phone, landline, on-call-mobile, radio-number, talkgroup, drift-email, customer-email, portal)',
        },
      ],
    ],
  ])('the form and the priority rules: %s', (_case, change, expected) => {
    expect(problemsIn(brokenContent(change))).toEqual(expected);
  });

  it.each<[string, Parameters<typeof brokenContent>[0], ContentProblem[]]>([
    [
      'a desk that is not in teams.yaml',
      edited('routing.yaml', 'desk: servicedesk', 'desk: kundesenter'),
      [{ file: 'content/routing.yaml', line: 7, field: 'desk', message: `teamet «kundesenter» finnes ikke i content/teams.yaml (finnes: ${teamKeys()})` }],
    ],
    [
      'the old fallbackTeam instead of desk',
      edited('routing.yaml', 'desk: servicedesk', 'fallbackTeam: servicedesk'),
      [
        { file: 'content/routing.yaml', line: 7, field: 'desk', message: 'må være nøkkelen til et team i content/teams.yaml' },
        { file: 'content/routing.yaml', line: 7, field: '', message: 'ukjent felt «fallbackTeam»: sjekk stavingen, eller se CONTENT.md' },
      ],
    ],
    [
      'a priority copy to a team that is not in teams.yaml',
      edited('routing.yaml', 'P1: [vakthavende]', 'P1: [vakthavende, hendelsesleder]'),
      [
        {
          file: 'content/routing.yaml',
          line: 13,
          field: 'copies.byPriority.P1[1]',
          message: `teamet «hendelsesleder» finnes ikke i content/teams.yaml (finnes: ${teamKeys()})`,
        },
      ],
    ],
    [
      'a copy rule for a priority that does not exist',
      edited('routing.yaml', 'P1: [vakthavende]', 'P5: [vakthavende]'),
      [{ file: 'content/routing.yaml', line: 13, field: 'copies.byPriority', message: '«P5» er ingen prioritet: må være en av P1, P2, P3, P4' }],
    ],
    [
      'a service copy to a team that is not in teams.yaml',
      edited('routing.yaml', '  byService: {}', '  byService:\n    radio: [nodnet]'),
      [
        {
          file: 'content/routing.yaml',
          line: 17,
          field: 'copies.byService.radio[0]',
          message: `teamet «nodnet» finnes ikke i content/teams.yaml (finnes: ${teamKeys()})`,
        },
      ],
    ],
    [
      'a copy rule for a service that does not exist',
      edited('routing.yaml', '  byService: {}', '  byService:\n    fax: [nodnett]'),
      [{ file: 'content/routing.yaml', line: 17, field: 'copies.byService', message: `«fax» er ingen tjeneste: må være en av ${SERVICE_IDS.join(', ')}` }],
    ],
    [
      "a desk's attachment flag that is not true or false",
      edited('teams.yaml', '  takesAttachments: true', '  takesAttachments: ja'),
      [{ file: 'content/teams.yaml', line: 8, field: 'servicedesk.takesAttachments', message: 'må være true eller false' }],
    ],
    [
      'a misspelt attachment flag',
      edited('teams.yaml', '  takesAttachments: true', '  takeAttachments: true'),
      [{ file: 'content/teams.yaml', line: 6, field: 'servicedesk', message: 'ukjent felt «takeAttachments»: sjekk stavingen, eller se CONTENT.md' }],
    ],
  ])('who gets the reports (routing.yaml, teams.yaml): %s', (_case, change, expected) => {
    expect(problemsIn(brokenContent(change))).toEqual(expected);
  });

  it('reports every missing service file when the services folder is gone', () => {
    const problems = problemsIn(brokenContent({ remove: ['services'] }));

    expect(problems.map((problem) => problem.file)).toEqual(SERVICE_IDS.map((id) => `content/services/${id}.yaml`));
  });

  it('reports problems in several files at once rather than stopping at the first', () => {
    const problems = problemsIn(brokenContent({ fixture: 'wrong-question-type', remove: ['services/video.yaml'] }));

    expect(problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['content/services/iccs.yaml:14', 'content/services/video.yaml:1']);
  });

  it.each([
    ['an empty service file', { 'services/video.yaml': '' }],
    ['a service file that is a list', { 'services/video.yaml': '- id: video\n' }],
    ['an empty teams.yaml', { 'teams.yaml': '' }],
    [
      'a maxLength above 4000',
      {
        'services/video.yaml':
          'id: video\nname: V\nshortName: V\ndescription: d\nteam: video\npages:\n  - title: T\n    questions:\n      - id: x\n        label: X\n        type: text\n        maxLength: 5000\n',
      },
    ],
    [
      'a field of the old format (questions, not pages)',
      { 'services/video.yaml': 'id: video\nname: V\nshortName: V\ndescription: d\nteam: video\nquestions: []\n' },
    ],
    [
      'a level missing from priority.yaml',
      { 'priority.yaml': readFileSync(join(CONTENT_DIR, 'priority.yaml'), 'utf8').replace(/\n  P4:[\s\S]*?(?=\n# )/, '\n') },
    ],
  ])('explains %s in Norwegian, not with the schema library’s English default', (_case, write) => {
    const problems = problemsIn(brokenContent({ write }));

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).not.toMatch(/^(Invalid input|Too big|Too small)/);
  });

  it('says an empty shortName cannot be empty, like name and description do', () => {
    const problems = problemsIn(brokenContent({ write: { 'services/video.yaml': 'id: video\nname: V\nshortName: ""\ndescription: d\nteam: video\n' } }));

    expect(problems).toEqual([{ file: 'content/services/video.yaml', line: 3, field: 'shortName', message: 'kan ikke være tom' }]);
  });
});

describe('loadCatalog: the same folder again, as the local stack loads it for each handler', () => {
  it('reads a file an editor changed in between, and finds a mistake saved in between', () => {
    const dir = brokenContent({});
    const file = join(dir, 'contact.yaml');
    const saved = readFileSync(file, 'utf8');
    const before = loadCatalog(dir).contact.channels.map((channel) => channel.name);

    writeFileSync(file, saved.replace('name: Servicedesk, hovednummer', 'name: Servicedesk, nytt navn'));
    const renamed = loadCatalog(dir).contact.channels.map((channel) => channel.name);
    writeFileSync(file, saved.replace('channels:', 'channels: ['));
    const broken = problemsIn(dir);
    writeFileSync(file, saved);

    expect(renamed[0]).toBe('Servicedesk, nytt navn');
    expect(renamed.slice(1)).toEqual(before.slice(1));
    expect([...new Set(broken.map((problem) => problem.file))]).toEqual(['content/contact.yaml']);
    expect(loadCatalog(dir).contact.channels.map((channel) => channel.name)).toEqual(before);
  });
});

describe('ContentError: what the build prints', () => {
  it('names the count and gives one line per problem: file:line field — message', () => {
    const error = contentErrorFrom(brokenContent({ fixture: 'wrong-question-type', remove: ['teams.yaml'] }));

    expect(error.name).toBe('ContentError');
    expect(error.message).toBe(
      [
        'Innholdet i content/ har 2 feil:',
        'content/teams.yaml:1 — filen mangler',
        'content/services/iccs.yaml:14 pages[0].questions[1].type — må være en av: text, textarea, choice, date, tel, email',
      ].join('\n'),
    );
  });

  it('formats a problem without a field as file:line — message', () => {
    expect(formatProblem({ file: 'content/teams.yaml', line: 1, field: '', message: 'filen mangler' })).toBe('content/teams.yaml:1 — filen mangler');
  });
});
