import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secrets Secrets Manager holds in AWS. The keys live with the local data, so links in receipts and in the
 * desk's e-mails keep working after a restart, and a local case system keeps its webhook key (`.data/webhook-signing-key`);
 * the origin secret is new on every start, as nothing outside the process needs it.
 */
export function localSecrets(dataDir: string): {
  ORIGIN_VERIFY_SECRET: string;
  STATUS_TOKEN_KEY: string;
  ACTION_LINK_KEY: string;
  WEBHOOK_SIGNING_KEY: string;
  SUBSCRIPTION_KEY: string;
} {
  mkdirSync(dataDir, { recursive: true });
  return {
    ORIGIN_VERIFY_SECRET: randomBytes(32).toString('base64url'),
    STATUS_TOKEN_KEY: keptKey(join(dataDir, 'status-token-key')),
    ACTION_LINK_KEY: keptKey(join(dataDir, 'action-link-key')),
    WEBHOOK_SIGNING_KEY: keptKey(join(dataDir, 'webhook-signing-key')),
    // Kept, so the confirmation and unsubscribe links in e-mails already sent keep working after a restart.
    SUBSCRIPTION_KEY: keptKey(join(dataDir, 'subscription-key')),
  };
}

/** A key generated once into `file` (readable by its owner only) and read from there on every later start. */
function keptKey(file: string): string {
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // Not there yet: made below.
  }
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
