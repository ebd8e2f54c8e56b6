import { inputStructure, list, required } from './build.js';
import { TagKey, TagValue } from './scalars.js';

export const Tag = inputStructure(
  'Tag',
  {
    Key: required(TagKey, 'The name of the tag.'),
    Value: required(TagValue, 'The value of the tag.'),
  },
  {
    doc: 'Metadata that you assign to your Amazon Web Services resources. Tags enable you to categorize your resources in different ways, for example, by purpose, owner, or environment. In Amazon Web Services Systems Manager, you can apply tags to Systems Manager documents (SSM documents), managed nodes, maintenance windows, parameters, patch baselines, OpsItems, and OpsMetadata.',
  },
);

export const TagList = list('TagList', Tag, { max: 1000 });
