import type { Code as IssueCode, ScheduleCode, Severity, Target } from '../issues/codes.js';
import type { ParamsOf } from '../issues/params.js';
import type { Path, Span } from '../issues/issue.js';
import type { Kind, OperationName } from '../operations/index.js';

/** Where a rule comes from: a document and the sentence in it. */
export interface RuleSource {
  document: string;
  url: string;
  quote: string;
}

/**
 * How a rule appears in the generated JSON Schema. Zod drops refinements silently, so every rule
 * says this explicitly, and a test fails when an error-level rule is neither expressed nor marked.
 */
export type JsonSchemaForm =
  /** Expressed: `schema` is added to the `allOf` of the operation's schema for the rule's kind. */
  | { form: 'schema'; schema: Record<string, unknown> }
  /** A warning or info: no effect on validity; generators render it as `deprecated` or description text. */
  | { form: 'annotation' }
  /**
   * Cannot be expressed in JSON Schema; listed under an `x-ssm-mw-contracts-rules` extension.
   * `coveredBy`: another rule whose schema rejects every payload this rule rejects (the schema then
   * says invalid too, for that rule's reason).
   */
  | { form: 'validator-only'; reason: string; coveredBy?: string };

export interface RuleContext {
  operation: OperationName;
  kind: Kind;
  /** The HTTP status that came with an error body, when known. */
  httpStatus?: number;
  /** The time the payload is checked at (an EndDate before it has passed); the current time when absent. */
  now?: Date;
}

/** What a rule finds: where, and the params of the rule's code `C` (src/issues/params.ts). */
export interface Finding<C extends IssueCode = IssueCode> {
  path: Path;
  /** Left out only when the code has no params to give. (Not enforced by type: a conditional type here would make every rule type invariant in its code.) */
  params?: ParamsOf<C>;
  code?: undefined;
  span?: Span;
}

/**
 * What a rule with `codes` finds: one of those codes, with that code's severity and params, and
 * where inside the string at `path` (a field of a schedule expression), in UTF-16 units.
 */
export type CodedFinding = { [S in ScheduleCode]: { path: Path; code: S; params: ParamsOf<S>; span?: Span } }[ScheduleCode];

/** What every rule declares, contract or reader: what it is, where it comes from and where its findings point. */
interface RuleBase<Id extends string, out Code extends IssueCode> {
  /** Stable: never changes meaning, never reused. */
  id: Id;
  code: Code;
  severity: Severity;
  title: string;
  description: string;
  sources: readonly [RuleSource, ...RuleSource[]];
  /**
   * Where its findings point in a file: `key` for a member that should not be there or that is
   * missing (placed at the key of its nearest written parent); by default the value.
   */
  at?: Target;
}

/** A rule of the contract (MW001–MW079): checked by validate() on every payload of its operations and kind. */
export interface Rule<Id extends string = string, Code extends IssueCode = IssueCode> extends RuleBase<Id, Code> {
  appliesTo: { operations: readonly OperationName[]; kind: Kind };
  jsonSchema: JsonSchemaForm;
  /**
   * The codes of a rule whose findings differ in kind (a schedule's Hours out of range, a name its field
   * does not take, a wildcard it does not allow), each with its own severity (src/issues/codes.ts
   * scheduleCodes): a finding names its code. Without, every finding has `code` and `severity`.
   */
  codes?: readonly ScheduleCode[];
  /** Runs on the raw payload (an object, but every member may be of any type), whatever the field checks found. */
  check(payload: Record<string, unknown>, context: RuleContext): NoInfer<(Finding<Code> | CodedFinding)[]>;
}

/**
 * A rule of one file kind's reader: what CloudFormation or Terraform requires or forbids beyond the
 * API itself. Ids per reader: MW100–MW199 CloudFormation, MW200–MW299 Terraform (what the AWS CLI
 * refuses is its own parse failure, raised as input codes: D58). `reader` tells it from a contract rule.
 */
export interface ReaderRule<Id extends string = string, out Code extends IssueCode = IssueCode, Input = never, Found extends Finding<Code> = Finding<Code>> extends RuleBase<Id, Code> {
  /** The file kind whose reader raises it (`Reader.kind`); for a rule across resources, the readers that build their model. */
  reader: string;
  /** A rule across the resources of one file (src/readers/across): the requests of the resources it reads. */
  operations?: readonly OperationName[];
  /**
   * The rule's decision on what the reader holds where the rule applies (a CloudFormation
   * property, a Terraform argument or block, the mapped payload): its findings, at paths below the
   * place the reader calls it for. The reader walks and locates; it decides nothing the rule says.
   */
  check(input: Input): Found[];
}

