/**
 * Turns zod issues into the problem document's `errors: {field: [message]}`, where `field` is
 * the dotted path of the input (`bid_amount`, `skills.0`, `query.page_size`, `path.id`).
 */
import type { z } from 'zod';
import type { FieldErrors } from './problem.ts';

const PREFIX: Record<string, string> = { json: '', query: 'query.', param: 'path.', header: 'header.', form: '' };

export function fieldErrors(error: z.ZodError, target: string): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) => {
    const field = (PREFIX[target] ?? '') + (path.length ? path.map(String).join('.') : 'body');
    // Own keys only: a field may be called "toString" or "__proto__".
    if (Object.hasOwn(errors, field)) errors[field]!.push(message);
    else Object.defineProperty(errors, field, { value: [message], enumerable: true, writable: true, configurable: true });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'Unknown field.');
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      add(issue.path, 'This field is required.');
    } else {
      add(issue.path, issue.message);
    }
  }
  return errors;
}
