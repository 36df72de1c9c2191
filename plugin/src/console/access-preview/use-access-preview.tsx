import React, { useState } from 'react';
import { useTranslation } from 'adminjs';
import { Text } from '@adminjs/design-system';
import { portierFetch, type ApiResponse } from '../common/portier-api.js';
import type { AccessPreview } from '../../services/access-preview.js';
import { AccessPreviewPanel } from './access-preview-panel.js';

type Send = (path: string, init: RequestInit) => Promise<ApiResponse | null>;

/** The same route with `?preview=1` (and the screen's language): the server answers the preview instead of saving. */
const previewPath = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}preview=1${/[?&]lang=/.test(path) ? '' : `&lang=${lang}`}`;

/**
 * "Vérifier puis enregistrer": `review(path, init, send)` first asks the save route for the
 * preview; the panel (`panel`, rendered where the change was made) shows it and waits. "Confirmer"
 * sends the real save with `send` (the seat warning's, so an overrun still asks), "Annuler"
 * resolves with `null` and nothing is saved. A change the server refuses comes back as its
 * refusal at once, with nothing to confirm.
 */
export function useAccessPreview() {
  const { translateMessage: tm, i18n } = useTranslation();
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ preview: AccessPreview; confirm: () => void; cancel: () => void } | null>(null);
  const review = async (path: string, init: RequestInit, send: Send = portierFetch): Promise<ApiResponse | null> => {
    setChecking(true);
    const r = await portierFetch(previewPath(path, i18n?.language === 'en' ? 'en' : 'fr'), init);
    setChecking(false);
    if (r.status !== 200 || !r.body.preview) return r;
    return new Promise((resolve) =>
      setPending({
        preview: r.body.preview,
        confirm: async () => {
          setBusy(true);
          try {
            setPending(null); // the seat warning, if any, takes its place
            resolve(await send(path, init));
          } finally {
            setBusy(false);
          }
        },
        cancel: () => {
          setPending(null);
          resolve(null);
        },
      }),
    );
  };
  const panel = checking ? (
    <Text mt="lg" color="grey60" data-testid="access-preview-computing">
      {tm('accessPreviewComputing')}
    </Text>
  ) : (
    pending && <AccessPreviewPanel preview={pending.preview} busy={busy} onConfirm={pending.confirm} onCancel={pending.cancel} />
  );
  /** Whether a preview is on screen or on its way: the editor's own save button waits meanwhile. */
  const open = checking || !!pending;
  return { review, panel, open };
}
