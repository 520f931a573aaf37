/**
 * Turns zod issues into the problem document's `errors: {field: [message]}`, where `field` is
 * the dotted path of the input (`bid_amount`, `skills.0`, `query.page_size`, `path.id`).
 */
import { z } from 'zod';
import type { FieldErrors } from './problem.ts';

const MONEY_PATTERN = String.raw`^\d{1,10}\.\d{2}$`;
const FORMATS: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  datetime: 'an RFC 3339 date-time such as 2026-03-01T00:00:00Z',
  date: 'a date such as 2026-03-01',
};

/** Plain messages for the checks the contract's schemas make (zod's defaults are terse). */
function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'string') return `Use ${word} ${bound} characters.`;
      if (issue.origin === 'array') return `Send ${word} ${bound} items.`;
      return `Must be ${word} ${bound}.`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern === `/${MONEY_PATTERN}/`) return 'Must be a decimal string with two places, such as "120.00".';
      if (FORMATS[issue.format]) return `Must be ${FORMATS[issue.format]}.`;
      return issue.pattern ? `Must match ${issue.pattern}.` : undefined;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `Must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}.`;
    default:
      return undefined;
  }
}

z.config({ customError: friendlyMessage });

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
    } else {
      add(issue.path, issue.message);
    }
  }
  return errors;
}
