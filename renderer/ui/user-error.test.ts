import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../test/fixtures/translator';
import { HostError } from '../../shared/contract';
import { PhotoIntakeError } from '../../shared/photos/intake-errors';
import { receiveHlc, zeroHlc } from '../../shared/sync/hlc';
import { InvalidDraftError } from '../../shared/checklists/template-edit';
import {
  ImportConflictError,
  InvalidRecordError,
  IssueStepRefusedError,
  NoticeDeadlineError,
  NoticeRefusedError,
  RecordGoneError,
  NotFinalizedError,
  NothingToAmendError,
  SignatureMissingError,
  TemplateVersionConflictError,
  VisitLockedError,
} from '../db';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { describeError, describeFailure, technicalDetail } from './user-error';

let zh: TFunction;
let enT: TFunction;
beforeAll(async () => {
  [zh, enT] = await Promise.all([translator('zh-CN'), translator('en')]);
});

/** Dexie's shape for a full disk (test/unit/user-error-dexie.test.ts checks it against Dexie's own). */
const quota = () =>
  Object.assign(new Error('Transaction aborted\n QuotaExceededError: The quota has been exceeded.'), {
    name: 'AbortError',
    inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  });

interface Case {
  name: string;
  error: () => unknown;
  zh: string;
  en: string;
  /** The technical words the details line keeps. */
  details: string;
}

