import type {
  CreateMaintenanceWindowCommandInput,
  CreateMaintenanceWindowCommandOutput,
  UpdateMaintenanceWindowCommandInput,
  UpdateMaintenanceWindowCommandOutput,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommandInput,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommandOutput,
  RegisterTaskWithMaintenanceWindowCommandInput,
  RegisterTaskWithMaintenanceWindowCommandOutput,
} from '@aws-sdk/client-ssm';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CreateMaintenanceWindowRequest,
  CreateMaintenanceWindowResult,
  UpdateMaintenanceWindowRequest,
  UpdateMaintenanceWindowResult,
  DescribeMaintenanceWindowExecutionTaskInvocationsRequest,
  DescribeMaintenanceWindowExecutionTaskInvocationsResult,
  RegisterTaskWithMaintenanceWindowRequest,
  RegisterTaskWithMaintenanceWindowResult,
} from '../src/index.js';

/** Every member path, `.A.B[].C`; a map's keys are `.${string}`. */
type Paths<T, P extends string = ''> = T extends Uint8Array | Date
  ? P
  : T extends readonly (infer U)[]
    ? Paths<U, `${P}[]`>
    : T extends object
      ? { [K in keyof T & string]-?: `${P}.${K}` | Paths<Exclude<T[K], undefined>, `${P}.${K}`> }[keyof T & string]
      : P;

/** The paths of required members (the SDK writes them `X: T | undefined`, without `?`). */
type RequiredPaths<T, P extends string = ''> = T extends Uint8Array | Date
  ? never
  : T extends readonly (infer U)[]
    ? RequiredPaths<U, `${P}[]`>
    : T extends object
      ? {
          [K in keyof T & string]-?: ({} extends Pick<T, K> ? never : `${P}.${K}`) | RequiredPaths<Exclude<T[K], undefined>, `${P}.${K}`>;
        }[keyof T & string]
      : never;

/** Values without `undefined`, so that "required but may be undefined" compares with "required". */
type Defined<T> = T extends Uint8Array | Date
  ? T
  : T extends readonly (infer U)[]
    ? Defined<U>[]
    : T extends object
      ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
      : T;

type SdkRegister = Omit<RegisterTaskWithMaintenanceWindowCommandInput, never>;
type SdkDescribe = Omit<DescribeMaintenanceWindowExecutionTaskInvocationsCommandInput, never>;
type SdkCreateWindow = Omit<CreateMaintenanceWindowCommandInput, never>;
type SdkUpdateWindow = Omit<UpdateMaintenanceWindowCommandInput, never>;

describe('request types line up with @aws-sdk/client-ssm', () => {
  it('RegisterTaskWithMaintenanceWindow: same members, same required ones, and every SDK input is ours', () => {
    expectTypeOf<Paths<RegisterTaskWithMaintenanceWindowRequest>>().toEqualTypeOf<Paths<SdkRegister>>();
    expectTypeOf<RequiredPaths<RegisterTaskWithMaintenanceWindowRequest>>().toEqualTypeOf<RequiredPaths<SdkRegister>>();
    expectTypeOf<Defined<SdkRegister>>().toExtend<Defined<RegisterTaskWithMaintenanceWindowRequest>>();
  });

  it('RegisterTaskWithMaintenanceWindow: Payload takes the SDK’s bytes and the wire’s base64 text', () => {
    type Payload = NonNullable<NonNullable<NonNullable<RegisterTaskWithMaintenanceWindowRequest['TaskInvocationParameters']>['Lambda']>['Payload']>;
    expectTypeOf<Uint8Array>().toExtend<Payload>();
    expectTypeOf<string>().toExtend<Payload>();
  });

  it('DescribeMaintenanceWindowExecutionTaskInvocations: same members, same required ones, and every SDK input is ours', () => {
    expectTypeOf<Paths<DescribeMaintenanceWindowExecutionTaskInvocationsRequest>>().toEqualTypeOf<Paths<SdkDescribe>>();
    expectTypeOf<RequiredPaths<DescribeMaintenanceWindowExecutionTaskInvocationsRequest>>().toEqualTypeOf<RequiredPaths<SdkDescribe>>();
    expectTypeOf<Defined<SdkDescribe>>().toExtend<Defined<DescribeMaintenanceWindowExecutionTaskInvocationsRequest>>();
  });

  it('CreateMaintenanceWindow: same members, same required ones, and every SDK input is ours', () => {
    expectTypeOf<Paths<CreateMaintenanceWindowRequest>>().toEqualTypeOf<Paths<SdkCreateWindow>>();
    expectTypeOf<RequiredPaths<CreateMaintenanceWindowRequest>>().toEqualTypeOf<RequiredPaths<SdkCreateWindow>>();
    expectTypeOf<Defined<SdkCreateWindow>>().toExtend<Defined<CreateMaintenanceWindowRequest>>();
  });

  it('UpdateMaintenanceWindow: same members, same required ones, and every SDK input is ours', () => {
    expectTypeOf<Paths<UpdateMaintenanceWindowRequest>>().toEqualTypeOf<Paths<SdkUpdateWindow>>();
    expectTypeOf<RequiredPaths<UpdateMaintenanceWindowRequest>>().toEqualTypeOf<RequiredPaths<SdkUpdateWindow>>();
    expectTypeOf<Defined<SdkUpdateWindow>>().toExtend<Defined<UpdateMaintenanceWindowRequest>>();
  });
});

describe('response types accept what the SDK returns', () => {
  it('the maintenance window results', () => {
    expectTypeOf<Defined<Omit<CreateMaintenanceWindowCommandOutput, '$metadata'>>>().toExtend<Defined<CreateMaintenanceWindowResult>>();
    expectTypeOf<Defined<Omit<UpdateMaintenanceWindowCommandOutput, '$metadata'>>>().toExtend<Defined<UpdateMaintenanceWindowResult>>();
  });

  it('both results', () => {
    expectTypeOf<Defined<Omit<RegisterTaskWithMaintenanceWindowCommandOutput, '$metadata'>>>().toExtend<Defined<RegisterTaskWithMaintenanceWindowResult>>();
    expectTypeOf<Defined<Omit<DescribeMaintenanceWindowExecutionTaskInvocationsCommandOutput, '$metadata'>>>().toExtend<Defined<DescribeMaintenanceWindowExecutionTaskInvocationsResult>>();
  });
});
