/**
 * How the campaign editor draws one argument of a discount or condition kind. The kinds declare
 * their fields beside their zod schema, so the editor needs no code of its own per kind.
 */
export type FieldKind =
  | 'money'
  | 'percent'
  | 'count'
  | 'selector'
  | 'skus'
  | 'tags'
  | 'customers'
  | 'weekdays'
  | 'time'
  | 'choice'
  | 'tiers'

export interface FieldSpec {
  /** The argument's key in the kind's spec. */
  name: string
  label: string
  kind: FieldKind
  helper?: string
  /** For `choice` fields. */
  choices?: readonly { value: string; label: string }[]
  /** For `tiers` fields: what the thresholds count. */
  basisField?: string
}

/** The parts every kind definition shares: what the editor shows and what a new one starts as. */
export interface KindInfo<Spec> {
  title: string
  /** One line under the title in the editor's picker. */
  blurb: string
  fields: readonly FieldSpec[]
  defaults: Spec
}
