/**
 * Core (v1) validation as pkg/apis/core/validation/validation.go does it, for what the simulated
 * kinds touch: Pod, PodSpec, PodTemplateSpec, containers, ports, env, resources, probes,
 * volumes and mounts, tolerations, affinity, Node and Namespace. Messages, paths and error types
 * follow upstream; checks run in upstream's order so the error list reads the same.
 */
import type {
  Affinity,
  Container,
  ContainerPort,
  EnvVar,
  Namespace,
  Node,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  PodAffinityTerm,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
  Taint,
  Toleration,
  Volume,
  VolumeMount,
} from 'kubernetes-types/core/v1';
import type { FieldError } from '../field';
import { child, duplicate, forbidden, index, invalid, notFound, notSupported, required } from '../field';
import {
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  validateLabels,
  validateLabelSelector,
} from '../../labels/validation';
import { goTaint, goToleration } from './go-value';
import { jsonEqualValues } from './equality';
import {
  invalidRendered,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './meta';
import { canonicalQuantity, compareQuantity, isNegative, parseQuantity, quantityFormatError } from './quantity';

const MAX_INT32 = 2147483647;

/** validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** Options that change PodSpec validation between a Pod and a template. */
export interface PodValidationOptions {
  /** The spec belongs to a Pod (not a template): hostPort 0 with hostNetwork is then an error. */
  resourceIsPod?: boolean;
}

function dns1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg: string) => invalid(path, value, msg));
}

/** unversionedvalidation.ValidateLabelName: label keys (and taint/toleration keys) are qualified names. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg: string) => invalid(path, name, msg));
}

/** validation.IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** validation.IsValidPortName (IANA_SVC_NAME). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens (--)');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
    errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** ValidatePortNumOrName. */
function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  return isValidPortName(port ?? '').map((m) => invalid(path, port ?? '', m));
}

// ---------------------------------------------------------------- volumes

const volumeSourceKeys = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
] as const;

const supportedHostPathTypes = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

function validatePathNoBacksteps(p: string, path: string): FieldError[] {
  return p.split(/[\\/]/).includes('..') ? [invalid(path, p, "must not contain '..'")] : [];
}

/** validateVolumeSource: exactly one source, and the rules of the ones the simulation knows. */
function validateVolumeSource(v: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const present = volumeSourceKeys.filter(
    (k) =>
      (v as unknown as Record<string, unknown>)[k] !== undefined &&
      (v as unknown as Record<string, unknown>)[k] !== null,
  );
  if (present.length === 0) return [required(path, 'must specify a volume type')];
  for (const k of present.slice(1)) errs.push(forbidden(child(path, k), 'may not specify more than 1 volume type'));
  const hp = v.hostPath;
  if (hp && present[0] === 'hostPath') {
    const p = child(path, 'hostPath');
    if (!hp.path) errs.push(required(child(p, 'path'), ''));
    else {
      errs.push(...validatePathNoBacksteps(hp.path, child(p, 'path')));
      const t = hp.type ?? '';
      if (!supportedHostPathTypes.includes(t)) errs.push(notSupported(child(p, 'type'), t, supportedHostPathTypes));
    }
  }
  if (v.secret && present[0] === 'secret' && !v.secret.secretName)
    errs.push(required(child(child(path, 'secret'), 'secretName'), ''));
  if (v.configMap && present[0] === 'configMap' && !v.configMap.name)
    errs.push(required(child(child(path, 'configMap'), 'name'), ''));
  if (v.persistentVolumeClaim && present[0] === 'persistentVolumeClaim' && !v.persistentVolumeClaim.claimName)
    errs.push(required(child(child(path, 'persistentVolumeClaim'), 'claimName'), ''));
  if (v.emptyDir && present[0] === 'emptyDir') {
    const medium = v.emptyDir.medium ?? '';
    if (v.emptyDir.sizeLimit !== undefined) {
      const q = parseQuantity(v.emptyDir.sizeLimit);
      if (!q)
        errs.push(
          invalid(child(child(path, 'emptyDir'), 'sizeLimit'), String(v.emptyDir.sizeLimit), quantityFormatError),
        );
      else if (q.num <= 0n)
        errs.push(
          forbidden(child(child(path, 'emptyDir'), 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'),
        );
    }
    if (!['', 'Memory', 'HugePages'].includes(medium) && !medium.startsWith('HugePages-'))
      errs.push(notSupported(child(child(path, 'emptyDir'), 'medium'), medium, ['', 'Memory', 'HugePages']));
  }
  return errs;
}

/** ValidateVolumes: names are DNS labels and unique; returns the valid volumes by name. */
export function validateVolumes(
  volumes: Volume[] | undefined,
  path: string,
): { names: Set<string>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const idx = index(path, i);
    const namePath = child(idx, 'name');
    const el = validateVolumeSource(v, idx);
    if (!v.name) el.push(required(namePath, ''));
    else el.push(...dns1123Label(v.name, namePath));
    if (names.has(v.name)) el.push(duplicate(namePath, v.name));
    if (el.length === 0) names.add(v.name);
    else errs.push(...el);
  });
  return { names, errs };
}

