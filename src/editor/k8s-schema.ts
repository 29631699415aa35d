/**
 * One JSON Schema for every kind the simulator serves, for monaco-yaml.
 *
 * monaco-yaml picks schemas by the model's URI (`fileMatch`), but a sandbox model holds several
 * YAML documents of different kinds. yaml-language-server validates, completes and hovers each
 * document of a stream on its own, so one schema that branches on `kind` serves them all:
 * `allOf: [{ if: { kind: Pod }, then: <Pod schema> }, …]`. A `oneOf` over the kinds would make the
 * completer offer every kind's fields at once and report "matches more than one" errors; `if/then`
 * applies exactly one kind's schema, and none while `kind:` is missing or unknown (then the root
 * only asks for `apiVersion` and `kind`, and offers their values).
 *
 * The branch tests `kind` alone: with `apiVersion: v1` on a DaemonSet the learner still gets the
 * DaemonSet fields, and the branch's own `apiVersion` enum says that only `apps/v1` is accepted,
 * which is what the API server would answer too.
 *
 * Two rewrites make hovers show the field's own documentation. The generator writes a documented
 * reference as `{ allOf: [{ $ref }], description }`; yaml-language-server lists the referenced
 * type's schema before the field's, so a hover on `selector:` would show LabelSelector's generic
 * text. As `{ $ref, description }` the field's text wins (the language service merges a `$ref`'s
 * target under the sibling keywords). And the kinds' `title`s are dropped: the hover would print
 * the enclosing kind's title as a `<h4>` above every field.
 *
 * Input: the per-kind schemas that `scripts/gen-k8s-schema.mjs` writes to
 * `src/generated/json-schema/<Kind>.json` (self-contained: the kind's object schema at the top,
 * its `definitions` closure under `#/definitions/<OpenAPI name>`). Definitions that several kinds
 * share (ObjectMeta, PodSpec…) are identical across files and are kept once.
 */
import type { JSONSchema } from 'monaco-yaml';

/** A generated per-kind schema: the kind's object schema plus its definitions. */
export interface KindSchema extends JSONSchema {
  definitions: Record<string, JSONSchema>;
  properties: Record<string, JSONSchema>;
}

export const COMBINED_SCHEMA_URI = 'reconcile://k8s/v1.34/all.json';

/** The `enum` pinned on a kind schema's `kind` or `apiVersion` property (the generator pins one value). */
function pinned(schema: KindSchema, property: 'kind' | 'apiVersion'): string {
  const values = schema.properties[property]?.enum;
  if (!values || values.length !== 1 || typeof values[0] !== 'string') {
    throw new Error(`k8s-schema: ${schema.$id ?? schema.title}: properties.${property} must pin exactly one value`);
  }
  return values[0];
}

/**
 * Builds the combined schema from the per-kind schemas. Throws if two files disagree on a shared
 * definition (the generator would have to be fixed) or if a kind appears twice.
 */
export function combineKindSchemas(kindSchemas: Iterable<KindSchema>): JSONSchema {
  const definitions: Record<string, JSONSchema> = {};
  const definitionJson = new Map<string, string>();
  const branches: JSONSchema[] = [];
  const kinds: string[] = [];
  const apiVersions = new Set<string>();

  for (const schema of kindSchemas) {
    const kind = pinned(schema, 'kind');
    if (kinds.includes(kind)) throw new Error(`k8s-schema: kind ${kind} given twice`);
    kinds.push(kind);
    apiVersions.add(pinned(schema, 'apiVersion'));

    for (const [name, original] of Object.entries(schema.definitions)) {
      const def = documentedRefs(original);
      const json = JSON.stringify(def);
      const seen = definitionJson.get(name);
      if (seen === undefined) {
        definitionJson.set(name, json);
        definitions[name] = def;
      } else if (seen !== json) {
        throw new Error(`k8s-schema: definition ${name} differs between kinds (${kind} and an earlier one)`);
      }
    }

    const { $schema: _draft, $id: _id, title: _title, definitions: _definitions, ...top } = schema;
    branches.push({
      if: { type: 'object', properties: { kind: { const: kind } }, required: ['kind'] },
      then: documentedRefs(top),
    });
  }

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: COMBINED_SCHEMA_URI,
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...apiVersions].sort() },
      kind: { type: 'string', enum: [...kinds].sort() },
    },
    required: ['apiVersion', 'kind'],
    allOf: branches,
    definitions,
  };
}

/** `{ allOf: [{ $ref }], …docs }` → `{ $ref, …docs }`, everywhere in a schema (a copy; the input is not changed). */
function documentedRefs<T extends JSONSchema>(schema: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, JSONSchema>).map(([k, v]) => [k, documentedRefs(v)]),
      );
    } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object' && value) {
      out[key] = documentedRefs(value as JSONSchema);
    } else if ((key === 'allOf' || key === 'anyOf') && Array.isArray(value)) {
      out[key] = value.map((v) => (typeof v === 'object' && v ? documentedRefs(v as JSONSchema) : v));
    } else {
      out[key] = value;
    }
  }
  const allOf = out.allOf as JSONSchema[] | undefined;
  if (allOf?.length === 1 && Object.keys(allOf[0]).length === 1 && typeof allOf[0].$ref === 'string') {
    delete out.allOf;
    out.$ref = allOf[0].$ref;
  }
  return out as T;
}
