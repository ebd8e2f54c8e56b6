import { isRecord } from '../values/value-facts.js';
import { defineRule, INVOCATION_MEMBER, SOURCES, taskTypeOf, type Finding } from './types.js';

const members = Object.values(INVOCATION_MEMBER);

export default defineRule({
  id: 'MW004',
  code: 'invocation_parameters_mismatch',
  severity: 'error',
  at: 'key',
  title: 'TaskInvocationParameters may only hold the member that matches TaskType',
  description:
    'RUN_COMMAND takes RunCommand, AUTOMATION takes Automation, STEP_FUNCTIONS takes StepFunctions, LAMBDA takes Lambda. The structure is not a union in the model, so nothing else stops two members, or the wrong one, from being sent.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [{ ...SOURCES.register, quote: 'Populate only the fields that match the task type. All other fields should be empty.' }],
  jsonSchema: {
    form: 'schema',
    schema: {
      allOf: Object.entries(INVOCATION_MEMBER).map(([taskType, expected]) => ({
        if: { properties: { TaskType: { const: taskType } }, required: ['TaskType'] },
        then: {
          properties: {
            TaskInvocationParameters: {
              type: 'object',
              properties: Object.fromEntries(members.filter((m) => m !== expected).map((m) => [m, false])),
            },
          },
        },
      })),
    },
  },
  check(payload) {
    const taskType = taskTypeOf(payload);
    const parameters = payload.TaskInvocationParameters;
    const findings: Finding<'invocation_parameters_mismatch'>[] = [];
    if (!taskType || !isRecord(parameters)) return findings;
    const expected = INVOCATION_MEMBER[taskType];
    for (const member of members) {
      if (member !== expected && parameters[member] !== undefined) findings.push({ path: ['TaskInvocationParameters', member], params: { member, taskType, expected } });
    }
    return findings;
  },
});
