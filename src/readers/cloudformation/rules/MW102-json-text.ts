import { defineRule } from '../../../rules/types.js';
import { isRecord } from '../../../values/value-facts.js';
import type { DocumentError } from '../../../parse/document.js';
import { CFN_SOURCES } from './sources.js';

export default defineRule({
  id: 'MW102',
  code: 'cfn_json_text',
  severity: 'error',
  title: 'TaskParameters or Parameters given as text that is not a JSON object',
  description:
    'CloudFormation types TaskParameters and the Parameters of MaintenanceWindowRunCommandParameters and MaintenanceWindowAutomationParameters as Json: an object, or text holding one. Text that does not parse as a JSON object cannot become the API’s map. Raised while the template is mapped to the API; text that parses is checked as the object it holds.',
  reader: 'cloudformation',
  sources: [
    { ...CFN_SOURCES.resource, quote: 'TaskParameters: The parameters to pass to the task when it runs. … Required: No Type: Json' },
    { ...CFN_SOURCES.runCommand, quote: 'Parameters: The parameters for the RUN_COMMAND task execution. The supported parameters are the same as those for the SendCommand API call. Required: No Type: Json' },
    { ...CFN_SOURCES.schema, quote: '"format": "json", "type": ["object", "string"]' },
  ],

  /** Text given where CloudFormation's Json type is: what it parsed to, or why it did not parse. */
  check(text: { value: unknown } | { error: DocumentError }) {
    if ('error' in text) {
      const { message, position } = text.error;
      return [{ path: [], params: { reason: `${message} (line ${position.line}, column ${position.column} of the text)` } }];
    }
    return isRecord(text.value) ? [] : [{ path: [], params: { reason: `it holds ${Array.isArray(text.value) ? 'a list' : typeof text.value}` } }];
  },
});
