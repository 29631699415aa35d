import { describe, expect, test } from 'vitest';
import { busyboxDate, planContainer, runScript, tokenize } from '../../../src/sim/workloads/shell';

const start = Date.parse('2025-01-01T10:00:00Z');
const never = () => 0.999;

describe('tokenize', () => {
  test('operators and quotes', () => {
    expect(tokenize(`echo "a; b" && sleep 2 || exit 3; date`)).toEqual([
      { words: ['echo', 'a; b'], op: '&&' },
      { words: ['sleep', '2'], op: '||' },
      { words: ['exit', '3'], op: ';' },
      { words: ['date'], op: '' },
    ]);
  });
  test('arithmetic stays one word', () => {
    expect(tokenize('exit $((RANDOM % 2))')[0].words).toEqual(['exit', '$((RANDOM % 2))']);
  });
});

describe('runScript', () => {
  test.each<[string, { duration: number; exitCode: number; logs: string[] }]>([
    ['echo hi; sleep 5; echo done', { duration: 5, exitCode: 0, logs: ['hi', 'done'] }],
    ['sleep 1.5; exit 42', { duration: 1.5, exitCode: 42, logs: [] }],
    ['false && echo never; echo after', { duration: 0, exitCode: 0, logs: ['after'] }],
    ['false || echo recovered', { duration: 0, exitCode: 0, logs: ['recovered'] }],
    ['true; false', { duration: 0, exitCode: 1, logs: [] }],
    ['sleep 2m', { duration: 120, exitCode: 0, logs: [] }],
    ['sleep infinity', { duration: Infinity, exitCode: 0, logs: [] }],
    ['curl http://example; echo ok', { duration: 0, exitCode: 0, logs: ['ok'] }],
    ['exit 256', { duration: 0, exitCode: 0, logs: [] }],
  ])('%s', (script, want) => {
    const r = runScript(script, {}, start, never);
    expect({ duration: r.duration, exitCode: r.exitCode, logs: r.logs.map((l) => l.text) }).toEqual(want);
  });

  test('date prints the simulated time at that point of the script', () => {
    expect(runScript('date; sleep 61; date', {}, start, never).logs.map((l) => l.text)).toEqual([
      'Wed Jan  1 10:00:00 UTC 2025',
      'Wed Jan  1 10:01:01 UTC 2025',
    ]);
  });

  test('variables and $RANDOM from the seeded source', () => {
    expect(
      runScript('echo index $JOB_COMPLETION_INDEX', { JOB_COMPLETION_INDEX: '3' }, start, never).logs[0].text,
    ).toBe('index 3');
    expect(runScript('exit $((RANDOM % 2))', {}, start, () => 0.5).exitCode).toBe(0);
    expect(runScript('exit $((RANDOM % 2))', {}, start, () => 0.50004).exitCode).toBe(1);
  });
});

describe('planContainer', () => {
  test('sh -c runs the script and, as PID 1, ignores SIGTERM', () => {
    const p = planContainer(
      { name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 1'] },
      {},
      start,
      never,
    );
    expect(p).toMatchObject({ duration: 5, exitCode: 1, handlesSigterm: false });
  });
  test('command and args split across both fields', () => {
    const p = planContainer(
      {
        name: 'c',
        image: 'busybox',
        command: ['/bin/sh', '-c'],
        args: ['echo $GREETING'],
        env: [{ name: 'GREETING', value: 'hello' }],
      },
      {},
      start,
      never,
    );
    expect(p.logs.map((l) => l.text)).toEqual(['hello']);
  });
  test('images without a command: daemons run, busybox exits, hello-world prints', () => {
    expect(planContainer({ name: 'c', image: 'nginx:1.27' }, {}, start, never)).toMatchObject({
      duration: Infinity,
      handlesSigterm: true,
    });
    expect(
      planContainer({ name: 'c', image: 'quay.io/prometheus/node-exporter:v1.8.2' }, {}, start, never).duration,
    ).toBe(Infinity);
    expect(planContainer({ name: 'c', image: 'busybox:1.36' }, {}, start, never)).toMatchObject({
      duration: 0,
      exitCode: 0,
    });
    expect(planContainer({ name: 'c', image: 'hello-world' }, {}, start, never).logs[0].text).toBe(
      'Hello from Docker!',
    );
  });
  test('the classic perl pi Job takes about ten seconds', () => {
    const p = planContainer(
      { name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] },
      {},
      start,
      never,
    );
    expect(p.duration).toBe(10);
    expect(p.exitCode).toBe(0);
  });
  test('a direct sleep ignores SIGTERM too', () => {
    expect(planContainer({ name: 'c', image: 'busybox', command: ['sleep', '3600'] }, {}, start, never)).toMatchObject({
      duration: 3600,
      handlesSigterm: false,
    });
  });
});

test('busyboxDate pads the day with a space', () => {
  expect(busyboxDate(Date.parse('2025-03-09T07:05:03Z'))).toBe('Sun Mar  9 07:05:03 UTC 2025');
});
