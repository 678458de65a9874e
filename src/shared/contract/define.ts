import type { z } from 'zod'

/** One API method: its zod input schema, a one-line summary, and (as a type only) its result. */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I
  readonly summary: string
  /** Phantom field carrying the result type; never set at run time. */
  readonly result?: R
}

/** `method<Result>()(inputSchema, summary)`: the curried form lets TypeScript infer the input. */
export function method<R>() {
  return <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, R> => ({ input, summary })
}
