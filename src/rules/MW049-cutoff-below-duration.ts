import { plainShape } from '../compiled/shape-lookup.js';
import { defineRule, SOURCES, type JsonSchemaForm } from './types.js';
import { WINDOW_OPERATIONS } from './window-schedule.js';

/** The model's range of a member's integer shape (read when first needed: the compiled metadata is generated after the rules load). */
function range(shape: string): { min: number; max: number } {
  const meta = plainShape(shape);
  return meta.type === 'integer' ? { min: meta.min ?? -Infinity, max: meta.max ?? Infinity } : { min: -Infinity, max: Infinity };
}

const inRange = (value: unknown, shape: string): value is number => {
  const { min, max } = range(shape);
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
};

let schema: JsonSchemaForm | undefined;

/** For each Duration the model allows whose Cutoff bound is below the model's own: if Duration is d, Cutoff is at most d - 1. */
function jsonSchema(): JsonSchemaForm {
  if (schema) return schema;
  const duration = range('MaintenanceWindowDurationHours');
  const cutoff = range('MaintenanceWindowCutoff');
  const branches: Record<string, unknown>[] = [];
  for (let d = Math.max(duration.min, cutoff.min + 1); d <= Math.min(duration.max, cutoff.max); d++) {
    branches.push({ if: { properties: { Duration: { const: d }, Cutoff: true }, required: ['Duration', 'Cutoff'] }, then: { properties: { Cutoff: { type: 'integer', maximum: d - 1 } } } });
  }
  return (schema = { form: 'schema', schema: { allOf: branches } });
}

export default defineRule({
  id: 'MW049',
  code: 'cutoff_not_below_duration',
  severity: 'error',
  title: 'Cutoff is below Duration',
  description:
    'Cutoff is the number of hours before the end of the window when SSM stops starting tasks: at Duration or more, no task could ever start. The service answers "must be smaller than" for it; AWS documents windows with Cutoff one hour below Duration (Duration 1, Cutoff 0; Duration 2, Cutoff 1), so the bound is Cutoff < Duration (decision D62). Checked when both are given and in the model\'s ranges; an update that gives one leaves the other as it is, which is not known here.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      document: 'Service ValidationException for AWS::SSM::MaintenanceWindow, as reported in awsdocs/aws-cloudformation-user-guide issue 891',
      url: 'https://github.com/awsdocs/aws-cloudformation-user-guide/issues/891',
      quote: 'Cuttoff was 12 but must be smaller than 5 (Duration - 1 ) (Service: AmazonSSM; Status Code: 400; Error Code: ValidationException',
    },
    {
      ...SOURCES.model,
      quote: 'The number of hours before the end of the maintenance window that Amazon Web Services Systems Manager stops scheduling new tasks for execution.',
    },
    {
      ...SOURCES.createWindow,
      quote:
        'No maintenance window tasks are permitted to start after the resulting endtime minus the number of hours you specify for Cutoff. For example, if the maintenance window starts at 3 PM, the duration is three hours, and the value you specify for Cutoff is one hour, no maintenance window tasks can start after 5 PM.',
    },
  ],
  get jsonSchema() {
    return jsonSchema();
  },
  check(payload) {
    const { Cutoff, Duration } = payload;
    if (!inRange(Duration, 'MaintenanceWindowDurationHours') || !inRange(Cutoff, 'MaintenanceWindowCutoff') || Cutoff < Duration) return [];
    return [{ path: ['Cutoff'], params: { Cutoff, Duration } }];
  },
});
