/**
 * A small JSON Schema validator: just the keywords erc20-token-balances.schema.json uses
 * (`type`, `properties`, `required`, `items`, `pattern`, `default`, `$ref` to `#/definitions/…`).
 * Any other keyword is refused, so the schema cannot grow a rule this validator silently skips.
 */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  pattern?: string;
  default?: unknown;
  $ref?: string;
}

export interface SchemaDocument {
  definitions: Record<string, Schema>;
}

export interface Validation {
  /** The input with `default`s filled in where a property was left out. */
  value: unknown;
  /** One line per problem, each with the JSON path where it is; empty when valid. */
  errors: string[];
}

const KNOWN_KEYWORDS = new Set(['type', 'properties', 'required', 'items', 'pattern', 'default', '$ref', 'title', 'description', 'x-project', '$comment']);

export function validate(doc: SchemaDocument, definition: string, value: unknown): Validation {
  const errors: string[] = [];
  const out = check(doc, { $ref: `#/definitions/${definition}` }, value, '$', errors);
  return { value: out, errors };
}

function resolve(doc: SchemaDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name === undefined ? undefined : doc.definitions[name];
  if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
  return target;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function check(doc: SchemaDocument, raw: Schema, value: unknown, path: string, errors: string[]): unknown {
  const schema = resolve(doc, raw);
  const unknownKeyword = Object.keys(schema).find((k) => !KNOWN_KEYWORDS.has(k));
  if (unknownKeyword) throw new Error(`Keyword "${unknownKeyword}" at ${path} is not supported by this validator`);

  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!allowed.some((t) => typeMatches(t, actual))) {
      errors.push(`${path}: expected ${allowed.join(' or ')}, got ${actual}`);
      return value;
    }
  }
  if (schema.pattern !== undefined && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${path}: ${JSON.stringify(value.slice(0, 40))} does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items) {
    return value.map((item, i) => check(doc, schema.items!, item, `${path}[${i}]`, errors));
  }
  if (actual === 'object' && (schema.properties || schema.required)) {
    return checkObject(doc, schema, value as Record<string, unknown>, path, errors);
  }
  return value;
}

function checkObject(doc: SchemaDocument, schema: Schema, value: Record<string, unknown>, path: string, errors: string[]): unknown {
  for (const name of schema.required ?? []) {
    if (!(name in value)) errors.push(`${path}.${name}: required`);
  }
  const out: Record<string, unknown> = { ...value };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name in value) out[name] = check(doc, property, value[name], `${path}.${name}`, errors);
    else if (property.default !== undefined) out[name] = property.default;
  }
  return out;
}
