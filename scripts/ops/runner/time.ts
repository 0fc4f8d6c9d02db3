// Time stamps in names and log fields. Always UTC, so names sort and compare the same from any operator's machine.

/** 20261127-0830: part of resource names (RDS and ElastiCache allow letters, digits and hyphens). */
export function nameStamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** Unix seconds, as `date +%s` prints them (runbook §4.5 names manual Jobs with it). */
export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export const minutesBetween = (start: Date, end: Date): number => (end.getTime() - start.getTime()) / 60_000;
