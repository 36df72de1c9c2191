import React, { useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, Text } from '@adminjs/design-system';
import type { AccessPreview, AccessPreviewLine } from '../../services/access-preview.js';
import { counted } from '../subscription/seat-warning.js';

/** A line's colour says its direction at a glance: red for a loss, green for a gain, amber for a change. */
const MARK: Record<AccessPreviewLine['change'], string> = { loss: '#C20012', gain: '#007D4D', change: '#A86500' };

/** "7 utilisateurs perdent la suppression des affaires", and on demand the users it names, each with their level before and after. */
const PreviewLine = ({ line }: { line: AccessPreviewLine }) => {
  const { translateMessage: tm, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const more = line.count - line.users.length;
  return (
    <Box mb="default" pl="default" style={{ borderLeft: `3px solid ${MARK[line.change]}` }} data-testid="access-preview-line" data-change={line.change}>
      <Box flex alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
        <Text data-testid="access-preview-sentence">{line.sentence}</Text>
        <Button type="button" size="sm" variant="text" onClick={() => setOpen(!open)} data-testid="access-preview-toggle" aria-expanded={open}>
          {tm(open ? 'accessPreviewHide' : 'accessPreviewShow')}
        </Button>
      </Box>
      {open && (
        <Box as="ul" mt="sm" mb="sm" style={{ listStyle: 'none', padding: 0, columns: line.users.length > 8 ? 2 : 1, maxWidth: 900 }}>
          {line.users.map((u) => (
            <li key={u.id} data-testid="access-preview-user">
              <Text variant="sm">
                <strong>{u.name}</strong>
                {i18n?.language === 'en' ? ': ' : ' : '}
                {tm('accessPreviewUserChange', { from: u.fromText, to: u.toText, interpolation: { escapeValue: false } })}
              </Text>
            </li>
          ))}
          {more > 0 && (
            <li>
              <Text variant="sm" color="grey60">
                {counted(tm, i18n?.language, 'accessPreviewMore', more)}
              </Text>
            </li>
          )}
        </Box>
      )}
    </Box>
  );
};

interface AccessPreviewPanelProps {
  preview: AccessPreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Vérifier puis enregistrer" (docs/access-preview.md): what the change would do, per module and
 * action, before it is saved; "Confirmer" sends the save, "Annuler" leaves everything as it was.
 */
export const AccessPreviewPanel = ({ preview, busy, onConfirm, onCancel }: AccessPreviewPanelProps) => {
  const { translateMessage: tm, i18n } = useTranslation();
  return (
    <Box
      mt="lg"
      mb="md"
      p="lg"
      role="region"
      aria-label={tm('accessPreviewTitle')}
      data-testid="access-preview"
      style={{ border: '1px solid #BBC3CB', borderLeft: '4px solid #3040D6', background: '#F6F7FB', maxWidth: 980 }}
    >
      <Text fontWeight="bold" mb="sm">
        {tm('accessPreviewTitle')}
      </Text>
      {preview.lines.length === 0 ? (
        <Text mb="default" data-testid="access-preview-nothing">
          {tm('accessPreviewNothing')}
        </Text>
      ) : (
        <>
          <Text variant="sm" color="grey60" mb="default">
            {tm('accessPreviewIntro')} {counted(tm, i18n?.language, 'accessPreviewAffected', preview.affected)}.
          </Text>
          {preview.lines.map((line) => (
            <PreviewLine key={`${line.module}.${line.action}.${line.detail ?? ''}.${line.change}`} line={line} />
          ))}
        </>
      )}
      <Box flex style={{ gap: 8 }} mt="md">
        <Button type="button" variant="contained" disabled={busy} onClick={onConfirm} data-testid="access-preview-confirm">
          {tm('accessPreviewConfirm')}
        </Button>
        <Button type="button" variant="outlined" disabled={busy} onClick={onCancel} data-testid="access-preview-cancel">
          {tm('accessPreviewCancel')}
        </Button>
      </Box>
    </Box>
  );
};

export default AccessPreviewPanel;
