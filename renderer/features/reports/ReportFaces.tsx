// Under a document's buttons: the faces its PDF is set in on this laptop — the office's own where it
// has them, else the app's open faces and which office face each stands in for — so that an office
// knows before printing whether the notice will look like its other papers.
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { facesInUse, ROLES } from './faces-in-use';

export function ReportFaces() {
  const { t } = useTranslation();
  const faces = useMemo(() => facesInUse(), []);
  const parts = ROLES.map((role) => {
    const face = faces[role];
    const values = { role: t(`reports.faces.${role}`), name: face.name, instead: face.standsInFor };
    return face.shipped ? t('reports.faces.shipped', values) : t('reports.faces.local', values);
  });
  return (
    <Typography.Paragraph type="secondary" data-testid="report-faces" style={{ marginBottom: 0 }}>
      {t('reports.faces.intro')}
      {parts.join(t('reports.faces.separator'))}
    </Typography.Paragraph>
  );
}
