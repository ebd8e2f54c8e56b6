import { isRecord } from '../values/value-facts.js';

/*
 * What a window target's Key can be (RegisterTargetWithMaintenanceWindow, UpdateMaintenanceWindowTarget),
 * shared by the rules MW060–MW069. The Target shape is shared with tasks, Run Command, Automation and
 * State Manager, and its pattern lets any of their keys through; a window target takes five forms:
 *
 *   INSTANCE:       Key=InstanceIds (alone), Key=tag:<tag-key>, Key=tag-key
 *   RESOURCE_GROUP: Key=resource-groups:Name, Key=resource-groups:ResourceTypeFilters
 *
 * (the model's Targets documentation, examples 1 to 5, and the User Guide's "Examples: Register
 * targets with a maintenance window"). Keys are case-sensitive.
 */

export type ResourceType = 'INSTANCE' | 'RESOURCE_GROUP';

/** The documented forms of a window target's Key; `tag` stands for `tag:<tag-key>`. */
export type KeyForm = 'InstanceIds' | 'tag' | 'tag-key' | 'resource-groups:Name' | 'resource-groups:ResourceTypeFilters';

export const TAG_PREFIX = 'tag:';

/** The ResourceType each form belongs to. */
export const RESOURCE_TYPE_OF = {
  InstanceIds: 'INSTANCE',
  tag: 'INSTANCE',
  'tag-key': 'INSTANCE',
  'resource-groups:Name': 'RESOURCE_GROUP',
  'resource-groups:ResourceTypeFilters': 'RESOURCE_GROUP',
} as const satisfies Record<KeyForm, ResourceType>;

/** The keys each ResourceType allows, as messages write them. */
export const KEYS_OF = {
  INSTANCE: ['InstanceIds', 'tag:<tag-key>', 'tag-key'],
  RESOURCE_GROUP: ['resource-groups:Name', 'resource-groups:ResourceTypeFilters'],
} as const satisfies Record<ResourceType, readonly string[]>;

/**
 * How many values each form takes (MW064). InstanceIds: "1 target with Key=InstanceIds and Values= a
 * list of up to 50 instance IDs" (the model's own maximum is also 50); tags and tag keys: "each with up
 * to 5 unique tag keys/values"; a resource group: "You can specify only one resource group as a
 * target"; no value may be null ("Filter values can't be null").
 */
export const VALUE_COUNT = {
  InstanceIds: { minimum: 1, maximum: 50 },
  tag: { minimum: 1, maximum: 5 },
  'tag-key': { minimum: 1, maximum: 5 },
  'resource-groups:Name': { minimum: 1, maximum: 1 },
  'resource-groups:ResourceTypeFilters': { minimum: 1 },
} as const satisfies Record<KeyForm, { minimum: number; maximum?: number }>;

/** Keys other Systems Manager tools take in the shared Target shape (the model's Target documentation), never a window's. */
export const OTHER_TOOL_KEYS = ['ResourceGroup', 'ParameterValues', 'AWS::EC2::Instance', 'AWS::ResourceGroups::Group', 'WindowTargetIds'] as const;

/** The documented form of a key, or undefined. `tag:` needs a tag key after it. */
export function keyForm(key: unknown): KeyForm | undefined {
  if (typeof key !== 'string') return undefined;
  if (key.startsWith(TAG_PREFIX)) return key.length > TAG_PREFIX.length ? 'tag' : undefined;
  return key === 'InstanceIds' || key === 'tag-key' || key === 'resource-groups:Name' || key === 'resource-groups:ResourceTypeFilters' ? key : undefined;
}

/** Letters and digits only, in lower case: `instance_ids`, `Instance-IDs` and `instanceids` are one spelling. */
const squeeze = (s: string) => s.toLowerCase().replace(/[^a-z0-9:]/g, '');

const SPELLINGS = new Map([...(['InstanceIds', 'tag-key', 'resource-groups:Name', 'resource-groups:ResourceTypeFilters'] as const)].map((k) => [squeeze(k), k]));

/** What an undocumented key is (MW060, MW061). */
export type UndocumentedKey =
  /** Another spelling of a documented key (case, `-`, `_`): `suggestion` is the key meant. */
  | { reason: 'spelling'; suggestion: string }
  /** `tag:` with no tag key after it. */
  | { reason: 'empty-tag' }
  /** A key of tasks or other tools. */
  | { reason: 'other-tool' }
  /** `resource-groups:` with something else after it. */
  | { reason: 'unknown' }
  /** Anything else: a tag key written without `tag:` (MW061). */
  | { reason: 'bare-tag'; suggestion: string };

export function undocumentedKey(key: string): UndocumentedKey {
  const lower = key.toLowerCase();
  if (lower.startsWith(TAG_PREFIX)) return key.length > TAG_PREFIX.length ? { reason: 'spelling', suggestion: TAG_PREFIX + key.slice(TAG_PREFIX.length) } : { reason: 'empty-tag' };
  const spelt = SPELLINGS.get(squeeze(key));
  if (spelt) return { reason: 'spelling', suggestion: spelt };
  if ((OTHER_TOOL_KEYS as readonly string[]).some((k) => k.toLowerCase() === lower)) return { reason: 'other-tool' };
  if (lower.startsWith('resource-groups:')) return { reason: 'unknown' };
  return { reason: 'bare-tag', suggestion: TAG_PREFIX + key };
}

/** A window target as the rules read it: where it is, its record, and its Key's documented form (if it has one). */
export interface TargetEntry {
  index: number;
  target: Record<string, unknown>;
  form: KeyForm | undefined;
}

/** The targets of a request that are objects (anything else is a type error of the model). */
export function targetEntries(payload: Record<string, unknown>): TargetEntry[] {
  const targets = payload.Targets;
  if (!Array.isArray(targets)) return [];
  const out: TargetEntry[] = [];
  for (let index = 0; index < targets.length; index++) {
    const target: unknown = targets[index];
    if (isRecord(target)) out.push({ index, target, form: keyForm(target.Key) });
  }
  return out;
}

/**
 * The ResourceType the targets are registered as: the request's own (RegisterTargetWithMaintenanceWindow),
 * or, where the request has none (UpdateMaintenanceWindowTarget) or an invalid one, the one every
 * documented key belongs to; undefined when the keys belong to both, or there are none.
 */
export function resourceTypeOf(payload: Record<string, unknown>, entries: readonly TargetEntry[] = targetEntries(payload)): ResourceType | undefined {
  const given = payload.ResourceType;
  if (given === 'INSTANCE' || given === 'RESOURCE_GROUP') return given;
  let found: ResourceType | undefined;
  for (const { form } of entries) {
    if (!form) continue;
    const type = RESOURCE_TYPE_OF[form];
    if (found && found !== type) return undefined;
    found = type;
  }
  return found;
}

/** Whether the request gives its own ResourceType (else it is inferred from the keys). */
export const givesResourceType = (payload: Record<string, unknown>) => payload.ResourceType === 'INSTANCE' || payload.ResourceType === 'RESOURCE_GROUP';
