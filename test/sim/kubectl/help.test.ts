/**
 * help.ts against kubectl 1.34. The golden texts below are the output of the released kubectl
 * v1.34.5 binary (stdout not a terminal, no kubeconfig, no plugins on PATH); the api-resources
 * tables are its output against a discovery document listing exactly the sim's KINDS.
 */
import { describe, expect, test } from 'vitest';
import { KINDS } from '../../../src/sim/kinds';
import {
  COMMANDS,
  apiResourcesText,
  clusterInfoText,
  commandFlags,
  commandHelp,
  levenshtein,
  lookupCommand,
  notModelled,
  notModelledReason,
  rootHelp,
  suggestionsFor,
  unknownCommandError,
  unknownFlagError,
  versionText,
} from '../../../src/sim/kubectl/help';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const root = lines(
  'kubectl controls the Kubernetes cluster manager.',
  '',
  ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
  '',
  'Basic Commands (Beginner):',
  '  create          Create a resource from a file or from stdin',
  '  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  '  run             Run a particular image on the cluster',
  '  set             Set specific features on objects',
  '',
  'Basic Commands (Intermediate):',
  '  explain         Get documentation for a resource',
  '  get             Display one or many resources',
  '  edit            Edit a resource on the server',
  '  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector',
  '',
  'Deploy Commands:',
  '  rollout         Manage the rollout of a resource',
  '  scale           Set a new size for a deployment, replica set, or replication controller',
  '  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller',
  '',
  'Cluster Management Commands:',
  '  certificate     Modify certificate resources',
  '  cluster-info    Display cluster information',
  '  top             Display resource (CPU/memory) usage',
  '  cordon          Mark node as unschedulable',
  '  uncordon        Mark node as schedulable',
  '  drain           Drain node in preparation for maintenance',
  '  taint           Update the taints on one or more nodes',
  '',
  'Troubleshooting and Debugging Commands:',
  '  describe        Show details of a specific resource or group of resources',
  '  logs            Print the logs for a container in a pod',
  '  attach          Attach to a running container',
  '  exec            Execute a command in a container',
  '  port-forward    Forward one or more local ports to a pod',
  '  proxy           Run a proxy to the Kubernetes API server',
  '  cp              Copy files and directories to and from containers',
  '  auth            Inspect authorization',
  '  debug           Create debugging sessions for troubleshooting workloads and nodes',
  '  events          List events',
  '',
  'Advanced Commands:',
  '  diff            Diff the live version against a would-be applied version',
  '  apply           Apply a configuration to a resource by file name or stdin',
  '  patch           Update fields of a resource',
  '  replace         Replace a resource by file name or stdin',
  '  wait            Experimental: Wait for a specific condition on one or many resources',
  '  kustomize       Build a kustomization target from a directory or URL',
  '',
  'Settings Commands:',
  '  label           Update the labels on a resource',
  '  annotate        Update the annotations on a resource',
  '  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  '',
  'Subcommands provided by plugins:',
  '',
  'Other Commands:',
  '  api-resources   Print the supported API resources on the server',
  '  api-versions    Print the supported API versions on the server, in the form of "group/version"',
  '  config          Modify kubeconfig files',
  '  plugin          Provides utilities for interacting with plugins',
  '  version         Print the client and server version information',
  '',
  'Usage:',
  '  kubectl [flags] [options]',
  '',
  'Use "kubectl <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
);
const cordon = lines(
  'Mark node as unschedulable.',
  '',
  'Examples:',
  '  # Mark node "foo" as unschedulable',
  '  kubectl cordon foo',
  '',
  'Options:',
  "    --dry-run='none':",
  '\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  '',
  "    -l, --selector='':",
  "\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  '',
  'Usage:',
  '  kubectl cordon NODE [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
);
const rollout = lines(
  'Manage the rollout of one or many resources.',
  '        ',
  ' Valid resource types include:',
  '',
  '  *  deployments',
  '  *  daemonsets',
  '  *  statefulsets',
  '',
  'Examples:',
  '  # Rollback to the previous deployment',
  '  kubectl rollout undo deployment/abc',
  '  ',
  '  # Check the rollout status of a daemonset',
  '  kubectl rollout status daemonset/foo',
  '  ',
  '  # Restart a deployment',
  '  kubectl rollout restart deployment/abc',
  '  ',
  "  # Restart deployments with the 'app=nginx' label",
  '  kubectl rollout restart deployment --selector=app=nginx',
  '',
  'Available Commands:',
  '  history       View rollout history',
  '  pause         Mark the provided resource as paused',
  '  restart       Restart a resource',
  '  resume        Resume a paused resource',
  '  status        Show the status of the rollout',
  '  undo          Undo a previous rollout',
  '',
  'Usage:',
  '  kubectl rollout SUBCOMMAND [options]',
  '',
  'Use "kubectl rollout <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
);
const createJob = lines(
  'Create a job with the specified name.',
  '',
  'Examples:',
  '  # Create a job',
  '  kubectl create job my-job --image=busybox',
  '  ',
  '  # Create a job with a command',
  '  kubectl create job my-job --image=busybox -- date',
  '  ',
  '  # Create a job from a cron job named "a-cronjob"',
  '  kubectl create job test-job --from=cronjob/a-cronjob',
  '',
  'Options:',
  '    --allow-missing-template-keys=true:',
  '\tIf true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  '',
  "    --dry-run='none':",
  '\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  '',
  "    --field-manager='kubectl-create':",
  '\tName of the manager used to track field ownership.',
  '',
  "    --from='':",
  '\tThe name of the resource to create a Job from (only cronjob is supported).',
  '',
  "    --image='':",
  '\tImage name to run.',
  '',
  "    -o, --output='':",
  '\tOutput format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  '',
  '    --save-config=false:',
  '\tIf true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
  '',
  '    --show-managed-fields=false:',
  '\tIf true, keep the managedFields when printing objects in JSON or YAML format.',
  '',
  "    --template='':",
  '\tTemplate string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  '',
  "    --validate='strict':",
  '\tMust be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
  '',
  'Usage:',
  '  kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
);
const help = lines(
  'Help provides help for any command in the application.',
  'Simply type kubectl help [path to command] for full details.',
  '',
  'Usage:',
  '  kubectl help [command] [flags] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
);
const ar = lines(
  'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND',
  'events                ev           v1           true         Event',
  'namespaces            ns           v1           false        Namespace',
  'nodes                 no           v1           false        Node',
  'pods                  po           v1           true         Pod',
  'controllerrevisions                apps/v1      true         ControllerRevision',
  'daemonsets            ds           apps/v1      true         DaemonSet',
  'cronjobs              cj           batch/v1     true         CronJob',
  'jobs                               batch/v1     true         Job',
);
const arWide = lines(
  'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND                 VERBS                                                        CATEGORIES',
  'events                ev           v1           true         Event                create,delete,deletecollection,get,list,patch,update,watch   ',
  'namespaces            ns           v1           false        Namespace            create,delete,get,list,patch,update,watch                    ',
  'nodes                 no           v1           false        Node                 create,delete,deletecollection,get,list,patch,update,watch   ',
  'pods                  po           v1           true         Pod                  create,delete,deletecollection,get,list,patch,update,watch   all',
  'controllerrevisions                apps/v1      true         ControllerRevision   create,delete,deletecollection,get,list,patch,update,watch   ',
  'daemonsets            ds           apps/v1      true         DaemonSet            create,delete,deletecollection,get,list,patch,update,watch   all',
  'cronjobs              cj           batch/v1     true         CronJob              create,delete,deletecollection,get,list,patch,update,watch   all',
  'jobs                               batch/v1     true         Job                  create,delete,deletecollection,get,list,patch,update,watch   all',
);
const arNh = lines(
  'events                ev    v1         true    Event',
  'namespaces            ns    v1         false   Namespace',
  'nodes                 no    v1         false   Node',
  'pods                  po    v1         true    Pod',
  'controllerrevisions         apps/v1    true    ControllerRevision',
  'daemonsets            ds    apps/v1    true    DaemonSet',
  'cronjobs              cj    batch/v1   true    CronJob',
  'jobs                        batch/v1   true    Job',
);
const arName = lines(
  'events',
  'namespaces',
  'nodes',
  'pods',
  'controllerrevisions.apps',
  'daemonsets.apps',
  'cronjobs.batch',
  'jobs.batch',
);
const arNsFalse = lines(
  'NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND',
  'namespaces   ns           v1           false        Namespace',
  'nodes        no           v1           false        Node',
);
const arKind = lines(
  'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND',
  'controllerrevisions                apps/v1      true         ControllerRevision',
  'cronjobs              cj           batch/v1     true         CronJob',
  'daemonsets            ds           apps/v1      true         DaemonSet',
  'events                ev           v1           true         Event',
  'jobs                               batch/v1     true         Job',
  'namespaces            ns           v1           false        Namespace',
  'nodes                 no           v1           false        Node',
  'pods                  po           v1           true         Pod',
);
const arBatch = lines(
  'cronjobs   cj    batch/v1   true   CronJob   create,delete,deletecollection,get,list,patch,update,watch   all',
  'jobs             batch/v1   true   Job       create,delete,deletecollection,get,list,patch,update,watch   all',
);

