/**
 * ssm-mw-contracts: the contract of RegisterTaskWithMaintenanceWindow and
 * DescribeMaintenanceWindowExecutionTaskInvocations as Zod schemas, and a validator that reports
 * every violation of AWS's service model and of the documented rules.
 */
export { validate, type PayloadOf, type Representation, type ValidateOptions, type ValidationResult } from './validate/validate.js';
export { UNKNOWN, isUnknown, type Unknown } from './values/unknown-value.js';
export type { Issue, IssueData, Path, PathSegment } from './issues/issue.js';
export { displayPath, toPointer } from './issues/issue.js';
export { fieldCodes, inputCodes, type Code, type FieldCode, type InputCode, type Severity } from './issues/codes.js';
export { exchangeCodes, type ExchangeCode } from './issues/codes.js';
export { formatIssue } from './issues/format.js';
export { rules, ruleById, rulesFor, type AnyRule, type RuleCode, type RuleId } from './rules/index.js';
export type { Finding, JsonSchemaForm, Rule, RuleContext, RuleSource } from './rules/index.js';
export { operations, OPERATION_NAMES, KINDS, SERVICE, type Kind, type Operation, type OperationName, type Paginator } from './operations/index.js';
export { awsShapes, metaOf, type ShapeMeta, type MemberMeta, type StructureMeta, type Deprecation } from './shapes/meta.js';
export { walk, schemaAt, type Visit } from './shapes/walk.js';
export { compileAwsPattern, unicodeSafePattern } from './shapes/patterns.js';
export { codePointLength, base64ByteLength, timestampForm } from './shapes/build.js';

// --- HTTP exchanges and the drift check against AWS's service model -------------------------------
export { checkExchange, checkRequestBody, checkResponseBody, route, type Body, type BodyEncoding, type Exchange, type ExchangeIssue, type ExchangeReport, type Part } from './exchange/exchange.js';
export { parseHttpExchange, checkRecordedExchange, type HttpMessage, type RecordedExchange } from './exchange/http.js';
export { checkRecordedText, exchangesFromHar, type RecordedFile, type RecordedReport } from './exchange/recorded.js';
export { compareWithModel, type Difference, type DifferenceKind, type ServiceModel, type PaginatorModel } from './drift/compare.js';
export { explain, parseExplanations, type Explanation, type Explained, type ExplainedDifference } from './drift/explain.js';
// --- lint: files in, findings out (the engine behind `ssm-mw-contracts lint`) ---------------------
export { lint, lintFile, summarize, findingsOf } from './lint/engine.js';
export type { LintInput, LintOptions, LintIssue, LintReport, LintSummary, FileResult, TaskResult, Suppression } from './lint/engine.js';
export { readers } from './lint/readers.js';
export { allRules, readerRules, findRule, type DocumentedRule, type AnyRuleId, type ReaderRuleId, type ReaderRuleCode } from './readers/rule-catalog.js';
export type { Reader, ReadResult, ReaderContext, FoundTask, FileFinding, SourceLocation } from './readers/reader.js';
export type { ReaderRule } from './rules/types.js';
// --- AWS CLI command lines ----------------------------------------------------------------------------
export { readCommandLine, type CliReading, type ReadOptions, type Refusal, type LocatedPath, type ReadingNote } from './readers/aws-cli/read-command-line.js';
export { checkCommandLine, type CliIssue, type CommandLineCheck } from './readers/aws-cli/check-command-line.js';
export { EXPANSION, type CommandWord, type Word } from './parse/shell/words.js';
// The shell, cmd and HCL parsers and the finders of command lines: ssm-mw-contracts/parsers (src/parsers.ts).
export type { CliVersion } from './readers/aws-cli/versions.js';

// --- the schemas, named after AWS's shapes --------------------------------------------------------
export * from './operations/RegisterTaskWithMaintenanceWindow.js';
export * from './operations/DescribeMaintenanceWindowExecutionTaskInvocations.js';
export * from './operations/RegisterTargetWithMaintenanceWindow.js';
export * from './operations/UpdateMaintenanceWindowTarget.js';
export * from './operations/UpdateMaintenanceWindowTask.js';
export * from './operations/CreateMaintenanceWindow.js';
export * from './operations/UpdateMaintenanceWindow.js';
export * from './shapes/Tag.js';
export * from './shapes/Target.js';
export * from './shapes/AlarmConfiguration.js';
export * from './shapes/LoggingInfo.js';
export * from './shapes/MaintenanceWindowTaskParameters.js';
export * from './shapes/MaintenanceWindowTaskInvocationParameters.js';
export * from './shapes/MaintenanceWindowFilter.js';
export * from './shapes/MaintenanceWindowExecutionTaskInvocationIdentity.js';
export {
  DoesNotExistException,
  FeatureNotAvailableException,
  IdempotentParameterMismatch,
  InternalServerError,
  ResourceLimitExceededException,
  ErrorBody,
  COMMON_ERRORS,
  errorTypeName,
} from './shapes/errors.js';
export * as scalars from './shapes/scalars.js';

// --- inferred types of the main shapes ------------------------------------------------------------
import type * as z from 'zod';
import type { Target as TargetSchema } from './shapes/Target.js';
import type { MaintenanceWindowTaskInvocationParameters as TaskInvocationParametersSchema } from './shapes/MaintenanceWindowTaskInvocationParameters.js';
import type { MaintenanceWindowFilter as FilterSchema } from './shapes/MaintenanceWindowFilter.js';
import type { MaintenanceWindowExecutionTaskInvocationIdentity as IdentitySchema } from './shapes/MaintenanceWindowExecutionTaskInvocationIdentity.js';
export type Target = z.input<typeof TargetSchema>;
export type MaintenanceWindowTaskInvocationParameters = z.input<typeof TaskInvocationParametersSchema>;
export type MaintenanceWindowFilter = z.input<typeof FilterSchema>;
export type MaintenanceWindowExecutionTaskInvocationIdentity = z.output<typeof IdentitySchema>;

// --- Terraform: the readers lint registers (`.tf` files and plan JSON) and their own rules ------------
export {
  terraformReader,
  terraformPlanReader,
  readTerraform,
  readTerraformPlan,
  terraformRules,
  type AnyTerraformRule,
  type TerraformRule,
  type TerraformRuleCode,
  type TerraformRuleId,
} from './readers/terraform/index.js';
