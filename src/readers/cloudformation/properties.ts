import type { IssueData, Path, PathSegment } from '../../issues/issue.js';
import type { Finding } from '../../rules/types.js';
import { findingIssue } from '../../rules/finding-issue.js';
import type { Code, DocumentedRuleId, Severity } from '../../issues/codes.js';
import { plainShape, shapeAt } from '../../compiled/shape-lookup.js';
import { OPERATIONS } from '../../compiled/generated/shapes.js';
import type { OperationName } from '../../operations/index.js';
import type { IdKind } from '../across/rules/model.js';
import { isRecord } from '../../values/value-facts.js';
import { isUnknown, UNKNOWN } from '../../values/unknown-value.js';
import { DocumentError } from '../../parse/document.js';
import { handlerBase64 } from './base64.js';
import { parseJson } from '../../parse/json/parse-json.js';
import { setOwn } from '../../values/set-own.js';
import type { Origin, Origins } from './resolve.js';
import MW100, { API_ONLY } from './rules/MW100-unknown-property.js';
import MW102 from './rules/MW102-json-text.js';
import MW103 from './rules/MW103-payload-not-base64.js';
import MW104 from './rules/MW104-value-not-sent.js';

/*
 * The properties of the maintenance-window resource types are the API's members of the request
 * each stands for, under a few other names, less a few. Only the differences are declared here;
 * every other name, and every constraint, is read from the API's shapes.
 */

export const RESOURCE_TYPE = 'AWS::SSM::MaintenanceWindowTask';

/** A resource type this reader reads: the request it stands for, and what CloudFormation does beyond the API. */
export interface CfnResourceType {
  type: string;
  operation: OperationName;
  /** The request's shape, by AWS name. */
  request: string;
  /** What Ref gives, as a kind of ID (spec/decisions.yaml D85). */
  ref: IdKind;
  /** What each attribute of Fn::GetAtt gives: the type's read-only properties (its resource schema's readOnlyProperties). */
  attributes: Readonly<Record<string, IdKind>>;
  /** Top-level API members the resource handler leaves out of the request when they are empty ("" or an empty list) (MW104). */
  notSentWhenEmpty: readonly string[];
}

/** The maintenance-window resource types, by type name. */
export const CFN_TYPES: Readonly<Record<string, CfnResourceType>> = {
  [RESOURCE_TYPE]: {
    type: RESOURCE_TYPE,
    operation: 'RegisterTaskWithMaintenanceWindow',
    request: OPERATIONS.RegisterTaskWithMaintenanceWindow.request,
    ref: 'task',
    attributes: { WindowTaskId: 'task' },
    notSentWhenEmpty: [],
  },
  'AWS::SSM::MaintenanceWindowTarget': {
    type: 'AWS::SSM::MaintenanceWindowTarget',
    operation: 'RegisterTargetWithMaintenanceWindow',
    request: OPERATIONS.RegisterTargetWithMaintenanceWindow.request,
    ref: 'window-target',
    attributes: { WindowTargetId: 'window-target' },
    // RegisterTargetWithMaintenanceWindowTranslator: TargetsListTranslator and SimpleTypeValidator.getValidatedString.
    notSentWhenEmpty: ['Targets', 'Description', 'Name', 'OwnerInformation'],
  },
  'AWS::SSM::MaintenanceWindow': {
    type: 'AWS::SSM::MaintenanceWindow',
    operation: 'CreateMaintenanceWindow',
    request: OPERATIONS.CreateMaintenanceWindow.request,
    ref: 'window',
    attributes: { WindowId: 'window' },
    // CreateMaintenanceWindowTranslator: SimpleTypeValidator.getValidatedString.
    notSentWhenEmpty: ['Description', 'ScheduleTimezone', 'StartDate', 'EndDate'],
  },
};

export const WINDOW_TYPE = 'AWS::SSM::MaintenanceWindow';

/** What Ref and Fn::GetAtt give for every maintenance-window type, and for an instance. */
export const CFN_IDS: Readonly<Record<string, Pick<CfnResourceType, 'ref' | 'attributes'>>> = {
  ...CFN_TYPES,
  // Ref of an instance is its instance ID (as task and target values compare it).
  'AWS::EC2::Instance': { ref: 'instance', attributes: {} },
};