describe('rootHelp', () => {
  // cmd.go NewKubectlCommand: the groups; templater.go cmdGroupsString; templates.go MainUsageTemplate.
  test('is `kubectl --help` byte for byte', () => {
    expect(rootHelp()).toBe(root);
  });

  test('starts with the root Long and the first group', () => {
    expect(rootHelp().split('\n').slice(0, 6)).toEqual([
      'kubectl controls the Kubernetes cluster manager.',
      '',
      ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
      '',
      'Basic Commands (Beginner):',
      '  create          Create a resource from a file or from stdin',
    ]);
  });

  test('lists the groups in cmd.go order, then the plugin group and Other Commands', () => {
    const headings = rootHelp()
      .split('\n')
      .filter((l) => /^\S.*:$/.test(l));
    expect(headings).toEqual([
      'Basic Commands (Beginner):',
      'Basic Commands (Intermediate):',
      'Deploy Commands:',
      'Cluster Management Commands:',
      'Troubleshooting and Debugging Commands:',
      'Advanced Commands:',
      'Settings Commands:',
      'Subcommands provided by plugins:',
      'Other Commands:',
      'Usage:',
    ]);
  });

  test('is what commandHelp([]) gives', () => {
    expect(commandHelp([])).toBe(rootHelp());
  });
});

