import { describe, expect, test } from 'vitest';
import './ensure-schema';
import { readFileSync } from 'node:fs';
import { KINDS } from '../../../../src/sim/kinds';
import { definition, goTypeOf, kindDefinitionName, schema } from '../../../../src/sim/apiserver/schema/schema';

const root = new URL('../../../../', import.meta.url);

describe('generated schema', () => {
  test.each(KINDS.map((k) => [k.kind, k.apiVersion] as const))(
    '%s resolves with its apiVersion',
    (kind, apiVersion) => {
      expect(schema.kinds[kind].apiVersion).toBe(apiVersion);
      const def = definition(kindDefinitionName(kind));
      expect(def.properties?.apiVersion?.type).toBe('string');
      expect(def.properties?.metadata?.$ref).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    },
  );

  test('every reference resolves', () => {
    const refs: string[] = [];
    const visit = (p: { $ref?: string; items?: object; additionalProperties?: object }) => {
      if (p.$ref) refs.push(p.$ref);
      if (p.items) visit(p.items);
      if (p.additionalProperties) visit(p.additionalProperties);
    };
    for (const d of Object.values(schema.definitions)) for (const p of Object.values(d.properties ?? {})) visit(p);
    expect(refs.length).toBeGreaterThan(200);
    for (const r of refs) expect(schema.definitions[r], r).toBeDefined();
  });

  test.each([
    ['io.k8s.api.batch.v1.JobSpec', 'backoffLimit', 'int32'],
    ['io.k8s.api.batch.v1.JobSpec', 'activeDeadlineSeconds', 'int64'],
    ['io.k8s.api.core.v1.Toleration', 'tolerationSeconds', 'int64'],
    ['io.k8s.api.core.v1.PodSpec', 'containers', '[]v1.Container'],
    ['io.k8s.api.core.v1.PodSpec', 'nodeSelector', 'map[string]string'],
    ['io.k8s.api.core.v1.ResourceRequirements', 'limits', 'v1.ResourceList'],
    ['io.k8s.api.apps.v1.DaemonSetSpec', 'updateStrategy', 'v1.DaemonSetUpdateStrategy'],
    ['io.k8s.api.core.v1.Container', 'imagePullPolicy', 'v1.PullPolicy'],
  ])('%s.%s is a Go %s', (def, prop, go) => {
    expect(goTypeOf(definition(def).properties![prop])).toBe(go);
  });

  test('the editor schema closes objects and pins apiVersion and kind', () => {
    const ds = JSON.parse(readFileSync(new URL('src/generated/json-schema/DaemonSet.json', root), 'utf8'));
    expect(ds.properties.apiVersion.enum).toEqual(['apps/v1']);
    expect(ds.properties.kind.enum).toEqual(['DaemonSet']);
    expect(ds.additionalProperties).toBe(false);
    expect(ds.definitions['io.k8s.api.core.v1.Toleration'].additionalProperties).toBe(false);
    expect(ds.definitions['io.k8s.api.core.v1.Toleration'].properties.operator.enum).toEqual(['Equal', 'Exists']);
    expect(ds.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].anyOf).toEqual([
      { type: 'integer' },
      { type: 'string' },
    ]);
    expect(ds.properties.spec.markdownDescription).toBe(ds.properties.spec.description);
  });
});
