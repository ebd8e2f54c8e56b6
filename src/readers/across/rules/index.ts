import MW080 from './MW080-task-target-in-other-window.js';
import MW081 from './MW081-window-reference-kind.js';
import MW082 from './MW082-unassociated-instances.js';

/** The rules across the resources of one file (MW080-MW099), in id order. */
export const acrossRules = [MW080, MW081, MW082] as const;

export type AnyAcrossRule = (typeof acrossRules)[number];