describe('commandHelp', () => {
  test.each([
    ['cordon', cordon],
    ['rollout', rollout],
    ['create job', createJob],
    ['help', help],
  ])('kubectl %s --help', (path, expected) => {
    expect(commandHelp(path.split(' '))).toBe(expected);
  });

  test('kubectl get --help: Usage line and Options as help_flags_printer.go prints them', () => {
    const text = commandHelp(['get'])!;
    expect(text).toContain(
      '\n\nUsage:\n  kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]\n\n',
    );
    expect(text).toContain(
      '\nOptions:\n    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.\n\n',
    );
    expect(text).toContain('\n    --chunk-size=500:\n\tReturn large lists in chunks rather than all at once.');
    expect(text).toContain("\n    --field-selector='':\n\tSelector (field query) to filter on");
    expect(text).toContain('\n    -L, --label-columns=[]:\n\tAccepts a comma separated list of labels');
    expect(text).toContain("\n    -o, --output='':\n\tOutput format. One of: (json, yaml, name,");
    expect(text).toContain(
      '\n    -w, --watch=false:\n\tAfter listing/getting the requested object, watch for changes.\n\n',
    );
    // get.go: Long ends with cmdutil.SuggestAPIResources("kubectl").
    expect(text).toContain(
      '\n\nUse "kubectl api-resources" for a complete list of supported resources.\n\nExamples:\n',
    );
    expect(
      text.endsWith('\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n'),
    ).toBe(true);
  });

  // The first line of each command's Long after templates.LongDesc, from
  // staging/src/k8s.io/kubectl/pkg/cmd/<command>/*.go (getLong, describeLong, applyLong, ...).
  test.each([
    ['get', 'Display one or many resources.'],
    ['describe', 'Show details of a specific resource or group of resources.'],
    ['apply', 'Apply a configuration to a resource by file name or stdin. The resource name must be specified.'],
    ['create', 'Create a resource from a file or from stdin.'],
    ['create job', 'Create a job with the specified name.'],
    ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector.'],
    ['label', 'Update the labels on a resource.'],
    ['annotate', 'Update the annotations on one or more resources.'],
    ['taint', 'Update the taints on one or more nodes.'],
    ['cordon', 'Mark node as unschedulable.'],
    ['uncordon', 'Mark node as schedulable.'],
    ['drain', 'Drain node in preparation for maintenance.'],
    ['rollout', 'Manage the rollout of one or many resources.'],
    ['rollout status', 'Show the status of the rollout.'],
    ['rollout history', 'View previous rollout revisions and configurations.'],
    ['rollout undo', 'Roll back to a previous rollout.'],
    ['rollout restart', 'Restart a resource.'],
    ['logs', 'Print the logs for a container in a pod or specified resource.'],
    ['explain', 'Describe fields and structure of various resources.'],
    ['api-resources', 'Print the supported API resources on the server.'],
    ['version', 'Print the client and server version information for the current context.'],
    [
      'cluster-info',
      'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
    ],
    ['scale', 'Set a new size for a deployment, replica set, replication controller, or stateful set.'],
    ['help', 'Help provides help for any command in the application.'],
  ])('kubectl %s --help starts with its Long', (path, long) => {
    const text = commandHelp(path.split(' '));
    expect(text?.startsWith(long)).toBe(true);
    expect(text).toMatch(/\nUsage:\n {2}kubectl .*\n\n/);
  });

  test('every supported command has help, and only those', () => {
    for (const c of COMMANDS) {
      expect(commandHelp(c.path) !== undefined, c.path.join(' ')).toBe(c.supported);
    }
  });

  test('rollout status --help as rollout_status.go defines it', () => {
    const text = commandHelp(['rollout', 'status'])!;
    // statusLong: the paragraphs joined, each after the first indented by one space (LongDesc's markdown rendering).
    expect(text).toContain(
      "\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait",
    );
    expect(text).toContain(
      'Examples:\n  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx\n\n',
    );
    expect(text).toContain("    -w, --watch=true:\n\tWatch the status of the rollout until it's done.");
    expect(text).toContain('    --timeout=0s:\n\tThe length of time to wait before ending watch, zero means never.');
    expect(text).toContain('Usage:\n  kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]\n');
  });

  test('unknown paths have no help', () => {
    expect(commandHelp(['exec'])).toBeUndefined();
    expect(commandHelp(['create', 'cronjob'])).toBeUndefined();
    expect(commandHelp(['gt'])).toBeUndefined();
  });
});

