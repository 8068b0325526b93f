import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { HandlerName } from '../../infra/wiring.ts';
import type { SynthesizedPortal } from './synth.ts';

/**
 * A function's grants on the reports table, read back from the synthesized template, and a small evaluator of
 * them: enough IAM to say whether a DynamoDB call a bundle made would be allowed (actions, the table or one of its
 * indexes, and dynamodb:LeadingKeys with StringLike). Any other condition counts as not allowing.
 */

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface TableGrant {
  actions: string[];
  /** `REPORT#*`-style LeadingKeys patterns, `index/<name>`, or `every item` for the table without a condition. */
  on: string[];
}

/** A DynamoDB call as IAM authorizes it: one action, on the table (with the item's partition key) or an index. */
export interface TableCall {
  action: string;
  index?: string;
  partitionKey?: string;
}

function statementsOf(portal: SynthesizedPortal, handler: HandlerName): Statement[] {
  const role = portal.stack.getLogicalId(portal.stack.functions[handler].role?.node.defaultChild as CfnRole);
  return portal
    .resourcesOfType('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** `table`, `index/<name>` or undefined for a resource that is not the reports table. */
function tableResource(portal: SynthesizedPortal, resource: unknown): string | undefined {
  const tableArn = { 'Fn::GetAtt': [portal.idOf(portal.stack.table), 'Arn'] };
  if (JSON.stringify(resource) === JSON.stringify(tableArn)) return 'table';
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join && join[0] === '' && JSON.stringify(join[1][0]) === JSON.stringify(tableArn) && typeof join[1][1] === 'string' && join[1].length === 2) {
    return join[1][1].replace(/^\//, '');
  }
  return undefined;
}

const leadingKeyPatterns = (statement: Statement): string[] | undefined => {
  const patterns = statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
  return patterns === undefined ? undefined : [patterns].flat();
};

export function tableGrantsOf(portal: SynthesizedPortal, handler: HandlerName): TableGrant[] {
  return statementsOf(portal, handler).flatMap((statement) => {
    const resources = [statement.Resource].flat().map((resource) => tableResource(portal, resource));
    if (resources.every((resource) => resource === undefined)) return [];
    const on = resources.flatMap((resource) => (resource === 'table' ? (leadingKeyPatterns(statement) ?? ['every item']) : resource ? [resource] : []));
    return [{ actions: [statement.Action].flat().sort(), on }];
  });
}

const matches = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(value);

export function tableCallAllowed(portal: SynthesizedPortal, handler: HandlerName, call: TableCall): boolean {
  return statementsOf(portal, handler).some((statement) => {
    if (statement.Effect !== 'Allow' || ![statement.Action].flat().includes(call.action)) return false;
    const resources = [statement.Resource].flat().map((resource) => tableResource(portal, resource));
    if (!resources.includes(call.index === undefined ? 'table' : `index/${call.index}`)) return false;
    const conditions = Object.keys(statement.Condition ?? {});
    if (conditions.length === 0) return true;
    const patterns = leadingKeyPatterns(statement);
    return (
      conditions.length === 1 &&
      patterns !== undefined &&
      call.partitionKey !== undefined &&
      patterns.some((pattern) => matches(pattern, call.partitionKey ?? ''))
    );
  });
}
