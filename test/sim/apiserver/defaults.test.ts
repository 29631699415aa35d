import { describe, test, expect } from 'vitest';
import {
  imageTag,
  setDefaultsContainer,
  setDefaultsDaemonSet,
  setDefaultsPod,
  setDefaultsProbe,
  setDefaultsVolume,
} from '../../../src/sim/apiserver/defaults';
import { canonicalQuantity } from '../../../src/sim/apiserver/validation/quantity';

const container = { name: 'c', image: 'busybox' };
const template = (restartPolicy?: string) => ({
  metadata: { labels: { app: 'x' } },
  spec: { containers: [{ ...container }], ...(restartPolicy ? { restartPolicy } : {}) },
});

describe('SetDefaults_DaemonSet', () => {
  // upstream: TestSetDefaultDaemonSetSpec (pkg/apis/apps/v1/defaults_test.go)
  test.each([
    {
      name: 'DaemonSet with no strategy: RollingUpdate 1/0, revisionHistoryLimit 10',
      spec: { template: template() },
      want: {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        revisionHistoryLimit: 10,
      },
    },
    {
      name: 'OnDelete keeps no rollingUpdate',
      spec: { template: template(), updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 1 },
      want: { updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 1 },
    },
    {
      name: 'RollingUpdate with maxUnavailable keeps it, maxSurge defaults to 0',
      spec: {
        template: template(),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } },
      },
      want: {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: 0 } },
        revisionHistoryLimit: 10,
      },
    },
  ])('$name', ({ spec, want }) => {
    const ds: any = { metadata: { name: 'ds' }, spec };
    setDefaultsDaemonSet(ds);
    expect(ds.spec.updateStrategy).toEqual(want.updateStrategy);
    expect(ds.spec.revisionHistoryLimit).toBe(want.revisionHistoryLimit);
  });

  test('template spec gets PodSpec defaults but not Pod-only ones', () => {
    const ds: any = { spec: { template: template() } };
    setDefaultsDaemonSet(ds);
    const s = ds.spec.template.spec;
    expect(s).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(s.enableServiceLinks).toBeUndefined();
    expect(s.containers[0]).toEqual({
      name: 'c',
      image: 'busybox',
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
  });
});

describe('SetDefaults_Pod', () => {
  // upstream: TestSetDefaultPodSpecHostNetwork, TestSetDefaultRequestsPod, TestSetDefaultPodEnableServiceLinks
  test('hostNetwork: hostPort defaults to containerPort', () => {
    const pod: any = { spec: { hostNetwork: true, containers: [{ ...container, ports: [{ containerPort: 8080 }] }] } };
    setDefaultsPod(pod);
    expect(pod.spec.containers[0].ports[0]).toEqual({ containerPort: 8080, hostPort: 8080, protocol: 'TCP' });
  });

  test('requests default to limits, rounded to milli and canonical', () => {
    const pod: any = {
      spec: { containers: [{ ...container, resources: { limits: { cpu: '0.5', memory: '1024Mi' } } }] },
    };
    setDefaultsPod(pod);
    expect(pod.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '1Gi' },
      requests: { cpu: '500m', memory: '1Gi' },
    });
  });

  test('existing requests are kept', () => {
    const pod: any = {
      spec: { containers: [{ ...container, resources: { limits: { cpu: '2' }, requests: { cpu: '1' } } }] },
    };
    setDefaultsPod(pod);
    expect(pod.spec.containers[0].resources.requests).toEqual({ cpu: '1' });
  });

  test('enableServiceLinks defaults to true; tolerations are not defaulted', () => {
    const pod: any = { spec: { containers: [{ ...container }], tolerations: [{ key: 'k', value: 'v' }] } };
    setDefaultsPod(pod);
    expect(pod.spec.enableServiceLinks).toBe(true);
    expect(pod.spec.tolerations).toEqual([{ key: 'k', value: 'v' }]);
  });
});

describe('SetDefaults_Container imagePullPolicy', () => {
  // upstream: TestSetDefaultImagePullPolicy (pkg/apis/core/v1/defaults_test.go)
  test.each([
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['busybox:1.36', 'IfNotPresent'],
    ['registry.k8s.io:5000/pause', 'Always'],
    ['registry.k8s.io:5000/pause:3.10', 'IfNotPresent'],
    ['nginx@sha256:35779791c05d119df4fe476db8f47c0bee5943c83eba5656a15fc046db48178b', 'IfNotPresent'],
    ['nginx:latest@sha256:35779791c05d119df4fe476db8f47c0bee5943c83eba5656a15fc046db48178b', 'Always'],
  ])('%s -> %s', (image, want) => {
    const c: any = { name: 'c', image };
    setDefaultsContainer(c);
    expect(c.imagePullPolicy).toBe(want);
  });

  test('imageTag', () => {
    expect(imageTag('localhost:5000/a/b')).toBe('latest');
    expect(imageTag('a@sha256:00')).toBe('');
  });
});

describe('probe and volume defaults', () => {
  // upstream: TestSetDefaultProbe, TestSetDefaultHostPathVolumeSource, TestSetDefaultVolume
  test('probe', () => {
    const p: any = { httpGet: { port: 80 } };
    setDefaultsProbe(p);
    expect(p).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });
  test('hostPath type "" and emptyDir when no source', () => {
    const hp: any = { name: 'v', hostPath: { path: '/var/log' } };
    const none: any = { name: 'e' };
    setDefaultsVolume(hp);
    setDefaultsVolume(none);
    expect(hp.hostPath).toEqual({ path: '/var/log', type: '' });
    expect(none).toEqual({ name: 'e', emptyDir: {} });
  });
});

describe('Quantity.String()', () => {
  // upstream: TestQuantityString (apimachinery/pkg/api/resource/quantity_test.go)
  test.each([
    ['0.5', '500m'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['100m', '100m'],
    ['1Ki', '1Ki'],
    ['512', '512'],
    ['1e3', '1e3'],
    ['0', '0'],
    [2, '2'],
  ])('%s -> %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });
  test('round up to milli', () => {
    expect(canonicalQuantity('0.0001', true)).toBe('1m');
  });
});
