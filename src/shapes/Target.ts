import { inputStructure, list, optional } from './build.js';
import { TargetKey, TargetValue } from './scalars.js';

export const TargetValues = list('TargetValues', TargetValue, { min: 0, max: 50 });

export const Target = inputStructure(
  'Target',
  {
    Key: optional(TargetKey, 'User-defined criteria for sending commands that target managed nodes that meet the criteria.'),
    Values: optional(
      TargetValues,
      'User-defined criteria that maps to Key. Depending on the type of target, the maximum number of values for a key might be lower than the global maximum of 50.',
    ),
  },
  {
    doc: 'An array of search criteria that targets managed nodes using a key-value pair that you specify. One or more targets must be specified for maintenance window Run Command-type tasks.',
  },
);

export const Targets = list('Targets', Target, { min: 0, max: 5 });
