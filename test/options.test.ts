import { describe, expect, it } from 'vitest';
import { preflight } from '../src/aws-sdk/index.js';
import { checkRequestBody } from '../src/exchange/exchange.js';
import { checkCommandLine } from '../src/readers/aws-cli/check-command-line.js';
import { readCommandLine } from '../src/readers/aws-cli/read-command-line.js';
import { readTerraformPlan } from '../src/readers/terraform/plan.js';
import { lint, lintFile } from '../src/lint/engine.js';
import { validate } from '../src/validate/validate.js';
import { validateWithZod } from './support/validate-zod.js';

/*
 * D51: wrong options are the caller's mistake about the call, thrown as a TypeError that names the
 * function and the option; never an issue of the payload (validate(op, kind, payload, null) used to
 * say "The payload cannot be read: Cannot read properties of null").
 */

const PAYLOAD = { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ServiceRoleArn: 'arn:aws:iam::123456789012:role/mw' };
const call = (f: () => unknown) => () => void f();

describe('validate() options', () => {
  const wrong: [string, unknown, RegExp][] = [
    ['null', null, /^validate\(\): options must be an object \(representation, httpStatus, now\) or left out, not null$/],
    ['a string', 'sdk', /^validate\(\): options must be an object .* not "sdk"$/],
    ['a list', [], /^validate\(\): options must be an object .* not a list$/],
    ['a misspelt option', { representaton: 'sdk' }, /^validate\(\): unknown option "representaton" \(did you mean representation\?\); the options are representation, httpStatus, now$/],
    ['an unknown option', { strict: true }, /^validate\(\): unknown option "strict"; the options are representation, httpStatus, now$/],
    ['a representation that is not one', { representation: 'raw' }, /^validate\(\): option representation must be "wire" or "sdk", not "raw"$/],
    ['an httpStatus given as text', { httpStatus: '400' }, /^validate\(\): option httpStatus must be an integer from 100 to 599, not "400"$/],
    ['an httpStatus out of range', { httpStatus: 99 }, /^validate\(\): option httpStatus must be an integer from 100 to 599, not 99$/],
  ];
  it.each(wrong)('throws for %s, naming the options', (_, options, message) => {
    expect(call(() => validate('RegisterTaskWithMaintenanceWindow', 'request', PAYLOAD, options as never))).toThrow(TypeError);
    expect(call(() => validate('RegisterTaskWithMaintenanceWindow', 'request', PAYLOAD, options as never))).toThrow(message);
    // The Zod reference answers the same.
    expect(call(() => validateWithZod('RegisterTaskWithMaintenanceWindow', 'request', PAYLOAD, options as never))).toThrow(message);
  });

  it('takes undefined options, and options left undefined, as left out', () => {
    expect(validate('RegisterTaskWithMaintenanceWindow', 'request', PAYLOAD, undefined).valid).toBe(true);
    expect(validate('RegisterTaskWithMaintenanceWindow', 'request', PAYLOAD, { representation: undefined, httpStatus: undefined }).valid).toBe(true);
    expect(validate('RegisterTaskWithMaintenanceWindow', 'error', { __type: 'DoesNotExistException' }, { httpStatus: 404 }).issues.map((i) => i.rule)).toEqual(['MW031']);
  });
});

describe('the options of the other public functions', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['preflight(null)', () => preflight(null as never), /^preflight\(\): options must be an object \(checkResponses, onIssue\) or left out, not null$/],
    ['preflight with a misspelt option', () => preflight({ checkResponse: true } as never), /^preflight\(\): unknown option "checkResponse" \(did you mean checkResponses\?\)/],
    ['preflight with onIssue that is no function', () => preflight({ onIssue: 'console.log' } as never), /^preflight\(\): option onIssue must be a function, not "console.log"$/],
    ['preflight with checkResponses as text', () => preflight({ checkResponses: 'yes' } as never), /^preflight\(\): option checkResponses must be true or false, not "yes"$/],
    ['checkRequestBody with httpStatus', () => checkRequestBody('RegisterTaskWithMaintenanceWindow', '{}', { httpStatus: 400 } as never), /^checkRequestBody\(\): unknown option "httpStatus"; the options are representation$/],
    ['lint with ignore as one string', () => lint([], { ignore: 'MW001' } as never), /^lint\(\): option ignore must be a list of strings \(rule ids or codes\), not "MW001"$/],
    ['lintFile with a context that is no reader context', () => lintFile({ file: 'a.json', text: '{}' }, { context: {} } as never), /^lintFile\(\): option context must be a reader context/],
    ['lint with readers that are not readers', () => lint([], { readers: [{}] } as never), /^lint\(\): option readers must be a list of readers/],
    ['readCommandLine with version 3', () => readCommandLine(['aws', 'ssm'], { version: '3' } as never), /^readCommandLine\(\): option version must be "1", "2" or "2\.9\.19", not "3"$/],
    ['checkCommandLine with a misspelt option', () => checkCommandLine(['aws', 'ssm'], { cliBinaryFormats: 'base64' } as never), /^checkCommandLine\(\): unknown option "cliBinaryFormats" \(did you mean cliBinaryFormat\?\)/],
    ['readTerraformPlan with maxDepth 0', () => readTerraformPlan('{}', { maxDepth: 0 }), /^readTerraformPlan\(\): option maxDepth must be an integer from 1 to/],
  ];
  it.each(cases)('%s throws a TypeError about the options', (_, f, message) => {
    expect(call(f)).toThrow(TypeError);
    expect(call(f)).toThrow(message);
  });

  it('still take their options when they are right', () => {
    expect(() => preflight({ checkResponses: true, onIssue: () => {} })).not.toThrow();
    expect(lint([{ file: 'a.json', text: '{}' }], { ignore: ['MW001'] }).files).toHaveLength(0);
    expect(readCommandLine(['aws', 'ssm', 'help'], { version: '1', cliBinaryFormat: 'raw-in-base64-out', cwd: '/', env: {} }).version).toBe('1');
  });
});
