import type { OperationName } from '../../operations/index.js';

/*
 * The `aws_ssm_maintenance_window_task` resource of hashicorp/terraform-provider-aws, as its
 * source declares it (internal/service/ssm/maintenance_window_task.go, commits 0105d219 and
 * 30b8cc6d; the deprecated `logging_info` and `task_parameters` from the 2.x provider,
 * aws/resource_aws_ssm_maintenance_window_task.go at 87684ac3), and how each argument becomes a
 * member of RegisterTaskWithMaintenanceWindow. Only what changes a verdict is recorded: the type
 * Terraform converts a value to, whether the provider leaves an empty value out of the request, and
 * the provider's own validations where they are stricter than the API's.
 */

export const RESOURCE_TYPE = 'aws_ssm_maintenance_window_task';

/** `tags`: a map of strings that the provider sends as a list of `{ Key, Value }`. */
export type AttributeType = 'string' | 'number' | 'bool' | 'list' | 'tags';

/**
 * What the provider sends for an empty value (`""`, `0`, an empty string in a list):
 * - `unset`: its expander checks `len(v) != 0` (or `GetOk`), so nothing is sent;
 * - `rejected`: its own validation refuses the empty value at plan time, as the API would;
 * - `sent`: it is sent as written (required arguments, read with `d.Get`).
 */
export type EmptyHandling = 'unset' | 'rejected' | 'sent';

export interface AttributeSpec {
  kind: 'attribute';
  /** The API member it becomes. */
  api: string;
  type: AttributeType;
  required?: boolean;
  /** Optional+Computed: left unknown in a plan when the configuration does not set it. */
  computed?: boolean;
  empty: EmptyHandling;
  /** For lists of strings: what happens to an empty string inside the list. */
  emptyItem?: EmptyHandling;
  /** The provider's `verify.ValidARN`, stricter than the API (which takes any string). */
  arn?: boolean;
  /** Sent as the bytes of the string (Lambda Payload). */
  bytes?: boolean;
  /** What the provider sends when the configuration does not set it (`d.Get` of an Optional argument with a Default). */
  default?: boolean | number | string;
  /** The provider's own minimum length, stricter than the API's (MW209). */
  minLength?: number;
}

/**
 * How nested blocks become API values:
 * - `single`: a block allowed at most once (MaxItems 1), an API structure;
 * - `list`: repeated blocks, an API list (`targets`);
 * - `parameters`: repeated `{ name, values }` blocks, an API map of name to values;
 * - `legacy-parameters`: the 2.x `task_parameters`, an API map of name to `{ Values }`.
 */
export type Nesting = 'single' | 'list' | 'parameters' | 'legacy-parameters';

export interface BlockSpec {
  kind: 'block';
  api: string;
  nesting: Nesting;
  maxItems?: number;
  body: BodySpec;
  /** Gone from the provider since 3.0 (deprecated in 2.x in favour of `replacement`). */
  removed?: { replacement: string };
}

export type BodySpec = Readonly<Record<string, AttributeSpec | BlockSpec>>;

const str = (api: string, empty: EmptyHandling, extra: Partial<AttributeSpec> = {}): AttributeSpec => ({ kind: 'attribute', api, type: 'string', empty, ...extra });
const single = (api: string, body: BodySpec): BlockSpec => ({ kind: 'block', api, nesting: 'single', maxItems: 1, body });
const parameters = (api: string): BlockSpec => ({
  kind: 'block',
  api,
  nesting: 'parameters',
  body: { name: str('name', 'sent', { required: true }), values: { kind: 'attribute', api: 'values', type: 'list', required: true, empty: 'sent', emptyItem: 'unset' } },
});

