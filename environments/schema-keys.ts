// Finds the keys a strict object (or an enum-keyed record) accepts at a path, so "unknown key" errors can say
// what is allowed.
import { z } from 'zod';

export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = current ? childSchema(unwrap(current), segment) : undefined;
  }
  const target = current ? unwrap(current) : undefined;
  if (target instanceof z.ZodObject) return Object.keys(target.shape);
  // A record keyed by an enum (namespaces, buckets, add-ons) accepts exactly the enum's values.
  if (target instanceof z.ZodRecord && target.keyType instanceof z.ZodEnum)
    return target.keyType.options.map(String);
  return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return unwrap(schema.unwrap() as z.ZodType);
  return schema;
}

function childSchema(schema: z.ZodType, segment: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(segment)];
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  return undefined;
}
