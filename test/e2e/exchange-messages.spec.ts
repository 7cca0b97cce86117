// A refused import says, in the person's language, what was found and what to do: a named pipe
// dropped into an export folder is named as one, under a name whose bidi override is shown escaped
// (it cannot reverse the message's words); a manifest naming a key twice names the key. Switching the
// language and verifying again gives the same refusal in the other language.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { exportEverything, openExchange, verifyFolder } from './support/exchange-page';

test('a refused import names what it found and what to do, in Chinese and in English', async ({
  app,
  home,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = app;
  const stick = join(home, 'U盘');
  mkdirSync(stick);
  await page.getByRole('button', { name: '从空白开始' }).click();
  await openExchange(page);
  const folder = await exportEverything(page, stick);
  // "pipe‮gpj.exe" would read "pipeexe.jpg" if the override reached the screen.
  execFileSync('mkfifo', [join(folder, 'bundle', 'pipe\u202Egpj.exe')]);

  const problem = page.getByTestId('import-problem');
  await verifyFolder(page, folder);
  await expect(problem).toContainText(
    '数据包文件夹中的 bundle/pipe\\u202egpj.exe 是命名管道（FIFO），不是普通文件，督查不会打开它，已拒绝导入。请删除它，或让对方重新导出。',
  );
  await expect(problem).not.toContainText('\u202E');
  await page.screenshot({ path: testInfo.outputPath('exchange-refused-fifo-zh-CN.png'), fullPage: true });

  await page
    .getByRole('radiogroup', { name: /^(Language|语言)$/ })
    .getByText('English')
    .click();
  await verifyFolder(page, folder);
  await expect(problem).toContainText(
    "bundle/pipe\\u202egpj.exe in the bundle's folder is a named pipe (FIFO), not a regular file; Ducha does not open it, and the bundle was refused. Delete it, or ask the sender for a new export.",
  );
  await page.screenshot({ path: testInfo.outputPath('exchange-refused-fifo-en.png'), fullPage: true });

  // A manifest naming a key twice, refused before anything else is read; its English for support apart.
  const forged = join(stick, 'forged');
  mkdirSync(join(forged, 'bundle'), { recursive: true });
  writeFileSync(
    join(forged, 'bundle', 'manifest.json'),
    '{"format":"ducha-bundle","formatVersion":1,"kind":"incremental","kind":"full"}',
  );
  await verifyFolder(page, forged);
  await expect(problem).toContainText('the field kind appears twice');
  await expect(problem).toContainText('Ask the sender for a new export from Ducha.');
  await page.screenshot({
    path: testInfo.outputPath('exchange-refused-repeated-key-en.png'),
    fullPage: true,
  });
  await page
    .getByRole('radiogroup', { name: /^(Language|语言)$/ })
    .getByText('简体中文')
    .click();
  await verifyFolder(page, forged);
  await expect(problem).toContainText('字段 kind 出现了两次');
  await page.screenshot({
    path: testInfo.outputPath('exchange-refused-repeated-key-zh-CN.png'),
    fullPage: true,
  });
});