/** Arguments of `resource "aws_ssm_maintenance_window_task"`, with their API members. */
export const TASK_SCHEMA: BodySpec = {
  window_id: str('WindowId', 'sent', { required: true }),
  task_type: str('TaskType', 'rejected', { required: true }),
  task_arn: str('TaskArn', 'sent', { required: true }),
  service_role_arn: str('ServiceRoleArn', 'unset', { computed: true, arn: true }),
  priority: { kind: 'attribute', api: 'Priority', type: 'number', empty: 'unset' },
  max_concurrency: str('MaxConcurrency', 'rejected', { computed: true }),
  max_errors: str('MaxErrors', 'rejected', { computed: true }),
  cutoff_behavior: str('CutoffBehavior', 'rejected'),
  name: str('Name', 'rejected'),
  description: str('Description', 'rejected'),
  targets: {
    kind: 'block',
    api: 'Targets',
    nesting: 'list',
    maxItems: 5,
    body: {
      key: str('Key', 'sent', { required: true }),
      values: { kind: 'attribute', api: 'Values', type: 'list', required: true, empty: 'sent', emptyItem: 'unset' },
    },
  },
  task_invocation_parameters: single('TaskInvocationParameters', {
    automation_parameters: single('Automation', {
      document_version: str('DocumentVersion', 'rejected'),
      parameter: parameters('Parameters'),
    }),
    lambda_parameters: single('Lambda', {
      client_context: str('ClientContext', 'rejected'),
      payload: str('Payload', 'unset', { bytes: true }),
      qualifier: str('Qualifier', 'rejected'),
    }),
    run_command_parameters: single('RunCommand', {
      comment: str('Comment', 'unset'),
      document_hash: str('DocumentHash', 'unset'),
      document_hash_type: str('DocumentHashType', 'rejected'),
      document_version: str('DocumentVersion', 'rejected'),
      notification_config: single('NotificationConfig', {
        notification_arn: str('NotificationArn', 'unset', { arn: true }),
        notification_events: { kind: 'attribute', api: 'NotificationEvents', type: 'list', empty: 'unset', emptyItem: 'rejected' },
        notification_type: str('NotificationType', 'rejected'),
      }),
      output_s3_bucket: str('OutputS3BucketName', 'unset'),
      output_s3_key_prefix: str('OutputS3KeyPrefix', 'unset'),
      parameter: parameters('Parameters'),
      service_role_arn: str('ServiceRoleArn', 'unset', { arn: true }),
      timeout_seconds: { kind: 'attribute', api: 'TimeoutSeconds', type: 'number', empty: 'rejected' },
      cloudwatch_config: single('CloudWatchOutputConfig', {
        cloudwatch_log_group_name: str('CloudWatchLogGroupName', 'unset', { computed: true }),
        cloudwatch_output_enabled: { kind: 'attribute', api: 'CloudWatchOutputEnabled', type: 'bool', empty: 'sent' },
      }),
    }),
    step_functions_parameters: single('StepFunctions', {
      input: str('Input', 'unset'),
      name: str('Name', 'rejected'),
    }),
  }),
  logging_info: {
    ...single('LoggingInfo', {
      s3_bucket_name: str('S3BucketName', 'sent', { required: true }),
      s3_region: str('S3Region', 'sent', { required: true }),
      s3_bucket_prefix: str('S3KeyPrefix', 'unset'),
    }),
    removed: { replacement: 'task_invocation_parameters.run_command_parameters.output_s3_bucket and output_s3_key_prefix' },
  },
  task_parameters: {
    kind: 'block',
    api: 'TaskParameters',
    nesting: 'legacy-parameters',
    body: parameters('TaskParameters').body,
    removed: { replacement: 'task_invocation_parameters.run_command_parameters.parameter' },
  },
};

/** Resource arguments Terraform itself handles; none of them reaches the API. */
export const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

/**
 * Arguments the provider accepts that do not become request members: `region` (provider 6.x
 * selects the endpoint per resource) and the computed attributes, which Terraform refuses in
 * configuration (they are reported as unsupported there, and ignored in plans, which carry them).
 */
export const NOT_SENT = new Set(['region']);
export const COMPUTED_ONLY = new Set(['arn', 'id', 'window_task_id']);

