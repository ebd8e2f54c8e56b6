import { defineRule, INVOCATION_MEMBER, SOURCES, taskTypeOf, type Finding } from './types.js';

/** What replaces each legacy member, per task type (absent: nothing does, remove it). */
const REPLACEMENT = {
  LoggingInfo: { RUN_COMMAND: 'TaskInvocationParameters.RunCommand.OutputS3BucketName and OutputS3KeyPrefix' },
  TaskParameters: {
    RUN_COMMAND: 'TaskInvocationParameters.RunCommand.Parameters',
    AUTOMATION: 'TaskInvocationParameters.Automation.Parameters',
    STEP_FUNCTIONS: 'TaskInvocationParameters.StepFunctions.Input',
    LAMBDA: 'TaskInvocationParameters.Lambda.Payload',
  },
} as const satisfies Record<string, Partial<Record<keyof typeof INVOCATION_MEMBER, string>>>;

export default defineRule({
  id: 'MW009',
  code: 'ignored_legacy_member',
  severity: 'warning',
  at: 'key',
  title: 'LoggingInfo and TaskParameters have no effect outside legacy RUN_COMMAND tasks',
  description:
    'Systems Manager ignores both members for AUTOMATION, LAMBDA and STEP_FUNCTIONS tasks, and for RUN_COMMAND tasks uses them only when TaskInvocationParameters is absent. A value given there is silently dropped.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [
    {
      ...SOURCES.model,
      quote:
        'For RUN_COMMAND tasks, Systems Manager uses specified values for TaskParameters and LoggingInfo only if no values are specified for TaskInvocationParameters.',
    },
    { ...SOURCES.model, quote: 'For AUTOMATION task types, Amazon Web Services Systems Manager ignores any values specified for these parameters.' },
    { ...SOURCES.model, quote: 'For Lambda tasks, Systems Manager ignores any values specified for TaskParameters and LoggingInfo.' },
    { ...SOURCES.model, quote: 'For Step Functions tasks, Systems Manager ignores any values specified for TaskParameters and LoggingInfo.' },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding[] = [];
    const taskType = taskTypeOf(payload);
    if (!taskType) return findings;
    for (const member of ['LoggingInfo', 'TaskParameters'] as const) {
      if (payload[member] === undefined) continue;
      const replaced: Partial<Record<string, string>> = REPLACEMENT[member];
      const replacement = replaced[taskType];
      if (taskType !== 'RUN_COMMAND') findings.push({ path: [member], params: { reason: 'task-type', taskType, replacement } });
      else if (payload.TaskInvocationParameters !== undefined) findings.push({ path: [member], params: { reason: 'invocation-parameters', taskType, replacement } });
    }
    return findings;
  },
});