/** API shape → { CloudFormation name: API name } for the members CloudFormation renames. */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  LoggingInfo: { S3Bucket: 'S3BucketName', S3Prefix: 'S3KeyPrefix', Region: 'S3Region' },
  MaintenanceWindowTaskInvocationParameters: {
    MaintenanceWindowRunCommandParameters: 'RunCommand',
    MaintenanceWindowAutomationParameters: 'Automation',
    MaintenanceWindowStepFunctionsParameters: 'StepFunctions',
    MaintenanceWindowLambdaParameters: 'Lambda',
  },
};

/** Members that CloudFormation also accepts as text holding a JSON object (its `Json` type), by API path. */
export const JSON_TEXT = ['TaskParameters', 'TaskInvocationParameters.RunCommand.Parameters', 'TaskInvocationParameters.Automation.Parameters'];

const membersOf = new Map<string, ReadonlyMap<string, string>>();

/** What the name mappings read of a structure shape: its name and its members' names (the Zod metadata or the plain one). */
interface StructureNames {
  shape: string;
  members: Readonly<Record<string, unknown>>;
}

/** The CloudFormation names of a structure's members, each with its API name (made once per shape). */
export function cfnMembers(meta: StructureNames): ReadonlyMap<string, string> {
  const known = membersOf.get(meta.shape);
  if (known) return known;
  const renamed = RENAMED[meta.shape] ?? {};
  const toCfn = new Map(Object.entries(renamed).map(([cfn, api]) => [api, cfn]));
  const out = new Map<string, string>();
  for (const api of Object.keys(meta.members)) {
    if (API_ONLY[meta.shape]?.includes(api)) continue;
    out.set(toCfn.get(api) ?? api, api);
  }
  membersOf.set(meta.shape, out);
  return out;
}

/** An API member's name in CloudFormation. */
export function cfnName(meta: StructureNames, api: string): string {
  return Object.entries(RENAMED[meta.shape] ?? {}).find(([, a]) => a === api)?.[0] ?? api;
}

/** Where a member of the API payload comes from in the template, and its CloudFormation name. */
export interface ApiOrigin extends Partial<Origin> {
  sourceKey: PathSegment;
}

/** Members the payload does not hold (`AWS::NoValue`, MW104), by container and API name: where each is written. */
export type RemovedOrigins = WeakMap<object, Map<PathSegment, ApiOrigin>>;

/** What a container of the payload was converted from: the resolved value, where it is written, and a structure's names. */
interface ConvertedFrom {
  value: object;
  at: Origin;
  structure?: StructureNames;
}

/**
 * Where each member or item of the payload is written, worked out when the locator asks, from the
 * resolved value its container was converted from (the resolver's origins). Most variants of most
 * tasks have no finding to place; a map of every member of every variant cost more than the conversion.
 */
export class ApiOrigins {
  private readonly from = new WeakMap<object, ConvertedFrom>();

  constructor(private readonly origins: Origins) {}

  convertedFrom(container: object, from: ConvertedFrom): void {
    this.from.set(container, from);
  }

  /** Where a member or item of a payload container is written, by its API name or index. */
  of(container: object, segment: PathSegment): ApiOrigin | undefined {
    const from = this.from.get(container);
    // A member the payload no longer holds (MW104 took it out) has no origin here.
    if (from === undefined || !Object.hasOwn(container, segment)) return undefined;
    const sourceKey = from.structure ? cfnName(from.structure, String(segment)) : segment;
    const origin = this.origins.get(from.value)?.get(sourceKey) ?? { valuePath: from.at.valuePath };
    return { ...origin, sourceKey };
  }
}

export interface Mapped {
  payload: unknown;
  origins: ApiOrigins;
  /** Where the property each MW100 finding is about is written: it is not in the payload, so no API path leads to it. */
  strays: Map<IssueData, ApiOrigin>;
  /** Where each member that `AWS::NoValue` removed is written, by its API name. */
  removed: RemovedOrigins;
  issues: IssueData[];
}

