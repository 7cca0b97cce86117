// The appendix of docs/bundle-format.md that lists every table's fields and the values each accepts,
// written from the record schemas themselves (through zod's JSON Schema), so the document a writer
// follows and the check a reader makes cannot drift apart: a test compares the two.
import { z } from 'zod';
import { RECORD_SCHEMAS } from '../domain/records';
import { SYNCED_TABLES } from '../sync/tables';

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const SAFE = Number.MAX_SAFE_INTEGER;

function bounds(low: number | undefined, high: number | undefined, unit = ''): string {
  const hasLow = low !== undefined && low > -SAFE;
  const hasHigh = high !== undefined && high < SAFE;
  if (hasLow && hasHigh) return ` ${low}–${high}${unit}`;
  if (hasLow) return ` ≥ ${low}${unit}`;
  if (hasHigh) return ` ≤ ${high}${unit}`;
  return '';
}

function describeString(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.format === 'date-time') return 'instant (ISO 8601 in UTC with `Z`)';
  if (s.format === 'date') return 'date (`YYYY-MM-DD`, a real day)';
  if (s.pattern === '^[0-9a-f]{64}$') return 'SHA-256 (64 lowercase hex)';
  if (s.pattern) return `string matching \`${s.pattern}\``;
  return `string${bounds(s.minLength, s.maxLength, ' chars')}`;
}

function describe(s: JsonSchema): string {
  if (s.anyOf) {
    const others = s.anyOf.filter((x) => x.type !== 'null');
    const nullable = others.length < s.anyOf.length;
    return `${others.map(describe).join(' or ')}${nullable ? ' or null' : ''}`;
  }
  if (s.oneOf) return `one of: ${s.oneOf.map(describe).join('; ')}`;
  if (s.allOf) return s.allOf.map(describe).join(' and ');
  switch (s.type) {
    case 'string':
      return describeString(s);
    case 'integer': {
      const low = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : s.minimum;
      return `integer${bounds(low, s.maximum)}`;
    }
    case 'number':
      return `number${bounds(s.minimum, s.maximum)}`;
    case 'boolean':
      return 'boolean';
    case 'array': {
      const size = bounds(s.minItems, s.maxItems, ' items');
      return `array${size ? ` (${size.trim()})` : ''} of ${s.items ? describe(s.items) : 'any JSON'}`;
    }
    case 'object': {
      if (s.properties) {
        const required = new Set(s.required ?? []);
        const fields = Object.entries(s.properties).map(
          ([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${describe(value)}`,
        );
        return `{ ${fields.join(', ')} }`;
      }
      if (typeof s.additionalProperties === 'object') {
        return `object of string keys to ${describe(s.additionalProperties)}`;
      }
      return 'object';
    }
    case undefined:
    default:
      return 'any JSON';
  }
}

/** One field's accepted values in the appendix's words. */
export function describeFieldSchema(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return describe(json);
}

/** The appendix: per table, each field an operation may set, its values, and whether it may be absent. */
export function recordFieldsAppendix(): string {
  const parts: string[] = [];
  for (const table of SYNCED_TABLES) {
    const shape = RECORD_SCHEMAS[table].shape as Record<string, z.ZodType>;
    parts.push(`### \`${table}\``, '', '| field | values | absent allowed |', '| --- | --- | --- |');
    for (const [field, schema] of Object.entries(shape)) {
      if (field === 'id') continue;
      const optional = schema.safeParse(undefined).success ? 'yes' : '';
      parts.push(`| \`${field}\` | ${describeFieldSchema(schema)} | ${optional} |`);
    }
    parts.push('| `_deleted` | boolean (the tombstone) | yes |', '');
  }
  return parts.join('\n');
}
