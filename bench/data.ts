/**
 * Generated data for the benchmarks and the load run: FICTIONAL, made by cloning the demo's 30 case
 * files (every stage, realistic size) under new LAs, settings and case ids.
 */
import { demoCaseFiles } from '../bot/src/demo/demo-cases.ts';
import type { DirectoryUser } from '../bot/src/identity/user-directory.ts';
import type { CaseFile } from '../bot/src/review/case-file.ts';
import type { PlainDate } from '../bot/src/review/plain-date.ts';

/** The SENCo's school: 450 cases from 7 LAs (issue 10, P3). */
export const SENCO_URN = '700001';
export const SENCO_LAS = ['901', '902', '903', '904', '905', '906', '907'] as const;
export const SENCO_CASES = 450;
/** A county: 10,000 plans in one LA, across 200 settings. */
export const BIG_LA = '908';
export const BIG_LA_CASES = 10_000;

export const BENCH_SENCO: DirectoryUser = {
  id: 'bench-senco',
  name: 'Bench Senco',
  email: 'senco@bench-school.example',
  description: 'SENCo, a school with 450 plans from 7 LAs',
  identity: {
    tenantId: 'b0000000-0000-0000-0000-000000000001',
    objectId: 'b0000000-0000-0000-0000-000000000002',
  },
  // Each LA names her as the school's SENCo for its own cases (the directory: one role per LA).
  roles: SENCO_LAS.map((laCode) => ({ kind: 'senco' as const, settingUrn: SENCO_URN, laCode })),
};

export const BENCH_OFFICER: DirectoryUser = {
  id: 'bench-officer',
  name: 'Bench Officer',
  email: 'officer@bench-county.example',
  description: 'SEND officer of an LA with 10,000 plans',
  identity: {
    tenantId: 'b0000000-0000-0000-0000-000000000001',
    objectId: 'b0000000-0000-0000-0000-000000000003',
  },
  roles: [{ kind: 'la-officer', laCode: BIG_LA }],
};

export const BENCH_USERS: readonly DirectoryUser[] = [BENCH_SENCO, BENCH_OFFICER];

/** The demo file `n mod 30` as case `caseId` of `laCode` at `settingUrn`, for a fictional child `n`. */
export function cloneCase(
  templates: readonly CaseFile[],
  n: number,
  laCode: string,
  settingUrn: string,
): CaseFile {
  const template = templates[n % templates.length] as CaseFile;
  const caseId = `B${laCode}-${String(n).padStart(6, '0')}`;
  return {
    ...template,
    case: {
      ...template.case,
      laCode,
      caseId,
      settingUrn,
      child: { ...template.case.child, name: `Child ${n} Fictional` },
    },
    ...(template.review ? { review: { ...template.review, id: `R-${caseId}` } } : {}),
  };
}

/** The SENCo's 450 cases, spread over the 7 LAs. */
export function sencoCases(today: PlainDate): CaseFile[] {
  const templates = demoCaseFiles(today);
  return Array.from({ length: SENCO_CASES }, (_, n) =>
    cloneCase(templates, n, SENCO_LAS[n % SENCO_LAS.length] as string, SENCO_URN),
  );
}

/** `count` cases of `laCode` across 200 settings (URNs 800000-800199). */
export function laCases(today: PlainDate, laCode: string, count: number): CaseFile[] {
  const templates = demoCaseFiles(today);
  return Array.from({ length: count }, (_, n) =>
    cloneCase(templates, n, laCode, String(800_000 + (n % 200))),
  );
}
