// Findings tied to their evidence (issue 15): "New visit" on the Visits page opens a visit of the
// project picked; answering 否 on a checklist item offers "Record as a finding" with the item, and the
// finding takes two of the visit's photos — both shown on the issue's page with the item it came
// from; the project page lists the project's issues as cards; the issue list has a Project column.
import type { Project } from '../../shared/domain/project';
import type { Visit } from '../../shared/domain/visit';
import { makeSamplePhoto } from '../../shared/photos/sample-photo';
import { chooseOption } from './support/antd';
import { DUST_CHECKLIST_NAME, DUST_ITEMS } from './support/dust';
import { expect, test } from './support/fixtures';
import { storedRows } from './support/stored-rows';

const PROJECT = '宁洱县城镇生活垃圾处理场';

function sitePhoto(name: string, seed: number) {
  const { bytes } = makeSamplePhoto({
    seed,
    camera: { make: 'HUAWEI', model: 'nova 9' },
    localDateTime: '2026-12-07T09:10:00',
    offset: '+08:00',
    gps: { lat: 23.0483, lng: 101.0456, altitude: 1310 },
  });
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) };
}

test.describe('in Chinese', () => {
  test('a new visit from the Visits page, a 否 answer recorded as a finding with two photos and its item', async ({
    app,
  }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await expect(page.getByRole('table', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });

    // "New visit" on the Visits page: pick the project, and its visit opens.
    await page.getByRole('menuitem', { name: '督查记录' }).click();
    await page.getByRole('button', { name: '新建督查记录', exact: true }).click();
    const newVisit = page.getByRole('dialog', { name: '新建督查记录' });
    await expect(newVisit).toBeVisible();
    await expect(newVisit.getByRole('button', { name: '开始督查' })).toBeDisabled();
    await chooseOption(page, '项目', PROJECT, newVisit);
    await newVisit.getByRole('button', { name: '开始督查' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('草稿');
    await expect(page.getByRole('button', { name: PROJECT })).toBeVisible();

    // Two photos of the site, then the dust checklist with its first item answered 否.
    await page
      .getByTestId('photo-files-input')
      .setInputFiles([
        sitePhoto('SITE_01.jpg', 301),
        sitePhoto('SITE_02.jpg', 302),
        sitePhoto('SITE_03.jpg', 303),
      ]);
    await expect(page.getByTestId('photo-intake-added')).toHaveText('已添加 3 张照片。', { timeout: 60_000 });
    await chooseOption(page, '选择检查表', DUST_CHECKLIST_NAME);
    await page.getByRole('button', { name: '添加检查表' }).click();
    const item = page.getByRole('group', { name: DUST_ITEMS[0] });
    await expect(item.getByRole('button', { name: '记为问题' })).toHaveCount(0);
    await item.getByText('否', { exact: true }).click();
    await item.getByRole('button', { name: '记为问题' }).click();

    const dialog = page.getByRole('dialog', { name: '记录问题' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('finding-from-item')).toHaveText(`来自检查项：${DUST_ITEMS[0]}`);
    await expect(dialog.getByLabel('问题', { exact: true })).toHaveValue(DUST_ITEMS[0] ?? '');
    const photos = dialog.getByRole('group', { name: '问题照片' });
    await expect(photos.getByRole('checkbox')).toHaveCount(3);
    await photos.getByRole('checkbox', { name: '照片 1' }).check();
    await photos.getByRole('checkbox', { name: '照片 3' }).check();
    await expect(photos).toContainText('已选 2 张');
    await chooseOption(page, '问题类别', '环境保护', dialog);
    await page.screenshot({ path: testInfo.outputPath('evidence-finding-zh-CN.png') });
    await dialog.getByRole('button', { name: '记录', exact: true }).click();
    await expect(dialog).toBeHidden();

    // The required-photo item takes its photo in place; the saved answer records it.
    const photoItem = page.getByRole('group', { name: '现场全景照片（围挡、覆盖、冲洗设施）' });
    await expect(photoItem).toContainText('尚未拍照：请拍照或选择照片。');
    await expect(photoItem).not.toContainText('在照片中上传');
    await expect(photoItem.getByRole('button', { name: '选择照片' })).toBeVisible();
    await photoItem.getByTestId('item-photo-input').setInputFiles(sitePhoto('ITEM_01.jpg', 304));
    await expect(photoItem.getByTestId('item-photo-count')).toHaveText('本项照片 1 张', { timeout: 60_000 });
    await page.getByRole('button', { name: '保存检查表' }).click();
    await expect(page.getByRole('button', { name: '保存检查表' })).toBeDisabled();
    await expect(page.getByTestId('photo-count').first()).toHaveText('共 4 张照片');
    await page.reload();
    await expect(
      page
        .getByRole('group', { name: '现场全景照片（围挡、覆盖、冲洗设施）' })
        .getByTestId('item-photo-count'),
    ).toHaveText('本项照片 1 张');
    await page.screenshot({ path: testInfo.outputPath('evidence-checklist-zh-CN.png'), fullPage: true });

    // The issue's page: both photos, and the item it came from.
    await page.getByRole('link', { name: DUST_ITEMS[0] }).click();
    await expect(page.getByRole('heading', { name: DUST_ITEMS[0] })).toBeVisible();
    await expect(page.getByTestId('issue-checklist-item')).toHaveText(`来自检查项：${DUST_ITEMS[0]}`);
    await expect(page.getByTestId('photo-count')).toHaveText('共 2 张照片');
    await page.screenshot({ path: testInfo.outputPath('evidence-issue-zh-CN.png'), fullPage: true });

    // The project page lists the project's issues, this one among them, each a card with a link.
    await page.getByRole('menuitem', { name: '项目台账' }).click();
    await page.getByRole('searchbox', { name: '搜索项目名称或业主' }).fill(PROJECT);
    await page.getByRole('row').filter({ hasText: PROJECT }).click();
    const issues = page.getByRole('region', { name: '问题', exact: true });
    await expect(issues.getByRole('link', { name: DUST_ITEMS[0] })).toBeVisible();
    await expect(issues.getByTestId('project-issue').filter({ hasText: DUST_ITEMS[0] })).toContainText(
      '待下发',
    );
    await page.screenshot({ path: testInfo.outputPath('evidence-project-zh-CN.png'), fullPage: true });

    // The issue list: a 项目 column whose cell opens the project.
    await page.getByRole('menuitem', { name: '问题清单' }).click();
    await expect(
      page.getByRole('table', { name: '问题清单' }).getByRole('columnheader', { name: '项目', exact: true }),
    ).toBeVisible();
    await page.getByPlaceholder('搜索问题（如：围挡）').fill(DUST_ITEMS[0]?.slice(0, 4) ?? '');
    // The search reaches the address after a pause; click once the list has followed it.
    await expect(page.getByTestId('issue-count')).toHaveText('共 1 个问题');
    const cell = page.getByRole('link', { name: PROJECT }).first();
    await expect(cell).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('evidence-issue-list-zh-CN.png') });
    await cell.click();
    await expect(page.getByRole('heading', { name: PROJECT })).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('"New visit" chooses the project nearest to the laptop, opens a visit of the picked one; the issue list has a Project column', async ({
    app,
  }, testInfo) => {
    test.setTimeout(240_000);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Load sample campaign' }).click();
    await expect(page.getByRole('table', { name: 'Project ledger' })).toBeVisible({ timeout: 180_000 });
    await page.getByRole('menuitem', { name: 'Issues' }).click();
    await expect(
      page
        .getByRole('table', { name: 'Issue list' })
        .getByRole('columnheader', { name: 'Project', exact: true }),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('evidence-issue-list-en.png') });

    // The laptop stands where one of the sample's visits was recorded: that project is chosen already.
    const visits = await storedRows<Visit>(page, 'visits');
    const here = visits.find((v) => v.location !== null && v._deleted !== true);
    if (!here?.location) throw new Error('the sample has no visit with a location');
    const projects = await storedRows<Project>(page, 'projects');
    const there = projects.find((p) => p.id === here.projectId)?.name ?? '';
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: here.location.lat, longitude: here.location.lng });

    await page.getByRole('menuitem', { name: 'Visits' }).click();
    await page.getByRole('button', { name: 'New visit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New visit' });
    await expect(dialog.getByTestId('nearest-project')).toContainText(
      `The project nearest to this laptop is chosen: ${there}`,
    );
    await expect(dialog.getByRole('button', { name: 'Start visit' })).toBeEnabled();
    await chooseOption(page, 'Project', PROJECT, dialog);
    await page.screenshot({ path: testInfo.outputPath('evidence-new-visit-en.png') });
    await dialog.getByRole('button', { name: 'Start visit' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('Draft');
    await expect(page.getByRole('button', { name: PROJECT })).toBeVisible();
  });
});
