import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { contract } from '../src/shared/contract'

const CONTRACT_DIR = join(__dirname, '..', 'src', 'shared', 'contract')

/** Result types as written in the contract files: `'name': method<Result>()`. */
function resultTypes(): Map<string, string> {
  const types = new Map<string, string>()
  for (const file of readdirSync(CONTRACT_DIR)) {
    const source = readFileSync(join(CONTRACT_DIR, file), 'utf8')
    for (const match of source.matchAll(/'([\w.]+)':\s*method<([\s\S]*?)>\(\)\(/g)) {
      types.set(match[1] ?? '', (match[2] ?? '').replace(/\s+/g, ' ').trim())
    }
  }
  return types
}

interface ObjectSchema {
  properties?: Record<string, { type?: string | string[]; enum?: unknown[] }>
  required?: string[]
  allOf?: ObjectSchema[]
}

/** Intersections come out as allOf: merge their parts into one object. */
function flatten(schema: ObjectSchema): ObjectSchema {
  const parts = [schema, ...(schema.allOf ?? []).map(flatten)]
  return {
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => part.required ?? []),
  }
}

function describeInput(schema: z.ZodType): string {
  const json = flatten(
    z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ObjectSchema,
  )
  const properties = Object.entries(json.properties ?? {})
  if (properties.length === 0) return 'No input: pass `{}`.\n'
  const rows = properties.map(([name, property]) => {
    const type = property.enum
      ? property.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ')
      : [property.type ?? 'object'].flat().join(' \\| ')
    const required = json.required?.includes(name) ? 'yes' : 'no'
    return `| \`${name}\` | ${type} | ${required} |`
  })
  return ['| field | type | required |', '| --- | --- | --- |', ...rows].join('\n') + '\n'
}

/** docs/api.md, generated from the contract: every method, its input fields and its result type. */
export function renderApiDocs(): string {
  const results = resultTypes()
  const sections = Object.entries(contract).map(
    ([name, spec]) =>
      `## \`${name}\`\n\n${spec.summary}\n\nReturns \`${results.get(name) ?? 'unknown'}\`.\n\n${describeInput(spec.input)}`,
  )
  return [
    '# Promoledger API',
    '',
    'Generated from `src/shared/contract/` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every method is called the same way from either host: over Electron IPC through',
    '`window.promoledger.invoke(method, input)`, or in browser mode as `POST /api/<method>` on',
    '127.0.0.1 with `Authorization: Bearer <token>` and a JSON body. The answer is an envelope:',
    '`{ "ok": true, "value": … }` or `{ "ok": false, "error": { "code", "message", "field", "issues" } }`.',
    'Money is in integer minor units, percentages in basis points, days are `YYYY-MM-DD` in the',
    'business’s time zone, instants are epoch milliseconds.',
    '',
    ...sections,
  ].join('\n')
}

if (process.argv[1] && /generate-api-docs/.test(process.argv[1])) {
  writeFileSync(join(__dirname, '..', 'docs', 'api.md'), renderApiDocs())
  console.log('Wrote docs/api.md')
}
