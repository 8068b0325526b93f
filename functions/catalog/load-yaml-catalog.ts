import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition } from '../core/form-definition.ts';
import { buildJourney } from '../core/build-journey.ts';
import type { PriorityPolicy } from '../core/priority.ts';
import type { CaseWords } from '../core/report-life.ts';
import type { Catalog, EscalationLevels, RoutingRules, Service, Team } from '../core/catalog-shape.ts';
import type { DeskContact } from '../core/desk-contact.ts';
import { SERVICE_IDS, type ServiceId } from '../core/service-ids.ts';
import { ContentError, fieldPath, type ContentProblem } from './problems.ts';
import { caseStatesSchema } from './case-states-schema.ts';
import { deskContactSchema } from './contact-schema.ts';
import { escalationSchema, escalationTeamReferences } from './escalation-schema.ts';
import { formSchema } from './form-schema.ts';
import { prioritySchema } from './priority-schema.ts';
import { routingSchema, teamReferences } from './routing-schema.ts';
import { serviceSchema, teamsFileSchema } from './schema.ts';
import { readYaml, type LineOf } from './yaml-source.ts';
import { recordOf } from '../vocabulary/records.ts';

const FORM_FILE = 'content/form.yaml';

/**
 * Reads and validates the form, the services, the teams, the routing and priority rules and the contact data, and
 * checks that they fit together (every service's journey can be built). Throws a ContentError listing every
 * problem (file, line, field, what is expected) rather than stopping at the first.
 */
