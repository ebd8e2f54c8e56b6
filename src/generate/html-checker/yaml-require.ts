import * as yaml from 'yaml';

/*
 * `node:module` in the page's bundle (build.ts points it here): src/parse/yaml/parse-yaml.ts loads the
 * `yaml` package with createRequire on the first YAML file, which a browser cannot do; here the
 * package is bundled and handed over instead. Nothing else is loaded that way.
 */
export function createRequire(): (id: string) => unknown {
  return (id) => {
    if (id === 'yaml') return yaml;
    throw new Error(`the page's bundle cannot load "${id}"`);
  };
}
