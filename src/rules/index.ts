import type { Kind, OperationName } from '../operations/index.js';
import MW001 from './MW001-run-command-requires-targets.js';
import MW002 from './MW002-targeted-task-requires-rate-controls.js';
import MW003 from './MW003-targetless-task-forbids-rate-controls.js';
import MW004 from './MW004-invocation-parameters-match-task-type.js';
import MW005 from './MW005-task-target-key.js';
import MW006 from './MW006-task-target-value-count.js';
import MW007 from './MW007-task-target-value-format.js';
import MW008 from './MW008-deprecated-member.js';
import MW009 from './MW009-ignored-legacy-member.js';
import MW010 from './MW010-deprecated-value.js';
import MW011 from './MW011-service-role-recommended.js';
import MW020 from './MW020-filter-key-status.js';
import MW021 from './MW021-status-filter-value.js';
import MW022 from './MW022-undocumented-status-filter-value.js';
import MW030 from './MW030-undeclared-error-type.js';
import MW031 from './MW031-error-http-status.js';
import MW040 from './MW040-schedule-form.js';
import MW041 from './MW041-cron-field-count.js';
import MW042 from './MW042-cron-field-values.js';
import MW043 from './MW043-cron-question-mark.js';
import MW044 from './MW044-cron-too-frequent.js';
import MW045 from './MW045-rate-expression.js';
import MW046 from './MW046-rate-too-frequent.js';
import MW047 from './MW047-at-expression.js';
import MW048 from './MW048-schedule-offset-cron-only.js';
import MW049 from './MW049-cutoff-below-duration.js';
import MW050 from './MW050-timezone.js';
import MW051 from './MW051-date-format.js';
import MW052 from './MW052-end-after-start.js';
import MW053 from './MW053-end-date-passed.js';
import MW054 from './MW054-schedule-never-runs.js';
import MW055 from './MW055-replace-requires-members.js';
import MW060 from './MW060-window-target-key.js';
import MW061 from './MW061-window-target-tag-prefix.js';
import MW062 from './MW062-window-target-resource-type-key.js';
import MW063 from './MW063-window-target-instance-ids-alone.js';
import MW064 from './MW064-window-target-value-count.js';
import MW065 from './MW065-window-target-duplicate-value.js';
import MW066 from './MW066-window-target-one-resource-group.js';
import MW067 from './MW067-window-target-filters-without-group.js';
import MW068 from './MW068-window-target-no-targets.js';
import MW069 from './MW069-target-update-replace-requires.js';
import MW070 from './MW070-replace-clears-members.js';
import MW071 from './MW071-task-update-replace-requires.js';
import MW072 from './MW072-task-update-targeted-rate-controls.js';
import MW073 from './MW073-task-update-targetless-rate-controls.js';
import MW074 from './MW074-invocation-parameters-replaced.js';
import MW075 from './MW075-invocation-parameters-several-types.js';

/** Every documented rule, in id order. Ids are stable: never renumbered, never reused. */
export const rules = [
  MW001,
  MW002,
  MW003,
  MW004,
  MW005,
  MW006,
  MW007,
  MW008,
  MW009,
  MW010,
  MW011,
  MW020,
  MW021,
  MW022,
  MW030,
  MW031,
  MW040,
  MW041,
  MW042,
  MW043,
  MW044,
  MW045,
  MW046,
  MW047,
  MW048,
  MW049,
  MW050,
  MW051,
  MW052,
  MW053,
  MW054,
  MW055,
  MW060,
  MW061,
  MW062,
  MW063,
  MW064,
  MW065,
  MW066,
  MW067,
  MW068,
  MW069,
  MW070,
  MW071,
  MW072,
  MW073,
  MW074,
  MW075,
] as const;

export type AnyRule = (typeof rules)[number];
export type RuleId = AnyRule['id'];
export type RuleCode = AnyRule['code'];

export function rulesFor(operation: OperationName, kind: Kind): AnyRule[] {
  return rules.filter((r) => r.appliesTo.kind === kind && r.appliesTo.operations.includes(operation));
}

export function ruleById(id: string): AnyRule | undefined {
  return rules.find((r) => r.id === id);
}

export type { Finding, JsonSchemaForm, Rule, RuleContext, RuleSource } from './types.js';
