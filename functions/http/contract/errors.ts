import type { FieldError } from '../../core/report-submission.ts';
import { arrayOf, isString, objectOf } from '../../vocabulary/json-guards.ts';

/**
 * The API's error answer, the same from every endpoint (http/responses.ts errorResponse, and each 400 with the
 * form's rules): `{errors: [{path, message}]}`, with an empty path for an error about the whole request.
 */
export interface ApiErrors {
  errors: FieldError[];
}

export const isApiErrors = objectOf<ApiErrors>({ errors: arrayOf(objectOf<FieldError>({ path: isString, message: isString })) });

/** The errors of an error answer; none when the body is not one. */
export const fieldErrorsOf = (body: unknown): FieldError[] => (isApiErrors(body) ? body.errors : []);
