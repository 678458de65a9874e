/** One line of `npm run bench` output. */
export interface Measurement {
  name: string
  value: number
  unit: string
  /** The same quantity measured the plain way in the same run, or null when there is none. */
  baseline: number | null
  /** Oriented so that higher is better (see `note`), or null without a baseline. */
  ratio: number | null
  /** How the ratio is oriented, the target, and anything a reader needs to trust the figure. */
  note?: string
}

/** The value at percentile `p` (0–100) of an ascending array, nearest-rank. */
export function percentile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * ascending.length)
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

/** Latencies in milliseconds, collected one call at a time. */
export class LatencyRecorder {
  private readonly samples: number[] = []
  private elapsedNs = 0n

  /** Runs `work` once, timing it; the sum of these timings is the throughput's denominator. */
  time<T>(work: () => T): T {
    const start = process.hrtime.bigint()
    const result = work()
    this.record(process.hrtime.bigint() - start)
    return result
  }

  /** The same for asynchronous work (an awaited handler). */
  async timeAsync<T>(work: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint()
    const result = await work()
    this.record(process.hrtime.bigint() - start)
    return result
  }

  private record(took: bigint): void {
    this.elapsedNs += took
    this.samples.push(Number(took) / 1e6)
  }

  get count(): number {
    return this.samples.length
  }

  /** Operations per second of timed work. */
  perSecond(): number {
    return this.samples.length / (Number(this.elapsedNs) / 1e9)
  }

  percentileMs(p: number): number {
    return percentile(
      [...this.samples].sort((a, b) => a - b),
      p,
    )
  }
}

/** Rounds for printing: three significant decimals are plenty for timing noise. */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/** A measurement where more is better (throughputs): ratio = value / baseline. */
export function higherIsBetter(
  name: string,
  value: number,
  unit: string,
  baseline: number | null,
  note?: string,
): Measurement {
  return withNote(
    {
      name,
      value: round(value),
      unit,
      baseline: nullableRound(baseline),
      ratio: ratio(value, baseline),
    },
    note,
  )
}

/**
 * A measurement where less is better (latency, time, memory): ratio = baseline / value, so a
 * ratio above 1 still means "better than the baseline".
 */
export function lowerIsBetter(
  name: string,
  value: number,
  unit: string,
  baseline: number | null,
  note?: string,
): Measurement {
  return withNote(
    {
      name,
      value: round(value),
      unit,
      baseline: nullableRound(baseline),
      ratio: ratio(baseline, value),
    },
    note,
  )
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null
  return round(numerator / denominator)
}

function nullableRound(value: number | null): number | null {
  return value === null ? null : round(value)
}

function withNote(measurement: Measurement, note: string | undefined): Measurement {
  return note === undefined ? measurement : { ...measurement, note }
}
