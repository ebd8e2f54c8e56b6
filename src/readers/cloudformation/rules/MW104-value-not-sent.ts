import { defineRule } from '../../../rules/types.js';
import { CFN_SOURCES } from './sources.js';

export default defineRule({
  id: 'MW104',
  code: 'cfn_value_not_sent',
  severity: 'info',
  title: 'The resource handler leaves an empty value out of the request',
  description:
    'The handlers of AWS::SSM::MaintenanceWindow and AWS::SSM::MaintenanceWindowTarget send some properties only when they are not empty: the window’s Description, ScheduleTimezone, StartDate and EndDate, and the target’s Targets, Name, Description and OwnerInformation. An empty string (or an empty Targets list) therefore never reaches the API: it is not checked against the API’s lengths, and it does not set anything (a target with no targets is then refused for lacking Targets). CloudFormation’s own resource schemas put no minimum length on these properties; cfn-lint’s do, from the API.',
  reader: 'cloudformation',
  at: 'key',
  sources: [
    { ...CFN_SOURCES.windowHandler, quote: 'simpleTypeValidator.getValidatedString(model.getDescription()).ifPresent(createMaintenanceWindowRequestBuilder::description);' },
    { ...CFN_SOURCES.windowValidator, quote: 'if (StringUtils.isNullOrEmpty(parameter)) { return Optional.empty(); }' },
    { ...CFN_SOURCES.targetHandler, quote: 'targetsListTranslator.resourceModelPropertyToServiceModel((model.getTargets())).ifPresent(registerTargetWithMaintenanceWindowRequestBuilder::targets);' },
    { ...CFN_SOURCES.targetsTranslator, quote: 'returns Optional.empty() when the ResourceModel list of targets is empty/null.' },
  ],

  /** A value of a member the handler sends only when it is not empty (`property` as written, `type` the resource type). */
  check({ value, property, type }: { value: unknown; property: string | number; type: string }) {
    const reason = value === '' ? 'empty-string' : Array.isArray(value) && value.length === 0 ? 'empty-list' : undefined;
    return reason ? [{ path: [], params: { property, reason, type } }] : [];
  },
});
