import { describe, test, expect } from 'vitest';
import { admit, generatedNameSuffix, specChanged } from '../../../src/sim/apiserver/admission';

const now = new Date('2025-01-01T00:00:30.250Z');

describe('admit', () => {
  test('generateName gets a deterministic 5-character suffix from the uid', () => {
    const r = admit(
      'Pod',
      { metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      { now, uid: 'u-1', operation: 'create' },
    );
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.name).toBe(`web-${generatedNameSuffix('u-1')}`);
    expect(generatedNameSuffix('u-1')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(r.object.metadata.creationTimestamp).toBe('2025-01-01T00:00:30Z');
  });

  test('update keeps identity and status from the stored object', () => {
    const created = admit(
      'CronJob',
      {
        metadata: { name: 'c' },
        spec: {
          schedule: '0 * * * *',
          jobTemplate: {
            spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
          },
        },
      },
      { now, uid: 'u-2', operation: 'create' },
    ).object;
    created.status = { lastScheduleTime: '2025-01-01T00:00:00Z' };
    const applied = {
      metadata: { name: 'c', namespace: 'default' },
      spec: { ...created.spec, suspend: true },
      status: { bogus: true },
    };
    const r = admit('CronJob', applied, { now, uid: 'ignored', operation: 'update', old: created });
    expect(r.errors).toEqual([]);
    expect(r.object.metadata.uid).toBe('u-2');
    expect(r.object.metadata.generation).toBe(2);
    expect(r.object.status).toEqual({ lastScheduleTime: '2025-01-01T00:00:00Z' });
  });

  test('specChanged compares spec only, ignoring key order and absent vs null', () => {
    expect(specChanged('Job', { spec: { a: 1, b: null } }, { spec: { a: 1 }, status: { x: 1 } })).toBe(false);
    expect(specChanged('Job', { spec: { a: 1 } }, { spec: { a: 2 } })).toBe(true);
    expect(specChanged('Node', { spec: { a: 1 } }, { spec: { a: 2 } })).toBe(false);
  });
});
