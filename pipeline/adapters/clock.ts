/** The clock adapter: the only place that reads the time. SOURCE_DATE_EPOCH (seconds) pins it for reproducible builds. */
export type Clock = () => Date;

export const systemClock: Clock = () => {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
};

/** The date in China (Asia/Shanghai, UTC+8, no daylight saving) as YYYY-MM-DD. */
export function chinaDate(clock: Clock): string {
  return new Date(clock().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
