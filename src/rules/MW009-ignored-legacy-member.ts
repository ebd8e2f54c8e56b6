import { isRecord } from '../values/value-facts.js';
import { defineRule, INVOCATION_MEMBER, SOURCES, taskTypeOf, type Finding, type TaskType } from './types.js';

const LEGACY = ['LoggingInfo', 'TaskParameters'] as const;

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

/** The task type an update's TaskInvocationParameters speaks for, when it holds the parameters of exactly one. */
function impliedTaskType(parameters: Record<string, unknown>): TaskType | undefined {
  const given = (Object.entries(INVOCATION_MEMBER) as [TaskType, string][]).filter(([, member]) => parameters[member] !== undefined);
  return given.length === 1 ? given[0]![0] : undefined;
}

/** An update's legacy members beside TaskInvocationParameters: ignored, whatever the task's type. */
function besideInvocationParameters(payload: Record<string, unknown>): Finding<'ignored_legacy_member'>[] {
  const parameters = payload.TaskInvocationParameters;
  // An empty structure specifies no values: a RUN_COMMAND task then uses the legacy members.
  if (!isRecord(parameters) || !Object.values(INVOCATION_MEMBER).some((m) => parameters[m] !== undefined)) return [];
  const taskType = impliedTaskType(parameters);
  return LEGACY.filter((member) => payload[member] !== undefined).map((member) => {
    const replaced: Partial<Record<string, string>> = REPLACEMENT[member];
    const replacement = taskType && replaced[taskType];
    return { path: [member], params: { reason: 'invocation-parameters', ...(taskType ? { taskType } : {}), ...(replacement ? { replacement } : {}) } };
  });
}

export default defineRule({
  id: 'MW009',
  code: 'ignored_legacy_member',
  severity: 'warning',
  at: 'key',
  title: 'LoggingInfo and TaskParameters have no effect outside legacy RUN_COMMAND tasks',
  description:
    'Systems Manager ignores both members for AUTOMATION, LAMBDA and STEP_FUNCTIONS tasks, and for RUN_COMMAND tasks uses them only when TaskInvocationParameters is absent. A value given there is silently dropped. An update has no TaskType: there, only the second case is decided.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask'], kind: 'request' },
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
  check(payload, { operation }) {
    const findings: Finding<'ignored_legacy_member'>[] = [];
    const taskType = taskTypeOf(payload);
    // An update has no TaskType: whatever the type, TaskInvocationParameters makes both ignored.
    if (!taskType) return operation === 'UpdateMaintenanceWindowTask' ? besideInvocationParameters(payload) : findings;
    for (const member of LEGACY) {
      if (payload[member] === undefined) continue;
      const replaced: Partial<Record<string, string>> = REPLACEMENT[member];
      const replacement = replaced[taskType];
      if (taskType !== 'RUN_COMMAND') findings.push({ path: [member], params: { reason: 'task-type', taskType, replacement } });
      else if (payload.TaskInvocationParameters !== undefined) findings.push({ path: [member], params: { reason: 'invocation-parameters', taskType, replacement } });
    }
    return findings;
  },
});
