// Where a template comes from: shipped with Ducha (and perhaps edited here since), or made here.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../db';

export function OriginTag({ summary }: { summary: Pick<TemplateSummary, 'builtIn' | 'latest'> }) {
  const { t } = useTranslation();
  if (!summary.builtIn) return <Tag>{t('checklistTemplates.custom')}</Tag>;
  return summary.latest.builtIn ? (
    <Tag color="red">{t('checklistTemplates.builtIn')}</Tag>
  ) : (
    <Tag color="orange">{t('checklistTemplates.builtInEdited')}</Tag>
  );
}