/** Text that CloudFormation turns into an integer, and the words it turns into a boolean (any case). */
export const INTEGER = /^\s*[+-]?\d+\s*$/;
export const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, on: true, off: false };

/**
 * The API payload that resolved CloudFormation properties stand for: renamed, with CloudFormation's
 * coercions applied (numbers written as text, text written as numbers, JSON text), and each
 * property the resource type lacks reported (MW100) and left out.
 */
export function toApi(
  properties: unknown,
  origins: Origins,
  removedMembers: Origins,
  propertiesAt: Origin,
  fixedText: ReadonlyMap<string, string> = new Map(),
  type: CfnResourceType = CFN_TYPES[RESOURCE_TYPE]!,
): Mapped {
  const conversion = new Conversion(origins, removedMembers, fixedText, type);
  const payload = conversion.convert(properties, type.request, propertiesAt);
  const { apiOrigins, strays, removed, issues } = conversion;
  if (isRecord(payload)) notSent(payload, type, apiOrigins, removed, issues);
  return { payload, origins: apiOrigins, strays, removed, issues };
}

/**
 * One walk of toApi. A class, not closures in toApi: a closure made per call is a new call target
 * each time, which V8's optimized code for the recursion cannot keep (it deoptimized on every resource).
 */
class Conversion {
  readonly apiOrigins: ApiOrigins;
  readonly strays = new Map<IssueData, ApiOrigin>();
  readonly removed: RemovedOrigins = new WeakMap();
  readonly issues: IssueData[] = [];
  /** The API path of the value being converted, grown and shrunk as the walk goes: issues copy it (findingIssue). */
  private readonly path: PathSegment[] = [];

  constructor(
    private readonly origins: Origins,
    private readonly removedMembers: Origins,
    private readonly fixedText: ReadonlyMap<string, string>,
    private readonly type: CfnResourceType,
  ) {
    this.apiOrigins = new ApiOrigins(origins);
  }

