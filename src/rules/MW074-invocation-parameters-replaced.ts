import { plainShape } from '../compiled/shape-lookup.js';
import { isRecord } from '../values/value-facts.js';
import { defineRule, INVOCATION_MEMBER, SOURCES, type Finding } from './types.js';
import { replaces } from './updates.js';

/** Each task type's parameters and their members, from the shape metadata. */
let membersOf: ReadonlyMap<string, readonly string[]> | undefined;

function typeMembers(): ReadonlyMap<string, readonly string[]> {
  const parameters = plainShape('MaintenanceWindowTaskInvocationParameters');
  if (parameters.type !== 'structure') throw new Error('MaintenanceWindowTaskInvocationParameters is not a structure');
  return new Map(
    Object.values(INVOCATION_MEMBER).map((member) => {
      const shape = plainShape(parameters.members[member]!.shape);
      return [member, shape.type === 'structure' ? Object.keys(shape.members) : []];
    }),
  );
}

export default defineRule({
  id: 'MW074',
  code: 'invocation_parameters_replaced',
  severity: 'warning',
  at: 'key',
  title: 'An update’s TaskInvocationParameters replaces them all: what it leaves out is removed',
  description:
    'Without Replace, a member an update leaves out keeps its value, except inside TaskInvocationParameters: the structure given replaces the task’s whole structure, and every value not given again is removed. Reported when the update gives the parameters of a task type in part (not every member), naming what it leaves out; whether the task has values there now is not in the request. With Replace, removing what is left out is what the update asks for (MW070).',
  appliesTo: { operations: ['UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      ...SOURCES.updateTask,
      quote:
        "When you update a maintenance window task that has options specified in TaskInvocationParameters, you must provide again all the TaskInvocationParameters values that you want to retain. The values you don't specify again are removed.",
    },
    {
      ...SOURCES.updateTask,
      quote:
        'For example, suppose that when you registered a Run Command task, you specified TaskInvocationParameters values for Comment, NotificationConfig, and OutputS3BucketName. If you update the maintenance window task and specify only a different OutputS3BucketName value, the values for Comment and NotificationConfig are removed.',
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding<'invocation_parameters_replaced'>[] = [];
    const parameters = payload.TaskInvocationParameters;
    if (replaces(payload) || !isRecord(parameters)) return findings;
    membersOf ??= typeMembers();
    const given = [...membersOf.keys()].filter((m) => parameters[m] !== undefined);
    // An empty structure removes every parameter the task has.
    if (given.length === 0) return [{ path: ['TaskInvocationParameters'], params: { left: [...membersOf.keys()] } }];
    for (const member of given) {
      const value = parameters[member];
      if (!isRecord(value)) continue;
      const left = membersOf.get(member)!.filter((m) => value[m] === undefined);
      if (left.length > 0) findings.push({ path: ['TaskInvocationParameters', member], params: { member, left } });
    }
    return findings;
  },
});
