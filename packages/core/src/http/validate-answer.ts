import { describeRequest, type RequestSummary } from '../errors/crossline-error.js';
import { formatIssues, toValidationIssues } from '../errors/issues.js';
import { ValidationError } from '../errors/validation-error.js';
import { type Answer, describeAnswer } from './answer.js';
import type { ClassifyContext } from './classify.js';
import type { HttpRequest } from './types.js';

/**
 * Checks a successful answer before it is handed to the caller. A body that could not be read
 * (JSON cut short) or that is empty where the request's schema expects data is an
 * `INVALID_RESPONSE` that a later attempt may not repeat — retryable, so the client tries
 * again where the request is safe to repeat. A readable body that does not match the schema is
 * an `INVALID_RESPONSE` that will not change — permanent. Either error says what the vendor
 * returned (content type, size, the first ~200 characters, redacted).
 *
 * @returns the body, validated by the request's schema when it has one
 */
export function validateAnswer<T>(
  request: HttpRequest<T>,
  context: ClassifyContext,
  status: number,
  answer: Answer,
): T {
  const summary: RequestSummary = {
    method: context.method,
    url: context.url,
    status,
    answer: describeAnswer(answer, context.redactor),
  };
  if (answer.unreadable) {
    throw invalid(context, summary, 'the answer could not be read as JSON', true);
  }
  if (!request.schema) return answer.body as T;
  const parsed = request.schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  if (answer.text.trim() === '') {
    throw invalid(context, summary, 'the answer was empty where data was expected', true);
  }
  const issues = toValidationIssues(parsed.error.issues);
  throw invalid(context, summary, `unexpected response: ${formatIssues(issues)}`, false, issues);
}

function invalid(
  context: ClassifyContext,
  summary: RequestSummary,
  problem: string,
  retryable: boolean,
  issues = [{ path: '', message: problem }],
): ValidationError {
  const { method, url, status } = summary;
  return new ValidationError(
    `${describeRequest({ method, url, ...(status === undefined ? {} : { status }) })}: ${problem}; the answer was ${summary.answer}`,
    {
      code: 'INVALID_RESPONSE',
      issues,
      retryable,
      connectorId: context.connectorId,
      request: summary,
    },
  );
}
