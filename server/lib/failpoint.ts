/**
 * Crash points for the tests that kill the server mid-write. With `TRELLIS_FAILPOINT=<name>` in its
 * environment the process kills itself (SIGKILL: no handler, no flush, no rollback of its own) the
 * moment it reaches the point of that name, so the test does not race the work it means to cut
 * short. Unset, as everywhere but those tests, a failpoint does nothing.
 */
export function failpoint(name: string): void {
  if (process.env.TRELLIS_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
