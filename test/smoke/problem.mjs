// A small clinic for the package smoke tests: one evening track, one patient available only
// through an RRULE (every Tuesday evening).
export function smokeProblem() {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    rules: { minWeeklyHours: 3, minDays: 1 },
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }] }],
    staff: [{ id: 's-1', credentials: ['LCSW'] }, { id: 's-2', credentials: ['LCSW'] }],
    rooms: [{ id: 'room-a', capacity: 10 }],
    patients: [
      { id: 'p-1', tracks: ['evening'] },
      { id: 'p-2', tracks: ['evening'] },
      { id: 'p-3', tracks: ['evening'] },
      { id: 'p-rrule', tracks: ['evening'], availability: { rrule: [{ rule: 'DTSTART:20261103T180000\nRRULE:FREQ=WEEKLY;BYDAY=TU', durationMinutes: 180 }] } },
    ],
  };
}
