import { describe, test, expect } from 'vitest';
import { invalidMessage } from '../../../../src/sim/apiserver/status-error';
import { invalid, notSupported, required } from '../../../../src/sim/apiserver/field';

// upstream: kubectl cmd/util helpers_test.go TestCheckInvalidErr / TestCheckErr (MultilineError)
describe('invalidMessage', () => {
  test('one error is printed on the same line', () => {
    expect(
      invalidMessage('Job', 'pi', [required('spec.template.spec.restartPolicy', 'valid values: "OnFailure", "Never"')]),
    ).toBe(
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  test('several errors: prefix, space, newline, one bullet per cause', () => {
    expect(
      invalidMessage('DaemonSet', 'y', [
        {
          type: 'FieldValueInvalid',
          field: 'spec.template.metadata.labels',
          badValue: { go: 'map[string]string{"app":"y"}' },
          detail: '`selector` does not match template `labels`',
        },
        notSupported('spec.template.spec.restartPolicy', 'Never', ['Always']),
      ]),
    ).toBe(
      'The DaemonSet "y" is invalid: \n' +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`\n' +
        '* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  test('repeated causes are shown once (statusCausesToAggrError)', () => {
    const e = invalid('spec.parallelism', -1, 'must be greater than or equal to 0');
    expect(invalidMessage('Job', 'pi', [e, e])).toBe(
      'The Job "pi" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});