describe('commandFlags', () => {
  test('get: shorthands and printed defaults', () => {
    const flags = commandFlags(['get'])!;
    expect(flags.find((f) => f.name === 'all-namespaces')).toMatchObject({ shorthand: 'A', default: 'false' });
    expect(flags.find((f) => f.name === 'selector')).toMatchObject({ shorthand: 'l', default: "''" });
    expect(flags.find((f) => f.name === 'chunk-size')).toMatchObject({ default: '500' });
    expect(flags.find((f) => f.name === 'chunk-size')?.shorthand).toBeUndefined();
    expect(flags.map((f) => f.name)).not.toContain('namespace');
  });

  test('drain: --ignore-daemonsets and --delete-emptydir-data', () => {
    const names = commandFlags(['drain'])!.map((f) => f.name);
    expect(names).toContain('ignore-daemonsets');
    expect(names).toContain('delete-emptydir-data');
    expect(names).toContain('force');
  });

  test('none for commands without help here', () => {
    expect(commandFlags(['exec'])).toBeUndefined();
  });
});

describe('suggestionsFor', () => {
  // spf13/cobra command_test.go TestSuggestions: a root with one command "times", SuggestFor "counts".
  const times = [{ name: 'times', suggestFor: ['counts'] }];
  test.each([
    ['time', ['times']],
    ['tiems', ['times']],
    ['tims', ['times']],
    ['timeS', ['times']],
    ['rimes', ['times']],
    ['ti', ['times']],
    ['t', ['times']],
    ['timely', ['times']],
    ['ri', []],
    ['timezone', []],
    ['foo', []],
    ['counts', ['times']],
  ])('cobra TestSuggestions: %s', (typo, expected) => {
    expect(suggestionsFor(typo, times)).toEqual(expected);
  });

  test('plain names are candidates too, in their order', () => {
    expect(suggestionsFor('gt', ['set', 'get', 'cp', 'logs'])).toEqual(['set', 'get', 'cp']);
  });

  test('a SuggestFor match repeats a name that also matched by distance', () => {
    expect(suggestionsFor('rm', [{ name: 'run' }, { name: 'delete', suggestFor: ['rm'] }, 'cp'])).toEqual([
      'run',
      'delete',
      'cp',
    ]);
    expect(suggestionsFor('get', [{ name: 'gets', suggestFor: ['get'] }])).toEqual(['gets', 'gets']);
  });

  // cobra levenshtein.go ld.
  test.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['GET', 'get', 0],
    ['desribe', 'describe', 1],
    ['x', 'cp', 2],
  ])('levenshtein(%s, %s) = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
  });
});

