import type { Path } from '../../issues/issue.js';
import type { SourceLocation } from '../reader.js';
import type { Value } from './evaluate.js';
import type { IdReference } from './references.js';

/*
 * A resource's arguments as both readers see them once Terraform's own work is done: a `.tf`
 * block after dynamic blocks are expanded and expressions evaluated for one variant, or a plan's
 * `change.after`. Each value keeps where it is written and its path in the file's own names, so
 * that findings can be reported there.
 */

export interface Written {
  /** Where the name is written (an argument's name, a block's type). */
  key?: SourceLocation;
  /** Where the value is written (an argument's expression, a whole block). */
  value: SourceLocation;
  /** The path in the file's own names: `task_invocation_parameters.run_command_parameters.timeout_seconds`. */
  sourcePath: Path;
}

export interface SourceAttribute {
  name: string;
  /** `null` when the argument is set to null, which Terraform treats as not set. */
  value: Value;
  at: Written;
  /** Where each element of a list is written, when the file writes the list element by element. */
  items?: Written[];
  /** The kinds of ID the value refers to, when it is a reference to an ID attribute (or a list of them). */
  ids?: { items?: (IdReference | undefined)[]; all?: IdReference };
}

export interface SourceBlock {
  type: string;
  body: SourceBody;
  at: Written;
}

export interface SourceBody {
  attributes: SourceAttribute[];
  blocks: SourceBlock[];
  /** Block types whose number of blocks is not known (a `dynamic` block over an unknown collection). */
  unknownBlocks: Map<string, Written>;
}

export function emptyBody(): SourceBody {
  return { attributes: [], blocks: [], unknownBlocks: new Map() };
}

/** A block with nothing set in it: the provider's SDK sees no block at all, and sends nothing. */
export function isEmptyBody(body: SourceBody): boolean {
  return body.blocks.length === 0 && body.unknownBlocks.size === 0 && body.attributes.every((a) => a.value === null || (Array.isArray(a.value) && a.value.length === 0));
}
