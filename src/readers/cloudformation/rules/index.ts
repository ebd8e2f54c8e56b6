import MW100 from './MW100-unknown-property.js';
import MW101 from './MW101-required-property.js';
import MW102 from './MW102-json-text.js';
import MW103 from './MW103-payload-not-base64.js';
import MW104 from './MW104-value-not-sent.js';
import MW105 from './MW105-target-reference-kind.js';
import MW106 from './MW106-unknown-attribute.js';

/** The CloudFormation reader's rules (MW100–MW199), in id order. */
export const cloudformationRules = [MW100, MW101, MW102, MW103, MW104, MW105, MW106] as const;
