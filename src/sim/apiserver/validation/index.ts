/**
 * The registry strategies' Validate / ValidateUpdate per kind: which upstream validation function
 * the API server runs for a create or an update of each simulated kind.
 */
import type { KindName } from '../../kinds';
import type { FieldError } from '../field';
import {
  validateControllerRevision,
  validateControllerRevisionUpdate,
  validateDaemonSet,
  validateDaemonSetUpdate,
} from './apps';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch';
import {
  validateNamespace,
  validateNamespaceUpdate,
  validateNode,
  validateNodeUpdate,
  validatePod,
  validatePodUpdate,
} from './core';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './meta';

/** Validate (create) for `kind`. */
export function validateObject(kind: KindName, obj: any): FieldError[] {
  switch (kind) {
    case 'Pod':
      return validatePod(obj);
    case 'DaemonSet':
      return validateDaemonSet(obj);
    case 'Job':
      return validateJob(obj);
    case 'CronJob':
      return validateCronJob(obj);
    case 'Node':
      return validateNode(obj);
    case 'Namespace':
      return validateNamespace(obj);
    case 'ControllerRevision':
      return validateControllerRevision(obj);
    case 'Event':
      return validateObjectMeta(obj?.metadata, true, nameIsDNSSubdomain, 'metadata');
  }
}

/** ValidateUpdate for `kind` (the new object against the stored one). */
export function validateObjectUpdate(kind: KindName, obj: any, old: any): FieldError[] {
  switch (kind) {
    case 'Pod':
      return validatePodUpdate(obj, old);
    case 'DaemonSet':
      return validateDaemonSetUpdate(obj, old);
    case 'Job':
      return validateJobUpdate(obj, old);
    case 'CronJob':
      return validateCronJobUpdate(obj, old);
    case 'Node':
      return validateNodeUpdate(obj, old);
    case 'Namespace':
      return validateNamespaceUpdate(obj, old);
    case 'ControllerRevision':
      return validateControllerRevisionUpdate(obj, old);
    case 'Event':
      return validateObjectMetaUpdate(obj?.metadata, old?.metadata, 'metadata');
  }
}

export {
  validateDaemonSet,
  validateDaemonSetUpdate,
  validateJob,
  validateJobUpdate,
  validateCronJob,
  validateCronJobUpdate,
  validatePod,
  validatePodUpdate,
  validateNode,
  validateNamespace,
};
