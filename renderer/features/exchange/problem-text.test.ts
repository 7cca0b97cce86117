// Every way a hand-over can fail has a message in both languages that names what it is about and
// says what to do: each bundle problem (each rule of a malformed manifest), each line problem of the
// operations file, each host fault and each kind of read problem. No raw zod or parser words, no
// English sentence in a Chinese message, and nothing from a stick can fake the message's layout.
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../test/fixtures/translator';
import { OPERATIONS_PATH } from '../../../shared/bundle/manifest';
import { OPERATIONS_PROBLEMS, type OperationsProblem } from '../../../shared/bundle/operations-ndjson';
import {
  BUNDLE_PROBLEM_CODES,
  MANIFEST_RULES,
  type BundleProblem,
  type BundleProblemCode,
  type NotARegularFile,
} from '../../../shared/bundle/verify';
import { EXCHANGE_FAULTS, type ExchangeFault } from '../../../shared/contract';
import type { UserError } from '../../ui/user-error';
import type { ReadProblem } from './import/read-bundle';
import {
  bundleProblemMessage,
  faultMessage,
  operationsProblemMessage,
  readProblemMessage,
} from './problem-text';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  [zh, en] = await Promise.all([translator('zh-CN'), translator('en')]);
});

const PATH = 'photos/思茅项目/2026-12-07/IMG_0001.jpg';
const ZOD_WORDS = /Invalid (option|input)|expected|Required|Unrecognized key|too_big|invalid_type/i;
/** Three Latin words in a row: a sentence, not a name such as `source.publicKey` or "FAT32". */
const LATIN_SENTENCE = /[A-Za-z]{2,}(?:[\s,;:]+[A-Za-z]{2,}){2,}/;
const WHAT_TO_DO =
  /\b(Ask|Check|Copy|Delete|Update|update|Try|Export|Choose|choose|Plug|Turn|Free|use|Use|Compare|give)\b/;
const NODE = 'a1b2c3d4e5f60718';
const CLOCK = '001783152000000-000001-a1b2c3d4e5f60718';

/** One problem of each code, with what its message must name ('' when it names nothing variable). */
function sampleBundleProblem(code: BundleProblemCode): { problem: BundleProblem; names: string[] } {
  switch (code) {
    case 'tooLarge':
      return { problem: { code, what: 'files', limit: 1024 ** 3, actual: 2 * 1024 ** 3 }, names: ['2.0 GB'] };
    case 'notJson':
      return {
        problem: { code, detail: 'Unexpected token } in JSON at position 12' },
        names: ['manifest.json'],
      };
    case 'repeatedKey':
      return { problem: { code, field: 'source', key: 'publicKey' }, names: ['source', 'publicKey'] };
    case 'notABundle':
    case 'unsigned':
    case 'badSignature':
      return { problem: { code }, names: [] };
    case 'futureVersion':
      return { problem: { code, version: 7 }, names: ['7'] };
    case 'malformedManifest':
      return {
        problem: {
          code,
          field: 'files.3.sha256',
          rule: 'badFormat',
          detail: 'files.3.sha256: Invalid input: expected string',
        },
        names: ['files.3.sha256', '4'],
      };
    case 'unsafePath':
      return {
        problem: { code, path: '../evil.txt', reason: 'climbs out of the folder' },
        names: ['../evil.txt'],
      };
    case 'link':
      return { problem: { code, path: 'bundle/pipe', kind: 'fifo' }, names: ['bundle/pipe', 'FIFO'] };
    case 'missingFile':
    case 'hashMismatch':
    case 'duplicatePath':
      return { problem: { code, path: PATH }, names: [PATH] };
    case 'operationsMissing':
      return { problem: { code, path: OPERATIONS_PATH }, names: [OPERATIONS_PATH] };
    case 'sizeMismatch':
      return {
        problem: { code, path: PATH, expected: 2048, actual: 1024 },
        names: [PATH, '2.0 KB', '1.0 KB'],
      };
    case 'clockAhead':
      return { problem: { code, clock: CLOCK, aheadMs: 30 * 3_600_000 }, names: ['30'] };
    case 'incrementalGap':
      return {
        problem: {
          code,
          recipient: { node: 'b1b2c3d4e5f60718', name: '督查二组-笔记本1' },
          forThisLaptop: false,
          node: NODE,
          needed: CLOCK,
          held: null,
        },
        names: ['督查二组-笔记本1'],
      };
  }
}

