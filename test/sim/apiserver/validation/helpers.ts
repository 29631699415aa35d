import { admit } from '../../../../src/sim/apiserver/admission';
import type { KindName } from '../../../../src/sim/kinds';
import { fieldErrorMessage } from '../../../../src/sim/apiserver/field';
import type { FieldError } from '../../../../src/sim/apiserver/field';

export const now = new Date('2025-01-01T00:00:00Z');
export const uid = '1a2b3c';

export function create(kind: KindName, obj: unknown) {
  return admit(kind, obj, { now, uid, operation: 'create' });
}

export function update(kind: KindName, old: unknown, obj: unknown) {
  return admit(kind, obj, { now, uid, operation: 'update', old });
}

export const messages = (errs: FieldError[]) => errs.map(fieldErrorMessage);

export const podTemplate = (labels: Record<string, string> = { app: 'x' }, restartPolicy?: string) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'c', image: 'busybox' }], ...(restartPolicy ? { restartPolicy } : {}) },
});
