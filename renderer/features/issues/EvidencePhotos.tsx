// The photos a history entry records as its evidence (the after photos of a close-out), small, by the
// hashes the entry keeps: what the step was decided on stays visible beside it.
import { FileImageOutlined } from '../../ui/icons';
import { useTranslation } from 'react-i18next';
import { usePhotoDerivativeUrl } from '../../db';
import { useAbsentPhotoText } from '../photos';

const SIZE = { width: 96, height: 72 };

export function EvidencePhotos({ hashes }: { hashes: readonly string[] }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }} data-testid="evidence-photos">
      {hashes.map((sha256, i) => (
        <EvidencePhoto key={sha256} sha256={sha256} n={i + 1} />
      ))}
    </div>
  );
}

function EvidencePhoto({ sha256, n }: { sha256: string; n: number }) {
  const { t } = useTranslation();
  const url = usePhotoDerivativeUrl(sha256, 'thumbnail');
  const absent = useAbsentPhotoText();
  const label = t('reinspection.evidencePhoto', { n });
  const frame = { ...SIZE, borderRadius: 4, background: '#f5f5f5', display: 'block' } as const;
  // A photo this device does not have (yet) keeps its place, so the count still reads true.
  return url ? (
    <img src={url} alt={label} style={{ ...frame, objectFit: 'cover' }} />
  ) : (
    <span
      role="img"
      aria-label={`${label}: ${absent}`}
      title={absent}
      style={{ ...frame, textAlign: 'center', lineHeight: '72px' }}
    >
      <FileImageOutlined style={{ color: '#bfbfbf' }} />
    </span>
  );
}
