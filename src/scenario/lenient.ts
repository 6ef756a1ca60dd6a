// Semantic checks run even when parts of the file have shape errors, so that one typo does
// not hide every other problem. They see each object through `lenient`: the fields whose
// values are well formed, the broken ones left out (zod has already reported those).

import type { z } from 'zod';

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The well-formed fields of `raw` under an object schema, or undefined when raw is not a mapping. */
export function lenient<S extends z.ZodObject>(schema: S, raw: unknown): Partial<z.infer<S>> | undefined {
  if (!isFields(raw)) return undefined;
  const out: Fields = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = fieldSchema.safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<z.infer<S>>;
}

/** Elements of a list, each seen through `lenient`; empty when raw is not a list. */
export function lenientList<S extends z.ZodObject>(schema: S, raw: unknown): { raw: Fields; value: Partial<z.infer<S>> }[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((r: unknown) => ({ raw: isFields(r) ? r : {}, value: lenient(schema, r) ?? {} }));
}
