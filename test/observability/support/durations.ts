// Prometheus durations as the tests read them back from rendered files ("10m30s" → 630).
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

export const durationSeconds = (text: string): number =>
  [...text.matchAll(/(\d+)([smhd])/g)].reduce(
    (sum, [, count, unit]) => sum + Number(count) * (UNIT_SECONDS[unit ?? ''] ?? Number.NaN),
    0,
  );
