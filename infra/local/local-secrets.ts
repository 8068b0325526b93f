import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secrets Secrets Manager holds in AWS. The status links' key lives with the local data, so links in receipts
 * keep working after a restart; the origin secret is new on every start, as nothing outside the process needs it.
 */
export function localSecrets(dataDir: string): { ORIGIN_VERIFY_SECRET: string; STATUS_TOKEN_KEY: string } {
  mkdirSync(dataDir, { recursive: true });
  const keyFile = join(dataDir, 'status-token-key');
  let statusTokenKey: string;
  try {
    statusTokenKey = readFileSync(keyFile, 'utf8').trim();
  } catch {
    statusTokenKey = randomBytes(32).toString('base64url');
    writeFileSync(keyFile, statusTokenKey, { mode: 0o600 });
  }
  return { ORIGIN_VERIFY_SECRET: randomBytes(32).toString('base64url'), STATUS_TOKEN_KEY: statusTokenKey };
}
