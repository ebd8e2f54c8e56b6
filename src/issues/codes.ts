export type Severity = 'error' | 'warning' | 'info';

export const severityRank = { error: 3, warning: 2, info: 1 } as const satisfies Record<Severity, number>;

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
 * Every documented rule's id and the code its issues carry: the contract's rules (src/rules/,
 * MW001–MW099) and the readers' (src/readers/<reader>/rules/: MW100–MW199 CloudFormation,
 * MW200–MW299 Terraform). Declared here, at the bottom, so that the issue type and every table keyed
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
  MW100: 'cfn_unknown_property',
  MW101: 'cfn_required_property',
  MW102: 'cfn_json_text',
  MW103: 'cfn_payload_not_base64',
  MW200: 'terraform_removed_argument',
  MW201: 'terraform_value_not_sent',
  MW202: 'terraform_duplicate_parameter',
  MW203: 'terraform_unsupported_argument',
  MW204: 'terraform_type_mismatch',
  MW205: 'terraform_block_structure',
  MW206: 'terraform_invalid_arn',
  MW207: 'terraform_update_drops_rate_controls',
  MW208: 'terraform_target_reference_kind',
} as const satisfies Record<`MW${number}`, string>;

/** The id of a documented rule (`MW003`), as an issue's `rule` names it. */
export type DocumentedRuleId = keyof typeof ruleCodes;
/** The code of a documented rule's issues. */
export type DocumentedRuleCode = (typeof ruleCodes)[DocumentedRuleId];

export type Code = FieldCode | DocumentedRuleCode | InputCode | ExchangeCode;
