import { describe, expect, it } from 'vitest';
import { handlerBase64 } from '../../src/readers/cloudformation/base64.js';
import { findingsOf, lintFile } from '../../src/lint/engine.js';

/*
 * CloudFormation's MaintenanceWindowLambdaParameters.Payload is base64 text that the resource
 * handler decodes (D34, issue 13 item 1): text that is not base64 is MW103, base64 text is counted
 * by the bytes it decodes to, and Fn::Base64 encodes its argument.
 */

const HEAD = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Retention:
    Type: String
    Default: "90"
  Encoded:
    Type: String
    Default: eyJkcnlSdW4iOiBmYWxzZX0=
Resources:
  Cleanup:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: mw-0123456789abcdef0
      TaskArn: arn:aws:lambda:us-east-1:123456789012:function:cleanup
      ServiceRoleArn: arn:aws:iam::123456789012:role/MaintenanceWindowRole
      TaskType: LAMBDA
      Priority: 1
      TaskInvocationParameters:
        MaintenanceWindowLambdaParameters:
`;
/** Line 20: where the Payload of a template made with `payload` is written. */
const PAYLOAD_LINE = 20;

const template = (payload: string) => `${HEAD}          Payload: ${payload}\n`;

function lint(text: string, file = 'template.yaml') {
  return findingsOf(lintFile({ file, text, explicit: true })!).map((f) => ({ code: f.rule ?? f.code, line: f.line, column: f.column, params: f.params, message: f.message }));
}

/** JSON text of exactly `bytes` UTF-8 bytes. */
function jsonOf(bytes: number): string {
  const head = '{"note": "';
  const tail = '"}';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}

describe('the Lambda Payload of a template', () => {
  it('SAM-style plain JSON is an error where it is written, with the fix', () => {
    const findings = lint(template(`'{"dryRun": false, "retentionDays": 90}'`));
    expect(findings.map(({ code, line, column }) => ({ code, line, column }))).toEqual([{ code: 'MW103', line: PAYLOAD_LINE, column: 20 }]);
    expect(findings[0]!.message).toMatch(/Payload is not base64 text \(it holds "\{", which base64 does not have\)/);
    expect(lintFile({ file: 't.yaml', text: template(`'{"a": 1}'`), explicit: true })!.tasks[0]!.issues[0]!.hint).toMatch(/Fn::Base64 \(!Base64 in YAML\)/);
  });

  it('5,020 base64 characters that decode to 3,763 bytes are clean', () => {
    const encoded = Buffer.from(jsonOf(3763)).toString('base64');
    expect(encoded).toHaveLength(5020);
    expect(lint(template(encoded))).toEqual([]);
  });

  it('!Base64 of 3,763 bytes of JSON is clean: Fn::Base64 encodes its argument', () => {
    expect(lint(template(`!Base64 '${jsonOf(3763)}'`))).toEqual([]);
    const json = JSON.stringify({
      Resources: {
        Cleanup: {
          Type: 'AWS::SSM::MaintenanceWindowTask',
          Properties: {
            WindowId: 'mw-0123456789abcdef0',
            TaskArn: 'arn:aws:lambda:us-east-1:123456789012:function:cleanup',
            ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
            TaskType: 'LAMBDA',
            Priority: 1,
            TaskInvocationParameters: { MaintenanceWindowLambdaParameters: { Payload: { 'Fn::Base64': jsonOf(3763) } } },
          },
        },
      },
    });
    expect(lint(json, 'template.json')).toEqual([]);
  });

  it('over the limit once decoded: too_long with the decoded byte count', () => {
    for (const payload of [Buffer.from(jsonOf(4097)).toString('base64'), `!Base64 '${jsonOf(5000)}'`]) {
      const findings = lint(template(payload));
      expect(findings.map(({ code, line, params }) => ({ code, line, params }))).toEqual([
        { code: 'too_long', line: PAYLOAD_LINE, params: { maximum: 4096, actual: payload.startsWith('!') ? 5000 : 4097, unit: 'bytes', encoding: 'base64' } },
      ]);
      expect(findings[0]!.message).toMatch(/is \d+ bytes long; the maximum is 4096 \(after base64 decoding\)/);
    }
  });

  it('!Base64 counts the UTF-8 bytes of its text', () => {
    // 2,049 é's: 2,049 characters, 4,098 bytes.
    expect(lint(template(`!Base64 '${'é'.repeat(2049)}'`)).map((f) => [f.code, f.params.actual])).toEqual([['too_long', 4098]]);
  });

  it('base64 broken over lines, as the handler reads it (spaces and line breaks ignored)', () => {
    const encoded = Buffer.from('{"dryRun": false, "retentionDays": 90}').toString('base64');
    const folded = `|\n${encoded.match(/.{1,16}/g)!.map((l) => `            ${l}`).join('\n')}`;
    expect(lint(template(folded))).toEqual([]);
  });

  it('a parameter, !Sub or !Join the template decides is checked as the text it makes', () => {
    expect(lint(template(`!Base64 '{"retentionDays": \${Retention}}'`))).toEqual([]);
    expect(lint(template(`!Base64 { "Fn::Sub": '{"retentionDays": \${Retention}}' }`))).toEqual([]);
    expect(lint(template(`!Sub '{"retentionDays": \${Retention}}'`)).map((f) => f.code)).toEqual(['MW103']);
    expect(lint(template(`!Join ['', ['{"retentionDays": ', !Ref Retention, '}']]`)).map((f) => f.code)).toEqual(['MW103']);
    expect(lint(template(`!Ref Encoded`))).toEqual([]);
    // Text the template gives as the parameter's Default is checked as such, and says so.
    const retention = lintFile({ file: 't.yaml', text: template('!Ref Retention'), explicit: true })!.tasks[0]!.issues;
    expect(retention.map((i) => [i.rule, i.variant, i.params.reason])).toEqual([['MW103', 'parameter Retention = "90" (its Default)', 'it has 2 base64 characters, not a multiple of 4']]);
  });

  it('what only a deployment knows stays unknown, unless the text written around it already rules base64 out', () => {
    // The whole value, or base64 text with a part a deployment decides: never a false error.
    for (const payload of ['!GetAtt Encoder.Output', `!Sub '\${AWS::Region}'`, `!Sub 'eyJh\${AWS::Region}=='`, `!Join ['', ['eyJh', !ImportValue Rest]]`, `!Base64 '{"region": "\${AWS::Region}"}'`, `!Base64 { "Fn::Sub": '{"region": "\${AWS::Region}"}' }`]) {
      expect(lint(template(payload)), payload).toEqual([]);
    }
    // JSON around a deployment's value can never be base64.
    for (const payload of [`!Sub '{"region": "\${AWS::Region}"}'`, `!Join ['', ['{"bucket": "', !ImportValue Bucket, '"}']]`, `!Join [', ', [!ImportValue A, !ImportValue B]]`]) {
      const findings = lint(template(payload));
      expect(findings.map((f) => f.code), payload).toEqual(['MW103']);
      expect(findings[0]!.message).toMatch(/is not base64 text \(it holds "[{,]"/);
    }
  });
});

describe('handlerBase64: com.amazonaws.util.Base64.decode as the resource handler calls it', () => {
  const bytes = (text: string) => {
    const r = handlerBase64(text);
    return 'bytes' in r ? Buffer.from(r.bytes).toString('utf8') : r.refused;
  };

  it('decodes canonical base64, ignoring spaces, CRs and LFs anywhere', () => {
    expect(bytes('eyJhIjoxfQ==')).toBe('{"a":1}');
    expect(bytes(' eyJh\r\nIjox fQ==\n')).toBe('{"a":1}');
    expect(bytes('')).toBe('');
  });

  it('refuses what the SDK refuses: other characters, a length that is not a multiple of 4, bits after the data, padding inside', () => {
    expect(bytes('{"a":1}')).toBe('it holds "{", which base64 does not have');
    expect(bytes('eyJh\tIjoxfQ==')).toBe('it holds "\\t", which base64 does not have');
    expect(bytes('eyJhIjoxfQé=')).toBe('it holds "é", which base64 does not have');
    expect(bytes('eyJhIjoxfQ')).toBe('it has 10 base64 characters, not a multiple of 4');
    expect(bytes('eyJhIjoxfR==')).toBe('its last character before the padding sets bits that base64 leaves zero');
    expect(bytes('QUI=')).toBe('AB');
    expect(bytes('QUJ=')).toBe('its last character before the padding sets bits that base64 leaves zero');
    expect(bytes('eyJh=joxfQ==')).toBe('it holds "=" before its end, where base64 has no padding');
    expect(bytes('A===')).toBe('it holds "=" before its end, where base64 has no padding');
  });
});
