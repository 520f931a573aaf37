/**
 * Turns zod issues into the problem document's `errors: {field: [message]}`, where `field` is
 * the dotted path of the input (`bid_amount`, `skills.0`, `query.page_size`, `path.id`).
 */
import { z } from 'zod';
import { problems, type FieldErrors } from './problem.ts';

const MONEY_PATTERN = String.raw`^\d{1,10}\.\d{2}$`;
const WEB_URL_PATTERN = '^https?:\\/\\/';
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
      if (issue.format === 'regex' && issue.pattern === `/${WEB_URL_PATTERN}/`) return 'Must be a web address starting with https://.';
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

/** Adds `message` under `field`; own keys only, since a field may be called "toString" or "__proto__". */
function addFieldError(errors: FieldErrors, field: string, message: string): void {
  if (Object.hasOwn(errors, field)) errors[field]!.push(message);
  else Object.defineProperty(errors, field, { value: [message], enumerable: true, writable: true, configurable: true });
}

export function fieldErrors(error: z.ZodError, target: string): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) =>
    addFieldError(errors, (PREFIX[target] ?? '') + (path.length ? path.map(String).join('.') : 'body'), message);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'Unknown field.');
    } else {
      add(issue.path, issue.message);
    }
  }
  return errors;
}

/**
 * Text that PostgreSQL cannot store: the NUL character. Refused for every input (path, query and
 * JSON body) in one place, before the contract's own checks, so that no operation can reach the
 * database with it. Returns the offending fields, named as the contract's validation does.
 */
export function nulCharacterErrors(inputs: { path: Record<string, string>; query: Record<string, string[]>; body: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  const message = 'Must not contain the NUL character (\\u0000).';
  const within = (field: string, key: string | number) => (field ? `${field}.${key}` : String(key));
  const check = (field: string, value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes('\0')) addFieldError(errors, field || 'body', message);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => check(within(field, index), item));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) check(within(field, key), item);
    }
  };
  for (const [name, value] of Object.entries(inputs.path)) check(`path.${name}`, value);
  for (const [name, values] of Object.entries(inputs.query)) values.forEach((value) => check(`query.${name}`, value));
  check('', inputs.body);
  return errors;
}

/**
 * The contract lets a WebUrl be `https://` or `http://` (anything else is already a 400); a
 * production server takes `https://` only. Throws a 400 naming every `http://` field.
 */
export function requireHttpsUrls(fields: Record<string, string | null | undefined>, allowHttp: boolean): void {
  if (allowHttp) return;
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value && !value.startsWith('https://')) addFieldError(errors, field, 'Use an https:// address.');
  }
  if (Object.keys(errors).length) throw problems.validation(errors);
}
