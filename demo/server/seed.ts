/**
 * Sample applications for the demo portal, so that <request-status> (demo/pages/status.html) shows every state an
 * applicant can meet: answered, within the period, consulting a third party (period paused), correction requested,
 * extended, and overdue. `npm start` seeds them (INTAKE_SEED_DEMO=1) into a database that lacks them.
 *
 * Each goes through the real server, not around it: submitted as multipart with a small PDF as proof of identity, at
 * a past date on the server's clock, then moved on through the staff API at later dates. Due dates, the pause of
 * 条例 Art. 33, the restart of Art. 30 and the overdue flag are therefore computed exactly as for a real application.
 * Only the query codes are fixed (SAMPLE2345…), so that the demo page can list them.
 *
 * The people and the organisation are invented; the ID numbers are the published test vectors of GB 11643 and
 * GB 32100 (domain.md §4.3).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createIntakeServer } from './app.js';
import { IntakeStore } from './store.js';
import type { Outcome, RequestStatus } from '../../src/schema/request-form.js';

interface Step { daysAgo: number; status: RequestStatus; outcome?: Outcome; note?: string }

export interface DemoSample {
  queryCode: string;
  /** The name to type with the code. */
  name: string;
  /** What the sample shows, for the demo page (in the language of its page). */
  shows: string;
  applicantType: 'naturalPerson' | 'organisation';
  receivedDaysAgo: number;
  description: string;
  steps: Step[];
  /** The answers, for another form than the Chinese one (then no proof of identity is attached: US_FOIA_SAMPLES). */
  fields?: Record<string, string>;
}

export const DEMO_SAMPLES: readonly DemoSample[] = [
  {
    queryCode: 'SAMPLE2345', name: '张三', shows: '已答复（予以公开）', applicantType: 'naturalPerson', receivedDaysAgo: 60,
    description: '请公开2026年君山区农村公路提质改造项目的招标公告和中标结果。',
    steps: [{ daysAgo: 40, status: 'answered', outcome: 'granted', note: '已通过电子邮件提供招标公告和中标结果公示。' }],
  },
  {
    queryCode: 'SAMPLE2346', name: '李四', shows: '办理中，在答复期限内', applicantType: 'naturalPerson', receivedDaysAgo: 3,
    description: '请公开本区2026年城乡居民医疗保险财政补助资金的使用情况。',
    steps: [],
  },
  {
    queryCode: 'SAMPLE2347', name: '王五', shows: '征求第三方意见中（答复期限暂停计算）', applicantType: 'naturalPerson', receivedDaysAgo: 15,
    description: '请公开君山工业园某企业的环境影响评价报告书全本。',
    steps: [{ daysAgo: 9, status: 'consultingThirdParty', note: '涉及第三方合法权益，已书面征求第三方意见。' }],
  },
  {
    queryCode: 'SAMPLE2348', name: '君山示范农业有限公司', shows: '需补正申请内容', applicantType: 'organisation', receivedDaysAgo: 6,
    description: '请公开有关补贴的文件。',
    steps: [{ daysAgo: 4, status: 'correctionRequested', note: '申请内容不明确，请写明补贴名称和年度。' }],
  },
  {
    queryCode: 'SAMPLE2349', name: '赵六', shows: '已延长答复期限', applicantType: 'naturalPerson', receivedDaysAgo: 30,
    description: '请公开2025年度君山区各乡镇防汛物资储备清单。',
    steps: [{ daysAgo: 8, status: 'extended', note: '所需信息涉及多个乡镇，经负责人同意延长答复期限。' }],
  },
  {
    queryCode: 'SAMPLE234A', name: '钱七', shows: '已超过答复期限', applicantType: 'naturalPerson', receivedDaysAgo: 45,
    description: '请公开君山区2025年政府信息公开工作年度报告所列依申请公开的办理明细。',
    steps: [],
  },
];

/**
 * The demo's US FOIA office (demo/pages/foia.html, feed request-form-us-foia.json; `INTAKE_SEED_DEMO=us-foia`): a request
 * answered in part, one within the 20 working days, one extended for unusual circumstances. Codes of the server's
 * alphabet (no I or O), so not FOIA…; the people are invented.
 */
