// "Add photos" (or "Pick photo") where a form needs a photo: the photos feature's own intake, started
// from a file picker and optionally the webcam, with its progress and messages shown in place.
import { PictureOutlined } from '../../ui/icons';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import type { PhotoLink } from '../../db';
import { IntakeStatus, usePhotoDropZone, usePhotoIntake, WebcamButton } from '../photos';

interface Props {
  link: PhotoLink;
  label: string;
  /** Called as an intake starts (see use-fresh-photos.ts). */
  onStart: () => void;
  webcam?: boolean;
  multiple?: boolean;
  size?: 'small' | 'middle';
  testId?: string;
}

export function AddPhotosButton({
  link,
  label,
  onStart,
  webcam = false,
  multiple = true,
  size,
  testId,
}: Props) {
  const intake = usePhotoIntake(link);
  const { addFiles } = usePhotoDropZone(intake, false);
  const input = useRef<HTMLInputElement>(null);
  const busy = intake.state.running;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple={multiple}
        // A style, not the `hidden` attribute: an author style on inputs showed it despite the attribute.
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) onStart();
          addFiles(files);
        }}
      />
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap>
          <Button
            size={size}
            icon={<PictureOutlined />}
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {label}
          </Button>
          {webcam && (
            <WebcamButton
              disabled={busy}
              onCapture={(file) => {
                onStart();
                addFiles([file]);
              }}
            />
          )}
        </Space>
        <IntakeStatus state={intake.state} onCancel={intake.cancel} onDismiss={intake.dismiss} />
      </Space>
    </>
  );
}
