// Shared fixtures and helpers for the <request-form> and <request-status> tests.

export const NATIONAL_DAY_2026 = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-20', '2026-10-10'],
};

const NP = { applicantType: 'naturalPerson' };

/** A small CN-OGI-2019 form: applicant (both types), information, attachments and declaration. */
export function formFeed(submit: Record<string, unknown> = { mode: 'print' }, status?: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    jurisdiction: 'CN-OGI-2019',
    agency: { name: '测试区人民政府办公室', office: { name: '测试区政务公开办', address: '测试路1号', postcode: '414000' } },
    intro: '请如实填写。',
    rules: { replyWorkingDays: 20, extensionWorkingDays: 20, calendar: NATIONAL_DAY_2026 },
    applicantTypes: [{ id: 'naturalPerson', label: '公民' }, { id: 'organisation', label: '法人或者其他组织' }],
    sections: [
      {
        id: 'applicant', title: '申请人信息', fields: [
          { name: 'name', type: 'text', label: '姓名', required: true, showWhen: NP, maxLength: 50 },
          { name: 'idNumber', type: 'text', label: '证件号码', required: true, validator: 'cn-resident-id', showWhen: NP, help: '18 位居民身份证号码' },
          { name: 'orgName', type: 'text', label: '单位名称', required: true, showWhen: { applicantType: 'organisation' } },
          { name: 'mobile', type: 'tel', label: '手机号码', required: true },
          { name: 'email', type: 'email', label: '电子邮箱' },
        ],
      },
      {
        id: 'info', title: '所需信息', fields: [
          { name: 'description', type: 'textarea', label: '内容描述', required: true, maxLength: 20 },
          { name: 'delivery', type: 'radio', label: '获取方式', options: [{ value: 'post', label: '邮寄' }, { value: 'email', label: '电子邮件' }] },
        ],
      },
      {
        id: 'attach', title: '附件与声明', fields: [
          { name: 'idProof', type: 'file', label: '身份证明', accept: '.pdf,.png', maxSizeMB: 1 },
          { name: 'declaration', type: 'checkbox', label: '我承诺所填信息真实', required: true },
        ],
      },
    ],
    submit,
    ...(status ? { status: { endpoint: status } } : {}),
  };
}

/**
 * formFeed in English, saying so (`lang: 'en'`), for a zh-CN UI on an English feed (WCAG 3.1.2, language of parts):
 * the same fields, names and rules, every text of the feed in English.
 */
export function englishFormFeed(submit: Record<string, unknown> = { mode: 'print' }, status?: string): Record<string, unknown> {
  return {
    ...formFeed(submit, status),
    lang: 'en',
    agency: {
      name: 'Test District Government Office',
      office: { name: 'Open Government Office', address: '1 Test Road', postcode: '414000', email: 'open@example.gov' },
    },
    intro: 'Please answer truthfully.',
    applicantTypes: [{ id: 'naturalPerson', label: 'Citizen' }, { id: 'organisation', label: 'Legal person or other organisation' }],
    sections: [
      {
        id: 'applicant', title: 'About you', fields: [
          { name: 'name', type: 'text', label: 'Name', required: true, showWhen: NP, maxLength: 50 },
          { name: 'idNumber', type: 'text', label: 'ID number', required: true, validator: 'cn-resident-id', showWhen: NP, help: 'Resident ID number, 18 characters' },
          { name: 'orgName', type: 'text', label: 'Organisation', required: true, showWhen: { applicantType: 'organisation' } },
          { name: 'mobile', type: 'tel', label: 'Mobile number', required: true },
          { name: 'email', type: 'email', label: 'Email' },
        ],
      },
      {
        id: 'info', title: 'The information you want', fields: [
          { name: 'description', type: 'textarea', label: 'Description', required: true, maxLength: 20 },
          { name: 'delivery', type: 'radio', label: 'How to receive it', options: [{ value: 'post', label: 'By post' }, { value: 'email', label: 'By email' }] },
          { name: 'carrier', type: 'checkbox', label: 'Form of the information', options: [{ value: 'paper', label: 'Paper' }, { value: 'file', label: 'Electronic file' }] },
        ],
      },
      {
        id: 'attach', title: 'Attachments and declaration', fields: [
          { name: 'idProof', type: 'file', label: 'Proof of identity', accept: '.pdf,.png', maxSizeMB: 1 },
          { name: 'declaration', type: 'checkbox', label: 'I declare that my answers are true', required: true },
        ],
      },
    ],
  };
}

/** An intake server's answer to a submission (the receipt), as the tests script it. */
export const RECEIPT = { requestId: 'r-1', queryCode: 'AB12-CD34', receivedAt: '2026-09-30T02:00:00Z', dueDate: '2026-11-03', status: 'received' };
export const STEP1 = { name: '张三', idNumber: '11010519491231002X', mobile: '13812345678' };
export const VALID = { ...STEP1, description: '2025年道路维修经费' };

export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;
export const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** Sets a field like a user would (input/change events, then leaves it). */
export async function fill(el: HTMLElement & { updateComplete: Promise<boolean> }, values: Record<string, string | boolean>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await el.updateComplete;
    const node = $(el, `#f-${name}`);
    if (!node) throw new Error(`no field ${name}`);
    if (node instanceof HTMLFieldSetElement) {
      const radio = [...node.querySelectorAll('input')].find((i) => i.value === value);
      radio!.click();
    } else if (node instanceof HTMLInputElement && node.type === 'checkbox') {
      if (node.checked !== value) node.click();
    } else if (node instanceof HTMLSelectElement) {
      node.value = String(value);
      node.dispatchEvent(new Event('change'));
    } else {
      (node as HTMLInputElement).value = String(value);
      node.dispatchEvent(new Event('input'));
    }
    node.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

export async function chooseFile(el: HTMLElement & { updateComplete: Promise<boolean> }, name: string, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, `#f-${name}`);
  const dt = new DataTransfer();
  files.forEach((f) => dt.items.add(f));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Clicks the primary (Next / submit) button of the current step. */
export async function next(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  $(el, 'form .btn.primary').click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

export const stepTitle = (el: Element) => $(el, '#step-h')?.textContent?.trim();

/**
 * Answers the sample form's steps validly from the applicant's details on (the applicant type chosen already), up to
 * its review; `files`, if given, are chosen for the ID proof on the last step.
 */
export async function answerToReview(el: HTMLElement & { updateComplete: Promise<boolean> }, files?: File[]): Promise<void> {
  await fill(el, { name: VALID.name, idNumber: VALID.idNumber, mobile: VALID.mobile });
  await next(el);
  await fill(el, { description: VALID.description, delivery: 'email' });
  await next(el);
  if (files) await chooseFile(el, 'idProof', files);
  await fill(el, { declaration: true });
  await next(el);
}

export async function focusedIn(el: Element, sel: string): Promise<Element> {
  return waitUntil(() => el.shadowRoot!.activeElement === $(el, sel) && $(el, sel), `focus on ${sel}`);
}

import { waitUntil } from './helpers.js';
export { waitUntil };
