/** One measured figure, printed as a line of JSON and as a row of the table. */
export interface Figure {
  name: string;
  /** Milliseconds; megabytes for memory, or a ratio of sizes (then p50 = p95 = the one reading). */
  unit: 'ms' | 'MB' | 'ratio';
  p50: number;
  p95: number;
  n: number;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs `fn` `warmup` times unmeasured, then `n` times measured. */
export async function measure(
  name: string,
  n: number,
  fn: () => unknown | Promise<unknown>,
  opts: { warmup?: number; note?: string } = {},
): Promise<Figure> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return figureOf(name, times, opts.note);
}

/** A figure from times taken elsewhere (in a browser page, say). */
export function figureOf(name: string, times: number[], note?: string): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    unit: 'ms',
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    n: sorted.length,
    ...(note ? { note } : {}),
  };
}

export function report(figures: Figure[]): void {
  for (const f of figures) console.log(JSON.stringify(f));
  console.log('');
  const rows = figures.map((f) => [f.name, String(f.p50), String(f.p95), String(f.n), f.note ?? '']);
  const head = ['figure', 'p50 ms', 'p95 ms', 'n', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