/** ValidateVolumeMounts: each mount names a pod volume and has a unique, non-empty mountPath. */
function validateVolumeMounts(mounts: VolumeMount[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!mounts?.length) return errs;
  const mountpoints = new Set<string>();
  mounts.forEach((m, i) => {
    const idx = index(path, i);
    if (!m.name) errs.push(required(child(idx, 'name'), ''));
    if (!volumes.has(m.name)) errs.push(notFound(child(idx, 'name'), m.name ?? ''));
    if (!m.mountPath) errs.push(required(child(idx, 'mountPath'), ''));
    if (mountpoints.has(m.mountPath)) errs.push(invalid(child(idx, 'mountPath'), m.mountPath, 'must be unique'));
    mountpoints.add(m.mountPath);
    if (m.subPath) {
      if (m.subPath.startsWith('/')) errs.push(invalid(path + '.subPath', m.subPath, 'must be a relative path'));
      errs.push(...validatePathNoBacksteps(m.subPath, path + '.subPath'));
    }
    if (m.mountPropagation !== undefined && !['None', 'HostToContainer', 'Bidirectional'].includes(m.mountPropagation))
      errs.push(
        notSupported(child(idx, 'mountPropagation'), m.mountPropagation, ['Bidirectional', 'HostToContainer', 'None']),
      );
  });
  return errs;
}

// ---------------------------------------------------------------- containers

const supportedPortProtocols = ['SCTP', 'TCP', 'UDP'];

function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!ports?.length) return errs;
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const idx = index(path, i);
    if (p.name) {
      const msgs = isValidPortName(p.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(child(idx, 'name'), p.name, m));
      else if (names.has(p.name)) errs.push(duplicate(child(idx, 'name'), p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(required(child(idx, 'containerPort'), ''));
    else
      for (const m of isValidPortNum(p.containerPort))
        errs.push(invalid(child(idx, 'containerPort'), p.containerPort, m));
    if (p.hostPort)
      for (const m of isValidPortNum(p.hostPort)) errs.push(invalid(child(idx, 'hostPort'), p.hostPort, m));
    if (!p.protocol) errs.push(required(child(idx, 'protocol'), ''));
    else if (!supportedPortProtocols.includes(p.protocol))
      errs.push(notSupported(child(idx, 'protocol'), p.protocol, supportedPortProtocols));
  });
  return errs;
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is GA in 1.34). */
function isRelaxedEnvVarName(name: string): string[] {
  const errs: string[] = [];
  if (name.length === 0) errs.push('environment variable name must be non-empty');
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c < 0x20 || ch === '=') {
      errs.push("must consist of printable ASCII characters except '='");
      break;
    }
  }
  return errs;
}

