/**
 * The CronJob's reconcile-loop machine and what the controller inspector shows of it, through the
 * public contract: waiting between schedules, the decision at each scheduled time, Forbid skips,
 * suspend, a schedule that does not parse, and the machine dropped with its CronJob.
 */
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/sim';
import { step } from '../../../src/sim/cronjob/machine';

const cronjob = (extra = '', schedule = '*/5 * * * *', command = 'sleep 400') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "${schedule}"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: r
              image: busybox
              command: ["sh", "-c", "${command}"]
`;

describe('cronJobMachine', () => {
  test('transitions', () => {
    let v = step(undefined, { type: 'watch.changed' });
    expect(v).toBe('queued');
    v = step(v, { type: 'sync.done', outcome: 'waiting' });
    expect(v).toBe('waiting');
    expect(step(v, { type: 'sync.done', outcome: 'waiting' })).toBe('waiting'); // no transition from waiting
    v = step(step(v, { type: 'watch.changed' }), { type: 'sync.done', outcome: 'suspended' });
    expect(v).toBe('suspended');
    v = step(step(v, { type: 'watch.changed' }), { type: 'sync.done', outcome: 'invalid' });
    expect(v).toBe('invalid');
    expect(step(v, { type: 'watch.deleting' })).toBe('deleting');
    expect(step('deleting', { type: 'watch.changed' })).toBe('deleting');
  });
});

describe('the controller inspector for a CronJob', () => {
  const view = (c: ReturnType<typeof createCluster>) => c.controllers().find((v) => v.kind === 'CronJob')!;

  test('waits for the next scheduled time, then creates the Job', () => {
    const c = createCluster();
    c.apply(cronjob());
    c.advance(1);
    expect(view(c)).toMatchObject({
      kind: 'CronJob',
      namespace: 'default',
      name: 'report',
      state: 'waiting',
      lastDecision: { summary: 'no unmet start time', next: '2025-01-01T00:05:00Z', create: [], delete: [] },
    });
    c.advance(300);
    const v = view(c);
    expect(v.state).toBe('waiting');
    expect(v.lastDecision).toMatchObject({
      scheduledTime: '2025-01-01T00:05:00Z',
      next: '2025-01-01T00:10:00Z',
    });
    // The Job's status updates requeue the CronJob; those syncs find nothing due and keep the decision.
    expect(v.lastDecision?.summary).toBe('created the Job');
    expect(v.lastDecision?.create).toEqual(['report-28928165']);
    expect(v.syncs).toBeGreaterThan(1);
  });

  test('Forbid skips a run while the last Job is active', () => {
    const c = createCluster();
    c.apply(cronjob('  concurrencyPolicy: Forbid\n'));
    c.advance(300.5); // 00:05 created, its pod runs 400 s
    c.runUntil(() => false, 300); // 00:10: still running
    const v = view(c);
    expect(v.lastDecision).toMatchObject({
      summary: 'skipped: Forbid and a Job is active',
      scheduledTime: '2025-01-01T00:10:00Z',
    });
  });

  test('suspend, and a schedule that does not parse', () => {
    const c = createCluster();
    c.apply(cronjob('  suspend: true\n'));
    c.advance(1);
    expect(view(c)).toMatchObject({ state: 'suspended', lastDecision: { summary: 'suspended' } });
    c.apply(cronjob());
    c.advance(1);
    expect(view(c).state).toBe('waiting');
  });

  test('history cleanup shows the Jobs it deleted', () => {
    const c = createCluster();
    c.apply(cronjob('  successfulJobsHistoryLimit: 1\n', '* * * * *', 'sleep 5'));
    const deletedSeen = new Set<string>();
    for (let minute = 0; minute < 5; minute++) {
      c.advance(60);
      for (const name of view(c).lastDecision?.delete ?? []) deletedSeen.add(name);
    }
    const deleteEvents = c
      .events()
      .filter((e: any) => e.reason === 'SuccessfulDelete' && e.involvedObject.kind === 'CronJob')
      .map((e: any) => e.message.replace('Deleted job ', ''));
    expect(deleteEvents.length).toBeGreaterThan(0);
    expect([...deletedSeen].every((n) => deleteEvents.includes(n))).toBe(true);
    expect(deletedSeen.size).toBeGreaterThan(0);
    expect(c.controllers().filter((v) => v.kind === 'CronJob')).toHaveLength(1);
  });

  test('the machine goes with its CronJob', () => {
    const c = createCluster();
    c.apply(cronjob());
    c.advance(1);
    c.kubectl('delete cronjob report');
    c.advance(1);
    expect(c.controllers().filter((v) => v.kind === 'CronJob')).toEqual([]);
  });
});
