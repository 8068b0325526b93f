/** When it is, for a handler: the system clock, or a fixed instant (`CLOCK_FIXED_AT`, see config.ts). */
export type Clock = () => Date;

/**
 * Lambda runs on the system clock and its wiring never sets `fixedAt`. The local stack may, for a test whose answer
 * depends on a window of time (the rate limiter's minute): at a fixed instant every request of the run falls in the
 * same window, whenever the test runs.
 */
export function handlerClock(fixedAt: Date | undefined): Clock {
  if (fixedAt === undefined) return () => new Date();
  const instant = fixedAt.getTime();
  return () => new Date(instant);
}
