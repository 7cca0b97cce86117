// /checklists/:key/edit edits a template (each save a new version); /checklists/new makes one, empty
// or, with ?from=<key>, as a copy of another template under a new key.
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { draftOf, duplicateTemplate, newTemplate } from '../../../shared/checklists/template-edit';
import { useTemplateVersions } from '../../db';
import { TemplateEditor } from './TemplateEditor';

export function TemplateEditorPage() {
  const { t } = useTranslation();
  const { key } = useParams();
  const [search] = useSearchParams();
  const copyOf = key === undefined ? search.get('from') : null;
  const versions = useTemplateVersions(key ?? copyOf ?? '');

  if (versions === undefined) return <Spin />;
  const latest = versions[0];
  if (key !== undefined) {
    if (!latest) return <TemplateMissing />;
    return (
      <TemplateEditor key={`edit:${key}`} opened={latest} versions={versions} initial={draftOf(latest)} />
    );
  }
  if (copyOf !== null) {
    if (!latest) return <TemplateMissing />;
    const copyName = t('checklistTemplates.copyName', { name: latest.name });
    return (
      <TemplateEditor
        key={`copy:${copyOf}`}
        opened={null}
        copyOf={latest.name}
        versions={[]}
        initial={duplicateTemplate(latest, copyName)}
      />
    );
  }
  return (
    <TemplateEditor
      key="new"
      opened={null}
      versions={[]}
      initial={newTemplate('', t('checklistTemplates.defaultSectionTitle', { n: 1 }))}
    />
  );
}

function TemplateMissing() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph>
      {t('checklistTemplates.notFound')} <Link to="/checklists">{t('checklistTemplates.backToList')}</Link>
    </Typography.Paragraph>
  );
}
