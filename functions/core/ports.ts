import type { StoredReport } from './stored-report.ts';

/** Where reports are kept. The DynamoDB adapter implements it; the domain never sees the SDK. */
export interface ReportStore {
  /** Atomically increments and returns the counter for `scope`, starting at 1. */
  nextSequence(scope: string): Promise<number>;
  /** Stores a new report; fails if the reference is already taken. */
  insert(report: StoredReport): Promise<void>;
  get(reference: string): Promise<StoredReport | undefined>;
  /** Records that the report was sent, only if it was still pending. Returns false if someone else got there first. */
  markRouted(reference: string, to: readonly string[], at: Date): Promise<boolean>;
}

export interface OutgoingEmail {
  /** Exactly one recipient per message. */
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  tags: Record<string, string>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}
