/**
 * kubectl 1.34's help texts, as `kubectl <command> --help` prints them when its output is not a
 * terminal (no word wrapping), split into the parts of kubectl's help template
 * (staging/src/k8s.io/kubectl/pkg/util/templates/templates.go: MainHelpTemplate, MainUsageTemplate)
 * so that help.ts renders them back byte for byte. The parts come from each command's source
 * (staging/src/k8s.io/kubectl/pkg/cmd/<command>/<command>.go: Long, Example, the flag
 * definitions and Use) after templates.LongDesc / templates.Examples normalisation; they were
 * taken from the output of the released kubectl v1.34.5 binary and checked to render back to it
 * exactly.
 *
 * COMMAND_TABLE lists every command and subcommand with its Short text: the top-level commands in
 * the order cmd.go adds them to the root (the groups, then alpha, config, plugin, version,
 * api-versions, api-resources, options, and cobra's help last), then the subcommands in the order
 * their parent's "Available Commands:" lists them.
 */

/** One flag of a command's "Options:" section, as help_flags_printer.go prints it. */
export interface FlagHelp {
  name: string;
  shorthand?: string;
  /** pflag's DefValue as printed: quoted for string flags (`''`, `'none'`), `[]` for lists. */
  default: string;
  usage: string;
}

/** The parts of one command's help. */
export interface CommandHelpText {
  /** Long, after templates.LongDesc (markdown normalisation, indentation, trimming). */
  long: string;
  aliases?: string;
  /** Example, after templates.Examples (every line indented by two spaces). */
  examples?: string;
  /** The "Available Commands:" lines (cmdGroupsString). */
  subcommands?: string;
  flags: FlagHelp[];
  /** templater.usageLine: cobra's UseLine plus " [options]". */
  usage: string;
}

export interface CommandTableEntry {
  path: string[];
  /**
   * The heading the command is listed under: a group of `kubectl --help`, or "Available
   * Commands:" of its parent; null for the commands `kubectl --help` does not list (alpha,
   * options, help).
   */
  group: string | null;
  short: string;
}

