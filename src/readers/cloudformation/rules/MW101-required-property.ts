import { isRecord } from '../../../values/value-facts.js';
import { defineRule } from '../../../rules/types.js';
import { CFN_SOURCES } from './sources.js';

/** What AWS::SSM::MaintenanceWindowTask requires that the API does not, by API path. */
export const CFN_REQUIRED = [['Priority'], ['TaskInvocationParameters', 'RunCommand', 'NotificationConfig', 'NotificationArn']] as const;

/** What each resource type requires that the API does not, by API path; `*` stands for every item of a list. */
export const CFN_REQUIRED_BY_TYPE: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'AWS::SSM::MaintenanceWindowTask': CFN_REQUIRED,
  // definitions.Targets.required: ["Values", "Key"], as the task's Targets: the contract's rules already
  // report a window target without them (MW060, MW064), as they do a task's (MW005, MW006).
  'AWS::SSM::MaintenanceWindowTarget': [],
};

type Finding = { path: (string | number)[]; params: { property: string } };

/** The members at `path` that are missing where their structure is there to hold them (the payload itself, or a nested object). */
function missing(container: unknown, path: readonly string[], at: (string | number)[], out: Finding[]): void {
  const [head, ...rest] = path;
  if (head === undefined || !isRecord(container) && !Array.isArray(container)) return;
  if (head === '*') {
    if (Array.isArray(container)) container.forEach((item, i) => missing(item, rest, [...at, i], out));
    return;
  }
  if (!isRecord(container)) return;
  if (rest.length === 0) {
    if (container[head] === undefined) out.push({ path: [...at, head], params: { property: head } });
    return;
  }
  missing(container[head], rest, [...at, head], out);
}

export default defineRule({
  id: 'MW101',
  code: 'cfn_required_property',
  severity: 'error',
  title: 'A property that CloudFormation requires and the API does not',
  description:
    'AWS::SSM::MaintenanceWindowTask requires Priority, and NotificationConfig.NotificationArn whenever NotificationConfig is given; the API makes both optional. (CloudFormation also requires Key and Values in every target, of a task and of a window target: MW005 and MW006, MW060 and MW064 already report a target without them.)',
  reader: 'cloudformation',
  at: 'key',
  sources: [
    {
      ...CFN_SOURCES.resource,
      quote:
        'Priority: The priority of the task in the maintenance window. The lower the number, the higher the priority. Tasks that have the same priority are scheduled in parallel. Required: Yes',
    },
    {
      ...CFN_SOURCES.notificationConfig,
      quote:
        'NotificationArn: An Amazon Resource Name (ARN) for an Amazon Simple Notification Service (Amazon SNS) topic. Run Command pushes notifications about command status changes to this topic. Required: Yes',
    },
    { ...CFN_SOURCES.schema, quote: '"required": ["WindowId", "Priority", "TaskType", "TaskArn"] … "NotificationConfig": { … "required": ["NotificationArn"] }' },
  ],
  /** What the resource type (`type`) requires and its payload lacks. */
  check({ type, payload }: { type: string; payload: Record<string, unknown> }) {
    const out: Finding[] = [];
    for (const path of CFN_REQUIRED_BY_TYPE[type] ?? []) missing(payload, path, [], out);
    return out;
  },
});
