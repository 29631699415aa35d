/**
 * Go's `%#v` of the few internal API structs that validation passes as a bad value, so that
 * messages read as the API server prints them, e.g.
 * `intstr.IntOrString{Type:1, IntVal:0, StrVal:"50x"}` or
 * `v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
 * Pointers inside structs print as Go prints them: `(*T)(nil)` when nil; a non-nil pointer's
 * address is not reproducible, so it prints as `(*T)(0xc000000000)`.
 */
import type { BadValue } from '../field';
import { goQuote } from '../field';

const fakeAddress = '0xc000000000';

function goStringSlice(v: string[] | undefined, type = '[]string'): string {
  if (v === undefined || v === null) return `${type}(nil)`;
  return `${type}{${v.map(goQuote).join(', ')}}`;
}

export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const entries = Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${entries.map(([k, v]) => `${goQuote(k)}:${goQuote(String(v))}`).join(', ')}}`;
}

/** `%#v` of intstr.IntOrString holding a YAML int or string. */
export function goIntOrString(v: number | string | undefined | null): BadValue {
  if (typeof v === 'string') return { go: `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}` };
  return { go: `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}` };
}

interface Requirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** `%#v` of a metav1.LabelSelector (a dereferenced *LabelSelector). */
export function goLabelSelector(
  sel: { matchLabels?: Record<string, string>; matchExpressions?: Requirement[] } | null | undefined,
): BadValue {
  if (sel === null || sel === undefined) return { go: 'null' };
  const exprs =
    sel.matchExpressions === undefined || sel.matchExpressions === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${sel.matchExpressions
          .map(
            (r) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(r.key ?? '')}, Operator:${goQuote(r.operator ?? '')}, Values:${goStringSlice(r.values)}}`,
          )
          .join(', ')}}`;
  return { go: `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}` };
}

/** `%#v` of core.Toleration. */
export function goToleration(t: {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}): BadValue {
  const secs =
    t.tolerationSeconds === undefined || t.tolerationSeconds === null ? '(*int64)(nil)' : `(*int64)(${fakeAddress})`;
  return {
    go: `core.Toleration{Key:${goQuote(t.key ?? '')}, Operator:${goQuote(t.operator ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TolerationSeconds:${secs}}`,
  };
}

/** `%#v` of core.Taint. */
export function goTaint(t: { key?: string; value?: string; effect?: string; timeAdded?: string | null }): BadValue {
  const added = t.timeAdded ? `(*v1.Time)(${fakeAddress})` : '(*v1.Time)(nil)';
  return {
    go: `core.Taint{Key:${goQuote(t.key ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TimeAdded:${added}}`,
  };
}

/** `%#v` of apps.DaemonSetUpdateStrategy (passed to NotSupported for an unknown type). */
export function goDaemonSetUpdateStrategy(s: { type?: string; rollingUpdate?: unknown }): BadValue {
  const ru = s.rollingUpdate ? `(*apps.RollingUpdateDaemonSet)(${fakeAddress})` : '(*apps.RollingUpdateDaemonSet)(nil)';
  return { go: `apps.DaemonSetUpdateStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}` };
}

/** `%#v` of a []int32 (pod failure policy exit codes). */
export function goInt32Slice(v: number[] | undefined | null): BadValue {
  if (v === undefined || v === null) return { go: '[]int32(nil)' };
  return { go: `[]int32{${v.join(', ')}}` };
}

/** `%v` of a pointer-to-bool bad value (`field.NotSupported(..., spec.ManualSelector, ...)`), dereferenced. */
export function goBool(v: boolean): BadValue {
  return { go: String(v) };
}