export function loadCatalog(contentDir: string): Catalog {
  const problems: ContentProblem[] = [];
  const teamsFile = readYaml(join(contentDir, 'teams.yaml'), 'content/teams.yaml', teamsFileSchema);
  problems.push(...teamsFile.problems);
  const teams = teamsFile.data ?? {};

  const formFile = readYaml(join(contentDir, 'form.yaml'), FORM_FILE, formSchema);
  problems.push(...formFile.problems);

  const services: Partial<Record<ServiceId, Service>> = {};
  const serviceSources = new Map<ServiceId, { displayName: string; lineOf: LineOf }>();
  const servicesDir = join(contentDir, 'services');
  const files = existsSync(servicesDir)
    ? readdirSync(servicesDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  for (const file of files) {
    const displayName = `content/services/${file}`;
    const parsed = readYaml(join(servicesDir, file), displayName, serviceSchema);
    problems.push(...parsed.problems);
    const service = parsed.data;
    if (!service) continue;
    problems.push(...crossCheckService(service, { file, displayName, lineOf: parsed.lineOf }, teamsFile.data));
    services[service.id] = service;
    serviceSources.set(service.id, { displayName, lineOf: parsed.lineOf });
  }
  if (formFile.data) problems.push(...checkJourneys(formFile.data, formFile.lineOf, services, serviceSources));

  const contactFile = readYaml(join(contentDir, 'contact.yaml'), 'content/contact.yaml', deskContactSchema);
  problems.push(...contactFile.problems);

  const priorityFile = readYaml(join(contentDir, 'priority.yaml'), 'content/priority.yaml', prioritySchema);
  problems.push(...priorityFile.problems);
  if (priorityFile.data && contactFile.data && !contactFile.data.channels.some((channel) => channel.id === priorityFile.data?.handledBy)) {
    problems.push({
      file: 'content/priority.yaml',
      line: priorityFile.lineOf(['handledBy']),
      field: 'handledBy',
      message: `kanalen «${priorityFile.data.handledBy}» finnes ikke i content/contact.yaml (finnes: ${contactFile.data.channels.map((channel) => channel.id).join(', ')})`,
    });
  }

  const routingFile = readYaml(join(contentDir, 'routing.yaml'), 'content/routing.yaml', routingSchema);
  problems.push(...routingFile.problems);
  if (routingFile.data && teamsFile.data) problems.push(...crossCheckRouting(routingFile.data, routingFile.lineOf, teamsFile.data));

  const caseStatesFile = readYaml(join(contentDir, 'case-states.yaml'), 'content/case-states.yaml', caseStatesSchema);
  problems.push(...caseStatesFile.problems);

  const escalationFile = readYaml(join(contentDir, 'escalation.yaml'), 'content/escalation.yaml', escalationSchema);
  problems.push(...escalationFile.problems);
  if (escalationFile.data && teamsFile.data) {
    for (const { path, team } of escalationTeamReferences(escalationFile.data)) {
      if (teams[team]) continue;
      problems.push({
        file: 'content/escalation.yaml',
        line: escalationFile.lineOf(path),
        field: fieldPath(path),
        message: `teamet «${team}» finnes ikke i content/teams.yaml (finnes: ${Object.keys(teams).join(', ')})`,
      });
    }
  }

  for (const id of SERVICE_IDS) {
    if (!files.includes(`${id}.yaml`)) {
      problems.push({
        file: `content/services/${id}.yaml`,
        line: 1,
        field: '',
        message: `filen mangler: hver tjeneste (${SERVICE_IDS.join(', ')}) må ha sin egen fil`,
      });
    }
  }

  if (problems.length > 0) throw new ContentError(problems);
  return {
    services: recordOf(SERVICE_IDS, (id) => found(services[id], `content/services/${id}.yaml`)),
    form: found(formFile.data, FORM_FILE),
    priority: found(priorityFile.data, 'content/priority.yaml'),
    teams,
    routing: found(routingFile.data, 'content/routing.yaml'),
    contact: found(contactFile.data, 'content/contact.yaml'),
    caseStates: found(caseStatesFile.data, 'content/case-states.yaml'),
    escalation: found(escalationFile.data, 'content/escalation.yaml'),
  };
}

/** A file's data once no problem was found: a file that gives no data has always said why, so this never throws. */
function found<T>(data: T | undefined, file: string): T {
  if (data === undefined) throw new Error(`${file} ble ikke lest, men ingen feil ble meldt.`);
  return data;
}

/** Each service's pages fitted into the form: joins, conditions and unique ids, reported where they are written. */
function checkJourneys(
  form: FormDefinition,
  formLineOf: LineOf,
  services: Partial<Record<ServiceId, Service>>,
  sources: ReadonlyMap<ServiceId, { displayName: string; lineOf: LineOf }>,
): ContentProblem[] {
  const problems = new Map<string, ContentProblem>();
  for (const [id, source] of sources) {
    const service = services[id];
    if (!service) continue;
    for (const problem of buildJourney(form, service).problems) {
      const [file, lineOf] = problem.source === 'form' ? [FORM_FILE, formLineOf] : [source.displayName, source.lineOf];
      const found = { file, line: lineOf(problem.path), field: fieldPath(problem.path), message: problem.message };
      // A problem in the form shows in every service's journey: report it once.
      problems.set(`${found.file}:${found.line}:${found.message}`, found);
    }
  }
  return [...problems.values()];
}

function crossCheckRouting(routing: RoutingRules, lineOf: LineOf, teams: Record<string, Team>): ContentProblem[] {
  return teamReferences(routing)
    .filter(({ team }) => !teams[team])
    .map(({ path, team }) => ({
      file: 'content/routing.yaml',
      line: lineOf(path),
      field: fieldPath(path),
      message: `teamet «${team}» finnes ikke i content/teams.yaml (finnes: ${Object.keys(teams).join(', ')})`,
    }));
}

function crossCheckService(
  service: Service,
  source: { file: string; displayName: string; lineOf: LineOf },
  teams: Record<string, Team> | undefined,
): ContentProblem[] {
  const { file, displayName, lineOf } = source;
  const problems: ContentProblem[] = [];
  if (file !== `${service.id}.yaml`) {
    problems.push({ file: displayName, line: lineOf(['id']), field: 'id', message: `må være lik filnavnet: filen heter ${file}, men id er «${service.id}»` });
  }
  if (teams && !teams[service.team]) {
    problems.push({
      file: displayName,
      line: lineOf(['team']),
      field: 'team',
      message: `teamet «${service.team}» finnes ikke i content/teams.yaml (finnes: ${Object.keys(teams).join(', ')})`,
    });
  }
  return problems;
}