const CASES: Case[] = [
  {
    name: 'a full disk, wrapped by Dexie in an aborted transaction',
    error: quota,
    zh: '磁盘空间不足，请清理磁盘空间后重试',
    en: 'the disk is full; free some space and try again',
    details: 'QuotaExceededError: The quota has been exceeded.',
  },
  {
    name: 'a record breaking its schema',
    error: () => new InvalidRecordError('visits', 'v1', 'date: Invalid date'),
    zh: '有内容缺失或格式不正确，请检查后重试',
    en: 'some of the data is missing or not in the right form; check it and try again',
    details: 'InvalidRecordError: visits v1: date: Invalid date',
  },
  {
    name: 'a template draft that cannot be saved',
    error: () => new InvalidDraftError([{ path: ['name'], problem: 'required' }]),
    zh: '有内容缺失或格式不正确，请检查后重试',
    en: 'some of the data is missing or not in the right form; check it and try again',
    details: 'InvalidDraftError: the template cannot be saved: name required',
  },
  {
    name: 'a finalized visit',
    error: () => new VisitLockedError('this visit is finalized and cannot be edited'),
    zh: '该督查记录已定稿，只能通过“更正记录”修改',
    en: 'this visit is finalized; only an amendment can change it',
    details: 'VisitLockedError: this visit is finalized and cannot be edited',
  },
  {
    name: 'an amendment that changes nothing',
    error: () => new NothingToAmendError('no field differs'),
    zh: '没有改动任何内容',
    en: 'Nothing was changed',
    details: 'NothingToAmendError: no field differs',
  },
  {
    name: 'an amendment of a draft',
    error: () => new NotFinalizedError('visit v1 is a draft'),
    zh: '该督查记录尚未定稿，可以直接修改，无需更正',
    en: 'this visit is not finalized yet, so it is edited directly, without an amendment',
    details: 'NotFinalizedError: visit v1 is a draft',
  },
  {
    name: 'finalizing before the inspector signed',
    error: () => new SignatureMissingError('the inspector has not signed this visit'),
    zh: '督查人员签字后才能定稿',
    en: 'The inspector must sign before the visit can be finalized',
    details: 'SignatureMissingError: the inspector has not signed this visit',
  },
  {
    name: 'a template version saved elsewhere',
    error: () => new TemplateVersionConflictError('k1', 3),
    zh: '此模板已在别处（另一个窗口或同步）保存为第 3 版',
    en: 'this template was saved elsewhere (another window or a sync) as version 3 meanwhile',
    details: 'TemplateVersionConflictError: checklist template k1 is at version 3 already',
  },
  {
    name: 'a step the lifecycle refuses',
    error: () => new IssueStepRefusedError('noteRequired'),
    zh: '请填写理由',
    en: 'Give the reason',
    details: 'IssueStepRefusedError: step refused: noteRequired',
  },
  {
    name: 'a notice none of whose issues can be issued',
    error: () =>
      new NoticeRefusedError(
        new Map([
          ['a', 'notAllowed'],
          ['b', 'notAllowed'],
          ['c', 'missing'],
        ]),
      ),
    zh: '当前状态下不能进行这一步、问题已不存在',
    en: 'This step is not possible in the issue’s current status; The issue no longer exists',
    details: 'NoticeRefusedError: no issue could be issued: notAllowed, notAllowed, missing',
  },
  {
    name: 'a notice ordering a deadline already past',
    error: () => new NoticeDeadlineError('deadlinePast', ['污水管网未接通', '扬尘'], '2026-11-11'),
    zh: '整改时限 2026-11-11 已过（污水管网未接通、扬尘），请先修改整改时限再下发',
    en: 'the deadline 2026-11-11 has already passed (污水管网未接通; 扬尘); change the deadline before issuing',
    details: 'NoticeDeadlineError: notice deadline refused (deadlinePast): 2026-11-11',
  },
  {
    name: 'a record deleted meanwhile',
    error: () => new RecordGoneError('issues x does not exist'),
    zh: '该记录已不存在（可能已在其他电脑上删除），请刷新后再试',
    en: 'the record no longer exists (it may have been deleted on another laptop); reload and try again',
    details: 'RecordGoneError: issues x does not exist',
  },
  {
    name: 'an Excel import repeating projects',
    error: () => new ImportConflictError(['p1', 'p2']),
    zh: '部分项目已在台账中，或在文件中重复出现',
    en: 'some of the projects are in the ledger already, or appear twice in the file',
    details: 'ImportConflictError: import would overwrite existing or repeated project ids: p1, p2',
  },
  {
    name: 'a clock more than a day ahead',
    error: () => {
      try {
        receiveHlc(zeroHlc('0'.repeat(16)), { wall: 3 * 86_400_000, counter: 0, node: 'f'.repeat(16) }, 0);
      } catch (error) {
        return error;
      }
      throw new Error('receiveHlc accepted a clock two days ahead');
    },
    zh: '另一台电脑的时间比本机时钟快一天以上，请检查两台电脑的日期和时间',
    en: 'another computer’s time is more than a day ahead of this computer’s clock; check the date and time on both',
    details: `ClockError: a clock from device ${'f'.repeat(16)} is more than a day ahead of this laptop`,
  },
  {
    name: 'the host failing a call',
    error: () => new HostError('failed', 'printToPDF: the page did not load'),
    zh: '督查本机服务未能完成此操作',
    en: 'Ducha’s local service could not do it',
    details: 'HostError: printToPDF: the page did not load',
  },
  {
    name: 'the host refusing the page',
    error: () => new HostError('forbidden', 'this page was opened without the launch token'),
    zh: '督查本机服务拒绝了此页面，请重新启动督查',
    en: 'Ducha’s local service refused this page; restart Ducha',
    details: 'HostError: this page was opened without the launch token',
  },
  {
    name: 'a page and host that do not match',
    error: () => new HostError('unknownChannel', 'no channel printPdf2'),
    zh: '此窗口与督查本机服务互不识别（可能版本不一致），请重新启动督查',
    en: 'this window and Ducha’s local service do not understand each other (different versions?); restart Ducha',
    details: 'HostError: no channel printPdf2',
  },
  {
    name: 'the browser host out of reach',
    error: () => new TypeError('Failed to fetch'),
    zh: '与督查本机服务的连接失败',
    en: 'the connection to Ducha’s local service failed',
    details: 'TypeError: Failed to fetch',
  },
  {
    name: 'a part of the page that did not load',
    error: () => new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/x.js'),
    zh: '督查的部分程序未能加载，请重新加载窗口',
    en: 'part of Ducha could not be loaded; reload the window',
    details: 'TypeError: Failed to fetch dynamically imported module: http://127.0.0.1/assets/x.js',
  },
  {
    name: 'a photo the intake refused, in its own words',
    error: () => new PhotoIntakeError('empty', 'IMG_0042.JPG'),
    zh: '“IMG_0042.JPG”是空文件（0 字节），没有照片内容。请从相机或手机重新复制这张照片',
    en: '“IMG_0042.JPG” is empty (0 bytes) and holds no photo. Copy it again from the camera or phone',
    details: 'PhotoIntakeError: IMG_0042.JPG: empty',
  },
  {
    name: 'a host fault answer',
    error: () => ({ status: 'failed', fault: 'readOnly', detail: 'EROFS: read-only file system' }),
    zh: '目标只读，无法写入。请关闭U盘上的写保护开关，或换一个U盘',
    en: "The target is read-only. Turn off the stick's write-protect switch, or use another stick",
    details: 'readOnly: EROFS: read-only file system',
  },
  {
    name: 'a camera the user did not allow',
    error: () => new DOMException('Permission denied', 'NotAllowedError'),
    zh: '没有获得许可（被您或系统拒绝）',
    en: 'permission was refused (by you or by the system)',
    details: 'NotAllowedError: Permission denied',
  },
  {
    name: 'an interrupted operation',
    error: () => new DOMException('The operation was aborted.', 'AbortError'),
    zh: '操作被中断，没有完成',
    en: 'the operation was interrupted before it finished',
    details: 'AbortError: The operation was aborted.',
  },
];

