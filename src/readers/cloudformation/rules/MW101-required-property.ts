import { isRecord } from '../../../shapes/walk.js';
import { defineReaderRule } from '../../reader-rule.js';
import { CFN_SOURCES } from './sources.js';

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
    if (payload.Priority === undefined) findings.push({ path: ['Priority'], params: { property: 'Priority' } });
    const invocation = payload.TaskInvocationParameters;
    const runCommand = isRecord(invocation) ? invocation.RunCommand : undefined;
    const notification = isRecord(runCommand) ? runCommand.NotificationConfig : undefined;
    if (isRecord(notification) && notification.NotificationArn === undefined) {
      findings.push({ path: ['TaskInvocationParameters', 'RunCommand', 'NotificationConfig', 'NotificationArn'], params: { property: 'NotificationArn' } });
    }
    return findings;
  },
});
