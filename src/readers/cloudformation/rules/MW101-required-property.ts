import { isRecord } from '../../../shapes/walk.js';
import { defineReaderRule } from '../../reader-rule.js';
import { CFN_SOURCES } from './sources.js';

/** What CloudFormation requires that the API does not, by API path. */
export const CFN_REQUIRED = [['Priority'], ['TaskInvocationParameters', 'RunCommand', 'NotificationConfig', 'NotificationArn']] as const;

export default defineReaderRule({
  id: 'MW101',
  code: 'cfn_required_property',
  severity: 'error',
  title: 'A property that CloudFormation requires and the API does not',
  description:
    'AWS::SSM::MaintenanceWindowTask requires Priority, and NotificationConfig.NotificationArn whenever NotificationConfig is given; the API makes both optional. (CloudFormation also requires Key and Values in every target: MW005 and MW006 already report a target without them.)',
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
  check(payload) {
    const findings: { path: (string | number)[]; params: Record<string, unknown> }[] = [];
    for (const path of CFN_REQUIRED) {
      // A member is missing only where its structure is there to hold it: the payload itself, or a nested object.
      let parent: unknown = payload;
      for (const segment of path.slice(0, -1)) parent = isRecord(parent) ? parent[segment] : undefined;
      const member = path[path.length - 1]!;
      if (isRecord(parent) && parent[member] === undefined) findings.push({ path: [...path], params: { property: member } });
    }
    return findings;
  },
});
