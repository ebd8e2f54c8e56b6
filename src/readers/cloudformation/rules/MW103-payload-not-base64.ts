import { defineRule } from '../../../rules/types.js';
import { handlerBase64, NOT_BASE64, notBase64 } from '../base64.js';
import { CFN_SOURCES } from './sources.js';

export default defineRule({
  id: 'MW103',
  code: 'cfn_payload_not_base64',
  severity: 'error',
  title: 'A Lambda Payload that is not base64 text',
  description:
    'CloudFormation types MaintenanceWindowLambdaParameters.Payload as a String, but its resource handler decodes it from base64 before it registers the task (spaces and line breaks are ignored; anything else must be canonical base64), and fails on text that is not. The JSON a SAM or hand-written template usually writes there is not base64: wrap it in Fn::Base64, which encodes it. Raised while the template is mapped to the API; base64 text is checked as the bytes it decodes to (at most 4096). A value only a deployment knows is not checked, unless the text written around its placeholders already holds a character base64 does not have.',
  reader: 'cloudformation',
  sources: [
    {
      ...CFN_SOURCES.lambda,
      quote: 'Payload: JSON to provide to your AWS Lambda function as input. Although Type is listed as "String" for this property, the payload content must be formatted as a Base64-encoded binary data object.',
    },
    { ...CFN_SOURCES.handler, quote: '.payload(SdkBytes.fromByteArray(Base64.decode(resourceModelLambda.getPayload())))' },
  ],

  /**
   * A Lambda Payload: its text, or, when only a deployment knows it, the text written around its
   * placeholders (`around`), which can already hold a character base64 does not have.
   */
  check(payload: { text: string } | { around: string }) {
    if ('around' in payload) {
      const stray = payload.around.match(NOT_BASE64)?.[0];
      return stray === undefined ? [] : [{ path: [], params: { reason: notBase64(stray) } }];
    }
    const decoded = handlerBase64(payload.text);
    return 'refused' in decoded ? [{ path: [], params: { reason: decoded.refused } }] : [];
  },
});
