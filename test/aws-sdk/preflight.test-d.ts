import { SSM, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expectTypeOf, it } from 'vitest';
import { ContractViolationError, preflight, type IssueContext } from '../../src/aws-sdk/index.js';
import type { ExchangeIssue } from '../../src/exchange/exchange.js';
import type { Issue } from '../../src/issues/issue.js';
import type { OperationName } from '../../src/operations/index.js';

describe('ssm-mw-contracts/aws-sdk types', () => {
  it('plugs into the clients’ middleware stacks as they are typed', () => {
    const client = new SSMClient({});
    client.middlewareStack.use(preflight());
    client.middlewareStack.use(preflight({ checkResponses: true, onIssue: () => {} }));
    new SSM({}).middlewareStack.use(preflight());
  });

  it('types the callback and the error', () => {
    preflight({
      onIssue: (issue, context) => {
        expectTypeOf(issue).toEqualTypeOf<ExchangeIssue>();
        expectTypeOf(issue.part).toEqualTypeOf<'request' | 'response'>();
        expectTypeOf(context).toEqualTypeOf<IssueContext>();
      },
    });
    expectTypeOf<ContractViolationError['issues']>().toEqualTypeOf<readonly Issue[]>();
    expectTypeOf<ContractViolationError['operation']>().toEqualTypeOf<OperationName>();
    expectTypeOf<ContractViolationError>().toMatchTypeOf<Error>();
    // @ts-expect-error an unknown option
    preflight({ checkResponse: true });
  });
});
