/**
 * An object's controller reference (metav1.GetControllerOf), by the owner's kind: looked up for
 * every pod write by each controller's watch handler, so without the lists and closures of
 * `.find`.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1';

export function controllerRefOfKind(
  obj: { metadata?: { ownerReferences?: OwnerReference[] } },
  kind: string,
): OwnerReference | undefined {
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller && refs[i].kind === kind) return refs[i];
  return undefined;
}

/** Whether `uid` is the object's controller (metav1.IsControlledBy). */
export function isControlledBy(
  obj: { metadata?: { ownerReferences?: OwnerReference[] } },
  uid: string | undefined,
): boolean {
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller && refs[i].uid === uid) return true;
  return false;
}
