import * as ssm from '@aws-sdk/client-ssm';
import type { OperationName } from '../../src/operations/index.js';
import { casesFor, kindOf, type FaultCase } from './faults.js';
import { loadFixtures } from './payloads.js';
import { toSdkInput } from './sdk.js';
import { specOperations } from './spec.js';

/*
 * What the live tests (test/live/) share: the SDK command of each operation of the contract, and
 * the invalid requests of a set of operations, one fault each, as SDK input.
 */

type CommandClass = new (input: never) => Parameters<ssm.SSMClient['send']>[0];

/** `new <Operation>Command(input)` of @aws-sdk/client-ssm: every operation of the contract has one. */
export function sdkCommand(operation: OperationName, input: Record<string, unknown>): Parameters<ssm.SSMClient['send']>[0] {
  const Command = (ssm as unknown as Record<string, CommandClass | undefined>)[`${operation}Command`];
  if (!Command) throw new Error(`@aws-sdk/client-ssm has no ${operation}Command`);
  return new Command(input as never);
}

/**
 * The invalid requests of `operations`, one fault each: every request constraint of spec/ broken
 * once and every bad fixture with an error (its first error), as SDK input. Wire-only faults (a
 * blob that is not base64 text, a null member) cannot be SDK input and are left out. `fill` puts
 * what the server needs (the ID of a window it has) into each input, except where the fault is.
 */
export function invalidRequests(operations: readonly OperationName[], fill: (input: Record<string, unknown>, fault: FaultCase) => void): (FaultCase & { input: Record<string, unknown> })[] {
  const constraintFaults = specOperations
    .filter((s) => operations.includes(s.operation))
    .flatMap((s) => s.constraints.filter((c) => kindOf(c) === 'request').flatMap((c) => casesFor(s.operation, c, s.constraints).fail));
  const ruleFaults = loadFixtures('bad')
    .filter((f) => f.kind === 'request' && operations.includes(f.operation))
    .flatMap((f) => f.issues.filter((i) => i.severity === 'error').slice(0, 1).map((i) => ({ name: `fixture ${f.name}`, operation: f.operation, kind: f.kind, payload: f.payload, expect: { code: i.code, path: i.path } })));
  return [...constraintFaults, ...ruleFaults].flatMap((c) => {
    const input = toSdkInput(c.operation, c.payload) as Record<string, unknown> | undefined;
    if (!input) return [];
    fill(input, c);
    return [{ ...c, input }];
  });
}
