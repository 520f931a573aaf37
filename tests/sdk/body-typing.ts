/**
 * Type checks of request bodies, as the SDK README describes them (compiled by the type-check
 * test, never run). Each `@ts-expect-error` fails the build if the error it expects vanishes.
 */
import { createClient, type ApplyToTaskRequest } from '@taskmarket/sdk';

const api = createClient({ baseUrl: 'http://localhost:8000/api' });

// A body typed with its request schema refuses a field the contract does not have.
// @ts-expect-error `bid` is not a field of ApplyToTaskRequest
const typed: ApplyToTaskRequest = { proposal: 'I can deliver in 3 days', bid_amount: '120.00', bid: '120.00' };

export const checks = [
  api.POST('/tasks/{id}/apply/', { params: { path: { id: 42 } }, body: typed }),
  // @ts-expect-error money is a decimal string, never a number
  api.POST('/tasks/{id}/apply/', { params: { path: { id: 42 } }, body: { proposal: 'I can deliver in 3 days', bid_amount: 120 } }),
  // @ts-expect-error a required field is missing
  api.POST('/tasks/{id}/apply/', { params: { path: { id: 42 } }, body: { proposal: 'I can deliver in 3 days' } }),
];
