import { z } from 'zod';

/** The key in cdk.json's `context` that says which repository and branch may deploy (DEPLOY.md section 16). */
export const GITHUB_DEPLOY_CONTEXT_KEY = 'githubDeploy';

/** GitHub Actions' OIDC issuer: the provider's URL without https://, and the prefix of its condition keys. */
export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';
/** The audience aws-actions/configure-aws-credentials asks GitHub's token for. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

const mustBe = (what: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? 'mangler' : `må være ${what}`) });

const schema = z.strictObject(
  {
    repository: z
      .string(mustBe('eier/navn på GitHub, for eksempel hdo/serviceportal'))
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, mustBe('eier/navn på GitHub, for eksempel hdo/serviceportal')),
    // Compared with StringEquals in the trust policy: a wildcard would be a literal character there, never a pattern.
    branch: z.string(mustBe('navnet på en gren')).regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, mustBe('navnet på én gren, uten * eller ?')),
    /**
     * Per environment, the account's existing GitHub OIDC provider: an account holds one per URL, so when another
     * environment's stack (or a person) made it, this one imports it. An environment not listed creates it.
     */
    oidcProviderArns: z
      .record(
        z.string(),
        z
          .string()
          .regex(
            /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/,
            mustBe(`ARN-en til OIDC-leverandøren for ${GITHUB_OIDC_ISSUER}`),
          ),
      )
      .default({}),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `ukjent innstilling: ${issue.keys.join(', ')}`;
      return issue.input === undefined ? 'mangler: repository (eier/navn) og branch (DEPLOY.md avsnitt 16)' : 'må være et objekt med repository og branch';
    },
  },
);

export interface GitHubDeployConfig {
  repository: string;
  branch: string;
  /** Set when the environment imports the account's provider instead of creating it. */
  oidcProviderArn: string | undefined;
}

export function readGitHubDeployConfig(raw: unknown, environment: string): GitHubDeployConfig {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${[GITHUB_DEPLOY_CONTEXT_KEY, ...issue.path].join('.')}: ${issue.message}`);
    throw new Error(
      `Ugyldig konfigurasjon i cdk.json (context «${GITHUB_DEPLOY_CONTEXT_KEY}», som sier hvilket repo og hvilken gren som får publisere):\n${lines.join('\n')}`,
    );
  }
  const { repository, branch, oidcProviderArns } = result.data;
  return { repository, branch, oidcProviderArn: oidcProviderArns[environment] };
}

/** The `sub` claim of a GitHub Actions token from a push to (or a run on) the branch: what the role trusts. */
export function githubSubject({ repository, branch }: Pick<GitHubDeployConfig, 'repository' | 'branch'>): string {
  return `repo:${repository}:ref:refs/heads/${branch}`;
}
