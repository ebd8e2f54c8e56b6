import { inputStructure, list, optional } from './build.js';
import { MaintenanceWindowFilterKey, MaintenanceWindowFilterValue } from './scalars.js';

export const MaintenanceWindowFilterValues = list('MaintenanceWindowFilterValues', MaintenanceWindowFilterValue);

export const MaintenanceWindowFilter = inputStructure(
  'MaintenanceWindowFilter',
  {
    Key: optional(MaintenanceWindowFilterKey, 'The name of the filter.'),
    Values: optional(MaintenanceWindowFilterValues, 'The filter values.'),
  },
  { doc: 'Filter used in the request. Supported filter keys depend on the API operation that includes the filter.' },
);

export const MaintenanceWindowFilterList = list('MaintenanceWindowFilterList', MaintenanceWindowFilter, { min: 0, max: 5 });
