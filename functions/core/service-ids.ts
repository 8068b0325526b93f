/**
 * The service categories the service desk takes reports for, in the order users see them.
 * Content in `content/services/<id>.yaml` must exist for each, and nothing else may exist there.
 */
export const SERVICE_IDS = [
  'radio',
  'iccs',
  'video',
  'backup-telephony',
  'telephony',
  'statistics',
  'audio-log',
  'change-request',
  'relocation',
  'other',
] as const;

export type ServiceId = (typeof SERVICE_IDS)[number];

export function isServiceId(value: unknown): value is ServiceId {
  return typeof value === 'string' && (SERVICE_IDS as readonly string[]).includes(value);
}
