// The policy's schema, built from the rules' field kinds: one optional field per rule, unknown fields
// refused. Kept apart from the rules so that the solver's modules (the model, the checker) load without zod.
import { z } from "zod";
import { CcmStatusSchema, RegionSchema } from "../domain/index.js";
import { RULES } from "./rules/index.js";
import type { FieldKind } from "./types.js";

const count = () => z.number().int().min(0).max(1_000_000);

const FIELD_SCHEMAS = {
  count: () => count(),
  share: () => z.number().finite().min(0).max(1),
  points: () => z.number().finite().min(0).max(1000),
  "count-per-region": () => z.partialRecord(RegionSchema, count()),
  "count-per-status": () => z.partialRecord(CcmStatusSchema, count()),
} satisfies Record<FieldKind, () => z.ZodType>;

type FieldSchema<F extends FieldKind> = ReturnType<(typeof FIELD_SCHEMAS)[F]>;
type Rules = typeof RULES;
type Shape = { [K in keyof Rules]: z.ZodOptional<FieldSchema<Rules[K]["field"]>> };

/** The schema of one rule's field, by its kind. */
export function fieldSchema(kind: FieldKind): z.ZodType {
  return FIELD_SCHEMAS[kind]();
}

/** The policy: one optional field per rule of the registry. */
export const PolicySchema = z.strictObject(
  Object.fromEntries(Object.values(RULES).map((r) => [r.key, fieldSchema(r.field).optional()])) as Shape,
);
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyKey = keyof Rules;
