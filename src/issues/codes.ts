export type Severity = 'error' | 'warning' | 'info';

export const severityRank = { error: 3, warning: 2, info: 1 } as const satisfies Record<Severity, number>;

/** How many findings there are of each severity: what every report's summary counts. */
export function severityCounts(findings: Iterable<{ severity: Severity }>): { errors: number; warnings: number; infos: number } {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const { severity } of findings) counts[severity === 'error' ? 'errors' : severity === 'warning' ? 'warnings' : 'infos']++;
  return counts;
}

/** Findings in the order they are written: line, column, then the most severe first. */
export const byPosition = (a: { line?: number; column?: number; severity: Severity }, b: { line?: number; column?: number; severity: Severity }) =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || severityRank[b.severity] - severityRank[a.severity];

/**
 * Where a finding points in a file: `key` for a member that should not be there or that lacks
 * something (a member that is missing altogether is placed at the key of its nearest written
 * parent); the value otherwise (a pattern, a length, a range, a type). Codes and rules declare
 * `at: 'key'`; `pointsAt` (src/readers/rule-catalog.ts) reads it.
 */
export type Target = 'key' | 'value';

/** Codes raised by the shapes themselves: the model's member-by-member constraints. */
export const fieldCodes = {
  required: { severity: 'error', title: 'A required member is missing', at: 'key' },
  unknown_member: { severity: 'error', title: 'A request member that the operation does not have', at: 'key' },
  unexpected_member: { severity: 'info', title: 'A response member that the service model does not have', at: 'key' },
  invalid_type: { severity: 'error', title: 'A value of the wrong type' },
  too_short: { severity: 'error', title: 'A string or blob below its minimum length' },
  too_long: { severity: 'error', title: 'A string or blob above its maximum length' },
  too_few_items: { severity: 'error', title: 'A list with fewer items than its minimum' },
  too_many_items: { severity: 'error', title: 'A list with more items than its maximum' },
  too_few_entries: { severity: 'error', title: 'A map with fewer entries than its minimum' },
  too_many_entries: { severity: 'error', title: 'A map with more entries than its maximum' },
  too_small: { severity: 'error', title: 'A number below its minimum' },
  too_big: { severity: 'error', title: 'A number above its maximum' },
  invalid_enum: { severity: 'error', title: 'A value outside the allowed values' },
  pattern_mismatch: { severity: 'error', title: 'A string that does not match its pattern' },
  invalid_base64: { severity: 'error', title: 'A blob that is not base64 text' },
  unreadable_value: { severity: 'error', title: 'A value that cannot be inspected (a getter or proxy that throws)' },
  timestamp_text: { severity: 'info', title: 'A timestamp written as ISO 8601 text instead of epoch seconds' },
} as const satisfies Record<string, { severity: Severity; title: string; at?: Target }>;

export type FieldCode = keyof typeof fieldCodes;

