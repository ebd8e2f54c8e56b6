/*
 * What the plugin needs of aws-cdk-lib's policy-validation interfaces, typed structurally so that
 * the package needs no aws-cdk-lib at run time (it is an optional peer dependency). The plugin's
 * context is a subset of both IPolicyValidationContext and IPolicyValidationContextBeta1; its
 * report fills every member that either report type requires, so one instance serves
 * `Validations.of(app).addPlugins(...)` and `new App({ policyValidationBeta1: [...] })` alike
 * (test/cdk/types.test-d.ts checks it against aws-cdk-lib's own declarations).
 */

/** What the plugin reads of a construct (aws-cdk-lib's IConstruct): its tree, to find nested stacks. */
export interface ConstructLike {
  readonly node: { readonly path: string; findAll(): readonly unknown[] };
}

/** One synthesized stack (aws-cdk-lib's PolicyValidationStack). */
export interface StackTemplateLike {
  readonly stackConstructPath: string;
  readonly templatePath: string;
}

/** IPolicyValidationContext (stackTemplates) or IPolicyValidationContextBeta1 (templatePaths only). */
export interface PolicyValidationContextLike {
  /** Absolute paths of the top-level stacks' templates. */
  readonly templatePaths: readonly string[];
  /** The same stacks with their construct paths (IPolicyValidationContext only). */
  readonly stackTemplates?: readonly StackTemplateLike[];
  /** The root of the construct tree, where nested stacks are found. */
  readonly appConstruct?: ConstructLike;
}

/** PolicyViolatingResource and PolicyViolatingResourceBeta1 in one (Beta1 requires the logical id and the template). */
export interface ViolatingResource {
  /** The resource's logical id in the template; empty for a finding about the template as a whole. */
  readonly resourceLogicalId: string;
  readonly templatePath: string;
  /** From the resource's `aws:cdk:path` metadata; when absent, aws-cdk-lib finds it from the logical id. */
  readonly constructPath?: string;
  /** Where in the resource, as aws-cdk-lib writes it: `Properties.MaxConcurrency`. */
  readonly locations: string[];
}

export interface Violation {
  /** The rule id (`MW003`) or, for the model's own constraints, the code (`pattern_mismatch`). */
  readonly ruleName: string;
  readonly description: string;
  readonly violatingResources: ViolatingResource[];
  readonly fix?: string;
  /** `error`, `warning` or `info`: lint's own severity. */
  readonly severity?: string;
  readonly ruleMetadata?: { readonly [key: string]: string };
}

export interface PolicyValidationReport {
  readonly success: boolean;
  readonly violations: Violation[];
  readonly pluginVersion?: string;
  readonly metadata?: { readonly [key: string]: string };
}
