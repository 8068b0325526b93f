import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (an esbuild alias in
 * portal-function.ts); the local wiring and the tests keep the SDK's whole default chain. Lambda hands a function
 * its role's credentials in environment variables, which the chain's first link reads with this same `fromEnv`.
 * The other links (SSO, profiles, credential processes, web identity, container and instance metadata) never
 * apply in Lambda, yet a bundler cannot leave them out, and they bring STS, SSO and Sign-in clients along: about
 * 130 kB of every bundle (aws/aws-sdk-js-v3#5516, #6087). Should the functions ever run where credentials come
 * another way, remove the alias. test/infra/lambda-bundles.test.ts checks that a bundle signs with these.
 */
export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);
