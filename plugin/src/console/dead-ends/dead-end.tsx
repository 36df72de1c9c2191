import React from 'react';
import { Box, Button, InfoBox, Text } from '@adminjs/design-system';
import { useNavigate } from 'react-router';
import { useTranslation, ViewHelpers, type ResourceJSON } from 'adminjs';

const h = new ViewHelpers();

export type DeadEndKind = 'notFound' | 'refused';

interface Props {
  kind: DeadEndKind;
  resource: ResourceJSON;
  /** The refused action's name (kind `refused`). */
  actionName?: string;
  /** The record, when the user may see it (kind `refused`): a link back to its page. */
  recordId?: string;
}

/**
 * What a user reads instead of AdminJS's "La ressource Deal n'a pas d'action edit": why they are
 * here, in words, and the way back. A record they may not read and one that does not exist give
 * the same page (`notFound`), so that ids cannot be probed.
 */
const DeadEnd = ({ kind, resource, actionName, recordId }: Props) => {
  const { translateMessage, translateLabel, translateAction } = useTranslation();
  const navigate = useNavigate();
  const list = translateLabel(resource.name, resource.id);
  const thisRecord = translateMessage('thisRecord', resource.id);
  const go = (href: string) => (event: React.MouseEvent) => {
    event.preventDefault();
    navigate(href);
  };
  const refusal = () => {
    const key = actionName === 'edit' || actionName === 'delete' ? `deadEndRefused_${actionName}` : 'deadEndRefused_other';
    return translateMessage(key, resource.id, { thisRecord, action: translateAction(actionName ?? '', resource.id) });
  };
  const canSee = kind === 'refused' && recordId !== undefined;
  return (
    <Box variant="grey" data-dead-end={kind}>
      <InfoBox title={translateMessage(kind === 'notFound' ? 'deadEndNotFoundTitle' : 'deadEndRefusedTitle', resource.id)} illustration="NotFound">
        <Text mb="xl">{kind === 'notFound' ? translateMessage('deadEndNotFound', resource.id) : refusal()}</Text>
        <Box flex flexDirection="row" justifyContent="center" style={{ gap: 16, flexWrap: 'wrap' }}>
          {canSee && (
            <Button
              as="a"
              variant="contained"
              href={h.recordActionUrl({ resourceId: resource.id, recordId, actionName: 'show' })}
              onClick={go(h.recordActionUrl({ resourceId: resource.id, recordId, actionName: 'show' }))}
            >
              {translateMessage('deadEndBackToRecord', resource.id)}
            </Button>
          )}
          {resource.href ? (
            <Button as="a" variant={canSee ? 'outlined' : 'contained'} href={resource.href} onClick={go(resource.href)}>
              {translateMessage('deadEndBackToList', resource.id, { list })}
            </Button>
          ) : (
            <Button as="a" variant={canSee ? 'outlined' : 'contained'} href={h.dashboardUrl()} onClick={go(h.dashboardUrl())}>
              {translateMessage('deadEndBackHome', resource.id)}
            </Button>
          )}
        </Box>
      </InfoBox>
    </Box>
  );
};

export default DeadEnd;
