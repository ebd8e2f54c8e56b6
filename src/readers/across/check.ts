import { findingIssue } from '../../rules/finding-issue.js';
import type { FileFinding } from '../reader.js';
import { acrossRules } from './rules/index.js';
import type { ResourceModel } from './rules/model.js';

/**
 * The findings of every rule across resources (MW080-MW099) on a file's model, as findings about
 * the file, each at the resource it concerns (so that the resource's inline suppressions apply) and
 * where the file writes what breaks the rule, in the file's own names.
 */
export function acrossFindings(model: ResourceModel): FileFinding[] {
  return acrossRules.flatMap((rule) =>
    rule.check(model).map((f) => ({
      issue: findingIssue(rule, f),
      location: f.place.location,
      resource: f.resource,
      sourcePath: f.place.sourcePath,
    })),
  );
}