export const US_FOIA_SAMPLES: readonly DemoSample[] = [
  ['USAMPLE234', 'Jane Roe', 'Answered: records released in part', 50, 'Contracts and invoices for the renovation of the agency headquarters, 2024 to 2025.',
    [{ daysAgo: 20, status: 'answered', outcome: 'partiallyGranted', note: 'Released 212 pages; bank account numbers withheld.' } as Step]],
  ['USAMPLE235', 'John Doe', 'Being processed, within 20 working days', 4, 'Emails between the regional office and the city about the 2026 flood map revision.', []],
  ['USAMPLE236', 'Ann Smith', 'Extended (unusual circumstances)', 24, 'All inspection reports of the agency’s field offices since 2020.',
    [{ daysAgo: 3, status: 'extended', note: 'The records are held at three field offices.' } as Step]],
].map(([queryCode, name, shows, receivedDaysAgo, description, steps]) => ({
  queryCode, name, shows, applicantType: 'naturalPerson', receivedDaysAgo, description, steps,
  fields: { name, email: 'requester@example.com', address: '1 Main Street, Springfield, VA', postcode: '22150', description, carrier: 'electronic', feeCategory: 'other', declaration: 'true' },
}) as DemoSample);

/** A PDF as small as the server's magic-number check accepts. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% sample proof of identity (demo)\n'), Buffer.from('\n%%EOF\n')]);

function answers(s: DemoSample): Record<string, string | string[]> {
  const common = { mobile: '13800138000', address: '湖南省岳阳市君山区示例路1号', description: s.description, delivery: 'email', email: 'sample@example.cn' };
  const person = { name: s.name, idType: 'residentId', idNumber: '11010519491231002X' };
  const org = { orgName: s.name, uscc: '91110000600037341L', legalRepresentative: '孙八', contactName: '周九' };
  return { ...(s.applicantType === 'organisation' ? org : person), ...common, carrier: ['electronic'], declaration: 'true' };
}

export interface SeedOptions {
  dbPath: string;
  uploadDir: string;
  formFeedPath: string;
  /** "Today" for the samples (default: now). */
  today?: Date;
  /** Which (default: DEMO_SAMPLES, for the Chinese form). */
  samples?: readonly DemoSample[];
  log?: (line: string) => void;
}

/**
 * Adds the samples the database does not have yet (by query code), and dates again those seeded on an earlier day (a
 * demo started last month would show its "within the period" sample as overdue). Resolves to the number (re)added.
 * Throws when the server refuses a sample (e.g. the form feed no longer accepts it), naming the sample.
 */
export async function seedDemo(options: SeedOptions): Promise<number> {
  const today = options.today ?? new Date();
  // 10:00 in Beijing, `daysAgo` calendar days before today.
  const day = (daysAgo: number): Date => {
    const d = new Date(today.getTime() - daysAgo * 86_400_000);
    d.setUTCHours(2, 0, 0, 0);
    return d;
  };
  const check = new IntakeStore(options.dbPath);
  const missing = (options.samples ?? DEMO_SAMPLES).filter((s) => {
    const row = check.byQueryCode(s.queryCode);
    if (!row) return true;
    if (row.received_at.slice(0, 10) === day(s.receivedDaysAgo).toISOString().slice(0, 10)) return false;
    for (const f of check.remove(row.id)) rmSync(join(options.uploadDir, f), { force: true });
    return true;
  });
  check.close();
  if (!missing.length) return 0;

  let clock = day(0);
  let code = '';
  const token = randomBytes(24).toString('hex');
  const intake = createIntakeServer({
    dbPath: options.dbPath,
    uploadDir: options.uploadDir,
    formFeedPath: options.formFeedPath,
    // The samples' status changes are recorded as made by `demo-seed` (history `by`), not by a person.
    staffTokens: { 'demo-seed': token },
    allowedOrigins: [],
    rateLimit: { submitPerMinute: 1000, statusPerMinute: 1000, staffPerMinute: 1000 },
    log: () => {},
    now: () => clock,
    queryCode: () => code,
  });
  await new Promise<void>((resolve) => intake.server.listen(0, '127.0.0.1', resolve));
  const address = intake.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    for (const s of missing) {
      clock = day(s.receivedDaysAgo);
      code = s.queryCode;
      const body = new FormData();
      body.append('applicantType', s.applicantType);
      for (const [name, value] of Object.entries(s.fields ?? answers(s))) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      }
      if (!s.fields) body.append('idProof', new Blob([PDF], { type: 'application/pdf' }), 'sample-id.pdf');
      const res = await fetch(`${base}/api/requests`, { method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body });
      if (res.status !== 201) throw new Error(`demo sample ${s.queryCode} was refused: ${res.status} ${await res.text()}`);
      const { requestId } = (await res.json()) as { requestId: string };
      for (const step of s.steps) {
        clock = day(step.daysAgo);
        const change = await fetch(`${base}/api/staff/requests/${requestId}/status`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: step.status, outcome: step.outcome, note: step.note }),
        });
        if (!change.ok) throw new Error(`demo sample ${s.queryCode}: ${step.status} was refused: ${change.status} ${await change.text()}`);
      }
    }
  } finally {
    await intake.close();
  }
  options.log?.(`demo: ${missing.length} sample applications added or dated again (query codes ${missing.map((s) => s.queryCode).join(', ')})`);
  return missing.length;
}
