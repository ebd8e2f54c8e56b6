import type { IPolicyValidationContext, IPolicyValidationContextBeta1, IPolicyValidationPlugin, IPolicyValidationPluginBeta1, PolicyValidationPluginReport, PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';
import { describe, expectTypeOf, it } from 'vitest';
import { MaintenanceWindowPolicyPlugin, type PolicyValidationContextLike } from '../../src/cdk/index.js';

describe('ssm-mw-contracts/cdk types, against aws-cdk-lib 2.276.0’s own declarations', () => {
  it('an instance is an IPolicyValidationPlugin and an IPolicyValidationPluginBeta1', () => {
    expectTypeOf<MaintenanceWindowPolicyPlugin>().toExtend<IPolicyValidationPlugin>();
    expectTypeOf<MaintenanceWindowPolicyPlugin>().toExtend<IPolicyValidationPluginBeta1>();
  });

  it('takes either context and returns what both report types require', () => {
    expectTypeOf<IPolicyValidationContext>().toExtend<PolicyValidationContextLike>();
    expectTypeOf<IPolicyValidationContextBeta1>().toExtend<PolicyValidationContextLike>();
    expectTypeOf<ReturnType<MaintenanceWindowPolicyPlugin['validate']>>().toExtend<PolicyValidationPluginReport>();
    expectTypeOf<ReturnType<MaintenanceWindowPolicyPlugin['validate']>>().toExtend<PolicyValidationPluginReportBeta1>();
  });

  it('takes only the options it has', () => {
    new MaintenanceWindowPolicyPlugin({ failOn: 'warning', ignore: ['MW011'] });
    // @ts-expect-error a severity lint does not have
    new MaintenanceWindowPolicyPlugin({ failOn: 'fatal' });
    // @ts-expect-error an unknown option
    new MaintenanceWindowPolicyPlugin({ failon: 'error' });
  });
});
