/** The command ran (with or without detections). */
export const EXIT_OK = 0;
/** The command failed: unreadable input, rules with errors where they are not allowed, an internal error. */
export const EXIT_FAILURE = 1;
/** The command line was invalid. */
export const EXIT_USAGE = 2;
/** `--fail-on-detection` was given and at least one rule fired. */
export const EXIT_DETECTIONS = 3;

/** An error the CLI reports as one line and an exit code, without a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