/** Codes raised while reading input, before any payload can be checked. */
export const inputCodes = {
  unreadable: { severity: 'error', title: 'A file that cannot be read' },
  syntax_error: { severity: 'error', title: 'A file that is not valid JSON or YAML' },
  unrecognized_payload: { severity: 'error', title: 'A payload whose operation and kind cannot be told from its members' },
  not_checked: { severity: 'info', title: 'Something a reader could not read statically, so it was not checked' },
  unknown_suppression: { severity: 'warning', title: 'An inline suppression that names no rule id or code' },
  cli_refused: { severity: 'error', title: 'A command line that the AWS CLI itself refuses before it sends anything' },
  cli_blob_not_base64: { severity: 'error', title: 'A blob that AWS CLI v2 decodes from text that is not base64, so it sends other bytes' },
  cli_no_request: { severity: 'info', title: 'A command line that sends no request (help, --version, --generate-cli-skeleton)' },
  duplicate_key: { severity: 'warning', title: 'A key given twice in one object: the value written last is the one used' },
  duplicate_yaml_key: { severity: 'error', title: 'A key given twice in a YAML payload: YAML forbids it, and the AWS CLI refuses the file' },
  integer_written_as_float: { severity: 'warning', title: 'A whole number written with a fraction or exponent for an integer member: the AWS CLI reads a float and refuses it' },
  yaml_unknown_tag: { severity: 'error', title: 'A YAML tag in a payload file that nothing resolves: the AWS CLI refuses the file, and the value is not what it reads' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type InputCode = keyof typeof inputCodes;

/** Codes raised by the exchange checker (src/exchange/): the HTTP side of an exchange with the service. */
export const exchangeCodes = {
  unknown_target: { severity: 'error', title: 'An X-Amz-Target header that names no operation of the service' },
  body_not_json: { severity: 'error', title: 'A request or response body that is not a JSON object' },
  unexpected_http_status: { severity: 'error', title: 'An HTTP status that is neither a success nor an error status' },
  accepted_invalid_request: { severity: 'warning', title: 'A success response to a request that breaks the contract' },
  content_length_mismatch: { severity: 'warning', title: 'A Content-Length header that does not match the body' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type ExchangeCode = keyof typeof exchangeCodes;

/**
 * Codes of a maintenance window's schedule (src/schedule/: Schedule, ScheduleTimezone, ScheduleOffset,
 * StartDate, EndDate), read as AWS documents them. Several rules raise several of them each (MW040,
 * MW041, MW042, MW045, MW047, MW050, MW051, MW054: one rule per documented statement, a code per kind
 * of finding under it), each code with its own severity; the issue then carries the rule's id and
 * this code, and `span`, the part of the member's text it is about.
 */
export const scheduleCodes = {
  // The expression as a whole
  schedule_form: { severity: 'error', title: 'Not a cron(...), rate(...) or at(...) expression' },
  schedule_spacing: { severity: 'warning', title: 'Spacing other than the single spaces AWS documents' },
  undocumented_case: { severity: 'warning', title: 'A keyword, name or unit in a letter case AWS does not document' },
  // cron(...)
  cron_field_count: { severity: 'error', title: 'A cron expression with other than 6 or 7 fields' },
  cron_quartz_six_fields: { severity: 'error', title: 'Six Quartz fields (seconds first, no year) where AWS reads minutes first and a year last' },
  cron_value_syntax: { severity: 'error', title: 'A cron field item that is not a value, range, step or wildcard of its field' },
  cron_value_range: { severity: 'error', title: 'A cron value outside its field’s range' },
  cron_name: { severity: 'error', title: 'A name that the cron field does not take' },
  cron_wildcard: { severity: 'error', title: 'A wildcard that the cron field does not allow' },
  cron_step: { severity: 'error', title: 'A cron increment that is not a whole number of at least 1' },
  cron_step_beyond_range: { severity: 'warning', title: 'A cron increment larger than its field' },
  cron_range_wraps: { severity: 'warning', title: 'A cron range that wraps around (its start after its end)' },
  cron_year_range_reversed: { severity: 'error', title: 'A year range whose start is after its end' },
  cron_nth: { severity: 'error', title: 'A # occurrence outside 1 to 5' },
  cron_nth_not_alone: { severity: 'error', title: 'A # item with other items in the day-of-week field' },
  cron_special_in_list: { severity: 'warning', title: 'An L or W item listed with other items' },
  cron_undocumented_syntax: { severity: 'warning', title: 'A Quartz construct that AWS does not document (L-n, LW)' },
  cron_question_mark: { severity: 'error', title: 'Not exactly one of day-of-month and day-of-week is ?' },
  cron_too_frequent: { severity: 'error', title: 'A cron expression that runs more often than every five minutes' },
  cron_never_runs: { severity: 'warning', title: 'A cron expression whose days never occur (such as 30 February)' },
  // rate(...)
  rate_field_count: { severity: 'error', title: 'A rate expression without exactly a value and a unit' },
  rate_value: { severity: 'error', title: 'A rate value that is not a whole number of at least 1' },
  rate_unit: { severity: 'error', title: 'A rate unit other than minute(s), hour(s) or day(s)' },
  rate_unit_number: { severity: 'error', title: 'A rate unit that is plural for 1 or singular for more than 1' },
  rate_too_frequent: { severity: 'warning', title: 'A rate of less than five minutes' },
  // at(...)
  at_format: { severity: 'error', title: 'A one-off time that is not yyyy-mm-ddThh:mm:ss' },
  at_invalid_date: { severity: 'error', title: 'A one-off time that names no real date or time' },
  at_undocumented_form: { severity: 'warning', title: 'A one-off time in an ISO 8601 form other than the documented one' },
  // The other schedule members
  timezone_unknown: { severity: 'error', title: 'A ScheduleTimezone that is not an IANA time zone name' },
  timezone_case: { severity: 'warning', title: 'A ScheduleTimezone in a letter case the IANA database does not use' },
  schedule_offset_not_cron: { severity: 'error', title: 'A ScheduleOffset with a rate or at expression' },
  date_format: { severity: 'error', title: 'A StartDate or EndDate that is not an ISO 8601 extended date and time' },
  date_undocumented_form: { severity: 'warning', title: 'A StartDate or EndDate without a time or without a UTC offset' },
  date_order: { severity: 'error', title: 'An EndDate that is not after the StartDate' },
  end_date_passed: { severity: 'warning', title: 'An EndDate that has passed: the window no longer runs' },
  schedule_never_runs: { severity: 'warning', title: 'A schedule with no run left in its active period' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type ScheduleCode = keyof typeof scheduleCodes;

/** What the run times of a schedule rest on that AWS does not document (src/schedule/occurrences.ts); worded in format.ts. */
export type CaveatCode = 'tzdata' | 'dst_gap' | 'dst_overlap' | 'rate_anchor' | 'at_timezone' | 'search_limit';

/**
 * Every documented rule's id and the code its issues carry: the contract's rules (src/rules/,
 * MW001–MW079), the rules across the resources of a file (src/readers/across/rules/: MW080–MW099)
 * and the readers' (src/readers/<reader>/rules/: MW100–MW199 CloudFormation, MW200–MW299 Terraform). Declared here, at the bottom, so that the issue type and every table keyed
 * by code know them without importing the rules; each rule file names the same id and code, and
 * tsc holds the two lists together (src/readers/rule-catalog.ts).
 */
export const ruleCodes = {
  MW001: 'run_command_requires_targets',
  MW002: 'targeted_task_requires_rate_controls',
  MW003: 'targetless_task_forbids_rate_controls',
  MW004: 'invocation_parameters_mismatch',
  MW005: 'task_target_key',
  MW006: 'task_target_value_count',
  MW007: 'task_target_value_format',
  MW008: 'deprecated_member',
  MW009: 'ignored_legacy_member',
  MW010: 'deprecated_value',
  MW011: 'service_role_recommended',
  MW020: 'filter_key_not_status',
  MW021: 'status_filter_value',
  MW022: 'undocumented_status_filter_value',
  MW030: 'undeclared_error_type',
  MW031: 'error_http_status',
  MW040: 'schedule_form',
  MW041: 'cron_field_count',
  MW042: 'cron_value_range',
  MW043: 'cron_question_mark',
  MW044: 'cron_too_frequent',
  MW045: 'rate_unit_number',
  MW046: 'rate_too_frequent',
  MW047: 'at_format',
  MW048: 'schedule_offset_not_cron',
  MW049: 'cutoff_not_below_duration',
  MW050: 'timezone_unknown',
  MW051: 'date_format',
  MW052: 'date_order',
  MW053: 'end_date_passed',
  MW054: 'schedule_never_runs',
  MW055: 'replace_requires_member',
  MW060: 'window_target_key',
  MW061: 'window_target_tag_prefix',
  MW062: 'window_target_resource_type_key',
  MW063: 'window_target_instance_ids_alone',
  MW064: 'window_target_value_count',
  MW065: 'window_target_duplicate_value',
  MW066: 'window_target_one_resource_group',
  MW067: 'window_target_filters_without_group',
  MW068: 'window_target_no_targets',
  MW069: 'target_replace_requires_member',
  MW070: 'replace_clears_members',
  MW071: 'task_replace_requires_member',
  MW072: 'updated_task_requires_rate_controls',
  MW073: 'updated_targetless_task_forbids_rate_controls',
  MW074: 'invocation_parameters_replaced',
  MW075: 'invocation_parameters_several_types',
  MW080: 'task_target_in_other_window',
  MW081: 'window_reference_kind',
  MW082: 'unassociated_instances',
  MW100: 'cfn_unknown_property',
  MW101: 'cfn_required_property',
  MW102: 'cfn_json_text',
  MW103: 'cfn_payload_not_base64',
  MW104: 'cfn_value_not_sent',
  MW105: 'cfn_target_reference_kind',
  MW106: 'cfn_unknown_attribute',
  MW200: 'terraform_removed_argument',
  MW201: 'terraform_value_not_sent',
  MW202: 'terraform_duplicate_parameter',
  MW203: 'terraform_unsupported_argument',
  MW204: 'terraform_type_mismatch',
  MW205: 'terraform_block_structure',
  MW206: 'terraform_invalid_arn',
  MW207: 'terraform_update_drops_rate_controls',
  MW208: 'terraform_target_reference_kind',
  MW209: 'terraform_provider_refuses',
} as const satisfies Record<`MW${number}`, string>;

/** The id of a documented rule (`MW003`), as an issue's `rule` names it. */
export type DocumentedRuleId = keyof typeof ruleCodes;
/** The code of a documented rule's issues. */
export type DocumentedRuleCode = (typeof ruleCodes)[DocumentedRuleId];

export type Code = FieldCode | DocumentedRuleCode | InputCode | ExchangeCode | ScheduleCode;
