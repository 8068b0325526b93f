import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_IDS, type ServiceId } from '../core/service-ids.ts';
import { ContentError, fieldPath, type ContentProblem } from './problems.ts';
import { contactSchema, type Contact } from './contact-schema.ts';
import { routingSchema, type RoutingRules } from './routing-schema.ts';
import { serviceSchema, teamsFileSchema, type Service, type Team } from './schema.ts';
import { readYaml, type LineOf } from './yaml-source.ts';
import type { Catalog } from './catalog.ts';

/**
 * Reads and validates `content/services/*.yaml` and `content/teams.yaml`. Throws a ContentError listing every
 * problem (file, line, field, what is expected) rather than stopping at the first.
 */
export function loadCatalog(contentDir: string): Catalog {
  const problems: ContentProblem[] = [];
  const teamsFile = readYaml(join(contentDir, 'teams.yaml'), 'content/teams.yaml', teamsFileSchema);
  problems.push(...teamsFile.problems);
  const teams = teamsFile.data ?? {};

  const services: Partial<Record<ServiceId, Service>> = {};
  const servicesDir = join(contentDir, 'services');
  const files = existsSync(servicesDir) ? readdirSync(servicesDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const file of files) {
    const displayName = `content/services/${file}`;
    const parsed = readYaml(join(servicesDir, file), displayName, serviceSchema);
    problems.push(...parsed.problems);
    const service = parsed.data;
    if (!service) continue;
    problems.push(...crossCheckService(service, { file, displayName, lineOf: parsed.lineOf }, teamsFile.data));
    services[service.id] = service;
  }

  const contactFile = readYaml(join(contentDir, 'contact.yaml'), 'content/contact.yaml', contactSchema);
  problems.push(...contactFile.problems);

  const routingFile = readYaml(join(contentDir, 'routing.yaml'), 'content/routing.yaml', routingSchema);
  problems.push(...routingFile.problems);
  if (routingFile.data && teamsFile.data) problems.push(...crossCheckRouting(routingFile.data, routingFile.lineOf, teamsFile.data));

  for (const id of SERVICE_IDS) {
    if (!files.includes(`${id}.yaml`)) {
      problems.push({ file: `content/services/${id}.yaml`, line: 1, field: '', message: `filen mangler: hver tjeneste (${SERVICE_IDS.join(', ')}) må ha sin egen fil` });
    }
  }

  if (problems.length > 0) throw new ContentError(problems);
  return { services: services as Record<ServiceId, Service>, teams, routing: routingFile.data as RoutingRules, contact: contactFile.data as Contact };
}

function crossCheckRouting(routing: RoutingRules, lineOf: LineOf, teams: Record<string, Team>): ContentProblem[] {
  const references: { path: (string | number)[]; team: string }[] = [
    { path: ['fallbackTeam'], team: routing.fallbackTeam },
    { path: ['majorIncident', 'team'], team: routing.majorIncident.team },
    ...Object.entries(routing.priorityCopies).flatMap(([priority, keys]) => (keys ?? []).map((team, index) => ({ path: ['priorityCopies', priority, index], team }))),
  ];
  return references
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
    problems.push({ file: displayName, line: lineOf(['team']), field: 'team', message: `teamet «${service.team}» finnes ikke i content/teams.yaml (finnes: ${Object.keys(teams).join(', ')})` });
  }
  const seen = new Set<string>();
  service.questions.forEach((question, index) => {
    if (seen.has(question.id)) {
      problems.push({ file: displayName, line: lineOf(['questions', index, 'id']), field: `questions[${index}].id`, message: `«${question.id}» er brukt før i samme tjeneste: hver id må være unik` });
    }
    seen.add(question.id);
  });
  return problems;
}
