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

/**
 * A moment as people read it in a time zone, with the offset: "2026-02-01 10:00:00 +08:00". An ISO string or a Date;
 * anything else is returned as is (e.g. "never").
 */
export function zonedTime(moment: Date | string, timeZone: string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}
