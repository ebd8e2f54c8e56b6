import { defineRule, RATE_CONTROLS, SOURCES, type Finding } from './types.js';
import { targetlessAfterUpdate } from './updates.js';

export default defineRule({
  id: 'MW073',
  code: 'updated_targetless_task_forbids_rate_controls',
  severity: 'error',
  at: 'key',
  title: 'An update that leaves a task without targets gives neither MaxConcurrency nor MaxErrors',
  description:
    'MW003 for updates. A task update leaves the task targetless when it gives an empty Targets list, or Replace without Targets (set to null); the service then refuses MaxConcurrency and MaxErrors. Without Replace, an update that leaves Targets out keeps the task’s targets, which the request does not show: not checked.',
  appliesTo: { operations: ['UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      ...SOURCES.updateTask,
      quote:
        "For maintenance window tasks without a target specified, you can't supply a value for this option. Instead, the system inserts a placeholder value of 1. This value doesn't affect the running of your task.",
    },
    {
      document: 'Troubleshooting maintenance windows, AWS Systems Manager User Guide (the service’s error text)',
      url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-maintenance-windows.html',
      quote: "Maintenance window tasks without targets don't support MaxConcurrency values",
    },
    {
      document: 'Troubleshooting maintenance windows, AWS Systems Manager User Guide',
      url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-maintenance-windows.html',
      quote: 'remove the values for concurrency and error threshold before continuing to register or update the maintenance window task.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      if: {
        anyOf: [
          { properties: { Targets: { type: 'array', maxItems: 0 } }, required: ['Targets'] },
          { properties: { Replace: { const: true } }, required: ['Replace'], not: { required: ['Targets'] } },
        ],
      },
      then: { not: { anyOf: RATE_CONTROLS.map((m) => ({ required: [m] })) } },
    },
  },
  check(payload) {
    const findings: Finding<'updated_targetless_task_forbids_rate_controls'>[] = [];
    if (!targetlessAfterUpdate(payload)) return findings;
    const because = payload.Targets === undefined ? 'replace' : 'empty';
    for (const member of RATE_CONTROLS) if (payload[member] !== undefined) findings.push({ path: [member], params: { member, because } });
    return findings;
  },
});
