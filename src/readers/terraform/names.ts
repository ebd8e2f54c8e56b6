import type { Path, PathSegment } from '../../issues/issue.js';
import { TASK_SCHEMA, type AttributeSpec, type BlockSpec, type BodySpec } from './schema.js';

/*
 * API names to Terraform's (FoundTask.names), for findings about what a file does not write (MW011
 * at ServiceRoleArn names `service_role_arn`) and for the members a finding's params name (MW003's
 * `member`, MW008's `replacement`), so that messages speak the file's language.
 */

function entryFor(spec: BodySpec, api: PathSegment): [string, AttributeSpec | BlockSpec] | undefined {
  return Object.entries(spec).find(([, s]) => s.api === api);
}

/** An API path in Terraform's names, segment for segment (indexes and map keys as they are). */
export function terraformPath(path: Path): PathSegment[] {
  return pathIn(path, TASK_SCHEMA);
}

/** terraformPath for the arguments of another resource type. */
export function terraformPathIn(schema: BodySpec): (path: Path) => PathSegment[] {
  return (path) => pathIn(path, schema);
}

function pathIn(path: Path, schema: BodySpec): PathSegment[] {
  const out: PathSegment[] = [];
  let spec: BodySpec | undefined = schema;
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
