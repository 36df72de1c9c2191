import React, { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Box, Loader } from '@adminjs/design-system';
import {
  ActionHeader,
  ApiClient,
  BaseActionComponent,
  DrawerPortal,
  NoResourceError,
  useNotice,
  useResource,
  type ActionJSON,
  type ActionResponse,
  type RecordActionResponse,
  type RecordJSON,
} from 'adminjs';
import DeadEnd, { type DeadEndKind } from './dead-end.js';

const api = new ApiClient();

/** The record, or why there is none to act on. */
interface Loaded {
  record?: RecordJSON;
  deadEnd?: DeadEndKind;
  /** A record the user may see, on which the action was refused: a link back to it. */
  visibleId?: string;
}

/**
 * AdminJS's record route (adminjs/src/frontend/components/routes/record-action.tsx), with the dead
 * ends in words: where AdminJS says "La ressource Deal n'a pas d'action edit" or shows an English
 * toast, the user reads why (dead-end.tsx) and has a way back. The server answers an unreadable
 * record exactly as a missing one (a NotFoundError), and a refused action on a readable record
 * with a ForbiddenError that still lists the record's allowed actions.
 */
const RecordActionRoute = () => {
  const params = useParams<{ resourceId: string; recordId: string; actionName: string }>();
  const { actionName, recordId, resourceId } = params as { resourceId: string; recordId: string; actionName: string };
  const resource = useResource(resourceId);
  const addNotice = useNotice();
  const [loaded, setLoaded] = useState<Loaded>({});
  const [loading, setLoading] = useState(true);
  const [tag, setTag] = useState('');

  const actionFromResource = resource?.actions.find((a) => a.name === actionName);
  const listAction = resource?.resourceActions.find((a) => a.name === 'list');

  const fetchRecord = (): void => {
    // An action without a component (AdminJS's delete) is not a page: nothing to fetch.
    if (actionFromResource?.component === false) {
      setLoaded({ deadEnd: 'refused' });
      setLoading(false);
      return;
    }
    setLoading(true);
    api
      .recordAction({ resourceId, recordId, actionName })
      .then((response) => {
        const data = response.data as RecordActionResponse;
        const error = data.record?.baseError?.type;
        if (!error || !['AppError', 'NotFoundError', 'ForbiddenError'].includes(error)) {
          setLoaded({ record: data.record });
          return;
        }
        // Refused on a record the user may see: the answer still lists what they may do with it.
        const visible = error === 'ForbiddenError' && data.record?.recordActions?.some((a) => a.name === 'show');
        setLoaded({ deadEnd: visible ? 'refused' : 'notFound', visibleId: visible ? recordId : undefined });
      })
      .catch((e) => {
        addNotice({ message: 'errorFetchingRecord', type: 'error', resourceId });
        throw e;
      })
      .finally(() => setLoading(false));
  };

  useEffect(fetchRecord, [actionName, recordId, resourceId]);

  const handleActionPerformed = useCallback(
    (oldRecord: RecordJSON, response: ActionResponse) => {
      const r = response as RecordActionResponse;
      if (r.record) {
        setLoaded({
          record: {
            ...(r.record || oldRecord),
            errors: r.record.errors,
            populated: { ...oldRecord.populated, ...r.record.populated },
            params: { ...oldRecord.params, ...r.record.params },
          },
        });
      } else fetchRecord();
    },
    [actionName, recordId, resourceId],
  );

  if (!resource) return <NoResourceError resourceId={resourceId} />;
  const { record } = loaded;
  const hasDifferentRecord = record?.id && record.id.toString() !== recordId;
  if (loading || hasDifferentRecord) return <Loader />;
  const action = record?.recordActions.find((a) => a.name === actionName);
  if (loaded.deadEnd) return <DeadEnd kind={loaded.deadEnd} resource={resource} actionName={actionName} recordId={loaded.visibleId} />;
  if (!record) return <DeadEnd kind="notFound" resource={resource} />;
  // The record is readable, but this action is not among those open to the user on it.
  if (!action || !actionFromResource) return <DeadEnd kind="refused" resource={resource} actionName={actionName} recordId={recordId} />;

  if (action.showInDrawer) {
    return (
      <>
        <DrawerPortal width={action.containerWidth}>
          <BaseActionComponent action={action as ActionJSON} resource={resource} record={record} />
        </DrawerPortal>
        {listAction && (
          <Box variant="transparent" mx="auto" width={listAction.containerWidth}>
            <ActionHeader resource={resource} action={listAction} tag={tag} />
            <BaseActionComponent action={listAction} resource={resource} setTag={setTag} />
          </Box>
        )}
      </>
    );
  }
  return (
    <Box variant="transparent" mx="auto" width={action.containerWidth} data-css={`${resource.id}-${action.name}-route-wrapper`}>
      <ActionHeader
        resource={resource}
        action={action}
        record={record}
        actionPerformed={(response: ActionResponse) => handleActionPerformed(record, response)}
      />
      <BaseActionComponent action={action} resource={resource} record={record} />
    </Box>
  );
};

export default RecordActionRoute;
