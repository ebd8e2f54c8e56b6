import type { IssueData } from '../issues/issue.js';
import { makeIssue } from '../issues/make.js';
import type { DuplicateKey, ParsedDocument, Position } from './document.js';

/*
 * Keys given twice in one object. Every reader here keeps the last value, as JSON.parse, AWS's JSON
 * readers (the AWS CLI's --cli-input-json sends the last one) and CloudFormation do; the finding says
 * so, at the second key, with where the first one is.
 */

/** Who reads the file, and so which value is used: `AWS` for API payloads, `CloudFormation` for templates. */
export type Reading = { uses: string; hint?: string };

export interface DuplicateFinding {
  issue: IssueData;
  location: Position;
  duplicate: DuplicateKey;
}

/**
 * A finding per duplicate key of `doc`. In a YAML payload it is an error: YAML requires unique keys,
 * and the one AWS tool that reads YAML payloads (AWS CLI v2, `--cli-input-yaml`) refuses the file.
 */
export function duplicateFindings(doc: Pick<ParsedDocument, 'format' | 'duplicates'>, reading: Reading & { payload?: boolean }): DuplicateFinding[] {
  return doc.duplicates.map((duplicate) => {
    const { first, second, path } = duplicate;
    const where = { firstLine: first.line, firstColumn: first.column, line: second.line, column: second.column, key: String(path[path.length - 1]) };
    const issue =
      reading.payload && doc.format === 'yaml'
        ? makeIssue('duplicate_yaml_key', 'error', path, where)
        : makeIssue('duplicate_key', 'warning', path, { ...where, uses: reading.uses, ...(reading.hint ? { hint: reading.hint } : {}) });
    return { issue, location: second, duplicate };
  });
}
