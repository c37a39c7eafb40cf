import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MIME_TYPES, MAX_IMAGE_BYTES } from '../../shared/contract';
import { errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ImageTooLargeError, importImageFile } from './imageFile';

export interface ImagePicker {
  /** True while a picked image is being stored. */
  busy: boolean;
  /** Opens the system file chooser. */
  choose: () => void;
  /** The hidden file input: render it once, next to the button that calls `choose`. */
  input: ReactElement;
}

/**
 * Picking an image from disk, as the toolbar's "Gambar" and the lead image field both do:
 * the file is stored (size checked first), `onStored` gets its sha256, and a failure is
 * reported to the writer in words.
 */
export function useImagePicker(onStored: (attachment: string) => void): ImagePicker {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const ref = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const store = async (file: File) => {
    setBusy(true);
    try {
      onStored(await importImageFile(file));
    } catch (error) {
      report(
        error instanceof ImageTooLargeError
          ? t('toolbar.imageTooLarge', { size: (error.bytes / 1048576).toFixed(1), max: MAX_IMAGE_BYTES / 1048576 })
          : t('toolbar.imageFailed', { message: errorMessage(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const input = (
    <input
      ref={ref}
      type="file"
      accept={IMAGE_MIME_TYPES.join(',')}
      hidden
      tabIndex={-1}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void store(file);
      }}
    />
  );
  return { busy, choose: () => ref.current?.click(), input };
}
