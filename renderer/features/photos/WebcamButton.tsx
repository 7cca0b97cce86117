// Takes a photo with the laptop's camera, where the page may use one. The button is not shown at all
// where there is no camera API.
import { CameraOutlined } from '../../ui/icons';
import { Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './photos.module.css';
import { webcamPhoto } from './webcam-photo';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

const canUseWebcam = (): boolean => typeof globalThis.navigator?.mediaDevices?.getUserMedia === 'function';

interface Props {
  disabled: boolean;
  onCapture: (file: File) => void;
}

export function WebcamButton({ disabled, onCapture }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!canUseWebcam()) return null;
  return (
    <>
      <Button icon={<CameraOutlined />} disabled={disabled} onClick={() => setOpen(true)}>
        {t('photos.webcam.open')}
      </Button>
      <Modal
        open={open}
        title={t('photos.webcam.title')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
        width="min(900px, 96vw)"
      >
        {open && <WebcamView onCapture={onCapture} />}
      </Modal>
    </>
  );
}

function WebcamView({ onCapture }: { onCapture: (file: File) => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<{ kind: 'starting' | 'ready' } | { kind: 'failed'; error: unknown }>({
    kind: 'starting',
  });
  const [label, setLabel] = useState('');

  useEffect(() => {
    let stream: MediaStream | null = null;
    let gone = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (s) => {
        if (gone) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        setLabel(s.getVideoTracks()[0]?.label ?? '');
        const video = videoRef.current;
        if (video) {
          video.srcObject = s;
          await video.play();
        }
        setStatus({ kind: 'ready' });
      })
      .catch((error: unknown) => {
        if (!gone) setStatus({ kind: 'failed', error });
      });
    return () => {
      gone = true;
      // The camera's light goes off when the dialog closes.
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const take = () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    const at = new Date();
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        void blob.arrayBuffer().then((buffer) => onCapture(webcamPhoto(new Uint8Array(buffer), at, label)));
      },
      'image/jpeg',
      0.92,
    );
  };

  if (status.kind === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        title={errorContent(describeFailure(status.error, t, 'photos.webcam.failed'))}
      />
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <video ref={videoRef} className={styles.webcam} muted playsInline />
      {status.kind === 'starting' && (
        <Space>
          <Spin size="small" />
          {t('photos.webcam.starting')}
        </Space>
      )}
      <Button type="primary" icon={<CameraOutlined />} disabled={status.kind !== 'ready'} onClick={take}>
        {t('photos.webcam.take')}
      </Button>
    </Space>
  );
}
