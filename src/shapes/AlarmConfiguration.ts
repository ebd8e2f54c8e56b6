import { inputStructure, list, optional, required } from './build.js';
import { AlarmName, Boolean } from './scalars.js';

export const Alarm = inputStructure(
  'Alarm',
  { Name: required(AlarmName, 'The name of your CloudWatch alarm.') },
  { doc: 'A CloudWatch alarm you apply to an automation or command.' },
);

export const AlarmList = list('AlarmList', Alarm, { min: 1, max: 1 });

export const AlarmConfiguration = inputStructure(
  'AlarmConfiguration',
  {
    IgnorePollAlarmFailure: optional(
      Boolean,
      'When this value is true, your automation or command continues to run in cases where we can’t retrieve alarm status information from CloudWatch. Default is false.',
    ),
    Alarms: required(AlarmList, 'The name of the CloudWatch alarm specified in the configuration.'),
  },
  { doc: 'The details for the CloudWatch alarm you want to apply to an automation or command.' },
);
