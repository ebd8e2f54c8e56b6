import { inputStructure, list, map, optional } from './build.js';
import type { Deprecation } from './meta.js';
import { MaintenanceWindowTaskParameterName, MaintenanceWindowTaskParameterValue } from './scalars.js';

export const MaintenanceWindowTaskParameterValueList = list(
  'MaintenanceWindowTaskParameterValueList',
  MaintenanceWindowTaskParameterValue,
  { sensitive: true },
);

export const MaintenanceWindowTaskParameterValueExpression = inputStructure(
  'MaintenanceWindowTaskParameterValueExpression',
  {
    Values: optional(
      MaintenanceWindowTaskParameterValueList,
      'This field contains an array of 0 or more strings, each 1 to 255 characters in length.',
    ),
  },
  { doc: 'Defines the values for a task parameter.', sensitive: true },
);

export const MaintenanceWindowTaskParameters = map(
  'MaintenanceWindowTaskParameters',
  MaintenanceWindowTaskParameterName,
  MaintenanceWindowTaskParameterValueExpression,
  { sensitive: true },
);

/** The documentation deprecates the member (every operation that has it), not the shape: member metadata, shared. */
export const TaskParametersDeprecation: Deprecation = {
  replacement: 'TaskInvocationParameters.RunCommand.Parameters (or the Parameters of the task type’s own member)',
  quote:
    'TaskParameters has been deprecated. To specify parameters to pass to a task when it runs, instead use the Parameters option in the TaskInvocationParameters structure.',
};
