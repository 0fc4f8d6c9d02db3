// The replica floor the model asks for at a given moment: replicas.min, raised by any peak window that is open
// (runbook §4.5: search-api keeps at least 7 replicas during the EU peak, 08:00–12:00 UTC).
import type { ServiceConfig } from '../../../environments';

type Window = ServiceConfig['peakWindows'][string];

export function floorAt(
  service: {
    readonly replicas: { readonly min: number };
    readonly peakWindows: Readonly<Record<string, Window>>;
  },
  at: Date,
): {
  readonly replicas: number;
  readonly windows: readonly string[];
} {
  const open = Object.entries(service.peakWindows).filter(([, window]) => windowOpen(window, at));
  return {
    replicas: Math.max(service.replicas.min, ...open.map(([, window]) => window.minReplicas)),
    windows: open.map(([name]) => name).sort(),
  };
}

export function windowOpen(window: Window, at: Date): boolean {
  const hour = at.getUTCHours();
  return (
    hour >= window.startHourUtc && hour < window.endHourUtc && dayMatches(window.daysOfWeek, at.getUTCDay())
  );
}

// A cron day-of-week field: "*", or a list of days and ranges where 0 and 7 both mean Sunday.
function dayMatches(field: string, day: number): boolean {
  if (field === '*') return true;
  return field.split(',').some((part) => {
    const [start, end = start] = part.split('-').map(Number) as [number, number?];
    for (let candidate = start; candidate <= end!; candidate++) if (candidate % 7 === day) return true;
    return false;
  });
}
