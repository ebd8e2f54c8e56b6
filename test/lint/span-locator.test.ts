import { describe, expect, it } from 'vitest';
import { findingsOf, lintFile } from '../../src/lint/engine.js';

/*
 * A finding about a field of a schedule expression is placed at that field, in the file's own
 * writing of the string (D84): after the quote, escapes counted as the character they stand for;
 * and at the string's start whenever the file does not write the string as it is on one line.
 */

const window = (schedule: string) =>
  `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Nightly:\n    Type: AWS::SSM::MaintenanceWindow\n    Properties:\n      Name: nightly\n      Schedule: ${schedule}\n      Duration: 3\n      Cutoff: 1\n      AllowUnassociatedTargets: false\n`;

function hours(file: string, text: string) {
  const found = findingsOf(lintFile({ file, text, explicit: true })!).filter((f) => f.code === 'cron_value_range');
  expect(found).toHaveLength(1);
  const { line, column, endLine, endColumn } = found[0]!;
  return { line, column, endLine, endColumn };
}

describe('a schedule finding is placed at its field', () => {
  it('in a plain YAML scalar', () => {
    // `      Schedule: cron(0 25 ? * SUN *)`: 25 is at column 24, and ends before column 26.
    expect(hours('t.yaml', window('cron(0 25 ? * SUN *)'))).toEqual({ line: 7, column: 24, endLine: 7, endColumn: 26 });
  });

  it('in a double-quoted YAML scalar whose field is written as escapes', () => {
    // `      Schedule: "cron(0 \u0032\u0035 ? * SUN *)"`: after the quote, the field starts at the first escape and ends after the second.
    expect(hours('t.yaml', window('"cron(0 \\u0032\\u0035 ? * SUN *)"'))).toEqual({ line: 7, column: 25, endLine: 7, endColumn: 37 });
  });

  it("in a single-quoted YAML scalar", () => {
    expect(hours('t.yaml', window("'cron(0 25 ? * SUN *)'"))).toMatchObject({ line: 7, column: 25 });
  });

  it('in a JSON template', () => {
    const text = JSON.stringify(
      { Resources: { Nightly: { Type: 'AWS::SSM::MaintenanceWindow', Properties: { Name: 'nightly', Schedule: 'cron(0 25 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false } } } },
      null,
      1,
    );
    const line = text.split('\n').findIndex((l) => l.includes('"Schedule"')) + 1;
    const written = text.split('\n')[line - 1]!;
    expect(hours('t.json', text)).toMatchObject({ line, column: written.indexOf('25') + 1 });
  });

  it('in a .tf file, where $${ is one character less than written', () => {
    const tf = 'resource "aws_ssm_maintenance_window" "nightly" {\n  name     = "nightly"\n  schedule = "cron(0 25 ? * SUN *)"\n  duration = 3\n  cutoff   = 1\n}\n';
    expect(hours('main.tf', tf)).toEqual({ line: 3, column: 22, endLine: 3, endColumn: 24 });
  });

  it('at the string’s start when the file does not write it as it is: a folded scalar, Fn::Sub', () => {
    expect(hours('t.yaml', window('>-\n        cron(0 25 ? * SUN *)'))).toMatchObject({ line: 7, column: 17 });
    const sub = hours('t.yaml', window("!Sub 'cron(0 ${Hour} ? * SUN *)'").replace('Resources:', 'Parameters:\n  Hour: { Type: String, AllowedValues: ["25"] }\nResources:'));
    // `      Schedule: !Sub 'cron(0 ${Hour} ? * SUN *)'`: the text written is not the value checked.
    expect(sub).toMatchObject({ line: 9, column: 22 });
  });
});
