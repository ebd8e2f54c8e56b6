import type { CaveatCode, Code } from './codes.js';

/*
 * The facts each code's issue carries (`Issue.params`), one entry per code: what a check or rule
 * gives when it raises the code, and what src/issues/format.ts reads when it words the issue.
 * format.ts's table of messages is checked against this one, code by code, and so is every place
 * that makes an issue. `actual` is the value the payload holds where that can be any value.
 */

/** A length's facts: characters are counted in code points, a blob's bytes after base64 decoding or as given. */
type Length = {
  actual: number;
  unit: 'characters' | 'bytes';
  /** How a blob's bytes were counted: as given (bytes, or UTF-8 text) rather than after base64 decoding. */
  encoding?: 'bytes' | 'base64';
  /** The issue is about a map's key, not its value. */
  mapKey?: true;
};

/** A count against its bounds. */
type Below = { actual: number; minimum: number };
type Above = { actual: number; maximum: number };

/** A CloudFormation or Terraform reference that gives an ID of another kind than the member takes (src/readers/terraform/references.ts). */
type IdKind = 'window' | 'window-target' | 'task' | 'instance';

/** Where a cron field's finding points, and what the field allows (src/schedule/fields.ts). */
type CronField = { field: string; allows: string };

export interface ParamsByCode {
  // --- the model's member constraints (src/compiled/runtime.ts, src/shapes/) -------------------------
  required: { member: string | number };
  unknown_member: { member: string; shape: string; known: readonly string[]; closest?: string };
  unexpected_member: { member: string; shape: string };
  invalid_type: { expected: string; received?: string; actual?: unknown };
  too_short: Length & { minimum: number };
  too_long: Length & { maximum: number };
  too_few_items: Below;
  too_many_items: Above;
  too_few_entries: Below;
  too_many_entries: Above;
  too_small: Below;
  too_big: Above;
  invalid_enum: { allowed: readonly string[]; actual: unknown };
  pattern_mismatch: { pattern: string; shape: string; actual?: unknown; mapKey?: true };
  invalid_base64: Record<string, never>;
  unreadable_value: { reason: string };
  timestamp_text: { actual: unknown };

  // --- documented rules (src/rules/) -----------------------------------------------------------------
  run_command_requires_targets: { actual: 'missing' | 'empty' };
  targeted_task_requires_rate_controls: { member: string };
  targetless_task_forbids_rate_controls: { member: string };
  invocation_parameters_mismatch: { member: string; taskType: string; expected: string };
  task_target_key: { actual?: unknown };
  task_target_value_count: { key: string; actual: number; minimum: number; maximum: number };
  task_target_value_format: { key: string; actual: unknown };
  deprecated_member: { replacement: string };
  ignored_legacy_member: { reason: 'task-type' | 'invocation-parameters'; taskType?: string; replacement?: string };
  deprecated_value: { value: string; replacement: string };
  service_role_recommended: Record<string, never>;
  window_target_key: {
    reason: 'missing' | 'spelling' | 'empty-tag' | 'other-tool' | 'unknown';
    allowed: readonly string[];
    actual?: unknown;
    suggestion?: string;
    resourceType?: string;
  };
  window_target_tag_prefix: { actual: string; suggestion: string };
  window_target_resource_type_key: {
    mixed?: true;
    instance?: readonly unknown[];
    group?: readonly unknown[];
    actual?: unknown;
    resourceType?: string;
    allowed?: readonly string[];
  };
  window_target_instance_ids_alone: { targets: number };
  window_target_value_count: { key: unknown; form: string; actual: number; minimum: number; maximum?: number };
  window_target_duplicate_value: { value: string; first: number };
  window_target_one_resource_group: { form: string };
  window_target_filters_without_group: Record<string, never>;
  window_target_no_targets: Record<string, never>;
  target_replace_requires_member: { member: string; operation: string };
  task_replace_requires_member: { member: string; operation: string };
  replace_clears_members: { members: readonly string[]; of: string };
  updated_task_requires_rate_controls: { member: string };
  updated_targetless_task_forbids_rate_controls: { member: string; because: 'replace' | 'empty' };
  invocation_parameters_replaced: { member?: string; left?: readonly string[] };
  invocation_parameters_several_types: { members: readonly string[] };
  filter_key_not_status: { actual?: unknown };
  status_filter_value: { actual: unknown; allowed: readonly string[] };
  undocumented_status_filter_value: { actual: string };
  undeclared_error_type: { type: string; operation: string; declared: readonly string[] };
  error_http_status: { type: string; expected: number; actual: number };

