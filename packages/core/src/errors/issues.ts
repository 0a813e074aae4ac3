/** One problem found in a value: where it is and what is wrong with it. */
export interface ValidationIssue {
  /** Dotted path to the offending field, e.g. `phones.0` or `utm.source`; empty for the root. */
  readonly path: string;
  /** What is wrong with the value at `path`. */
  readonly message: string;
}

/** The shape of a zod issue that crossline reads; avoids depending on zod's internals. */
interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Converts zod issues to {@link ValidationIssue}s with dotted paths. */
export function toValidationIssues(issues: readonly IssueLike[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}

/** Formats issues for an error message: `path: message; path: message`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
}
