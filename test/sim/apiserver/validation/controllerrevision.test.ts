/**
 * ControllerRevision validation, after upstream's TestValidateControllerRevisionCreate and
 * TestValidateControllerRevisionUpdate (pkg/apis/apps/validation/validation_test.go).
 *
 * These call the validation functions directly: the registry's Validate/ValidateUpdate for
 * ControllerRevision (validation/index.ts) still only checks metadata.
 */
import { describe, expect, test } from 'vitest';
import {
  validateControllerRevision,
  validateControllerRevisionUpdate,
} from '../../../../src/sim/apiserver/validation/apps';
import { messages } from './helpers';

const ss = { metadata: { name: 'abc', namespace: 'default' }, spec: { selector: { matchLabels: { a: 'b' } } } };
const cr = (name: string, namespace: string, data: unknown, revision: number, resourceVersion?: string): any => ({
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { name, namespace, ...(resourceVersion ? { resourceVersion } : {}) },
  data,
  revision,
});

const invalidKey = 'NoUppercaseOrSpecialCharsLike=Equals';
const unmarshal = (kind: string) =>
  `data: Invalid value: "<value omitted>": error parsing data: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;

describe('TestValidateControllerRevisionCreate (upstream)', () => {
  test.each([
    { name: 'valid', rev: cr('validname', 'validns', ss, 0), want: [] },
    {
      name: 'negative revision',
      rev: cr('validname', 'validns', ss, -1),
      want: ['revision: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'empty name',
      rev: cr('', 'validns', ss, 0),
      want: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      name: 'invalid name',
      rev: cr(invalidKey, 'validns', ss, 0),
      want: [
        `metadata.name: Invalid value: "${invalidKey}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    // "empty namespace": through the API the request's namespace is filled in.
    { name: 'empty namespace', rev: cr('validname', '', ss, 100), want: ['metadata.namespace: Required value'] },
    {
      name: 'invalid namespace',
      rev: cr('validname', invalidKey, ss, 100),
      want: [
        `metadata.namespace: Invalid value: "${invalidKey}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    {
      name: 'nil data',
      rev: cr('validname', 'validns', undefined, 100),
      want: ['data: Required value: data is mandatory'],
    },
    // "json error" (`{`) cannot come from a manifest: it would not parse.
    { name: 'json bool', rev: cr('validname', 'validns', true, 0), want: [unmarshal('bool')] },
    { name: 'json int', rev: cr('validname', 'validns', 0, 0), want: [unmarshal('number')] },
    { name: 'json float', rev: cr('validname', 'validns', 0.5, 0), want: [unmarshal('number')] },
    // A JSON null decodes to an empty RawExtension, the same as no data.
    { name: 'json null', rev: cr('validname', 'validns', null, 0), want: ['data: Required value: data is mandatory'] },
    { name: 'json array', rev: cr('validname', 'validns', [], 0), want: [unmarshal('array')] },
    { name: 'json string', rev: cr('validname', 'validns', 'test', 0), want: [unmarshal('string')] },
    { name: 'json object', rev: cr('validname', 'validns', {}, 0), want: [] },
  ])('$name', ({ rev, want }) => {
    const errs = messages(validateControllerRevision(rev));
    if (want.length) expect(errs[0]).toBe(want[0]);
    expect(errs.length > 0).toBe(want.length > 0);
  });
});

describe('TestValidateControllerRevisionUpdate (upstream)', () => {
  const valid = cr('validname', 'validns', ss, 0, '1');
  const modified = { ...ss, metadata: { ...ss.metadata, name: 'cdf' } };
  test.each([
    { name: 'valid', next: valid, want: [] as string[] },
    // "invalid" drops the resourceVersion; the sim's update validation does not model
    // resourceVersion preconditions, so that case is not ported.
    {
      name: 'changed data',
      next: cr('validname', 'validns', modified, 0, '1'),
      want: [
        expect.stringMatching(
          /^data: Invalid value: runtime\.RawExtension\{Raw:\[\]uint8\{0x7b, .*\}, Object:runtime\.Object\(nil\)\}: field is immutable$/,
        ),
      ],
    },
    { name: 'changed revision', next: cr('validname', 'validns', ss, 1, '1'), want: [] },
  ])('$name', ({ next, want }) => {
    expect(messages(validateControllerRevisionUpdate(next, valid))).toEqual(want);
  });
});
