/**
 * A usage or run-time problem: the audit command prints its message on one
 * line and exits with 2. Anything else thrown is a bug in the command.
 */
export class AuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditError';
  }
}
