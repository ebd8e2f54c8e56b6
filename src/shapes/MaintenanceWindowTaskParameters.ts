import { inputStructure, list, map, optional } from './build.js';
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
