import { describe, expect, it } from 'vitest';
import { METRIC, METRICS_NAMESPACE } from '../../functions/adapters/metric-names.ts';
import { createMetrics, emfDocument } from '../../functions/adapters/metrics.ts';
import { createRoutingSignals } from '../../functions/adapters/route-dependencies.ts';

/** Routing's signals as the CloudWatch metrics the alarms in infra/aws watch (embedded metric format). */

const AT = new Date('2026-03-05T12:00:00.000Z');

function recordingSignals() {
  const lines: string[] = [];
  const logged: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const log = {
    error: (message: string, fields: Record<string, unknown>) => void logged.push({ level: 'error', message, fields }),
    warn: (message: string, fields: Record<string, unknown>) => void logged.push({ level: 'warn', message, fields }),
  };
  const signals = createRoutingSignals(
    log as never,
    createMetrics(
      (line) => lines.push(line),
      () => AT,
    ),
  );
  return { signals, documents: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), logged };
}

describe('metrics in embedded metric format', () => {
  it('writes one JSON document per metric: namespace, name, unit, no dimensions, and the value under its name', () => {
    expect(JSON.parse(emfDocument(METRIC.routingFailed, 1, 'Count', AT, { reference: 'HDO-2026-000001' }))).toEqual({
      reference: 'HDO-2026-000001',
      _aws: {
        Timestamp: AT.getTime(),
        CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[]], Metrics: [{ Name: 'RoutingFailed', Unit: 'Count' }] }],
      },
      RoutingFailed: 1,
    });
  });

  it('counts a failed report as RoutingFailed and logs its reason', () => {
    const { signals, documents, logged } = recordingSignals();

    signals.routingFailed('HDO-2026-000001', 'Team video: MessageRejected: …');

    expect(documents()).toMatchObject([{ RoutingFailed: 1, reference: 'HDO-2026-000001' }]);
    expect(logged).toMatchObject([{ level: 'error', fields: { reference: 'HDO-2026-000001', reason: 'Team video: MessageRejected: …' } }]);
  });

  it('counts capped receipts as ReceiptCapped and capped copies and alerts as UrgentCopyCapped', () => {
    const { signals, documents } = recordingSignals();

    signals.capped('HDO-2026-000001', 'receipt', 'receipt-domain');
    signals.capped('HDO-2026-000002', 'urgent-copy', 'urgent-client');
    signals.capped('HDO-2026-000003', 'major-incident', 'urgent-client');

    expect(documents().map((document) => Object.keys(document).filter((key) => /^[A-Z]/.test(key)))).toEqual([
      ['ReceiptCapped'],
      ['UrgentCopyCapped'],
      ['UrgentCopyCapped'],
    ]);
  });

  it('gives the age of the oldest unrouted report in seconds, 0 included', () => {
    const { signals, documents } = recordingSignals();

    signals.oldestUnrouted(0);
    signals.oldestUnrouted(1260);

    expect(documents()).toMatchObject([{ OldestUnroutedAgeSeconds: 0 }, { OldestUnroutedAgeSeconds: 1260 }]);
    expect(documents()[0]?._aws).toMatchObject({ CloudWatchMetrics: [{ Metrics: [{ Name: 'OldestUnroutedAgeSeconds', Unit: 'Seconds' }] }] });
  });

  it('emits only metric names the alarms know (metric-names.ts)', () => {
    const { signals, documents } = recordingSignals();
    signals.routingFailed('HDO-2026-000001', 'x');
    signals.capped('HDO-2026-000001', 'receipt', 'receipt-address');
    signals.oldestUnrouted(1);

    const names = documents().flatMap((document) =>
      (document._aws as { CloudWatchMetrics: { Metrics: { Name: string }[] }[] }).CloudWatchMetrics[0]!.Metrics.map((metric) => metric.Name),
    );
    for (const name of names) expect(Object.values(METRIC)).toContain(name);
  });
});
