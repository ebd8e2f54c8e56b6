/**
 * A value that is present but not known statically: a CloudFormation intrinsic function, a
 * Terraform expression, a shell variable. Readers of infrastructure code put it where such a value
 * sits; `validate()` then skips the member checks at and under it, and rules, which see a value of
 * no AWS type, skip every decision that needs it while still seeing that the member is present.
 * (A targetless task with `MaxConcurrency: !Ref X` still breaks MW003: the member is given.)
 */
export const UNKNOWN: unique symbol = Symbol.for('ssm-mw-contracts.unknown');
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}
