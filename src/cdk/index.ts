/**
 * ssm-mw-contracts/cdk: the contract at `cdk synth`, as an aws-cdk-lib policy-validation plugin.
 *
 * ```ts
 * import { App, Validations } from 'aws-cdk-lib';
 * import { MaintenanceWindowPolicyPlugin } from 'ssm-mw-contracts/cdk';
 *
 * const app = new App();
 * Validations.of(app).addPlugins(new MaintenanceWindowPolicyPlugin());
 * ```
 *
 * Nothing here imports aws-cdk-lib: the plugin is typed structurally (an optional peer dependency).
 */
export { MaintenanceWindowPolicyPlugin, PLUGIN_NAME, type MaintenanceWindowPolicyPluginOptions } from './plugin.js';
export type { ConstructLike, PolicyValidationContextLike, PolicyValidationReport, StackTemplateLike, Violation, ViolatingResource } from './types.js';
export type { Severity } from '../issues/codes.js';
