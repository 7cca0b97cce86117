// 错误提示: what went wrong, in words for the user (renderer/ui/user-error.ts picks them). Each kind is
// a clause without a final full stop: it fills the {{reason}} of the sentence at the place it happened
// ("未能保存：{{reason}}。已录入的内容仍在表单中。"), which says what was and was not done.
export const errorsZhCN = {
  /** An error Ducha does not know; its own words go to the details line. */
  unexpected: '出现了意外错误',
  details: '技术信息：{{details}}',
  /** Between several reasons in one sentence. */
  listSeparator: '、',
  kinds: {
    diskFull: '磁盘空间不足，请清理磁盘空间后重试',
    invalidRecord: '有内容缺失或格式不正确，请检查后重试',
    visitLocked: '该督查记录已定稿，只能通过“更正记录”修改',
    notFinalized: '该督查记录尚未定稿，可以直接修改，无需更正',
    templateConflict: '此模板已在别处（另一个窗口或同步）保存为第 {{version}} 版',
    importConflict: '部分项目已在台账中，或在文件中重复出现',
    databaseClosed: '本机数据已被关闭（可能另一个窗口升级了数据），请重新加载此窗口',
    aborted: '操作被中断，没有完成',
    duplicate: '已存在相同编号的记录',
    clock: '另一台电脑的时间比本机时钟快一天以上，请检查两台电脑的日期和时间',
    network: '与督查本机服务的连接失败',
    moduleLoad: '督查的部分程序未能加载，请重新加载窗口',
    hostFailed: '督查本机服务未能完成此操作',
    hostRefused: '督查本机服务拒绝了此页面，请重新启动督查',
    hostMismatch: '此窗口与督查本机服务互不识别（可能版本不一致），请重新启动督查',
    notAllowed: '没有获得许可（被您或系统拒绝）',
    notFound: '找不到所需的设备或文件',
    notReadable: '设备正被其他程序使用，或无法读取',
    readOnly: '{{name}}以领导身份登录，只能查看、不能修改；什么也没有改动',
  },
  /** Sentences for places that had none of their own. */
  when: {
    open: '无法打开：{{reason}}。请重试；如仍失败，请重新加载窗口。',
    prepare: '未能生成文档：{{reason}}。数据未作任何改动，可以重新选择后再试。',
    verify: '无法检查此文件夹：{{reason}}。本机数据没有改变。',
  },
};

export type ErrorMessages = typeof errorsZhCN;
