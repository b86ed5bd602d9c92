import type { AnnualMessages } from '../zh-CN/annual.js';

const en: { [K in keyof AnnualMessages]: AnnualMessages[K] } = {
  title: (year: number) => `Annual report on government information disclosure, ${year}`,
  reportLabel: 'annual report',
  colon: ': ',
  publishedBy: (name: string) => `Published by: ${name}`,
  publishedAt: (date: string) => `Published: ${date}`,
  source: 'Original report',
  sample: 'Sample data',
  yearLabel: 'Year',
  yearOption: (year: number) => String(year),
  yearChanged: (year: number) => `Showing the ${year} report`,
  yearError: (year: number) => `year ${year}`,
  notReported: 'not reported',
  legend: 'An empty cell means the figure was not reported (which is not 0).',
  approx: 'about ',
  approxColumn: 'Approximate',
  note: 'Note',
  figure: 'Item',
  value: 'Value',
  unit: 'Unit',
  /** The CSV's other column headings (besides figure, value and unit). */
  csvHeadings: { clause: 'Clause', group: 'Group', result: 'Result' },
  unitNames: { __proto__: null, CNY: 'yuan', '10kCNY': '× 10,000 yuan' } as unknown as Record<string, string>,
  /** (English has one script: as unitNames.) */
  unitNamesHant: { __proto__: null, CNY: 'yuan', '10kCNY': '× 10,000 yuan' } as unknown as Record<string, string>,
  downloadCsv: 'Download CSV',
  downloadCsvOf: (caption: string) => `Download CSV (${caption})`,
  showTable: 'Show data table',
  hideTable: 'Hide data table',
  chartData: (title: string) => `${title} (data table)`,
  chartSummary: (title: string, items: string) => `${title}. ${items}`,
  sep: '; ',
  chartEmpty: 'no data to draw',
  chartsFailed: 'The charts could not be loaded; the tables show the data.',
  proactiveChart: 'Proactive disclosure',
  outcomesChart: 'Results this year (total)',
  outcomeLabels: {
    granted: '(1) Disclosed', partiallyGranted: '(2) Partly disclosed', withheld: '(3) Withheld',
    unable: '(4) Cannot be provided', notProcessed: '(5) Not processed', other: '(6) Other handling',
  } as Record<string, string>,
  trendTitle: 'Trends over the years',
  withUnit: (label: string, unit: string) => `${label} (${unit})`,
  trendFigure: 'Figure',
  trendChart: (label: string) => `${label} (by year)`,
  trendNote: (n: number) => `Comparing the ${n} figures that every year reports.`,
  trendMissing: (years: number[]) => `Years that could not be loaded are left out of the trend: ${years.join(', ')}.`,
  feesCollected: 'Information processing fees',
  otherFigures: 'Other statistics',
  ungrouped: 'Other',
  improvements: 'Improvements',
  legacySections: {
    overview: 'Overview',
    proactive: 'Proactive disclosure of government information',
    applications: 'Disclosure on application',
    fees: 'Fees',
    reviewLitigation: 'Administrative reconsideration and litigation',
    problems: 'Main problems and improvements',
    other: 'Other matters to report',
  } as Record<string, string>,
  reconTitle: 'Figures that do not add up',
  reconIntro: 'These figures break the table’s cross-checks; the data are shown as published:',
  reconColumn: (column: string, a: string, b: string) =>
    `Table III, column “${column}”: item I plus item II is ${a}, but item III (7) total plus item IV is ${b}.`,
  reconRow: (row: string, a: string, b: string) => `Table III, row “${row}”: the applicant columns add up to ${a}, but the total is ${b}.`,
  reconResults: (column: string, a: string, b: string) => `Table III, column “${column}”: the results add up to ${a}, but (7) total is ${b}.`,
  reconTable4: (group: string, a: string, b: string) => `Table IV, “${group}”: upheld, corrected, other and pending add up to ${a}, but the total is ${b}.`,
  /** The labels of the national templates, one a line, in the order of elements/annual-stats/layout.ts. */
  tpl: `I. Overview
II. Proactive disclosure of government information
III. Applications for disclosure of government information received and handled
IV. Administrative reconsideration and litigation concerning disclosure of government information
V. Main problems and improvements
VI. Other matters to report
(The figures in each column reconcile: item I plus item II equals item III plus item IV)
Applicants
Legal persons or other organisations
Natural persons
Commercial enterprises
Research institutions
Public-interest organisations
Legal service organisations
Other
Total
I. New applications received this year
II. Applications carried over from last year
III. Results this year
IV. Carried forward to next year
(1) Disclosed
(2) Partly disclosed (a separable case is counted here only, not under any other case)
(3) Withheld
State secret
Other laws or administrative regulations forbid disclosure
Endangers the “three securities and one stability” (national, public and economic security, social stability)
Protects the lawful rights of a third party
One of the three kinds of internal-affairs information
One of the four kinds of process information
Administrative enforcement case file
Administrative inquiry matter
(4) Cannot be provided
This agency does not hold the information
No existing information; it would have to be newly created
Application still unclear after correction
(5) Not processed
Petition, report or complaint
Repeated application
Asks for public publications
Large numbers of repeated applications without good reason
Asks the agency to confirm or re-issue information already obtained
(6) Other handling
Applicant failed to correct the application in time without good reason; the agency no longer processes it
Applicant failed to pay the fee in time as the fee notice required; the agency no longer processes it
Other
(7) Total
Administrative reconsideration
Administrative litigation
Sued directly without reconsideration
Sued after reconsideration
Upheld
Corrected
Other result
Pending
Total
Information
Article 20 (1)
Article 20 (5)
Article 20 (6)
Article 20 (8)
Article 20 (9)
Issued this year
Repealed this year
Currently in force
Decisions made this year
Fees collected this year (unit: 10,000 yuan)
Rules
Administrative normative documents
Administrative licensing
Administrative penalties
Administrative enforcement
Administrative and institutional fees
Newly made this year
Newly published this year
Total published
Items last year
Change this year
Decisions
Procurement items
Total procurement amount
Normative documents
Other external administrative services
Centralised government procurement`,
  /**
   * The trend's figure picker: shorter names for the labels of tpl that are too long for an option on a 320px screen
   * (a desktop at 400 %), one a line in tpl's order, a blank line where tpl's own is kept. Its options are read out by
   * their full names, and the chart's caption shows the full name of the figure picked.
   */
  pickLabels: `















I. New applications
II. Carried over

IV. Carried forward

(2) Partly disclosed


Forbidden by other laws
Security and stability
Third-party rights
Internal affairs
Process information
Enforcement case file
Inquiry matter

Not held by this agency
Needs creating
Unclear after correction

Petition or complaint

Public publications
Mass repetition
Confirm or re-issue

Not corrected in time
Fee not paid in time


Reconsideration

Sued directly
















Fees (10,000 yuan)

Normative documents



Administrative fees









Other services
Government procurement`,
};

export default en;
