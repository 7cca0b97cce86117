// A value of any length in one line of the change list: long texts shortened, the whole text on hover
// and behind "Show all", so a rewritten description can be read before trust is given.
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const LIMIT = 80;

export function ShortText({ text }: { text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (text.length <= LIMIT) return <span>{text}</span>;
  return (
    <span title={text}>
      {open ? text : `${text.slice(0, LIMIT)}…`}
      <Button type="link" size="small" onClick={() => setOpen(!open)}>
        {t(open ? 'importPreview.less' : 'importPreview.more')}
      </Button>
    </span>
  );
}
