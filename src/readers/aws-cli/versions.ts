/*
 * The AWS CLI releases this reader can read command lines as. The default is AWS CLI v2 as of
 * 2.36.7; the other two are the releases the oracle test runs against (Debian 12's v2 package and
 * pip's v1), so every difference between them is a switch here rather than a branch of the code.
 */

export type CliVersion = '2' | '2.9.19' | '1';

export interface CliProfile {
  version: CliVersion;
  major: 1 | 2;
  /** `key@=file://...` in shorthand (v2 >= 2.20.0, v1 >= 1.36.0). */
  shorthandParamFiles: boolean;
  /** The quoted-string regex before v2 2.18.14 / v1 1.35.14 (see shorthand.ts). */
  legacyQuotedRegex: boolean;
  /** v2 base64-decodes blob arguments unless `--cli-binary-format raw-in-base64-out`. */
  binaryFormat: boolean;
  /** `--cli-input-yaml` and `--generate-cli-skeleton yaml-input` exist (v2 only). */
  yamlInput: boolean;
  /** v1 fetches `http://` and `https://` parameter values (cli_follow_urlparam). */
  followUrls: boolean;
  /** Exit status of each kind of refusal. */
  exit: Record<RefusalStage, number>;
}

/**
 * Where in the CLI a command line is refused: argparse (a missing or extra option value, a
 * required option, an invalid choice), `Unknown options`, a parameter that cannot be read
 * (shorthand, JSON, file://, --cli-input-json), botocore's parameter validation, or a plain
 * Python exception (`int()` of a non-number, invalid base64, a bad starting token).
 */
export type RefusalStage = 'usage' | 'unknown-options' | 'parameter' | 'validation' | 'general';

const V2_EXIT = { usage: 252, 'unknown-options': 252, parameter: 252, validation: 252, general: 255 } as const;

export const CLI_PROFILES: Record<CliVersion, CliProfile> = {
  '2': {
    version: '2',
    major: 2,
    shorthandParamFiles: true,
    legacyQuotedRegex: false,
    binaryFormat: true,
    yamlInput: true,
    followUrls: false,
    exit: V2_EXIT,
  },
  '2.9.19': {
    version: '2.9.19',
    major: 2,
    shorthandParamFiles: false,
    legacyQuotedRegex: true,
    binaryFormat: true,
    yamlInput: true,
    followUrls: false,
    exit: V2_EXIT,
  },
  '1': {
    version: '1',
    major: 1,
    shorthandParamFiles: true,
    legacyQuotedRegex: false,
    binaryFormat: false,
    yamlInput: false,
    followUrls: true,
    exit: { usage: 2, 'unknown-options': 255, parameter: 255, validation: 255, general: 255 },
  },
};