describe('unknownCommandError', () => {
  // kubectl v1.34.5's stderr. The suggestions follow the order cmd.go adds the commands in.
  test.each([
    ['gt', 'error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n'],
    ['desribe', 'error: unknown command "desribe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n'],
    ['GET', 'error: unknown command "GET" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n'],
    ['zzzzzz', 'error: unknown command "zzzzzz" for "kubectl"\n'],
    ['optins', 'error: unknown command "optins" for "kubectl"\n\nDid you mean this?\n\toptions\n'],
    // help is never suggested (cobra: IsAvailableCommand is false for the help command).
    ['hep', 'error: unknown command "hep" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\ttop\n\tcp\n'],
    [
      'ap',
      'error: unknown command "ap" for "kubectl"\n\nDid you mean this?\n\ttop\n\tcp\n\tapply\n\tapi-versions\n\tapi-resources\n',
    ],
    [
      'c',
      'error: unknown command "c" for "kubectl"\n\nDid you mean this?\n\tcreate\n\tcertificate\n\tcluster-info\n\tcordon\n\tcp\n\tcompletion\n\tconfig\n',
    ],
    [
      'e',
      'error: unknown command "e" for "kubectl"\n\nDid you mean this?\n\texpose\n\tset\n\texplain\n\tget\n\tedit\n\texec\n\tcp\n\tevents\n',
    ],
    // SuggestFor: get and wait for "list" and "ps", delete for "rm".
    ['rm', 'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\trun\n\tdelete\n\tcp\n'],
    ['ps', 'error: unknown command "ps" for "kubectl"\n\nDid you mean this?\n\tget\n\tcp\n\twait\n'],
    ['list', 'error: unknown command "list" for "kubectl"\n\nDid you mean this?\n\tget\n\twait\n'],
    // alpha has no subcommands in 1.34, so it is not offered; kuberc is not a command.
    ['alpah', 'error: unknown command "alpah" for "kubectl"\n'],
    ['kuberc', 'error: unknown command "kuberc" for "kubectl"\n'],
    ['cluster', 'error: unknown command "cluster" for "kubectl"\n\nDid you mean this?\n\tcluster-info\n'],
  ])('kubectl %s', (word, expected) => {
    expect(unknownCommandError(word)).toBe(expected);
  });

  test('quotes the word as Go %q does', () => {
    expect(unknownCommandError('a"b')).toBe('error: unknown command "a\\"b" for "kubectl"\n');
  });
});

