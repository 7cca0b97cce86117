// Where a person drops or picks an Excel workbook (.xlsx): the project list and the team's lists take
// files the same way. The file is handed over at once; nothing is uploaded anywhere.
import { Upload } from 'antd';
import { InboxOutlined } from './icons';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function WorkbookDropZone({ hint, onFile }: { hint: string; onFile: (file: File) => void }) {
  return (
    <Upload.Dragger
      accept={XLSX}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        onFile(file);
        // The workbook is read in the page; antd's upload is never started.
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{hint}</p>
    </Upload.Dragger>
  );
}
