import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTerraform, terraformReader } from '../../../src/readers/terraform/reader.js';
import { findingsOf } from '../../support/lint.js';
import { ROOT } from '../../support/spec.js';

/*
 * The real-world modules of ../shared/corpus/real-world/terraform, copied to
 * test/fixtures/corpus/terraform (sources and licences in test/fixtures/corpus/SOURCES.md): 20
 * aws_ssm_maintenance_window_task, 17 aws_ssm_maintenance_window and 17
 * aws_ssm_maintenance_window_target resources in 13 files, written by other people. All are read,
 * and every finding is one a maintainer would act on; none comes from an expression or a variable.
 */

const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'terraform');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.tf'))
  .sort();

function read(file: string) {
  return readTerraform(readFileSync(join(CORPUS, file), 'utf8'));
}

/** Findings once per resource, rule and place (variants of a resource repeat the ones they share). */
function distinct(file: string): string[] {
  return [...new Set(findingsOf(read(file)).map((f) => `${f.resource.replace('aws_ssm_maintenance_window_task.', '')} ${f.rule ?? f.code} ${f.severity} line ${f.line} ${JSON.stringify(f.path)}`))].sort();
}

const TYPES = /resource\s+"(aws_ssm_maintenance_window(?:_task|_target)?)"/g;

describe('the real-world Terraform corpus', () => {
  it('has 13 files that the reader claims, with 20 tasks, 17 windows and 17 window targets among them, all read without a syntax error', () => {
    expect(files).toHaveLength(13);
    const resources: Record<string, number> = {};
    for (const file of files) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      expect(terraformReader.detect(file, text), file).toBe(true);
      const result = read(file);
      expect(result.findings.filter((f) => f.issue.code !== 'not_checked'), file).toEqual([]);
      const declared = [...text.matchAll(TYPES)].map((m) => m[1]!);
      expect(new Set(result.tasks.map((t) => t.resource)).size, file).toBe(declared.length);
      for (const type of declared) resources[type] = (resources[type] ?? 0) + 1;
    }
    expect(resources).toEqual({ aws_ssm_maintenance_window_task: 20, aws_ssm_maintenance_window: 17, aws_ssm_maintenance_window_target: 17 });
  });

  it('says which static values it could not compute, and only those', () => {
    const notChecked = files.flatMap((f) => read(f).findings.map((x) => `${f.split('__')[0]} ${x.resource} line ${x.location?.line}: ${x.issue.params.what}`));
    expect(notChecked).toEqual([
      'andyscott1547 aws_ssm_maintenance_window_task.this line 33: task_invocation_parameters.run_command_parameters.comment',
      'ministryofjustice aws_ssm_maintenance_window_target.definition_updates line 208: name',
    ]);
  });

  it('checks both task types of the task chosen by a conditional, each with the invocation parameters that go with it', () => {
    const tasks = read('ministryofjustice__modernisation-platform-terraform-ssm-patching__main.tf').tasks.filter((t) => t.resource.endsWith('.patch_task'));
    expect(tasks.map((t) => [t.variant, (t.payload as { TaskType: string }).TaskType, Object.keys((t.payload as { TaskInvocationParameters: object }).TaskInvocationParameters)])).toEqual([
      ['var.simple_patching is true', 'RUN_COMMAND', ['RunCommand']],
      ['var.simple_patching is false', 'AUTOMATION', ['Automation']],
    ]);
  });

  it('finds what is worth fixing, and nothing that an expression or a variable would make false', () => {
    const found = Object.fromEntries(files.map((f) => [f.split('__')[0] + '/' + f.split('__').slice(1).join('/'), distinct(f)]));
    expect(found).toEqual({
      'DNXLabs/terraform-aws-patch-manager/maintenance-window.tf': [
        'patch_baseline_install MW011 info line 96 ["ServiceRoleArn"]',
        'patch_baseline_scan MW011 info line 53 ["ServiceRoleArn"]',
      ],
      'JamesWoolfenden/terraform-aws-ssmpatching/aws_ssm_maintenance_window_task.task.tf': ['task MW208 warning line 12 ["Targets",0,"Values",0]'],
      'andyscott1547/terraform-aws-ssm-patchmanager/examples/multiple_os_custom/modules/ssm_maintenance_window/main.tf': ['this MW011 info line 23 ["ServiceRoleArn"]'],
      'andyscott1547/terraform-aws-ssm-patchmanager/main.tf': ['this MW011 info line 101 ["ServiceRoleArn"]'],
      'aws-samples/aws-systems-manager-lifecycle-management/nodes/main.tf': [
        'patch_task MW008 warning line 252 ["TaskParameters"]',
        'patch_task MW008 warning line 257 ["LoggingInfo"]',
        'patch_task MW200 warning line 252 ["TaskParameters"]',
        'patch_task MW200 warning line 257 ["LoggingInfo"]',
      ],
      'claranet/terraform-aws-ssm-patch-management/ssm.tf': [
        'task_install_patches MW008 warning line 113 ["TaskParameters"]',
        'task_install_patches MW008 warning line 118 ["LoggingInfo"]',
        'task_install_patches MW200 warning line 113 ["TaskParameters"]',
        'task_install_patches MW200 warning line 118 ["LoggingInfo"]',
        'task_scan_patches MW008 warning line 78 ["TaskParameters"]',
        'task_scan_patches MW008 warning line 83 ["LoggingInfo"]',
        'task_scan_patches MW200 warning line 78 ["TaskParameters"]',
        'task_scan_patches MW200 warning line 83 ["LoggingInfo"]',
      ],
      'cloudposse/terraform-aws-ssm-patch-manager/main.tf': [],
      'jdheyburn/terraform-examples/aws-ssm-automation-1-barebones/maintenance_window.tf': [],
      'jdheyburn/terraform-examples/aws-ssm-automation-1-logging/maintenance_window.tf': [],
      'jdheyburn/terraform-examples/aws-ssm-automation-2/maintenance_window.tf': [],
      'jdheyburn/terraform-examples/aws-ssm-automation-3/maintenance_window.tf': [],
      'ministryofjustice/modernisation-platform-terraform-ssm-patching/main.tf': [],
      'rhythmictech/terraform-aws-ssm-patch-manager/main.tf': [],
    });
  });
});
