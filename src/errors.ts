/** How a run ends: the exit codes of docs/reference.md, Exit codes, and the errors that choose them. */

/** Exit codes (docs/reference.md, Exit codes). */
export const EXIT = {
  /** Success, also for a `diff` that finds differences. */
  ok: 0,
  /** The inputs have errors, or `--check` found stale output. */
  inputs: 1,
  /** Wrong usage: what the command line names cannot be used. */
  usage: 2,
  /** A bug in the tool. */
  bug: 3,
} as const

/** A problem with how the tool was called, or with what the command line names (exit code 2), not with the inputs. */
export class UsageError extends Error {}
