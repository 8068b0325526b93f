import type { IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';

/** One alarm to the alarm topic: it fires when the metric is above the threshold in one period. */
export interface Watch {
  id: string;
  /** What the alarm e-mail says happened, in the desk's words. */
  description: string;
  metric: IMetric;
  /** 0 unless said: the first occurrence fires. */
  threshold?: number;
  /** Missing data is no traffic, not a fault, unless said. */
  missingData?: TreatMissingData;
}