/**
 * Defines a rule, of the contract or of a reader (one with `reader`), keeping its literal id and
 * code. One file per rule: its metadata and its check.
 */
export function defineRule<const Id extends string, const Code extends IssueCode>(rule: Rule<Id, Code>): Rule<Id, Code>;
export function defineRule<const Id extends string, const Code extends IssueCode, const Reader extends string, Input, Found extends Finding<Code>>(
  rule: ReaderRule<Id, Code, Input, Found> & { reader: Reader; operations: readonly OperationName[] },
): ReaderRule<Id, Code, Input, Found> & { reader: Reader; operations: readonly OperationName[] };
export function defineRule<const Id extends string, const Code extends IssueCode, const Reader extends string, Input>(
  rule: ReaderRule<Id, Code, Input> & { reader: Reader },
): ReaderRule<Id, Code, Input> & { reader: Reader };
export function defineRule(rule: Rule | ReaderRule<string, IssueCode, unknown>) {
  return rule;
}

export const SOURCES = {
  register: {
    document: 'RegisterTaskWithMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTaskWithMaintenanceWindow.html',
  },
  describe: {
    document: 'describe-maintenance-window-execution-task-invocations, AWS CLI Command Reference',
    url: 'https://docs.aws.amazon.com/cli/latest/reference/ssm/describe-maintenance-window-execution-task-invocations.html',
  },
  model: {
    document: 'AWS SSM service model (botocore data/ssm/2014-11-06/service-2.json)',
    url: 'https://github.com/boto/botocore/blob/develop/botocore/data/ssm/2014-11-06/service-2.json',
  },
  targetless: {
    document: 'Registering maintenance window tasks without targets, AWS Systems Manager User Guide',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/maintenance-windows-targetless-tasks.html',
  },
  registerTarget: {
    document: 'RegisterTargetWithMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTargetWithMaintenanceWindow.html',
  },
  updateTarget: {
    document: 'UpdateMaintenanceWindowTarget, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindowTarget.html',
  },
  updateTask: {
    document: 'UpdateMaintenanceWindowTask, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindowTask.html',
  },
  targetExamples: {
    document: 'Examples: Register targets with a maintenance window, AWS Systems Manager User Guide',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/mw-cli-tutorial-targets-examples.html',
  },
  /** The service's ValidationException for window target keys, quoted in the provider's fix of the key's casing. */
  targetFormats: {
    document: 'Service ValidationException for RegisterTargetWithMaintenanceWindow, as quoted in hashicorp/terraform-provider-aws pull request 9188',
    url: 'https://github.com/hashicorp/terraform-provider-aws/pull/9188',
  },
  createWindow: {
    document: 'CreateMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateMaintenanceWindow.html',
  },
  updateWindow: {
    document: 'UpdateMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindow.html',
  },
  cronReference: {
    document: 'Reference: Cron and rate expressions for Systems Manager, AWS Systems Manager User Guide',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/reference-cron-and-rate-expressions.html',
  },
  scheduleOptions: {
    document: 'Maintenance window scheduling and active period options, AWS Systems Manager User Guide',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/maintenance-windows-schedule-options.html',
  },
} as const;

/** TaskType → the TaskInvocationParameters member that matches it. */
export const INVOCATION_MEMBER = {
  RUN_COMMAND: 'RunCommand',
  AUTOMATION: 'Automation',
  STEP_FUNCTIONS: 'StepFunctions',
  LAMBDA: 'Lambda',
} as const;

export type TaskType = keyof typeof INVOCATION_MEMBER;

export function taskTypeOf(payload: Record<string, unknown>): TaskType | undefined {
  const t = payload.TaskType;
  return typeof t === 'string' && Object.hasOwn(INVOCATION_MEMBER, t) ? (t as TaskType) : undefined;
}

/** A task with at least one target. Undecided (neither targeted nor targetless) when Targets is not a list. */
export function hasTargets(payload: Record<string, unknown>): boolean {
  return Array.isArray(payload.Targets) && payload.Targets.length > 0;
}

export function isTargetless(payload: Record<string, unknown>): boolean {
  return payload.Targets === undefined || (Array.isArray(payload.Targets) && payload.Targets.length === 0);
}

/** The members that set a task's rate: given exactly when the task has targets (MW002, MW003). */
export const RATE_CONTROLS = ['MaxConcurrency', 'MaxErrors'] as const;