/** The checks every message passes, in both languages. */
function expectActionable(zhMessage: UserError, enMessage: UserError, names: readonly string[]) {
  for (const message of [zhMessage.message, enMessage.message]) {
    expect(message).not.toMatch(/exchange\.|\{\{|undefined|\[object/);
    expect(message).not.toMatch(ZOD_WORDS);
    for (const name of names) expect(message).toContain(name);
  }
  expect(zhMessage.message).not.toBe(enMessage.message);
  // What to do: a request in Chinese, an imperative in English.
  expect(zhMessage.message).toContain('请');
  expect(enMessage.message).toMatch(WHAT_TO_DO);
  expect(zhMessage.message).toMatch(/[\u4e00-\u9fff]/);
  expect(zhMessage.message).not.toMatch(LATIN_SENTENCE);
  expect(enMessage.message).toMatch(LATIN_SENTENCE);
}

describe('bundle problems', () => {
  it.each(BUNDLE_PROBLEM_CODES)('%s has a message in both languages naming what it is about', (code) => {
    const { problem, names } = sampleBundleProblem(code);
    expectActionable(bundleProblemMessage(problem, zh), bundleProblemMessage(problem, en), names);
  });

  it.each(MANIFEST_RULES)('a malformed manifest (%s) names the field in words and as written', (rule) => {
    const problem: BundleProblem = {
      code: 'malformedManifest',
      field: 'source.publicKey',
      rule,
      detail: 'source.publicKey: Invalid input: expected string, received number',
    };
    const inZh = bundleProblemMessage(problem, zh);
    const inEn = bundleProblemMessage(problem, en);
    expectActionable(inZh, inEn, ['source.publicKey']);
    expect(inZh.message).toContain('来源电脑的公钥');
    expect(inEn.message).toContain("the source laptop's public key");
    // The reader's English stays available for support, apart from the message.
    expect(inZh.details).toBe('source.publicKey: Invalid input: expected string, received number');
  });

  it('each rule has its own message', () => {
    const messages = MANIFEST_RULES.map(
      (rule) =>
        bundleProblemMessage({ code: 'malformedManifest', field: 'kind', rule, detail: '' }, zh).message,
    );
    expect(new Set(messages).size).toBe(MANIFEST_RULES.length);
  });

  it('names a field of a manifest the format does not have as written, and the whole as such', () => {
    const unknown = bundleProblemMessage(
      { code: 'malformedManifest', field: 'extra', rule: 'unknownField', detail: '' },
      zh,
    );
    expect(unknown.message).toBe(
      '数据包清单中有格式未定义的字段 extra。数据包可能由更新版本的督查导出：请先升级本机的督查，或让对方重新导出。',
    );
    const whole = bundleProblemMessage(
      { code: 'malformedManifest', field: '', rule: 'tooDeep', detail: '' },
      en,
    );
    expect(whole.message).toContain('the whole structure');
  });

  it.each<[NotARegularFile, string, string]>([
    ['link', '符号链接', 'a symbolic link'],
    ['fifo', '命名管道（FIFO）', 'a named pipe (FIFO)'],
    ['socket', '套接字（socket）', 'a socket'],
    ['device', '设备文件', 'a device file'],
    ['special', '特殊文件', 'a special file'],
  ])('names a %s for what it is', (kind, inZh, inEn) => {
    const problem: BundleProblem = { code: 'link', path: 'bundle/x', kind };
    expect(bundleProblemMessage(problem, zh).message).toContain(`bundle/x 是${inZh}，不是普通文件`);
    expect(bundleProblemMessage(problem, en).message).toContain(
      `bundle/x in the bundle's folder is ${inEn},`,
    );
  });

  describe('an incremental bundle this laptop does not cover', () => {
    const gap = (forThisLaptop: boolean): BundleProblem => ({
      code: 'incrementalGap',
      recipient: { node: 'b1b2c3d4e5f60718', name: '督查二组-笔记本1' },
      forThisLaptop,
      node: NODE,
      needed: CLOCK,
      held: null,
    });

    it('made for another laptop: names it and the sender to ask for a full bundle', () => {
      const source = { source: '督查一组-笔记本2' };
      expect(bundleProblemMessage(gap(false), zh, source).message).toBe(
        '这个增量数据包是为“督查二组-笔记本1”制作的，不是给本机的。请让“督查一组-笔记本2”为本机导出全部数据。',
      );
      expect(bundleProblemMessage(gap(false), en, source).message).toBe(
        'This bundle was made for "督查二组-笔记本1", not for this laptop. Ask "督查一组-笔记本2" for a full bundle.',
      );
    });

    it('made for this laptop, which holds less than the sender thought: a restored backup', () => {
      const inEn = bundleProblemMessage(gap(true), en, { source: 'Laptop A' });
      expect(inEn.message).toBe(
        'This bundle was made for this laptop, but this laptop holds less than the sender thought (it may have been restored from a backup). Ask "Laptop A" for a full bundle.',
      );
      expect(inEn.details).toContain(NODE);
      expect(bundleProblemMessage(gap(true), zh).message).toContain('本机可能从备份恢复过');
      expect(bundleProblemMessage(gap(true), zh).message).toContain('请让导出此数据包的电脑导出全部数据');
    });
  });

  it('says by how much a clock is ahead, and at what time on the team’s clock', () => {
    const message = bundleProblemMessage({ code: 'clockAhead', clock: CLOCK, aheadMs: 50 * 3_600_000 }, zh);
    // 1783152000000 ms is 2026-07-04 08:00 UTC, 16:00 in China Standard Time (the default zone).
    expect(message.message).toBe(
      '数据包中的时间 2026-07-04 16:00 比本机时钟快约 50 小时。请检查两台电脑的日期、时间和时区是否正确，改正后重新导出。',
    );
  });
});

describe('lines of the operations file', () => {
  it.each(OPERATIONS_PROBLEMS)('%s names the file and the line in both languages', (problem) => {
    // Line 0: the file as a whole (not UTF-8).
    const line = problem === 'notUtf8' ? 0 : 17;
    const names = line === 0 ? [OPERATIONS_PATH] : [OPERATIONS_PATH, '17'];
    const sample: {
      line: number;
      problem: OperationsProblem;
      detail: string;
      table?: string;
      field?: string;
    } = {
      line,
      problem,
      detail: 'value: Invalid input: expected boolean, received string',
    };
    if (problem === 'unknownField' || problem === 'invalidValue') {
      Object.assign(sample, { table: 'issues', field: '_deleted' });
      names.push('issues', '_deleted');
    }
    const inZh = operationsProblemMessage(sample, zh);
    expectActionable(inZh, operationsProblemMessage(sample, en), names);
    expect(inZh.details).toBe(
      `line ${String(line)}: value: Invalid input: expected boolean, received string`,
    );
  });

  it('names the key a line repeats, when the reader names it', () => {
    const repeated = { line: 3, problem: 'repeatedKey' as const, detail: 'a repeated key', key: 'value' };
    expect(operationsProblemMessage(repeated, zh).message).toContain('第 3 行中字段 value 出现了两次');
    expect(operationsProblemMessage(repeated, en).message).toContain('names the field value twice');
  });
});

describe('host faults', () => {
  it.each(EXCHANGE_FAULTS)(
    '%s has a clause in both languages, the host’s words kept for support',
    (fault) => {
      const failure = {
        status: 'failed' as const,
        fault: fault satisfies ExchangeFault,
        detail: 'EIO: i/o error',
      };
      const inZh = faultMessage(failure, zh);
      expectActionable(inZh, faultMessage(failure, en), []);
      expect(inZh.details).toBe('EIO: i/o error');
    },
  );

  it('names what a full stick lacks', () => {
    const failure = {
      status: 'failed' as const,
      fault: 'noSpace' as const,
      detail: 'ENOSPC',
      needBytes: 3 * 1024 ** 2,
      freeBytes: 512 * 1024,
    };
    expect(faultMessage(failure, zh).message).toBe(
      '空间不足：需要 3.0 MB，可用 512.0 KB。请腾出空间或换一个更大的U盘',
    );
  });
});

describe('read problems', () => {
  const samples: { [K in ReadProblem['kind']]: Extract<ReadProblem, { kind: K }> } = {
    bundle: { kind: 'bundle', problem: { code: 'hashMismatch', path: PATH } },
    host: { kind: 'host', failure: { status: 'failed', fault: 'removed', detail: 'EIO' } },
    keyChanged: { kind: 'keyChanged', device: '督查一组-笔记本2' },
    operations: { kind: 'operations', line: 4, problem: 'outOfOrder', detail: 'not after the previous line' },
  };
  it.each(Object.values(samples))('$kind has a message in both languages', (problem) => {
    expectActionable(readProblemMessage(problem, zh), readProblemMessage(problem, en), []);
  });

  it('an incremental gap names the sender the reading found in the manifest', () => {
    const gap: ReadProblem = {
      kind: 'bundle',
      source: '督查一组-笔记本2',
      problem: {
        code: 'incrementalGap',
        recipient: { node: 'b1b2c3d4e5f60718', name: '督查二组-笔记本1' },
        forThisLaptop: false,
        node: NODE,
        needed: CLOCK,
        held: null,
      },
    };
    expect(readProblemMessage(gap, en).message).toContain('Ask "督查一组-笔记本2" for a full bundle.');
  });

  it('a changed key says to compare the fingerprint', () => {
    expect(readProblemMessage(samples.keyChanged, zh).message).toContain('核对其电脑上显示的密钥指纹');
    expect(readProblemMessage(samples.keyChanged, en).message).toContain('Compare the key fingerprint');
  });
});

describe('names from a stick', () => {
  const path = 'photos/a\u0007b\u202Etxt.exe\nline2\u2066\u0085x\u007f';

  it('shows control characters and bidi overrides escaped, in the message and the details', () => {
    const problem: BundleProblem = { code: 'unsafePath', path, reason: `bad name ${path}` };
    for (const t of [() => zh, () => en]) {
      const { message, details } = bundleProblemMessage(problem, t());
      expect(message).toContain('photos/a\\u0007b\\u202etxt.exe\\u000aline2\\u2066\\u0085x\\u007f');
      expect(details).toContain('\\u202e');
      // eslint-disable-next-line no-control-regex -- the point: none of them reaches the screen raw
      expect(message + details).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('shortens a long name in the middle, keeping its start and its extension', () => {
    const long = `photos/${'很长的项目名称'.repeat(60)}/IMG_0001.jpg`;
    const { message } = bundleProblemMessage({ code: 'missingFile', path: long }, zh);
    expect(message).toContain('photos/很长的项目名称');
    expect(message).toContain('…');
    expect(message).toContain('/IMG_0001.jpg');
    expect(message.length).toBeLessThan(long.length);
  });

  it('shows a name that looks like a message placeholder or a nested key as it is', () => {
    const sneaky = '{{path}}$t(exchange.title)';
    const { message } = bundleProblemMessage({ code: 'missingFile', path: sneaky }, en);
    expect(message).toContain('The file {{path}}$t(exchange.title) listed');
  });

  it('escapes the names of laptops too', () => {
    const message = readProblemMessage({ kind: 'keyChanged', device: 'A\u202Eevil' }, zh).message;
    expect(message).toContain('“A\\u202eevil”');
  });
});