  /** Places the members of a value read from JSON text where the text is written. */
  private adopt(value: unknown, at: Origin): void {
    if (!Array.isArray(value) && !isRecord(value)) return;
    const where = new Map<PathSegment, Origin>();
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      where.set(key, { valuePath: at.valuePath });
      this.adopt((value as Record<PathSegment, unknown>)[key], at);
    }
    this.origins.set(value as object, where);
  }

  /** Raises a rule's findings at `path`; returns them (none: the rule holds). */
  private raise<C extends Code>(rule: { id: DocumentedRuleId; code: C; severity: Severity }, findings: readonly Finding<C>[], path: Path): IssueData[] {
    const raised = findings.map((f) => findingIssue(rule, f, path));
    this.issues.push(...raised);
    return raised;
  }

  convert(value: unknown, shape: string, at: Origin): unknown {
    const { path } = this;
    const meta = plainShape(shape);
    if (isUnknown(value)) {
      // Known text around what only a deployment knows can already rule base64 out.
      const around = meta.type === 'blob' ? this.fixedText.get(at.valuePath.join('\0')) : undefined;
      return around !== undefined && this.raise(MW103, MW103.check({ around }), path).length > 0 ? UNKNOWN : value;
    }
    if (meta.type === 'map' && typeof value === 'string' && JSON_TEXT.includes(path.filter((s) => typeof s === 'string').join('.'))) {
      let parsed: { value: unknown } | { error: DocumentError };
      try {
        parsed = { value: parseJson(value).value };
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        parsed = { error };
      }
      if (this.raise(MW102, MW102.check(parsed), path).length > 0 || !('value' in parsed)) return UNKNOWN;
      this.adopt(parsed.value, at);
      value = parsed.value;
    }
    switch (meta.type) {
      case 'structure': {
        if (!isRecord(value)) return value;
        const members = cfnMembers(meta);
        const from = this.origins.get(value);
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          const origin = from?.get(key) ?? { valuePath: at.valuePath };
          const api = members.get(key);
          if (api === undefined) {
            const findings = MW100.check({ property: key, type: this.type.type, shape: meta.shape, properties: [...members.keys()], ...(Object.hasOwn(meta.members, key) ? { apiSpelling: cfnName(meta, key) } : {}) });
            for (const issue of this.raise(MW100, findings, [...path, key])) this.strays.set(issue, { ...origin, sourceKey: key });
            continue;
          }
          path.push(api);
          out[api] = this.convert(value[key], meta.members[api]!.shape, origin);
          path.pop();
        }
        this.apiOrigins.convertedFrom(out, { value, at, structure: meta });
        const gone = this.removedMembers.get(value);
        if (gone) this.removed.set(out, new Map([...gone].map(([key, origin]) => [members.get(String(key)) ?? key, { ...origin, sourceKey: key }])));
        return out;
      }
      case 'list':
      case 'map': {
        const isList = meta.type === 'list';
        if (isList ? !Array.isArray(value) : !isRecord(value)) return value;
        const from = this.origins.get(value as object);
        const itemShape = isList ? meta.member : meta.value;
        // A map's keys; a list's are its indexes, counted rather than listed.
        const names = isList ? undefined : Object.keys(value as Record<string, unknown>);
        const out: unknown[] | Record<string, unknown> = isList ? [] : {};
        const count = names ? names.length : (value as unknown[]).length;
        for (let i = 0; i < count; i++) {
          const key: PathSegment = names ? names[i]! : i;
          const origin = from?.get(key) ?? { valuePath: at.valuePath };
          path.push(key);
          const item = this.convert((value as Record<PathSegment, unknown>)[key], itemShape, origin);
          if (names) setOwn(out as Record<string, unknown>, key, item);
          else (out as unknown[]).push(item);
          path.pop();
        }
        this.apiOrigins.convertedFrom(out, { value: value as object, at });
        return out;
      }
      case 'integer':
        return typeof value === 'string' && INTEGER.test(value) ? Number(value) : value;
      case 'boolean':
        return typeof value === 'string' && Object.hasOwn(BOOLEANS, value.toLowerCase()) ? BOOLEANS[value.toLowerCase()] : value;
      case 'string':
        return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
      case 'blob': {
        // The resource handler decodes the text from base64 (D34); validate() then counts the bytes it stands for.
        const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
        if (typeof text !== 'string') return text;
        if (this.raise(MW103, MW103.check({ text }), path).length > 0) return UNKNOWN;
        const decoded = handlerBase64(text) as { bytes: Uint8Array };
        return Buffer.from(decoded.bytes).toString('base64');
      }
      default:
        return value;
    }
  }
}

/**
 * What the resource handler leaves out of the request, taken out of the payload (MW104): an empty
 * string or list among `notSentWhenEmpty`. Where each was written is kept, as for AWS::NoValue.
 */
function notSent(payload: Record<string, unknown>, type: CfnResourceType, origins: ApiOrigins, removed: RemovedOrigins, issues: IssueData[]): void {
  for (const member of type.notSentWhenEmpty) {
    // Where the member is written is worked out only for a value the handler leaves out.
    if (MW104.check({ value: payload[member], property: member, type: type.type }).length === 0) continue;
    const origin = origins.of(payload, member);
    const findings = MW104.check({ value: payload[member], property: origin?.sourceKey ?? member, type: type.type });
    // Its origin goes with it (ApiOrigins gives none for a member the payload lacks), to where removed members are kept.
    delete payload[member];
    if (origin) (removed.get(payload) ?? removed.set(payload, new Map()).get(payload)!).set(member, origin);
    for (const f of findings) issues.push(findingIssue(MW104, f, [member]));
  }
}

/** An API path in CloudFormation's names, member by member (list indexes and map keys as they are). */
export function cfnPath(path: Path, root: string): PathSegment[] {
  return path.map((segment, i) => {
    const shape = typeof segment === 'string' ? shapeAt(root, path.slice(0, i)) : undefined;
    const meta = shape === undefined ? undefined : plainShape(shape);
    return meta?.type === 'structure' && typeof segment === 'string' ? cfnName(meta, segment) : segment;
  });
}