  // --- a maintenance window's schedule (src/schedule/) --------------------------------------------------
  schedule_form: { allowed: string; written?: string; expected?: string; unexpected?: string };
  schedule_spacing: { written: string };
  undocumented_case: { written: string; documented: string };
  cron_field_count: { count: number; expected: string };
  cron_quartz_six_fields: { written: string; suggestion: string };
  cron_value_syntax: CronField & { item: string; expected: string };
  cron_value_range: CronField & { value: string | number; minimum: number; maximum: number };
  cron_name: CronField & { name: string; names?: string };
  cron_wildcard: CronField & { wildcard: string };
  cron_step: { field: string; step: string };
  cron_step_beyond_range: { field: string; step: number; maximum: number };
  cron_range_wraps: { field: string; from: number; to: number };
  cron_year_range_reversed: { field: string; from: number; to: number };
  cron_nth: { field: string; item: string; value: string };
  cron_nth_not_alone: { field: string; item: string };
  cron_special_in_list: { field: string; item: string };
  cron_undocumented_syntax: { field: string; construct: string; meaning: string };
  cron_question_mark: { both: boolean; dayOfMonth: string; dayOfWeek: string };
  cron_too_frequent: { seconds: number; minimum: number };
  cron_never_runs: { dayOfMonth: string; month: string; year: string };
  rate_field_count: { count: number; expected: string };
  rate_value: { value: string };
  rate_unit: { unit: string; allowed: string };
  rate_unit_number: { value: string; unit: string; expected: string };
  rate_too_frequent: { seconds: number; minimum: number };
  at_format: { written: string; expected: string };
  at_invalid_date: { written: string | undefined; value: string; minimum?: number; maximum?: number };
  at_undocumented_form: { written: string | undefined; expected: string };
  timezone_unknown: { timezone: string };
  timezone_case: { timezone: string; documented?: string };
  schedule_offset_not_cron: { value: number; form: string };
  date_format: { value: string; part?: string; minimum?: number; maximum?: number; expected?: string };
  date_undocumented_form: { value: string; missing: string };
  date_order: { StartDate: string; EndDate: string };
  end_date_passed: { EndDate: string };
  schedule_never_runs: { StartDate?: string; EndDate?: string };
  cutoff_not_below_duration: { Cutoff: number; Duration: number };
  replace_requires_member: { member: string };

  // --- HTTP exchanges (src/exchange/) ---------------------------------------------------------------
  unknown_target: { prefix: string; actual?: string; closest?: string };
  body_not_json: { part: 'request' | 'response'; reason: string; contentType?: string; encoding?: string };
  unexpected_http_status: { actual: number };
  accepted_invalid_request: { status: number; errors: number; codes: readonly string[] };
  content_length_mismatch: { part: 'request' | 'response'; declared: number | string; actual: number };

  // --- across the resources of a file (src/readers/across/rules) -------------------------------------
  task_target_in_other_window: { target: string; targetWindow: string; window: string; reference: string | undefined };
  window_reference_kind: { reference: string | undefined; actual: IdKind; expected: IdKind };
  unassociated_instances: { instance: string | undefined; window: string };

  // --- CloudFormation (src/readers/cloudformation/rules) ---------------------------------------------
  cfn_unknown_property: { reason?: 'api-only' | 'read-only'; property?: string; type?: string; closest?: string; known?: readonly string[] };
  cfn_value_not_sent: { reason: 'empty-list' | 'empty-string'; type: string };
  cfn_target_reference_kind: { reference: string; actual: IdKind; expected: IdKind; key: string | undefined };
  cfn_unknown_attribute: { attribute: string; resource: string; type: string; known: readonly string[] };
  cfn_required_property: { property: string };
  cfn_payload_not_base64: { reason: string };
  cfn_json_text: { reason: string };

  // --- reading input ---------------------------------------------------------------------------------
  unreadable: { reason: string };
  syntax_error: { reason: string; format?: string };
  not_checked: { reason: string; what?: string; hint?: string };
  unknown_suppression: { actual: string; where: string; known: readonly string[] };
  cli_refused: { reason: string; version: string; exit?: number; stage?: string; flag?: string };
  cli_blob_not_base64: { dropped: string; version?: string };
  cli_no_request: { reason: string };
  duplicate_key: { line: number; column: number; firstLine: number; firstColumn: number; uses: string; hint?: string };
  integer_written_as_float: { written: string; value: number };
  duplicate_yaml_key: { line: number; column: number; firstLine: number; firstColumn: number };
  yaml_unknown_tag: { tag: string };
  unrecognized_payload: { reason: 'not-an-object' | 'ambiguous' | 'no-known-members'; candidates?: readonly { operation: string; kind: string }[] };

  // --- Terraform (src/readers/terraform/rules) -------------------------------------------------------
  terraform_removed_argument: { argument: string; replacement: string };
  terraform_value_not_sent: { argument: string; reason: 'empty-block' | 'empty-item' | 'empty-list' | 'empty-string' };
  terraform_duplicate_parameter: { name: string; firstLine: number | undefined };
  terraform_unsupported_argument: { argument: string; parent?: string; form?: 'block' | 'argument'; computed?: boolean; closest?: string };
  terraform_type_mismatch: { argument: string; actual: string; received: string; expected: string };
  terraform_block_structure: { argument: string; reason: 'too-many-blocks' | 'block-as-argument' | 'argument-as-block' | 'missing-argument'; maximum?: number; missing?: string };
  terraform_invalid_arn: { argument: string; actual: string; reason: string };
  terraform_provider_refuses: { argument: string; actual: string; minimum: number };
  terraform_update_drops_rate_controls: { argument: string };
  terraform_target_reference_kind: { reference: string; actual: IdKind; expected: IdKind; key: string };
}

/** The params of one code: a code without an entry above does not compile here. */
export type ParamsOf<C extends Code> = ParamsByCode[C];

/** The params of a caveat of a schedule's run times (src/schedule/occurrences.ts). */
export interface CaveatParamsByCode {
  tzdata: { timezone: string; tz?: string };
  dst_gap: { scheduled: string; runs: string; timezone: string };
  dst_overlap: { scheduled: string; runs: string; timezone: string };
  rate_anchor: { anchor: string; basis: 'StartDate' | 'from' };
  at_timezone: { timezone: string };
  search_limit: { steps: number };
}

export type CaveatParamsOf<C extends CaveatCode> = CaveatParamsByCode[C];

/** A caveat with its params, one code at a time. */
export type CaveatOf = { [C in CaveatCode]: { code: C; params: CaveatParamsOf<C> } }[CaveatCode];
