import type { Path, PathSegment } from '../../issues/issue.js';
import { TASK_SCHEMA, type AttributeSpec, type BlockSpec, type BodySpec } from './schema.js';

/*
 * API names to Terraform's, for findings about what a file does not write (MW011 at
 * ServiceRoleArn names `service_role_arn`) and for the member names inside a finding's params
 * (MW003's `member`, MW008's `replacement`), so that messages speak the file's language.
 */

function entryFor(spec: BodySpec, api: PathSegment): [string, AttributeSpec | BlockSpec] | undefined {
  return Object.entries(spec).find(([, s]) => s.api === api);
}

/** An API path in Terraform's names, segment for segment (indexes and map keys as they are). */
export function terraformPath(path: Path): PathSegment[] {
  const out: PathSegment[] = [];
  let spec: BodySpec | undefined = TASK_SCHEMA;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const entry: [string, AttributeSpec | BlockSpec] | undefined = spec ? entryFor(spec, segment) : undefined;
    if (!entry) {
      out.push(...path.slice(i));
      break;
    }
    const name: string = entry[0];
    const s: AttributeSpec | BlockSpec = entry[1];
    out.push(name);
    if (s.kind === 'attribute') {
      out.push(...path.slice(i + 1));
      break;
    }
    if (s.nesting === 'single') spec = s.body;
    else if (s.nesting === 'list') {
      if (i + 1 < path.length) out.push(path[++i]!);
      spec = s.body;
    } else {
      out.push(...path.slice(i + 1));
      break;
    }
  }
  return out;
}

/**
 * The API path that a dotted API name (`TaskInvocationParameters.RunCommand.OutputS3BucketName`)
 * stands for, from the top or within `parent`, and how many of its segments the text wrote.
 */
function apiPath(text: string, parent: Path): { path: Path; written: number } | undefined {
  const parts = text.split('.');
  for (const base of [[], parent]) {
    const path = [...base, ...parts];
    const named = terraformPath(path);
    // Every segment must have been renamed for the text to be an API path.
    if (named.length === path.length && named.every((n, i) => n !== path[i])) return { path, written: parts.length };
  }
  return undefined;
}

/**
 * Rewrites API member names in a finding's params: the `member` of MW002/MW003 and the
 * `replacement` of MW008/MW009 (`TaskInvocationParameters.RunCommand.OutputS3BucketName and
 * OutputS3KeyPrefix` becomes `task_invocation_parameters.run_command_parameters.output_s3_bucket and
 * output_s3_key_prefix`). A bare name after a dotted one is read in the same structure.
 */
export function terraformParams(params: Record<string, unknown>): Record<string, unknown> {
  const out = { ...params };
  if (typeof params.member === 'string' && apiPath(params.member, [])?.path.length === 1) out.member = terraformPath([params.member])[0];
  if (typeof params.replacement === 'string') {
    let parent: Path = [];
    out.replacement = params.replacement.replace(/\b[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*\b/g, (token) => {
      const found = apiPath(token, parent);
      if (!found) return token;
      parent = found.path.slice(0, -1);
      return terraformPath(found.path).slice(-found.written).join('.');
    });
  }
  return out;
}