export const COMMAND_TABLE: readonly CommandTableEntry[] = [
  {
    path: ['create'],
    group: 'Basic Commands (Beginner):',
    short: 'Create a resource from a file or from stdin',
  },
  {
    path: ['expose'],
    group: 'Basic Commands (Beginner):',
    short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  },
  {
    path: ['run'],
    group: 'Basic Commands (Beginner):',
    short: 'Run a particular image on the cluster',
  },
  {
    path: ['set'],
    group: 'Basic Commands (Beginner):',
    short: 'Set specific features on objects',
  },
  {
    path: ['explain'],
    group: 'Basic Commands (Intermediate):',
    short: 'Get documentation for a resource',
  },
  {
    path: ['get'],
    group: 'Basic Commands (Intermediate):',
    short: 'Display one or many resources',
  },
  {
    path: ['edit'],
    group: 'Basic Commands (Intermediate):',
    short: 'Edit a resource on the server',
  },
  {
    path: ['delete'],
    group: 'Basic Commands (Intermediate):',
    short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  },
  {
    path: ['rollout'],
    group: 'Deploy Commands:',
    short: 'Manage the rollout of a resource',
  },
  {
    path: ['scale'],
    group: 'Deploy Commands:',
    short: 'Set a new size for a deployment, replica set, or replication controller',
  },
  {
    path: ['autoscale'],
    group: 'Deploy Commands:',
    short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  },
  {
    path: ['certificate'],
    group: 'Cluster Management Commands:',
    short: 'Modify certificate resources',
  },
  {
    path: ['cluster-info'],
    group: 'Cluster Management Commands:',
    short: 'Display cluster information',
  },
  {
    path: ['top'],
    group: 'Cluster Management Commands:',
    short: 'Display resource (CPU/memory) usage',
  },
  {
    path: ['cordon'],
    group: 'Cluster Management Commands:',
    short: 'Mark node as unschedulable',
  },
  {
    path: ['uncordon'],
    group: 'Cluster Management Commands:',
    short: 'Mark node as schedulable',
  },
  {
    path: ['drain'],
    group: 'Cluster Management Commands:',
    short: 'Drain node in preparation for maintenance',
  },
  {
    path: ['taint'],
    group: 'Cluster Management Commands:',
    short: 'Update the taints on one or more nodes',
  },
  {
    path: ['describe'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Show details of a specific resource or group of resources',
  },
  {
    path: ['logs'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Print the logs for a container in a pod',
  },
  {
    path: ['attach'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Attach to a running container',
  },
  {
    path: ['exec'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Execute a command in a container',
  },
  {
    path: ['port-forward'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Forward one or more local ports to a pod',
  },
  {
    path: ['proxy'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Run a proxy to the Kubernetes API server',
  },
  {
    path: ['cp'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Copy files and directories to and from containers',
  },
  {
    path: ['auth'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Inspect authorization',
  },
  {
    path: ['debug'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'Create debugging sessions for troubleshooting workloads and nodes',
  },
  {
    path: ['events'],
    group: 'Troubleshooting and Debugging Commands:',
    short: 'List events',
  },
  {
    path: ['diff'],
    group: 'Advanced Commands:',
    short: 'Diff the live version against a would-be applied version',
  },
  {
    path: ['apply'],
    group: 'Advanced Commands:',
    short: 'Apply a configuration to a resource by file name or stdin',
  },
  {
    path: ['patch'],
    group: 'Advanced Commands:',
    short: 'Update fields of a resource',
  },
  {
    path: ['replace'],
    group: 'Advanced Commands:',
    short: 'Replace a resource by file name or stdin',
  },
  {
    path: ['wait'],
    group: 'Advanced Commands:',
    short: 'Experimental: Wait for a specific condition on one or many resources',
  },
  {
    path: ['kustomize'],
    group: 'Advanced Commands:',
    short: 'Build a kustomization target from a directory or URL',
  },
  {
    path: ['label'],
    group: 'Settings Commands:',
    short: 'Update the labels on a resource',
  },
  {
    path: ['annotate'],
    group: 'Settings Commands:',
    short: 'Update the annotations on a resource',
  },
  {
    path: ['completion'],
    group: 'Settings Commands:',
    short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  },
  {
    path: ['alpha'],
    group: null,
    short: 'Commands for features in alpha',
  },
  {
    path: ['config'],
    group: 'Other Commands:',
    short: 'Modify kubeconfig files',
  },
  {
    path: ['plugin'],
    group: 'Other Commands:',
    short: 'Provides utilities for interacting with plugins',
  },
  {
    path: ['version'],
    group: 'Other Commands:',
    short: 'Print the client and server version information',
  },
  {
    path: ['api-versions'],
    group: 'Other Commands:',
    short: 'Print the supported API versions on the server, in the form of "group/version"',
  },
  {
    path: ['api-resources'],
    group: 'Other Commands:',
    short: 'Print the supported API resources on the server',
  },
  {
    path: ['options'],
    group: null,
    short: 'Print the list of flags inherited by all commands',
  },
  {
    path: ['help'],
    group: null,
    short: 'Help about any command',
  },
  {
    path: ['create', 'clusterrole'],
    group: 'Available Commands:',
    short: 'Create a cluster role',
  },
  {
    path: ['create', 'clusterrolebinding'],
    group: 'Available Commands:',
    short: 'Create a cluster role binding for a particular cluster role',
  },
  {
    path: ['create', 'configmap'],
    group: 'Available Commands:',
    short: 'Create a config map from a local file, directory or literal value',
  },
  {
    path: ['create', 'cronjob'],
    group: 'Available Commands:',
    short: 'Create a cron job with the specified name',
  },
  {
    path: ['create', 'deployment'],
    group: 'Available Commands:',
    short: 'Create a deployment with the specified name',
  },
  {
    path: ['create', 'ingress'],
    group: 'Available Commands:',
    short: 'Create an ingress with the specified name',
  },
  {
    path: ['create', 'job'],
    group: 'Available Commands:',
    short: 'Create a job with the specified name',
  },
  {
    path: ['create', 'namespace'],
    group: 'Available Commands:',
    short: 'Create a namespace with the specified name',
  },
  {
    path: ['create', 'poddisruptionbudget'],
    group: 'Available Commands:',
    short: 'Create a pod disruption budget with the specified name',
  },
  {
    path: ['create', 'priorityclass'],
    group: 'Available Commands:',
    short: 'Create a priority class with the specified name',
  },
  {
    path: ['create', 'quota'],
    group: 'Available Commands:',
    short: 'Create a quota with the specified name',
  },
  {
    path: ['create', 'role'],
    group: 'Available Commands:',
    short: 'Create a role with single rule',
  },
  {
    path: ['create', 'rolebinding'],
    group: 'Available Commands:',
    short: 'Create a role binding for a particular role or cluster role',
  },
  {
    path: ['create', 'secret'],
    group: 'Available Commands:',
    short: 'Create a secret using a specified subcommand',
  },
  {
    path: ['create', 'secret', 'docker-registry'],
    group: 'Available Commands:',
    short: 'Create a secret for use with a Docker registry',
  },
  {
    path: ['create', 'secret', 'generic'],
    group: 'Available Commands:',
    short: 'Create a secret from a local file, directory, or literal value',
  },
  {
    path: ['create', 'secret', 'tls'],
    group: 'Available Commands:',
    short: 'Create a TLS secret',
  },
  {
    path: ['create', 'service'],
    group: 'Available Commands:',
    short: 'Create a service using a specified subcommand',
  },
  {
    path: ['create', 'service', 'clusterip'],
    group: 'Available Commands:',
    short: 'Create a ClusterIP service',
  },
  {
    path: ['create', 'service', 'externalname'],
    group: 'Available Commands:',
    short: 'Create an ExternalName service',
  },
  {
    path: ['create', 'service', 'loadbalancer'],
    group: 'Available Commands:',
    short: 'Create a LoadBalancer service',
  },
  {
    path: ['create', 'service', 'nodeport'],
    group: 'Available Commands:',
    short: 'Create a NodePort service',
  },
  {
    path: ['create', 'serviceaccount'],
    group: 'Available Commands:',
    short: 'Create a service account with the specified name',
  },
  {
    path: ['create', 'token'],
    group: 'Available Commands:',
    short: 'Request a service account token',
  },
  {
    path: ['set', 'env'],
    group: 'Available Commands:',
    short: 'Update environment variables on a pod template',
  },
  {
    path: ['set', 'image'],
    group: 'Available Commands:',
    short: 'Update the image of a pod template',
  },
  {
    path: ['set', 'resources'],
    group: 'Available Commands:',
    short: 'Update resource requests/limits on objects with pod templates',
  },
  {
    path: ['set', 'selector'],
    group: 'Available Commands:',
    short: 'Set the selector on a resource',
  },
  {
    path: ['set', 'serviceaccount'],
    group: 'Available Commands:',
    short: 'Update the service account of a resource',
  },
  {
    path: ['set', 'subject'],
    group: 'Available Commands:',
    short: 'Update the user, group, or service account in a role binding or cluster role binding',
  },
  {
    path: ['rollout', 'history'],
    group: 'Available Commands:',
    short: 'View rollout history',
  },
  {
    path: ['rollout', 'pause'],
    group: 'Available Commands:',
    short: 'Mark the provided resource as paused',
  },
  {
    path: ['rollout', 'restart'],
    group: 'Available Commands:',
    short: 'Restart a resource',
  },
  {
    path: ['rollout', 'resume'],
    group: 'Available Commands:',
    short: 'Resume a paused resource',
  },
  {
    path: ['rollout', 'status'],
    group: 'Available Commands:',
    short: 'Show the status of the rollout',
  },
  {
    path: ['rollout', 'undo'],
    group: 'Available Commands:',
    short: 'Undo a previous rollout',
  },
  {
    path: ['certificate', 'approve'],
    group: 'Available Commands:',
    short: 'Approve a certificate signing request',
  },
  {
    path: ['certificate', 'deny'],
    group: 'Available Commands:',
    short: 'Deny a certificate signing request',
  },
  {
    path: ['cluster-info', 'dump'],
    group: 'Available Commands:',
    short: 'Dump relevant information for debugging and diagnosis',
  },
  {
    path: ['top', 'node'],
    group: 'Available Commands:',
    short: 'Display resource (CPU/memory) usage of nodes',
  },
  {
    path: ['top', 'pod'],
    group: 'Available Commands:',
    short: 'Display resource (CPU/memory) usage of pods',
  },
  {
    path: ['auth', 'can-i'],
    group: 'Available Commands:',
    short: 'Check whether an action is allowed',
  },
  {
    path: ['auth', 'reconcile'],
    group: 'Available Commands:',
    short: 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
  },
  {
    path: ['auth', 'whoami'],
    group: 'Available Commands:',
    short: 'Experimental: Check self subject attributes',
  },
  {
    path: ['apply', 'edit-last-applied'],
    group: 'Available Commands:',
    short: 'Edit latest last-applied-configuration annotations of a resource/object',
  },
  {
    path: ['apply', 'set-last-applied'],
    group: 'Available Commands:',
    short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file',
  },
  {
    path: ['apply', 'view-last-applied'],
    group: 'Available Commands:',
    short: 'View the latest last-applied-configuration annotations of a resource/object',
  },
  {
    path: ['config', 'current-context'],
    group: 'Available Commands:',
    short: 'Display the current-context',
  },
  {
    path: ['config', 'delete-cluster'],
    group: 'Available Commands:',
    short: 'Delete the specified cluster from the kubeconfig',
  },
  {
    path: ['config', 'delete-context'],
    group: 'Available Commands:',
    short: 'Delete the specified context from the kubeconfig',
  },
  {
    path: ['config', 'delete-user'],
    group: 'Available Commands:',
    short: 'Delete the specified user from the kubeconfig',
  },
  {
    path: ['config', 'get-clusters'],
    group: 'Available Commands:',
    short: 'Display clusters defined in the kubeconfig',
  },
  {
    path: ['config', 'get-contexts'],
    group: 'Available Commands:',
    short: 'Describe one or many contexts',
  },
  {
    path: ['config', 'get-users'],
    group: 'Available Commands:',
    short: 'Display users defined in the kubeconfig',
  },
  {
    path: ['config', 'rename-context'],
    group: 'Available Commands:',
    short: 'Rename a context from the kubeconfig file',
  },
  {
    path: ['config', 'set'],
    group: 'Available Commands:',
    short: 'Set an individual value in a kubeconfig file',
  },
  {
    path: ['config', 'set-cluster'],
    group: 'Available Commands:',
    short: 'Set a cluster entry in kubeconfig',
  },
  {
    path: ['config', 'set-context'],
    group: 'Available Commands:',
    short: 'Set a context entry in kubeconfig',
  },
  {
    path: ['config', 'set-credentials'],
    group: 'Available Commands:',
    short: 'Set a user entry in kubeconfig',
  },
  {
    path: ['config', 'unset'],
    group: 'Available Commands:',
    short: 'Unset an individual value in a kubeconfig file',
  },
  {
    path: ['config', 'use-context'],
    group: 'Available Commands:',
    short: 'Set the current-context in a kubeconfig file',
  },
  {
    path: ['config', 'view'],
    group: 'Available Commands:',
    short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  },
  {
    path: ['plugin', 'list'],
    group: 'Available Commands:',
    short: "List all visible plugin executables on a user's PATH",
  },
];

export const HELP_TEXTS: Readonly<Record<string, CommandHelpText>> = {
  get: {
    long: "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
    examples:
      '  # List all pods in ps output format\n  kubectl get pods\n  \n  # List all pods in ps output format with more information (such as node name)\n  kubectl get pods -o wide\n  \n  # List a single replication controller with specified NAME in ps output format\n  kubectl get replicationcontroller web\n  \n  # List deployments in JSON output format, in the "v1" version of the "apps" API group\n  kubectl get deployments.v1.apps -o json\n  \n  # List a single pod in JSON output format\n  kubectl get -o json pod web-pod-13je7\n  \n  # List a pod identified by type and name specified in "pod.yaml" in JSON output format\n  kubectl get -f pod.yaml -o json\n  \n  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl get -k dir/\n  \n  # Return only the phase value of the specified pod\n  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}\n  \n  # List resource information in custom columns\n  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image\n  \n  # List all replication controllers and services together in ps output format\n  kubectl get rc,services\n  \n  # List one or more resources by their type and names\n  kubectl get rc/web service/frontend pods/web-pod-13je7\n  \n  # List the \'status\' subresource for a single pod\n  kubectl get pod web-pod-13je7 --subresource status\n  \n  # List all deployments in namespace \'backend\'\n  kubectl get deployments.apps --namespace backend\n  \n  # List all pods existing in all namespaces\n  kubectl get pods --all-namespaces',
    flags: [
      {
        name: 'all-namespaces',
        shorthand: 'A',
        default: 'false',
        usage:
          'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
      },
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'chunk-size',
        default: '500',
        usage:
          'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
      },
      {
        name: 'field-selector',
        default: "''",
        usage:
          "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
      },
      {
        name: 'ignore-not-found',
        default: 'false',
        usage:
          'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'label-columns',
        shorthand: 'L',
        default: '[]',
        usage:
          'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
      },
      {
        name: 'no-headers',
        default: 'false',
        usage: "When using the default or custom-column output format, don't print headers (default print headers).",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
      },
      {
        name: 'output-watch-events',
        default: 'false',
        usage:
          'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
      },
      {
        name: 'raw',
        default: "''",
        usage: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'server-print',
        default: 'true',
        usage: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.',
      },
      {
        name: 'show-kind',
        default: 'false',
        usage: 'If present, list the resource type for the requested object(s).',
      },
      {
        name: 'show-labels',
        default: 'false',
        usage: 'When printing, show all labels as the last column (default hide labels column)',
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'sort-by',
        default: "''",
        usage:
          "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
      },
      {
        name: 'subresource',
        default: "''",
        usage: 'If specified, gets the subresource of the requested object.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'watch',
        shorthand: 'w',
        default: 'false',
        usage: 'After listing/getting the requested object, watch for changes.',
      },
      {
        name: 'watch-only',
        default: 'false',
        usage: 'Watch for changes to the requested object(s), without listing/getting first.',
      },
    ],
    usage:
      'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  },
  describe: {
    long: 'Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples:
      '  # Describe a node\n  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n  \n  # Describe a pod\n  kubectl describe pods/nginx\n  \n  # Describe a pod identified by type and name in "pod.json"\n  kubectl describe -f pod.json\n  \n  # Describe all pods\n  kubectl describe pods\n  \n  # Describe pods by label name=myLabel\n  kubectl describe pods -l name=myLabel\n  \n  # Describe all pods managed by the \'frontend\' replication controller\n  # (rc-created pods get the name of the rc as a prefix in the pod name)\n  kubectl describe pods frontend',
    flags: [
      {
        name: 'all-namespaces',
        shorthand: 'A',
        default: 'false',
        usage:
          'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
      },
      {
        name: 'chunk-size',
        default: '500',
        usage:
          'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files containing the resource to describe',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-events',
        default: 'true',
        usage: 'If true, display events related to the described object.',
      },
    ],
    usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  },
  apply: {
    long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
    examples:
      "  # Apply the configuration in pod.json to a pod\n  kubectl apply -f ./pod.json\n  \n  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl apply -k dir/\n  \n  # Apply the JSON passed into stdin to a pod\n  cat pod.json | kubectl apply -f -\n  \n  # Apply the configuration from all files that end with '.json'\n  kubectl apply -f '*.json'\n  \n  # Note: --prune is still in Alpha\n  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx\n  kubectl apply --prune -f manifest.yaml -l app=nginx\n  \n  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file\n  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap",
    subcommands:
      '  edit-last-applied   Edit latest last-applied-configuration annotations of a resource/object\n  set-last-applied    Set the last-applied-configuration annotation on a live object to match the contents of a file\n  view-last-applied   View the latest last-applied-configuration annotations of a resource/object',
    flags: [
      {
        name: 'all',
        default: 'false',
        usage: 'Select all resources in the namespace of the specified resource types.',
      },
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'cascade',
        default: "'background'",
        usage:
          'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-client-side-apply'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'The files that contain the configurations to apply.',
      },
      {
        name: 'force',
        default: 'false',
        usage:
          'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
      },
      {
        name: 'force-conflicts',
        default: 'false',
        usage: 'If true, server-side apply will force the changes against conflicts.',
      },
      {
        name: 'grace-period',
        default: '-1',
        usage:
          'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process a kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'openapi-patch',
        default: 'true',
        usage:
          'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'overwrite',
        default: 'true',
        usage:
          'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
      },
      {
        name: 'prune',
        default: 'false',
        usage:
          'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
      },
      {
        name: 'prune-allowlist',
        default: '[]',
        usage: 'Overwrite the default allowlist with <group/version/kind> for --prune',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'server-side',
        default: 'false',
        usage: 'If true, apply runs in the server instead of the client.',
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'subresource',
        default: "''",
        usage:
          'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'timeout',
        default: '0s',
        usage:
          'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
      },
      {
        name: 'validate',
        default: "'strict'",
        usage:
          'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
      },
      {
        name: 'wait',
        default: 'false',
        usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
      },
    ],
    usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  },
  create: {
    long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
    examples:
      '  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n  \n  # Edit the data in registry.yaml in JSON then create the resource using the edited data\n  kubectl create -f registry.yaml --edit -o json',
    subcommands:
      '  clusterrole           Create a cluster role\n  clusterrolebinding    Create a cluster role binding for a particular cluster role\n  configmap             Create a config map from a local file, directory or literal value\n  cronjob               Create a cron job with the specified name\n  deployment            Create a deployment with the specified name\n  ingress               Create an ingress with the specified name\n  job                   Create a job with the specified name\n  namespace             Create a namespace with the specified name\n  poddisruptionbudget   Create a pod disruption budget with the specified name\n  priorityclass         Create a priority class with the specified name\n  quota                 Create a quota with the specified name\n  role                  Create a role with single rule\n  rolebinding           Create a role binding for a particular role or cluster role\n  secret                Create a secret using a specified subcommand\n  service               Create a service using a specified subcommand\n  serviceaccount        Create a service account with the specified name\n  token                 Request a service account token',
    flags: [
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'edit',
        default: 'false',
        usage: 'Edit the API resource before creating',
      },
      {
        name: 'field-manager',
        default: "'kubectl-create'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files to use to create the resource',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'raw',
        default: "''",
        usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'save-config',
        default: 'false',
        usage:
          'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'validate',
        default: "'strict'",
        usage:
          'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
      },
      {
        name: 'windows-line-endings',
        default: 'false',
        usage: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
      },
    ],
    usage: 'kubectl create -f FILENAME [options]',
  },
  'create job': {
    long: 'Create a job with the specified name.',
    examples:
      '  # Create a job\n  kubectl create job my-job --image=busybox\n  \n  # Create a job with a command\n  kubectl create job my-job --image=busybox -- date\n  \n  # Create a job from a cron job named "a-cronjob"\n  kubectl create job test-job --from=cronjob/a-cronjob',
    flags: [
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-create'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'from',
        default: "''",
        usage: 'The name of the resource to create a Job from (only cronjob is supported).',
      },
      {
        name: 'image',
        default: "''",
        usage: 'Image name to run.',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'save-config',
        default: 'false',
        usage:
          'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'validate',
        default: "'strict'",
        usage:
          'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
      },
    ],
    usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  },
  'create namespace': {
    long: 'Create a namespace with the specified name.',
    aliases: 'namespace, ns',
    examples: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
    flags: [
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-create'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'save-config',
        default: 'false',
        usage:
          'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'validate',
        default: "'strict'",
        usage:
          'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
      },
    ],
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  },
  delete: {
    long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod\'s processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don\'t want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.',
    examples:
      '  # Delete a pod using the type and name specified in pod.json\n  kubectl delete -f ./pod.json\n  \n  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl delete -k dir\n  \n  # Delete resources from all files that end with \'.json\'\n  kubectl delete -f \'*.json\'\n  \n  # Delete a pod based on the type and name in the JSON passed into stdin\n  cat pod.json | kubectl delete -f -\n  \n  # Delete pods and services with same names "baz" and "foo"\n  kubectl delete pod,service baz foo\n  \n  # Delete pods and services with label name=myLabel\n  kubectl delete pods,services -l name=myLabel\n  \n  # Delete a pod with minimal delay\n  kubectl delete pod foo --now\n  \n  # Force delete a pod on a dead node\n  kubectl delete pod foo --force\n  \n  # Delete all pods\n  kubectl delete pods --all\n  \n  # Delete all pods only if the user confirms the deletion\n  kubectl delete pods --all --interactive',
    flags: [
      {
        name: 'all',
        default: 'false',
        usage: 'Delete all resources, in the namespace of the specified resource types.',
      },
      {
        name: 'all-namespaces',
        shorthand: 'A',
        default: 'false',
        usage:
          'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
      },
      {
        name: 'cascade',
        default: "'background'",
        usage:
          'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-selector',
        default: "''",
        usage:
          "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'containing the resource to delete.',
      },
      {
        name: 'force',
        default: 'false',
        usage:
          'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
      },
      {
        name: 'grace-period',
        default: '-1',
        usage:
          'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
      },
      {
        name: 'ignore-not-found',
        default: 'false',
        usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
      },
      {
        name: 'interactive',
        shorthand: 'i',
        default: 'false',
        usage: 'If true, delete resource only when user confirms.',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process a kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'now',
        default: 'false',
        usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage: 'Output mode. Use "-o name" for shorter output (resource/name).',
      },
      {
        name: 'raw',
        default: "''",
        usage: 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'timeout',
        default: '0s',
        usage:
          'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
      },
      {
        name: 'wait',
        default: 'true',
        usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
      },
    ],
    usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  },
  label: {
    long: "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
    examples:
      "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubectl label pods foo unhealthy=true\n  \n  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n  kubectl label --overwrite pods foo status=unhealthy\n  \n  # Update all pods in the namespace\n  kubectl label pods --all status=unhealthy\n  \n  # Update a pod identified by the type and name in \"pod.json\"\n  kubectl label -f pod.json status=unhealthy\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl label pods foo status=unhealthy --resource-version=1\n  \n  # Update pod 'foo' by removing a label named 'bar' if it exists\n  # Does not require the --overwrite flag\n  kubectl label pods foo bar-",
    flags: [
      {
        name: 'all',
        default: 'false',
        usage: 'Select all resources, in the namespace of the specified resource types',
      },
      {
        name: 'all-namespaces',
        shorthand: 'A',
        default: 'false',
        usage: 'If true, check the specified action in all namespaces.',
      },
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-label'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'field-selector',
        default: "''",
        usage:
          "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to update the labels',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'list',
        default: 'false',
        usage: 'If true, display the labels for a given resource.',
      },
      {
        name: 'local',
        default: 'false',
        usage: 'If true, label will NOT contact api-server but run locally.',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'overwrite',
        default: 'false',
        usage:
          'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'resource-version',
        default: "''",
        usage:
          'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
    ],
    usage:
      'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  annotate: {
    long: 'Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples:
      "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  # If the same annotation is set multiple times, only the last value will be applied\n  kubectl annotate pods foo description='my frontend'\n  \n  # Update a pod identified by type and name in \"pod.json\"\n  kubectl annotate -f pod.json description='my frontend'\n  \n  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n  kubectl annotate --overwrite pods foo description='my frontend running nginx'\n  \n  # Update all pods in the namespace\n  kubectl annotate pods --all description='my frontend running nginx'\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1\n  \n  # Update pod 'foo' by removing an annotation named 'description' if it exists\n  # Does not require the --overwrite flag\n  kubectl annotate pods foo description-",
    flags: [
      {
        name: 'all',
        default: 'false',
        usage: 'Select all resources, in the namespace of the specified resource types.',
      },
      {
        name: 'all-namespaces',
        shorthand: 'A',
        default: 'false',
        usage: 'If true, check the specified action in all namespaces.',
      },
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-annotate'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'field-selector',
        default: "''",
        usage:
          "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to update the annotation',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'list',
        default: 'false',
        usage: 'If true, display the annotations for a given resource.',
      },
      {
        name: 'local',
        default: 'false',
        usage: 'If true, annotation will NOT contact api-server but run locally.',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'overwrite',
        default: 'false',
        usage:
          'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'resource-version',
        default: "''",
        usage:
          'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
    ],
    usage:
      'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  taint: {
    long: "Update the taints on one or more nodes.\n\n  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.\n  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.\n  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.\n  *  Currently taint can only apply to node.",
    examples:
      "  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n  # If a taint with that key and effect already exists, its value is replaced as specified\n  kubectl taint nodes foo dedicated=special-user:NoSchedule\n  \n  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists\n  kubectl taint nodes foo dedicated:NoSchedule-\n  \n  # Remove from node 'foo' all the taints with key 'dedicated'\n  kubectl taint nodes foo dedicated-\n  \n  # Add a taint with key 'dedicated' on nodes having label myLabel=X\n  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule\n  \n  # Add to node 'foo' a taint with key 'bar' and no value\n  kubectl taint nodes foo bar:NoSchedule",
    flags: [
      {
        name: 'all',
        default: 'false',
        usage: 'Select all nodes in the cluster',
      },
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-taint'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'overwrite',
        default: 'false',
        usage:
          'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'validate',
        default: "'strict'",
        usage:
          'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
      },
    ],
    usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  },
  cordon: {
    long: 'Mark node as unschedulable.',
    examples: '  # Mark node "foo" as unschedulable\n  kubectl cordon foo',
    flags: [
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
    ],
    usage: 'kubectl cordon NODE [options]',
  },
  uncordon: {
    long: 'Mark node as schedulable.',
    examples: '  # Mark node "foo" as schedulable\n  kubectl uncordon foo',
    flags: [
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
    ],
    usage: 'kubectl uncordon NODE [options]',
  },
  drain: {
    long: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg",
    examples:
      '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n  kubectl drain foo --force\n  \n  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n  kubectl drain foo --grace-period=900',
    flags: [
      {
        name: 'chunk-size',
        default: '500',
        usage:
          'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
      },
      {
        name: 'delete-emptydir-data',
        default: 'false',
        usage:
          'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
      },
      {
        name: 'disable-eviction',
        default: 'false',
        usage:
          'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'force',
        default: 'false',
        usage: 'Continue even if there are pods that do not declare a controller.',
      },
      {
        name: 'grace-period',
        default: '-1',
        usage:
          'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
      },
      {
        name: 'ignore-daemonsets',
        default: 'false',
        usage: 'Ignore DaemonSet-managed pods.',
      },
      {
        name: 'pod-selector',
        default: "''",
        usage: 'Label selector to filter pods on the node',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'skip-wait-for-delete-timeout',
        default: '0',
        usage:
          'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
      },
      {
        name: 'timeout',
        default: '0s',
        usage: 'The length of time to wait before giving up, zero means infinite',
      },
    ],
    usage: 'kubectl drain NODE [options]',
  },
  rollout: {
    long: 'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
    examples:
      "  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n  # Restart deployments with the 'app=nginx' label\n  kubectl rollout restart deployment --selector=app=nginx",
    subcommands:
      '  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout',
    flags: [],
    usage: 'kubectl rollout SUBCOMMAND [options]',
  },
  'rollout status': {
    long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
    examples: '  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx',
    flags: [
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'revision',
        default: '0',
        usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'timeout',
        default: '0s',
        usage:
          'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
      },
      {
        name: 'watch',
        shorthand: 'w',
        default: 'true',
        usage: "Watch the status of the rollout until it's done.",
      },
    ],
    usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  'rollout history': {
    long: 'View previous rollout revisions and configurations.',
    examples:
      '  # View the rollout history of a deployment\n  kubectl rollout history deployment/abc\n  \n  # View the details of daemonset revision 3\n  kubectl rollout history daemonset/abc --revision=3',
    flags: [
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'revision',
        default: '0',
        usage: 'See the details, including podTemplate of the revision specified',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
    ],
    usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  'rollout undo': {
    long: 'Roll back to a previous rollout.',
    examples:
      '  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Roll back to daemonset revision 3\n  kubectl rollout undo daemonset/abc --to-revision=3\n  \n  # Roll back to the previous deployment with dry-run\n  kubectl rollout undo --dry-run=server deployment/abc',
    flags: [
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'to-revision',
        default: '0',
        usage: 'The revision to rollback to. Default to 0 (last revision).',
      },
    ],
    usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  'rollout restart': {
    long: 'Restart a resource.\n\n        Resource rollout will be restarted.',
    examples:
      '  # Restart all deployments in the test-namespace namespace\n  kubectl rollout restart deployment -n test-namespace\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/nginx\n  \n  # Restart a daemon set\n  kubectl rollout restart daemonset/abc\n  \n  # Restart deployments with the app=nginx label\n  kubectl rollout restart deployment --selector=app=nginx',
    flags: [
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'field-manager',
        default: "'kubectl-rollout'",
        usage: 'Name of the manager used to track field ownership.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
    ],
    usage: 'kubectl rollout restart RESOURCE [options]',
  },
  logs: {
    long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
    examples:
      '  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n  \n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n  \n  # Return snapshot logs from pod nginx, limiting output to 500 bytes\n  kubectl logs nginx --limit-bytes=500\n  \n  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.\n  kubectl logs nginx --pod-running-timeout=20s\n  \n  # Return snapshot logs from pod nginx with multi containers\n  kubectl logs nginx --all-containers=true\n  \n  # Return snapshot logs from all pods in the deployment nginx\n  kubectl logs deployment/nginx --all-pods=true\n  \n  # Return snapshot logs from all containers in pods defined by label app=nginx\n  kubectl logs -l app=nginx --all-containers=true\n  \n  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods\n  kubectl logs -l app=nginx --max-log-requests=10\n  \n  # Return snapshot of previous terminated ruby container logs from pod web-1\n  kubectl logs -p -c ruby web-1\n  \n  # Begin streaming the logs from pod nginx, continuing even if errors occur\n  kubectl logs nginx -f --ignore-errors=true\n  \n  # Begin streaming the logs of the ruby container in pod web-1\n  kubectl logs -f -c ruby web-1\n  \n  # Begin streaming the logs from all containers in pods defined by label app=nginx\n  kubectl logs -f -l app=nginx --all-containers=true\n  \n  # Display only the most recent 20 lines of output in pod nginx\n  kubectl logs --tail=20 nginx\n  \n  # Show all logs from pod nginx written in the last hour\n  kubectl logs --since=1h nginx\n  \n  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC\n  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true\n  \n  # Show logs from a kubelet with an expired serving certificate\n  kubectl logs --insecure-skip-tls-verify-backend nginx\n  \n  # Return snapshot logs from first container of a job named hello\n  kubectl logs job/hello\n  \n  # Return snapshot logs from container nginx-1 of a deployment named nginx\n  kubectl logs deployment/nginx -c nginx-1',
    flags: [
      {
        name: 'all-containers',
        default: 'false',
        usage: "Get all containers' logs in the pod(s).",
      },
      {
        name: 'all-pods',
        default: 'false',
        usage: 'Get logs from all pod(s). Sets prefix to true.',
      },
      {
        name: 'container',
        shorthand: 'c',
        default: "''",
        usage: 'Print the logs of this container',
      },
      {
        name: 'follow',
        shorthand: 'f',
        default: 'false',
        usage: 'Specify if the logs should be streamed.',
      },
      {
        name: 'ignore-errors',
        default: 'false',
        usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal',
      },
      {
        name: 'insecure-skip-tls-verify-backend',
        default: 'false',
        usage:
          'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
      },
      {
        name: 'limit-bytes',
        default: '0',
        usage: 'Maximum bytes of logs to return. Defaults to no limit.',
      },
      {
        name: 'max-log-requests',
        default: '5',
        usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
      },
      {
        name: 'pod-running-timeout',
        default: '20s',
        usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      },
      {
        name: 'prefix',
        default: 'false',
        usage: 'Prefix each log line with the log source (pod name and container name)',
      },
      {
        name: 'previous',
        shorthand: 'p',
        default: 'false',
        usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'since',
        default: '0s',
        usage:
          'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
      },
      {
        name: 'since-time',
        default: "''",
        usage:
          'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
      },
      {
        name: 'tail',
        default: '-1',
        usage:
          'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
      },
      {
        name: 'timestamps',
        default: 'false',
        usage: 'Include timestamps on each line in the log output',
      },
    ],
    usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  },
  explain: {
    long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples:
      '  # Get the documentation of the resource and its fields\n  kubectl explain pods\n  \n  # Get all the fields in the resource\n  kubectl explain pods --recursive\n  \n  # Get the explanation for deployment in supported api versions\n  kubectl explain deployments --api-version=apps/v1\n  \n  # Get the documentation of a specific field of a resource\n  kubectl explain pods.spec.containers\n  \n  # Get the documentation of resources in different format\n  kubectl explain deployment --output=plaintext-openapiv2',
    flags: [
      {
        name: 'api-version',
        default: "''",
        usage: 'Get different explanations for particular API version (API group/version)',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "'plaintext'",
        usage: 'Format in which to render the schema (plaintext, plaintext-openapiv2)',
      },
      {
        name: 'recursive',
        default: 'false',
        usage: 'Print the fields of fields (Currently only 1 level deep)',
      },
    ],
    usage:
      'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  },
  'api-resources': {
    long: 'Print the supported API resources on the server.',
    examples:
      '  # Print the supported API resources\n  kubectl api-resources\n  \n  # Print the supported API resources with more information\n  kubectl api-resources -o wide\n  \n  # Print the supported API resources sorted by a column\n  kubectl api-resources --sort-by=name\n  \n  # Print the supported namespaced resources\n  kubectl api-resources --namespaced=true\n  \n  # Print the supported non-namespaced resources\n  kubectl api-resources --namespaced=false\n  \n  # Print the supported API resources with a specific APIGroup\n  kubectl api-resources --api-group=rbac.authorization.k8s.io',
    flags: [
      {
        name: 'api-group',
        default: "''",
        usage: 'Limit to resources in the specified API group.',
      },
      {
        name: 'cached',
        default: 'false',
        usage: 'Use the cached list of resources if available.',
      },
      {
        name: 'categories',
        default: '[]',
        usage: 'Limit to resources that belong to the specified categories.',
      },
      {
        name: 'namespaced',
        default: 'true',
        usage:
          'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
      },
      {
        name: 'no-headers',
        default: 'false',
        usage: "When using the default or custom-column output format, don't print headers (default print headers).",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage: 'Output format. One of: (json, yaml, name, wide).',
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'sort-by',
        default: "''",
        usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
      },
      {
        name: 'verbs',
        default: '[]',
        usage: 'Limit to resources that support the specified verbs.',
      },
    ],
    usage: 'kubectl api-resources [flags] [options]',
  },
  version: {
    long: 'Print the client and server version information for the current context.',
    examples: '  # Print the client and server versions for the current context\n  kubectl version',
    flags: [
      {
        name: 'client',
        default: 'false',
        usage: 'If true, shows client version only (no server required).',
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage: "One of 'yaml' or 'json'.",
      },
    ],
    usage: 'kubectl version [flags] [options]',
  },
  'cluster-info': {
    long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
    examples: '  # Print the address of the control plane and cluster services\n  kubectl cluster-info',
    subcommands: '  dump          Dump relevant information for debugging and diagnosis',
    flags: [],
    usage: 'kubectl cluster-info [flags] [options]',
  },
  scale: {
    long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
    examples:
      "  # Scale a replica set named 'foo' to 3\n  kubectl scale --replicas=3 rs/foo\n  \n  # Scale a resource identified by type and name specified in \"foo.yaml\" to 3\n  kubectl scale --replicas=3 -f foo.yaml\n  \n  # If the deployment named mysql's current size is 2, scale mysql to 3\n  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql\n  \n  # Scale multiple replication controllers\n  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3\n  \n  # Scale stateful set named 'web' to 3\n  kubectl scale --replicas=3 statefulset/web",
    flags: [
      {
        name: 'all',
        default: 'false',
        usage: 'Select all resources in the namespace of the specified resource types',
      },
      {
        name: 'allow-missing-template-keys',
        default: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'current-replicas',
        default: '-1',
        usage:
          'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
      },
      {
        name: 'dry-run',
        default: "'none'",
        usage:
          'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      },
      {
        name: 'filename',
        shorthand: 'f',
        default: '[]',
        usage: 'Filename, directory, or URL to files identifying the resource to set a new size',
      },
      {
        name: 'kustomize',
        shorthand: 'k',
        default: "''",
        usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
      },
      {
        name: 'output',
        shorthand: 'o',
        default: "''",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      {
        name: 'recursive',
        shorthand: 'R',
        default: 'false',
        usage:
          'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      },
      {
        name: 'replicas',
        default: '0',
        usage: 'The new desired number of replicas. Required.',
      },
      {
        name: 'resource-version',
        default: "''",
        usage:
          'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
      },
      {
        name: 'selector',
        shorthand: 'l',
        default: "''",
        usage:
          "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      },
      {
        name: 'show-managed-fields',
        default: 'false',
        usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
      },
      {
        name: 'template',
        default: "''",
        usage:
          'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
      },
      {
        name: 'timeout',
        default: '0s',
        usage:
          "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
      },
    ],
    usage:
      'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  },
  help: {
    long: 'Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.',
    flags: [],
    usage: 'kubectl help [command] [flags] [options]',
  },
};