function validateEnv(vars: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const idx = index(path, i);
    if (!ev.name) errs.push(required(child(idx, 'name'), ''));
    for (const m of isRelaxedEnvVarName(ev.name ?? '')) errs.push(invalid(child(idx, 'name'), ev.name ?? '', m));
    const vf = ev.valueFrom;
    if (vf) {
      const vfPath = child(idx, 'valueFrom');
      const n = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter(
        (k) => (vf as Record<string, unknown>)[k] != null,
      ).length;
      if (vf.fieldRef) {
        const fp = child(vfPath, 'fieldRef');
        if (!vf.fieldRef.fieldPath) errs.push(required(child(fp, 'fieldPath'), ''));
        if (!vf.fieldRef.apiVersion) errs.push(required(child(fp, 'apiVersion'), ''));
      }
      if (vf.configMapKeyRef && !vf.configMapKeyRef.key)
        errs.push(required(child(child(vfPath, 'configMapKeyRef'), 'key'), ''));
      if (vf.secretKeyRef && !vf.secretKeyRef.key) errs.push(required(child(child(vfPath, 'secretKeyRef'), 'key'), ''));
      if (n === 0)
        errs.push(
          invalid(
            vfPath,
            '',
            'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
          ),
        );
      else if (ev.value && n !== 0) errs.push(invalid(vfPath, '', 'may not be specified when `value` is not empty'));
      if (n > 1) errs.push(invalid(vfPath, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

const standardContainerResources = ['cpu', 'memory', 'ephemeral-storage'];
const isHugePages = (name: string) => name.startsWith('hugepages-');
/** helper.IsOvercommitAllowed: native compute resources other than hugepages may be overcommitted. */
const isOvercommitAllowed = (name: string) =>
  (!name.includes('/') || name.includes('kubernetes.io/')) && !isHugePages(name);

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m: string) => invalid(path, name, m));
  if (!name.includes('/')) {
    if (!standardContainerResources.includes(name) && !isHugePages(name))
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!name.includes('kubernetes.io/')) {
    if (name.startsWith('requests.')) errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** The quantity as the API returns it (resource.Quantity.String()), or the raw text if malformed. */
function quantityString(v: string | number): string {
  const q = parseQuantity(v);
  return q ? canonicalQuantity(v) : String(v);
}

/** ValidateResourceRequirements for a container: names, non-negative quantities, requests ≤ limits. */
export function validateResourceRequirements(r: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits = r?.limits ?? {};
  const requests = r?.requests ?? {};
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const name of Object.keys(limits).sort()) {
    const p = `${limPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q = parseQuantity(limits[name]);
    if (!q) errs.push(invalid(p, String(limits[name]), quantityFormatError));
    else if (isNegative(q)) errs.push(invalid(p, quantityString(limits[name]), 'must be greater than or equal to 0'));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const name of Object.keys(requests).sort()) {
    const p = `${reqPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q = parseQuantity(requests[name]);
    if (!q) {
      errs.push(invalid(p, String(requests[name]), quantityFormatError));
      continue;
    }
    if (isNegative(q)) errs.push(invalid(p, quantityString(requests[name]), 'must be greater than or equal to 0'));
    if (name in limits) {
      const lim = parseQuantity(limits[name]);
      if (lim) {
        const cmp = compareQuantity(q, lim);
        if (cmp !== 0 && !isOvercommitAllowed(name))
          errs.push(
            invalid(
              reqPath,
              quantityString(requests[name]),
              `must be equal to ${name} limit of ${quantityString(limits[name])}`,
            ),
          );
        else if (cmp > 0)
          errs.push(
            invalid(
              reqPath,
              quantityString(requests[name]),
              `must be less than or equal to ${name} limit of ${quantityString(limits[name])}`,
            ),
          );
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (sleep for lifecycle hooks). */
function validateHandler(h: Record<string, any> | undefined, path: string, kinds: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const present = kinds.filter((k) => h?.[k] != null);
  if (present.length === 0) return [required(path, 'must specify a handler type')];
  for (const k of present.slice(1)) errs.push(forbidden(child(path, k), 'may not specify more than 1 handler type'));
  const k = present[0];
  const p = child(path, k);
  const v = h![k];
  if (k === 'exec' && !(v.command?.length > 0)) errs.push(required(child(p, 'command'), ''));
  if (k === 'httpGet') {
    if (!v.path) errs.push(required(child(p, 'path'), ''));
    errs.push(...validatePortNumOrName(v.port, child(p, 'port')));
    if (v.scheme && !['HTTP', 'HTTPS'].includes(v.scheme))
      errs.push(notSupported(child(p, 'scheme'), v.scheme, ['HTTP', 'HTTPS']));
  }
  if (k === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, child(p, 'port')));
  if (k === 'grpc') for (const m of isValidPortNum(v.port ?? 0)) errs.push(invalid(child(p, 'port'), v.port ?? 0, m));
  if (k === 'sleep' && (v.seconds ?? 0) < 0) errs.push(invalid(child(p, 'seconds'), v.seconds, isNegativeSeconds));
  return errs;
}
const isNegativeSeconds = 'must be non-negative';

function validateProbe(probe: Probe | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe as Record<string, any>, path, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  errs.push(...validateNonnegativeField(probe.initialDelaySeconds ?? 0, child(path, 'initialDelaySeconds')));
  errs.push(...validateNonnegativeField(probe.timeoutSeconds ?? 0, child(path, 'timeoutSeconds')));
  errs.push(...validateNonnegativeField(probe.periodSeconds ?? 0, child(path, 'periodSeconds')));
  errs.push(...validateNonnegativeField(probe.successThreshold ?? 0, child(path, 'successThreshold')));
  errs.push(...validateNonnegativeField(probe.failureThreshold ?? 0, child(path, 'failureThreshold')));
  if (probe.terminationGracePeriodSeconds != null && probe.terminationGracePeriodSeconds <= 0)
    errs.push(
      invalid(
        child(path, 'terminationGracePeriodSeconds'),
        probe.terminationGracePeriodSeconds,
        'must be greater than 0',
      ),
    );
  if (mustSucceedOnce && probe.successThreshold !== 1)
    errs.push(invalid(child(path, 'successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  return errs;
}

const supportedPullPolicies = ['Always', 'IfNotPresent', 'Never'];

/** validateContainerCommon: name, image, termination message policy, ports, env, mounts, pull policy, resources. */
function validateContainerCommon(c: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = child(path, 'name');
  if (!c.name) errs.push(required(namePath, ''));
  else errs.push(...dns1123Label(c.name, namePath));
  if (!c.image) errs.push(required(child(path, 'image'), ''));
  const tmp = c.terminationMessagePolicy ?? '';
  if (tmp === '') errs.push(required(child(path, 'terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError')
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, child(path, 'volumeMounts')));
  const pp = c.imagePullPolicy ?? '';
  if (pp === '') errs.push(required(child(path, 'imagePullPolicy'), ''));
  else if (!supportedPullPolicies.includes(pp))
    errs.push(notSupported(child(path, 'imagePullPolicy'), pp, supportedPullPolicies));
  errs.push(...validateResourceRequirements(c.resources, child(path, 'resources')));
  return errs;
}

/** checkHostPortConflicts: the same protocol/hostIP/hostPort may be claimed once per pod. */
function checkHostPortConflicts(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers.some((c) => c.ports?.length)) return errs;
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      const pPath = child(index(child(index(path, ci), 'ports'), pi), 'hostPort');
      if (seen.has(key)) errs.push(duplicate(pPath, key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: Container[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else names.add(c.name);
    const lc = c.lifecycle;
    if (lc?.postStart)
      errs.push(
        ...validateHandler(lc.postStart as any, child(child(p, 'lifecycle'), 'postStart'), [
          'exec',
          'httpGet',
          'tcpSocket',
          'sleep',
        ]),
      );
    if (lc?.preStop)
      errs.push(
        ...validateHandler(lc.preStop as any, child(child(p, 'lifecycle'), 'preStop'), [
          'exec',
          'httpGet',
          'tcpSocket',
          'sleep',
        ]),
      );
    errs.push(...validateProbe(c.livenessProbe, child(p, 'livenessProbe'), true));
    errs.push(...validateProbe(c.readinessProbe, child(p, 'readinessProbe'), false));
    errs.push(...validateProbe(c.startupProbe, child(p, 'startupProbe'), true));
    const rp = (c as Container & { restartPolicy?: string }).restartPolicy;
    if (rp !== undefined && rp !== null)
      errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!inits?.length) return errs;
  const names = new Set((regular ?? []).map((c) => c.name));
  inits.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else names.add(c.name);
    const rp = (c as Container & { restartPolicy?: string }).restartPolicy;
    if (rp !== undefined && rp !== null && rp !== 'Always')
      errs.push(notSupported(child(p, 'restartPolicy'), rp, ['Always']));
    const sidecar = rp === 'Always';
    if (!sidecar) {
      if (c.lifecycle)
        errs.push(forbidden(child(p, 'lifecycle'), 'may not be set for init containers without restartPolicy=Always'));
      if (c.livenessProbe)
        errs.push(
          forbidden(child(p, 'livenessProbe'), 'may not be set for init containers without restartPolicy=Always'),
        );
      if (c.readinessProbe)
        errs.push(
          forbidden(child(p, 'readinessProbe'), 'may not be set for init containers without restartPolicy=Always'),
        );
      if (c.startupProbe)
        errs.push(
          forbidden(child(p, 'startupProbe'), 'may not be set for init containers without restartPolicy=Always'),
        );
    } else {
      errs.push(...validateProbe(c.livenessProbe, child(p, 'livenessProbe'), true));
      errs.push(...validateProbe(c.startupProbe, child(p, 'startupProbe'), true));
      if (c.readinessProbe) errs.push(...validateProbe(c.readinessProbe, child(p, 'readinessProbe'), false));
    }
  });
  errs.push(...checkHostPortConflicts(inits ?? [], path));
  return errs;
}

// ---------------------------------------------------------------- scheduling

const supportedTaintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: string): FieldError[] {
  const e = effect ?? '';
  if (!allowEmpty && e === '') return [required(path, '')];
  if (e === '' || supportedTaintEffects.includes(e)) return [];
  return [notSupported(path, e, supportedTaintEffects)];
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const idx = index(path, i);
    const key = t.key ?? '';
    const op = t.operator ?? '';
    if (key) errs.push(...validateLabelName(key, child(idx, 'key')));
    if (!key && op !== 'Exists')
      errs.push(
        invalid(
          child(idx, 'operator'),
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute')
      errs.push(
        invalid(child(idx, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    switch (op) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length) errs.push(invalid(child(idx, 'operator'), t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value)
          errs.push(
            invalidRendered(child(idx, 'operator'), goToleration(t), "value must be empty when `operator` is 'Exists'"),
          );
        break;
      default:
        errs.push(notSupported(child(idx, 'operator'), op, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, child(idx, 'effect')));
  });
  return errs;
}

function validateNodeSelectorRequirement(rq: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0)
        errs.push(
          forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1)
        errs.push(required(child(path, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), rq.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key ?? '', child(path, 'key')));
  values.forEach((v, i) => {
    for (const m of isValidLabelValue(v)) errs.push(invalid(index(child(path, 'values'), i), v, m));
  });
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1)
      errs.push(
        required(
          child(path, 'values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
  } else errs.push(invalid(child(path, 'operator'), rq.operator ?? '', 'not a valid selector operator'));
  if (rq.key !== 'metadata.name')
    errs.push(invalid(child(path, 'key'), rq.key ?? '', 'not a valid field selector key'));
  else
    values.forEach((v, i) =>
      nameIsDNSSubdomain(v, false).forEach((m) => errs.push(invalid(index(child(path, 'values'), i), v, m))),
    );
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) =>
    errs.push(...validateNodeSelectorRequirement(r, index(child(path, 'matchExpressions'), j))),
  );
  (term.matchFields ?? []).forEach((r, j) =>
    errs.push(...validateNodeFieldSelectorRequirement(r, index(child(path, 'matchFields'), j))),
  );
  return errs;
}

/** ValidateNodeSelector (required node affinity). */
export function validateNodeSelector(ns: NodeSelector, path: string): FieldError[] {
  const termPath = child(path, 'nodeSelectorTerms');
  const terms = ns.nodeSelectorTerms ?? [];
  if (terms.length === 0) return [required(termPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, index(termPath, i)));
}

function validatePodAffinityTerm(term: PodAffinityTerm, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (term.labelSelector) errs.push(...validateLabelSelector(term.labelSelector, child(path, 'labelSelector')));
  if (term.namespaceSelector)
    errs.push(...validateLabelSelector(term.namespaceSelector, child(path, 'namespaceSelector')));
  for (const ns of term.namespaces ?? [])
    for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(child(path, 'namespace'), ns, m));
  if (!term.topologyKey) errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  else errs.push(...validateLabelName(term.topologyKey, child(path, 'topologyKey')));
  return errs;
}

function validatePodAffinityTerms(
  required_: PodAffinityTerm[] | undefined,
  preferred: { weight: number; podAffinityTerm: PodAffinityTerm }[] | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  (required_ ?? []).forEach((t, i) =>
    errs.push(...validatePodAffinityTerm(t, index(child(path, 'requiredDuringSchedulingIgnoredDuringExecution'), i))),
  );
  (preferred ?? []).forEach((w, i) => {
    const p = index(child(path, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
    if (w.weight <= 0 || w.weight > 100) errs.push(invalid(child(p, 'weight'), w.weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(w.podAffinityTerm ?? ({} as PodAffinityTerm), child(p, 'podAffinityTerm')));
  });
  return errs;
}

/** validateAffinity: node affinity selector terms, preferred weights, pod (anti-)affinity terms. */
export function validateAffinity(a: Affinity | undefined, path: string): FieldError[] {
  if (!a) return [];
  const errs: FieldError[] = [];
  const na = a.nodeAffinity;
  if (na) {
    const p = child(path, 'nodeAffinity');
    if (na.requiredDuringSchedulingIgnoredDuringExecution)
      errs.push(
        ...validateNodeSelector(
          na.requiredDuringSchedulingIgnoredDuringExecution,
          child(p, 'requiredDuringSchedulingIgnoredDuringExecution'),
        ),
      );
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const tp = index(child(p, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
      if (t.weight <= 0 || t.weight > 100)
        errs.push(invalid(child(tp, 'weight'), t.weight, 'must be in the range 1-100'));
      errs.push(...validateNodeSelectorTerm(t.preference ?? {}, child(tp, 'preference')));
    });
  }
  if (a.podAffinity)
    errs.push(
      ...validatePodAffinityTerms(
        a.podAffinity.requiredDuringSchedulingIgnoredDuringExecution,
        a.podAffinity.preferredDuringSchedulingIgnoredDuringExecution,
        child(path, 'podAffinity'),
      ),
    );
  if (a.podAntiAffinity)
    errs.push(
      ...validatePodAffinityTerms(
        a.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution,
        a.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution,
        child(path, 'podAntiAffinity'),
      ),
    );
  return errs;
}

// ---------------------------------------------------------------- pod spec

const supportedRestartPolicies = ['Always', 'OnFailure', 'Never'];
const supportedDNSPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

function validateRestartPolicy(rp: string | undefined, path: string): FieldError[] {
  const v = rp ?? '';
  if (v === '') return [required(path, '')];
  if (supportedRestartPolicies.includes(v)) return [];
  return [notSupported(path, v, supportedRestartPolicies)];
}

function validateDNSPolicy(p: string | undefined, path: string): FieldError[] {
  const v = p ?? '';
  if (v === '') return [required(path, '')];
  if (supportedDNSPolicies.includes(v)) return [];
  return [notSupported(path, v, supportedDNSPolicies)];
}

/** validatePodHostNetworkDeps: with hostNetwork, a hostPort must equal its containerPort. */
function validatePodHostNetworkDeps(spec: PodSpec, path: string, opts: PodValidationOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, i) => {
    (c.ports ?? []).forEach((p, j) => {
      const hp = p.hostPort ?? 0;
      if ((hp !== 0 || opts.resourceIsPod) && hp !== p.containerPort)
        errs.push(
          invalid(
            child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort'),
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
    });
  });
  return errs;
}

/** ValidatePodSpec. */
export function validatePodSpec(
  spec: PodSpec | undefined,
  path: string,
  opts: PodValidationOptions = {},
): FieldError[] {
  const s = spec ?? ({} as PodSpec);
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null)
    errs.push(required(child(path, 'terminationGracePeriodSeconds'), ''));
  const { names: vols, errs: vErrs } = validateVolumes(s.volumes, child(path, 'volumes'));
  errs.push(...vErrs);
  errs.push(...validateContainers(s.containers, vols, child(path, 'containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols, child(path, 'initContainers')));
  errs.push(...validatePodHostNetworkDeps(s, path, opts));
  errs.push(...validateRestartPolicy(s.restartPolicy, child(path, 'restartPolicy')));
  errs.push(...validateDNSPolicy(s.dnsPolicy, child(path, 'dnsPolicy')));
  errs.push(...validateLabels(s.nodeSelector ?? {}, child(path, 'nodeSelector')));
  errs.push(...validateAffinity(s.affinity, child(path, 'affinity')));
  if (s.serviceAccountName)
    for (const m of nameIsDNSSubdomain(s.serviceAccountName, false))
      errs.push(invalid(child(path, 'serviceAccountName'), s.serviceAccountName, m));
  if (s.nodeName)
    for (const m of nameIsDNSSubdomain(s.nodeName, false)) errs.push(invalid(child(path, 'nodeName'), s.nodeName, m));
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds !== null) {
    const v = s.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32)
      errs.push(invalid(child(path, 'activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...dns1123Label(s.hostname, child(path, 'hostname')));
  if (s.subdomain) errs.push(...dns1123Label(s.subdomain, child(path, 'subdomain')));
  if (s.tolerations?.length) errs.push(...validateTolerations(s.tolerations, child(path, 'tolerations')));
  if (s.priorityClassName)
    for (const m of nameIsDNSSubdomain(s.priorityClassName, false))
      errs.push(invalid(child(path, 'priorityClassName'), s.priorityClassName, m));
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    const pp = s.preemptionPolicy;
    if (pp === '') errs.push(required(child(path, 'preemptionPolicy'), ''));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never')
      errs.push(notSupported(child(path, 'preemptionPolicy'), pp, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** ValidatePodTemplateSpec; note upstream reports template label errors under `<path>.labels`. */
export function validatePodTemplateSpec(
  t: PodTemplateSpec | undefined,
  path: string,
  opts: PodValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(t?.metadata?.labels ?? {}, child(path, 'labels')));
  errs.push(...validateAnnotations(t?.metadata?.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(t?.spec, child(path, 'spec'), opts));
  if (t?.spec?.ephemeralContainers?.length)
    errs.push(
      forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'),
    );
  return errs;
}

function validateContainersOnlyForPod(containers: Container[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    if (c.image && c.image.trim().length !== c.image.length)
      errs.push(invalid(child(index(path, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
  });
  return errs;
}

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain, 'metadata');
  errs.push(...validatePodSpec(pod.spec, 'spec', { resourceIsPod: true }));
  errs.push(...validateContainersOnlyForPod(pod.spec?.containers, 'spec.containers'));
  errs.push(...validateContainersOnlyForPod(pod.spec?.initContainers, 'spec.initContainers'));
  return errs;
}

/** ValidatePodCreate. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (pod.spec?.ephemeralContainers?.length)
    errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (pod.spec?.nodeName && pod.spec.schedulingGates?.length)
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

/** The Forbidden message of ValidatePodUpdate, before the spec diff upstream appends. */
export const podUpdateForbiddenMessage =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function validateContainerUpdates(
  nc: Container[],
  oc: Container[],
  path: string,
): { errs: FieldError[]; stop: boolean } {
  if (nc.length !== oc.length)
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  nc.forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), 'image'), ''));
    if (c.image && c.image.trim().length !== c.image.length)
      errs.push(invalid(child(index(path, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(
  nt: Toleration[] | undefined,
  ot: Toleration[] | undefined,
  path: string,
): FieldError[] {
  for (const old of ot ?? []) {
    const found = (nt ?? []).some((n) => jsonEqualValues({ ...old, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(nt, path);
}

/** A compact stand-in for cmp.Diff(oldSpec, newSpec): the top-level PodSpec fields that differ. */
function specDiff(oldSpec: Record<string, unknown>, newSpec: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].sort();
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    if (jsonEqualValues(oldSpec[k], newSpec[k])) continue;
    const field = k.charAt(0).toUpperCase() + k.slice(1);
    if (oldSpec[k] !== undefined) lines.push(`- \t${field}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${field}: ${JSON.stringify(newSpec[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and grace period 1 may change. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata, 'metadata');
  errs.push(...validatePodMetadataAndSpec(pod));
  const ns = pod.spec ?? ({} as PodSpec);
  const os = old.spec ?? ({} as PodSpec);
  let r = validateContainerUpdates(ns.containers ?? [], os.containers ?? [], 'spec.containers');
  errs.push(...r.errs);
  if (r.stop) return errs;
  r = validateContainerUpdates(ns.initContainers ?? [], os.initContainers ?? [], 'spec.initContainers');
  errs.push(...r.errs);
  if (r.stop) return errs;
  if (ns.activeDeadlineSeconds != null) {
    const v = ns.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT32) {
      errs.push(invalid('spec.activeDeadlineSeconds', v, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (os.activeDeadlineSeconds != null && os.activeDeadlineSeconds < v) {
      errs.push(invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (os.activeDeadlineSeconds != null) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(ns.tolerations, os.tolerations, 'spec.tolerations'));
  if (jsonEqualValues(ns, os)) return errs;
  const munged: Record<string, any> = JSON.parse(JSON.stringify(ns));
  munged.containers = (munged.containers ?? []).map((c: Container, i: number) => ({
    ...c,
    image: os.containers![i].image,
  }));
  if (munged.initContainers)
    munged.initContainers = munged.initContainers.map((c: Container, i: number) => ({
      ...c,
      image: os.initContainers![i].image,
    }));
  munged.activeDeadlineSeconds = os.activeDeadlineSeconds;
  munged.tolerations = os.tolerations;
  if ((os.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  if (!jsonEqualValues(munged, os))
    errs.push(
      forbidden('spec', `${podUpdateForbiddenMessage}\n${specDiff(os as unknown as Record<string, unknown>, munged)}`),
    );
  return errs;
}

// ---------------------------------------------------------------- node, namespace

/** validateNodeTaints: key, value, effect (required) and uniqueness by key and effect. */
export function validateNodeTaints(taints: Taint[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  (taints ?? []).forEach((t, i) => {
    const idx = index(path, i);
    errs.push(...validateLabelName(t.key ?? '', child(idx, 'key')));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(child(idx, 'value'), t.value ?? '', msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, child(idx, 'effect')));
    const keys = seen.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      errs.push({
        type: 'FieldValueDuplicate',
        field: idx,
        badValue: goTaint(t),
        detail: 'taints must be unique by key and effect pair',
      });
      return;
    }
    keys.add(t.key);
    seen.set(t.effect, keys);
  });
  return errs;
}

/** ValidateNode (the parts a Node manifest in a scenario can get wrong). */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain, 'metadata');
  errs.push(...validateNodeTaints(node.spec?.taints, 'spec.taints'));
  return errs;
}

export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata, 'metadata');
  errs.push(...validateNodeTaints(node.spec?.taints, 'spec.taints'));
  return errs;
}

/** ValidateNamespace: the name is a DNS label; finalizers are qualified names. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel, 'metadata');
  (ns.spec?.finalizers ?? []).forEach((f, i) => {
    for (const m of isQualifiedName(f)) errs.push(invalid(index('spec.finalizers', i), f, m));
  });
  return errs;
}

export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata, 'metadata');
}
