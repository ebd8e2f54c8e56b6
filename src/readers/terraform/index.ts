/**
 * Terraform for `lint`: `.tf` files (HCL native syntax) and `terraform show -json` plans, each read
 * into the RegisterTaskWithMaintenanceWindow requests their aws_ssm_maintenance_window_task
 * resources describe (src/readers/reader.ts Reader).
 */
export { readTerraform, terraformReader } from './reader.js';
export { readTerraformPlan, terraformPlanReader } from './plan.js';
export { terraformRules, type AnyTerraformRule, type TerraformRule, type TerraformRuleCode, type TerraformRuleId } from './rules/index.js';
