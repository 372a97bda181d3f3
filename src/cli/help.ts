/**
 * The text of `iop-scheduler --help`.
 *
 * @example
 * ```ts
 * io.stdout(HELP);
 * ```
 */
export const HELP: string = `Usage: iop-scheduler <command> [options]

Builds, checks and explains the weekly timetable of an Intensive Outpatient Program.

Commands:
  solve <problem.json>                      build the week's timetable
      --seed N            seed of the random choices (default 1)
      --time-limit MS     wall-time budget in milliseconds (default 3000)
      --max-iterations N  iteration budget; with a seed, gives the same timetable every run
      --triage T          what an over-full week gives up: whole-patients (default: the most
                          patients fully served) or spread (the least total shortfall, shared)
      --out FILE          write the schedule as JSON ('-' for stdout)
      --report FILE       write the report as JSON ('-' for stdout)
      --ics DIR           write iCalendar files: the week, and one per patient, staff member and room
      --recurring         with --ics: weekly series instead of this week's events (each ends at
                          the discharge of the patients it is for)
      --stamp ISO         with --ics: the publication instant written as DTSTAMP (default now),
                          e.g. 2026-12-02T07:05:00-08:00
      --html FILE         write the week as one HTML page (by track, with the report)
      --text FILE         write the week as text grids ('-' for stdout)
      --explain           find the causes of unmet requirements and repairs to try (not verified)
      --quiet             no progress bar, no summary
  check <problem.json> <schedule.json>      check a timetable (e.g. hand-edited) against every rule
      --out, --report, --ics, --recurring, --stamp, --html, --text, --explain, --quiet   as for solve
  diagnose <problem.json>                   before solving: what no timetable can meet, and bottlenecks
      --json              print the diagnosis as JSON
  replan <problem.json> <schedule.json> <changes.json>
                                            absorb changes (admissions, call-outs, ...) into a week
      --as-of ISO         now: meetings that started before it are a record and stay as they were
                          (default: the start of the week), e.g. 2026-12-02T07:00:00-08:00
      --seed, --time-limit, --max-iterations, --out, --report, --ics, --recurring, --stamp, --html,
      --text, --explain, --quiet   as for solve
      With --ics, calendars update in place: a changed meeting's SEQUENCE rises, and a meeting a
      calendar no longer holds (cancelled, or its patient, staff or room changed) is sent as
      STATUS:CANCELLED under the same UID.

Options:
  -h, --help        show this help
  -v, --version     show the version

Exit codes:
  0  every requirement of every patient is met (diagnose: nothing found impossible)
  1  some requirement is unmet, or the timetable breaks a hard rule (diagnose: something is impossible)
  2  bad input: unreadable file, invalid JSON, invalid problem (each issue printed as path: message),
     or bad arguments (checked before any file is read or any solve starts)
  3  internal error (a bug: please report it), or a command not available in this build

A progress bar is drawn on stderr during solve when stderr is a terminal.
Validation warnings (e.g. caseload-exceeded, partial-hospitalization) are printed on stderr as
path: message (code); they do not stop the run.
Outputs name patients by id only.
`;