const num = (api: string, empty: EmptyHandling, extra: Partial<AttributeSpec> = {}): AttributeSpec => ({ kind: 'attribute', api, type: 'number', empty, ...extra });

/**
 * `resource "aws_ssm_maintenance_window_target"` (internal/service/ssm/maintenance_window_target.go):
 * its arguments, all sent to RegisterTargetWithMaintenanceWindow. The provider validates name,
 * description and owner_information itself, so an empty one is refused at plan time; description
 * needs 3 characters where the API takes 1 (MW209).
 */
export const TARGET_RESOURCE_TYPE = 'aws_ssm_maintenance_window_target';
export const TARGET_SCHEMA: BodySpec = {
  window_id: str('WindowId', 'sent', { required: true }),
  resource_type: str('ResourceType', 'rejected', { required: true }),
  targets: TASK_SCHEMA.targets!,
  name: str('Name', 'rejected'),
  description: str('Description', 'rejected', { minLength: 3 }),
  owner_information: str('OwnerInformation', 'rejected'),
};

/**
 * `resource "aws_ssm_maintenance_window"` (internal/service/ssm/maintenance_window.go):
 * CreateMaintenanceWindow gets allow_unassociated_targets always (false by default), the optional
 * strings only when non-empty (d.GetOk), tags as a list of Key and Value; `enabled` is not a member
 * of the request (a window created with `enabled = false` is disabled by a second call,
 * UpdateMaintenanceWindow). schedule_offset is validated by the provider (IntBetween(1, 6)), so 0 is
 * refused, not left out.
 */
export const WINDOW_RESOURCE_TYPE = 'aws_ssm_maintenance_window';
export const WINDOW_SCHEMA: BodySpec = {
  name: str('Name', 'sent', { required: true }),
  schedule: str('Schedule', 'sent', { required: true }),
  duration: num('Duration', 'sent', { required: true }),
  cutoff: num('Cutoff', 'sent', { required: true }),
  allow_unassociated_targets: { kind: 'attribute', api: 'AllowUnassociatedTargets', type: 'bool', empty: 'sent', default: false },
  description: str('Description', 'unset'),
  start_date: str('StartDate', 'unset'),
  end_date: str('EndDate', 'unset'),
  schedule_timezone: str('ScheduleTimezone', 'unset'),
  schedule_offset: num('ScheduleOffset', 'rejected'),
  tags: { kind: 'attribute', api: 'Tags', type: 'tags', empty: 'unset' },
};

/** A resource type the Terraform readers read: the request it becomes and the names that are not arguments of that request. */
export interface TerraformType {
  type: string;
  operation: OperationName;
  schema: BodySpec;
  /** Attributes the provider computes: Terraform refuses them in configuration; plans carry them. */
  computedOnly: ReadonlySet<string>;
  /** Arguments the provider accepts that do not become members of the request. */
  notSent: ReadonlySet<string>;
}

export const TERRAFORM_TYPES: Readonly<Record<string, TerraformType>> = {
  [RESOURCE_TYPE]: { type: RESOURCE_TYPE, operation: 'RegisterTaskWithMaintenanceWindow', schema: TASK_SCHEMA, computedOnly: COMPUTED_ONLY, notSent: NOT_SENT },
  [TARGET_RESOURCE_TYPE]: {
    type: TARGET_RESOURCE_TYPE,
    operation: 'RegisterTargetWithMaintenanceWindow',
    schema: TARGET_SCHEMA,
    computedOnly: new Set(['id']),
    notSent: NOT_SENT,
  },
  [WINDOW_RESOURCE_TYPE]: {
    type: WINDOW_RESOURCE_TYPE,
    operation: 'CreateMaintenanceWindow',
    schema: WINDOW_SCHEMA,
    computedOnly: new Set(['id', 'tags_all']),
    notSent: new Set([...NOT_SENT, 'enabled']),
  },
};
