/**
 * kubectl's wording of a 422 Invalid StatusError. The API server builds it with
 * apierrors.NewInvalid(groupKind, name, errs): each field error becomes a StatusCause
 * {field, message: ErrorBody()}. kubectl's checkErr prints `The <Kind> "<name>" is invalid` and
 * MultilineError lists the causes (statusCausesToAggrError drops repeated `field: message` lines).
 */
import type { KindName } from '../kinds';
import type { FieldError } from './field';
import { fieldErrorMessage } from './field';

/** The distinct `field: body` lines kubectl shows, in the server's order. */
export function causeLines(errors: FieldError[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of errors) {
    const line = fieldErrorMessage(e);
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

/**
 * kubectl's text for a 422 Invalid error, as cmdutil.checkErr + MultilineError print it:
 * one error → `The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`;
 * several → `The Job "pi" is invalid: \n* a: …\n* b: …` (Fprintln after the prefix leaves its
 * trailing space). kubectl ends what it writes to stderr with one newline; that final newline is
 * not part of the returned message.
 */
export function invalidMessage(kind: KindName, name: string, errors: FieldError[]): string {
  const prefix = `The ${kind} ${JSON.stringify(name)} is invalid`;
  const lines = causeLines(errors);
  if (lines.length === 0) return prefix;
  if (lines.length === 1) return `${prefix}: ${lines[0]}`;
  return `${prefix}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
}
