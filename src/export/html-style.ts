/** The inline style sheet of the HTML week: screen first, then print. */
export const PAGE_CSS: string = `
:root { --slot: 6px; --line: #d1d5db; --hour: #9ca3af; --ink: #111827; --muted: #4b5563; --bad: #991b1b; --bad-bg: #fee2e2; --good: #166534; --good-bg: #dcfce7; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.25rem 1.5rem 3rem; font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; display: flex; align-items: center; gap: .6rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.sub, .facts { color: var(--muted); margin: 0 0 .5rem; }
.score { margin: .5rem 0; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .85rem; font-weight: 600; }
.badge.good { background: var(--good-bg); color: var(--good); }
.badge.bad { background: var(--bad-bg); color: var(--bad); }
.legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .35rem 1rem; }
.legend li { display: flex; align-items: center; gap: .35rem; font-size: .9rem; }
.swatch { width: 1rem; height: 1rem; border-radius: 3px; border-left: 4px solid; display: inline-block; }
.week { --slot: var(--fit, 6px); width: 100%; table-layout: fixed; border-collapse: separate; border-spacing: 0; border: 1px solid var(--line); border-radius: 6px; background: #fff; font-size: inherit; }
.week col.timecol { width: 3.2rem; }
.week thead th { background: #f3f4f6; border-bottom: 1px solid var(--line); padding: .35rem .5rem; font-weight: 600; font-size: .9rem; text-align: left; }
.week thead th.dayhead { border-left: 1px solid var(--line); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.week tbody tr { height: calc(var(--slot) * 12); }
.week th.time { font-size: .75rem; font-weight: normal; color: var(--muted); vertical-align: top; padding: 0 .35rem; border: 0; border-top: 1px solid var(--hour); background: none; }
.week td.day { position: relative; padding: 0; vertical-align: top; border: 0; border-left: 1px solid var(--line); border-top: 1px solid var(--hour); }
.week tbody tr:first-child th, .week tbody tr:first-child td { border-top: 0; }
/* A block starts in the cell of its hour and runs on over the next ones. */
.m { position: absolute; z-index: 1; border: 1px solid #fff; border-left: 5px solid; border-radius: 5px; padding: 2px 4px 2px 5px; overflow: hidden; font-size: .78rem; line-height: 1.2; box-shadow: 0 0 0 1px rgba(17,24,39,.08); }
/* Names wrap, never cut: the grid's slot height grows until every block's text fits. */
.m b, .m span { display: block; white-space: normal; overflow-wrap: break-word; hyphens: auto; }
.m.broken { outline: 2px dashed var(--bad); outline-offset: -2px; }
.empty, .outside { color: var(--muted); font-style: italic; }
.reqs { list-style: none; padding: 0; margin: 0 0 .6rem; display: flex; flex-wrap: wrap; gap: .25rem .9rem; font-size: .9rem; }
.reqs .unmet { color: var(--bad); font-weight: 600; }
.reqs .met { color: var(--good); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #f3f4f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.unmet { background: var(--bad-bg); }
tr.unmet td:last-child { color: var(--bad); font-weight: 600; }
.unmet-list > li { margin-bottom: .4rem; }
.unmet-list ul { margin: .15rem 0; color: var(--muted); }
.repair { color: var(--good); }
.good-text { color: var(--good); }
@media print {
  @page { size: landscape; margin: 10mm; }
  body { padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { break-inside: avoid; page-break-inside: avoid; }
  /* A grid taller than a page goes on with its day headers on every page, breaking between hours. */
  .week thead { display: table-header-group; }
  /* Print type is about four fifths of the screen's: so is the height its text needs. */
  .week { --slot: calc(var(--fit, 6px) * .8); }
  .week tbody tr { break-inside: avoid; page-break-inside: avoid; }
  .m { box-shadow: none; border: 1px solid #6b7280; border-left-width: 5px; font-size: 7.5pt; line-height: 1.15; }
  h2 { break-after: avoid; }
}
`;
