/** Small statistics and formatting helpers for the benchmark: no dependencies, no I/O. */

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = (): number => performance.now();

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await fn();
  return { value, ms: now() - start };
}

/** The q-quantile (0..1) of `values` by linear interpolation between order statistics; NaN when empty. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The median of `values`. */
export const median = (values: number[]): number => quantile(values, 0.5);

/** p50 and p95 of a latency sample. */
export function percentiles(values: number[]): { p50: number; p95: number; n: number } {
  return { p50: quantile(values, 0.5), p95: quantile(values, 0.95), n: values.length };
}

/** Milliseconds as seconds with two decimals: `1234.5` -> `1.23 s`. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Milliseconds with a precision that suits latencies: `0.87 ms`, `12.3 ms`, `456 ms`. */
export function millis(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}

/** A ratio as `1.73x`. */
export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}x` : '-');

/** An integer with thousands separators: `25000` -> `25,000`. */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Bytes as mebibytes: `123 MB`, `7.9 MB`, `0.4 MB`. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** A short list of values, for showing the spread behind a median: `[1.20 1.31 1.25]`. */
export const spread = (values: number[], fmt: (v: number) => string = (v) => (v / 1000).toFixed(2)): string =>
  `[${values.map(fmt).join(' ')}]`;
