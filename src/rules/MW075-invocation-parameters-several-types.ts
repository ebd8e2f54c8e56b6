import { isRecord } from '../values/value-facts.js';
import { defineRule, INVOCATION_MEMBER, SOURCES, type Finding } from './types.js';

const MEMBERS = Object.values(INVOCATION_MEMBER);
const PAIRS = MEMBERS.flatMap((a, i) => MEMBERS.slice(i + 1).map((b) => [a, b]));

export default defineRule({
  id: 'MW075',
  code: 'invocation_parameters_several_types',
  severity: 'error',
  at: 'key',
  title: 'An update’s TaskInvocationParameters holds the parameters of one task type',
  description:
    'MW004 for updates, as far as an update can tell: it has no TaskType (the type cannot change), so which member matches is not in the request; but a task has one type, so RunCommand, Automation, StepFunctions and Lambda cannot be given together.',
  appliesTo: { operations: ['UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    { ...SOURCES.updateTask, quote: 'The parameters that the task should use during execution. Populate only the fields that match the task type. All other fields should be empty.' },
    { ...SOURCES.updateTask, quote: "You can't change the task type" },
  ],
  jsonSchema: {
    form: 'schema',
    schema: { properties: { TaskInvocationParameters: { not: { anyOf: PAIRS.map((pair) => ({ type: 'object', required: pair, properties: Object.fromEntries(pair.map((m) => [m, true])) })) } } } },
  },
  check(payload) {
    const findings: Finding<'invocation_parameters_several_types'>[] = [];
    const parameters = payload.TaskInvocationParameters;
    if (!isRecord(parameters)) return findings;
    const given = MEMBERS.filter((m) => parameters[m] !== undefined);
    if (given.length > 1) findings.push({ path: ['TaskInvocationParameters'], params: { members: given } });
    return findings;
  },
});