describe('unknownFlagError', () => {
  // templater.go FlagErrorFunc around pflag's errors; kubectl v1.34.5's stderr.
  test.each([
    [['get'], '--foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    [['get'], '--foo=bar', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    [['get'], '-z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
    [['get'], '-zq', "error: unknown shorthand flag: 'z' in -zq\nSee 'kubectl get --help' for usage.\n"],
    [['get'], '---x', "error: bad flag syntax: ---x\nSee 'kubectl get --help' for usage.\n"],
    [['get'], '--=x', "error: bad flag syntax: --=x\nSee 'kubectl get --help' for usage.\n"],
    [[], '--foo', "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n"],
    [[], '-z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl --help' for usage.\n"],
    [['rollout', 'status'], '--foo', "error: unknown flag: --foo\nSee 'kubectl rollout status --help' for usage.\n"],
    [['create', 'job'], '-z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl create job --help' for usage.\n"],
    [['options'], '--foo', "error: unknown flag: --foo\nRun 'kubectl options' without flags.\n"],
  ])('kubectl %j %s', (path, flag, expected) => {
    expect(unknownFlagError(path, flag)).toBe(expected);
  });
});

describe('notModelled', () => {
  test('one line naming the command and why', () => {
    expect(notModelled(['exec'])).toBe(
      'error: "kubectl exec" is not available in this sandbox: the simulated containers have no processes to attach to.\n',
    );
    expect(notModelled(['top', 'pod'])).toBe(
      'error: "kubectl top pod" is not available in this sandbox: the simulated cluster runs no metrics-server, so there is no CPU or memory usage to show.\n',
    );
  });

  test.each([
    [['attach'], 'NoContainerProcesses'],
    [['cp'], 'NoContainerFilesystems'],
    [['port-forward'], 'NoNetwork'],
    [['edit'], 'NoEditor'],
    [['top', 'node'], 'NoMetricsServer'],
    [['create', 'cronjob'], 'CreateSubcommandNotModelled'],
    [['rollout', 'pause'], 'PauseNeedsDeployment'],
    [['cluster-info', 'dump'], 'NoComponentLogs'],
    [['events'], 'UseGetEvents'],
    [['wait'], 'NotModelled'],
  ])('%j: %s', (path, reason) => {
    expect(notModelledReason(path)).toBe(reason);
  });

  test('every unsupported command gets a line that names it', () => {
    for (const c of COMMANDS.filter((x) => !x.supported)) {
      const line = notModelled(c.path);
      expect(line).toMatch(
        new RegExp(`^error: "kubectl ${c.path.join(' ')}" is not available in this sandbox: .+\\.\\n$`),
      );
    }
  });
});

describe('COMMANDS', () => {
  test('the supported set', () => {
    expect(
      COMMANDS.filter((c) => c.supported)
        .map((c) => c.path.join(' '))
        .sort(),
    ).toEqual(
      [
        'annotate',
        'api-resources',
        'apply',
        'cluster-info',
        'cordon',
        'create',
        'create job',
        'create namespace',
        'delete',
        'describe',
        'drain',
        'explain',
        'get',
        'help',
        'label',
        'logs',
        'rollout',
        'rollout history',
        'rollout restart',
        'rollout status',
        'rollout undo',
        'scale',
        'taint',
        'uncordon',
        'version',
      ].sort(),
    );
  });

  test('groups and Short texts as kubectl --help shows them', () => {
    expect(lookupCommand(['drain'])).toMatchObject({
      group: 'Cluster Management Commands:',
      short: 'Drain node in preparation for maintenance',
      supported: true,
    });
    expect(lookupCommand(['exec'])).toMatchObject({
      group: 'Troubleshooting and Debugging Commands:',
      supported: false,
    });
    expect(lookupCommand(['rollout', 'pause'])).toMatchObject({ group: 'Available Commands:', supported: false });
    expect(lookupCommand(['options'])).toMatchObject({ group: null });
    expect(lookupCommand(['get'])?.suggestFor).toEqual(['list', 'ps']);
    expect(lookupCommand(['nope'])).toBeUndefined();
  });

  test('top-level commands in the order cmd.go adds them', () => {
    expect(COMMANDS.filter((c) => c.path.length === 1).map((c) => c.path[0])).toEqual([
      'create',
      'expose',
      'run',
      'set',
      'explain',
      'get',
      'edit',
      'delete',
      'rollout',
      'scale',
      'autoscale',
      'certificate',
      'cluster-info',
      'top',
      'cordon',
      'uncordon',
      'drain',
      'taint',
      'describe',
      'logs',
      'attach',
      'exec',
      'port-forward',
      'proxy',
      'cp',
      'auth',
      'debug',
      'events',
      'diff',
      'apply',
      'patch',
      'replace',
      'wait',
      'kustomize',
      'label',
      'annotate',
      'completion',
      'alpha',
      'config',
      'plugin',
      'version',
      'api-versions',
      'api-resources',
      'options',
      'help',
    ]);
  });
});

describe('versionText', () => {
  // version.go; kubectl v1.34.5 with kustomize v5.7.1 (the kustomize its go.mod pins).
  test('text', () => {
    expect(versionText()).toBe('Client Version: v1.34.5\nKustomize Version: v5.7.1\nServer Version: v1.34.5\n');
    expect(versionText({ client: true })).toBe('Client Version: v1.34.5\nKustomize Version: v5.7.1\n');
  });

  test('--client -o json', () => {
    expect(versionText({ client: true, output: 'json' })).toBe(
      lines(
        '{',
        '  "clientVersion": {',
        '    "major": "1",',
        '    "minor": "34",',
        '    "gitVersion": "v1.34.5",',
        '    "gitCommit": "ebfac057369b21558006b8815821ab2fb1e29f2d",',
        '    "gitTreeState": "clean",',
        '    "buildDate": "2026-02-26T20:06:18Z",',
        '    "goVersion": "go1.24.13",',
        '    "compiler": "gc",',
        '    "platform": "linux/amd64"',
        '  },',
        '  "kustomizeVersion": "v5.7.1"',
        '}',
      ),
    );
  });

  test('-o json has the server after kustomize, in version.Info field order', () => {
    const json = versionText({ output: 'json' });
    expect(json).toContain(
      '  "kustomizeVersion": "v5.7.1",\n  "serverVersion": {\n    "major": "1",\n    "minor": "34",\n    "emulationMajor": "1",\n    "emulationMinor": "34",\n    "minCompatibilityMajor": "1",\n    "minCompatibilityMinor": "33",\n    "gitVersion": "v1.34.5",\n',
    );
    expect(JSON.parse(json).serverVersion.platform).toBe('linux/amd64');
  });

  test('--client -o yaml: sorted keys, quoted numbers and dates, a blank line at the end', () => {
    expect(versionText({ client: true, output: 'yaml' })).toBe(
      lines(
        'clientVersion:',
        '  buildDate: "2026-02-26T20:06:18Z"',
        '  compiler: gc',
        '  gitCommit: ebfac057369b21558006b8815821ab2fb1e29f2d',
        '  gitTreeState: clean',
        '  gitVersion: v1.34.5',
        '  goVersion: go1.24.13',
        '  major: "1"',
        '  minor: "34"',
        '  platform: linux/amd64',
        'kustomizeVersion: v5.7.1',
        '',
      ),
    );
  });

  test('-o yaml with the server', () => {
    expect(versionText({ output: 'yaml' })).toContain(
      'kustomizeVersion: v5.7.1\nserverVersion:\n  buildDate: "2026-02-26T20:06:18Z"\n  compiler: gc\n  emulationMajor: "1"\n  emulationMinor: "34"\n',
    );
    expect(versionText({ output: 'yaml' }).endsWith('  minor: "34"\n  platform: linux/amd64\n\n')).toBe(true);
  });
});

describe('clusterInfoText', () => {
  // clusterinfo.go; a kubeadm cluster's kube-dns Service (kubernetes.io/name=CoreDNS, first port "dns").
  test('no colour codes, the CoreDNS proxy link', () => {
    expect(clusterInfoText('https://127.0.0.1:6443')).toBe(
      lines(
        'Kubernetes control plane is running at https://127.0.0.1:6443',
        'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy',
        '',
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
      ),
    );
  });

  test('a bare host gets https://', () => {
    expect(clusterInfoText('control-plane:6443').split('\n')[0]).toBe(
      'Kubernetes control plane is running at https://control-plane:6443',
    );
  });
});

describe('apiResourcesText', () => {
  // apiresources.go: sorted by group then name; printers.GetNewTabWriter.
  test.each([
    ['default', {}, ar],
    ['-o wide', { wide: true }, arWide],
    ['--no-headers', { noHeaders: true }, arNh],
    ['-o name', { output: 'name' as const }, arName],
    ['--namespaced=false', { namespaced: false }, arNsFalse],
    ['--sort-by=kind', { sortBy: 'kind' as const }, arKind],
    ['--api-group=batch -o wide --no-headers', { apiGroup: 'batch', wide: true, noHeaders: true }, arBatch],
  ])('kubectl api-resources %s', (_name, opts, expected) => {
    expect(apiResourcesText(KINDS, opts)).toBe(expected);
  });

  test('a group nobody serves: the header only', () => {
    expect(apiResourcesText(KINDS, { apiGroup: 'nothing' })).toBe(
      'NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n',
    );
  });

  test('the input order does not matter', () => {
    expect(apiResourcesText([...KINDS].reverse())).toBe(ar);
  });
});