describe('describeError', () => {
  it.each(CASES)('says $name in both languages, keeping the technical words', (c) => {
    const zhText = describeError(c.error(), zh);
    const enText = describeError(c.error(), enT);
    expect(zhText.message).toBe(c.zh);
    expect(enText.message).toBe(c.en);
    expect(zhText.details).toContain(c.details);
    expect(enText.details).toBe(zhText.details);
  });

  it('keeps the inner chain in the details, outermost first, on one line', () => {
    expect(describeError(quota(), enT).details).toMatch(
      /^AbortError: Transaction aborted .*← QuotaExceededError: The quota has been exceeded\.$/,
    );
    expect(describeError(quota(), enT).details).not.toContain('\n');
  });

  it('says an unknown error plainly and keeps its words for the details', () => {
    const error = new RangeError('Invalid time value');
    expect(describeError(error, zh)).toEqual({
      message: '出现了意外错误',
      details: 'RangeError: Invalid time value',
    });
    expect(describeError(error, enT)).toEqual({
      message: 'something unexpected went wrong',
      details: 'RangeError: Invalid time value',
    });
  });

  it('copes with things thrown that are not errors', () => {
    expect(describeError('kaput', enT)).toEqual({
      message: 'something unexpected went wrong',
      details: 'kaput',
    });
    expect(describeError(null, enT)).toEqual({ message: 'something unexpected went wrong', details: '' });
    expect(describeError({ code: 7 }, enT).details).toBe('{"code":7}');
    const refusal = Object.assign(new Error('step refused: newKind'), {
      name: 'IssueStepRefusedError',
      refusal: 'newKind',
    });
    expect(describeError(refusal, enT).message).toBe('something unexpected went wrong');
  });
});

describe('describeFailure', () => {
  it('fills the sentence of the place it happened, unknown errors included', () => {
    const boom = new Error('boom');
    expect(describeFailure(boom, zh, 'projects.saveFailed')).toEqual({
      message: '未能保存：出现了意外错误。已录入的内容仍在表单中。',
      details: 'Error: boom',
    });
    expect(describeFailure(boom, enT, 'projects.saveFailed')).toEqual({
      message: 'Not saved: something unexpected went wrong. What you entered is still in the form.',
      details: 'Error: boom',
    });
    expect(describeFailure(quota(), enT, 'visits.saveFailed').message).toBe(
      'Not saved: the disk is full; free some space and try again.',
    );
  });
});

describe('technicalDetail', () => {
  it('is the name and message, as logs had them', () => {
    expect(technicalDetail(new TypeError('boom'))).toBe('TypeError: boom');
  });
});

describe('the message catalogues', () => {
  it('have the same error kinds in both languages', () => {
    expect(Object.keys(en.errors.kinds).sort()).toEqual(Object.keys(zhCN.errors.kinds).sort());
    expect(Object.keys(en.errors.when).sort()).toEqual(Object.keys(zhCN.errors.when).sort());
  });
});
