import { plainShape } from '../compiled/shape-lookup.js';
import { defineRule, SOURCES, type Finding, type JsonSchemaForm } from './types.js';

/** The members CreateMaintenanceWindow requires, from the model (read when first needed: the compiled metadata is generated after the rules load). */
function createRequires(): string[] {
  const meta = plainShape('CreateMaintenanceWindowRequest');
  return meta.type === 'structure' ? Object.entries(meta.members).flatMap(([name, m]) => (m.required ? [name] : [])) : [];
}

let required: string[] | undefined;

export default defineRule({
  id: 'MW055',
  code: 'replace_requires_member',
  severity: 'error',
  at: 'key',
  title: 'An update with Replace gives every member CreateMaintenanceWindow requires',
  description:
    'Without Replace an update changes only the members it gives. With Replace it sets the whole window: Name, Schedule, Duration, Cutoff and AllowUnassociatedTargets become required, and every optional member left out (Description, StartDate, EndDate, ScheduleTimezone, ScheduleOffset) is cleared (decision D68).',
  appliesTo: { operations: ['UpdateMaintenanceWindow'], kind: 'request' },
  sources: [
    {
      ...SOURCES.updateWindow,
      quote: "If True, then all fields that are required by the CreateMaintenanceWindow operation are also required for this API request. Optional fields that aren't specified are set to null.",
    },
  ],
  get jsonSchema(): JsonSchemaForm {
    const members = (required ??= createRequires());
    return { form: 'schema', schema: { if: { properties: { Replace: { const: true } }, required: ['Replace'] }, then: { required: members, properties: Object.fromEntries(members.map((m) => [m, true])) } } };
  },
  check(payload) {
    if (payload.Replace !== true) return [];
    const findings: Finding<'replace_requires_member'>[] = [];
    for (const member of (required ??= createRequires())) if (payload[member] === undefined) findings.push({ path: [member], params: { member } });
    return findings;
  },
});
