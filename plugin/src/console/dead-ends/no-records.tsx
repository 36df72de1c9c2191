import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Box, Button, Icon, InfoBox, Loader, Text } from '@adminjs/design-system';
import { ActionButton, ApiClient, useTranslation, type ResourceJSON } from 'adminjs';
import { portierFetch } from '../common/portier-api.js';

const api = new ApiClient();

type Why = { kind: 'badFilter'; errors: { path: string; message: string }[] } | { kind: 'noMatch' } | { kind: 'scope'; scope: 'all' | 'some' | 'none' | null };

const hasFilters = (search: string) => [...new URLSearchParams(search).keys()].some((k) => k.startsWith('filters.'));

/** The server's message without the raw property name it starts with (the label is shown instead). */
const withoutPath = (message: string, path: string) => message.replace(new RegExp(`^Filtre (« )?${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( »)? : `), '');

/**
 * An empty list that says why (AdminJS says "Il n'y a encore aucun enregistrement" whatever the
 * reason): a filter the server refused (its message, under the field's label), nothing matching
 * the filters (and a way to clear them), a module the user reads whole that is empty, a module
 * their rights open only in part (never saying whether other records exist), or no right to it.
 */
const NoRecords = ({ resource }: { resource: ResourceJSON }) => {
  const { translateButton, translateMessage, translateLabel, translateProperty } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [why, setWhy] = useState<Why | null>(null);
  const list = translateLabel(resource.name, resource.id);

  useEffect(() => {
    let live = true;
    const settle = (w: Why) => live && setWhy(w);
    if (hasFilters(location.search)) {
      // The list's answer carries a refused filter's message per field; AdminJS's list only toasts it.
      api
        .resourceAction({ actionName: 'list', resourceId: resource.id, params: new URLSearchParams(location.search) })
        .then((res) => {
          const errors = Object.entries((res.data as { record?: { errors?: Record<string, { message: string }> } }).record?.errors ?? {});
          settle(errors.length ? { kind: 'badFilter', errors: errors.map(([path, e]) => ({ path, message: e.message })) } : { kind: 'noMatch' });
        })
        .catch(() => settle({ kind: 'noMatch' }));
    } else {
      portierFetch<{ scope: 'all' | 'some' | 'none' | null }>(`/list-scope?module=${encodeURIComponent(resource.id)}`)
        .then((res) => settle({ kind: 'scope', scope: res.status === 200 ? res.body.scope : null }))
        .catch(() => settle({ kind: 'scope', scope: null }));
    }
    return () => {
      live = false;
    };
  }, [resource.id, location.search]);

  if (!why) return <Loader />;
  const clearFilters = () => {
    const params = new URLSearchParams(location.search);
    for (const key of [...params.keys()]) if (key.startsWith('filters.')) params.delete(key);
    navigate({ pathname: location.pathname, search: params.toString() });
  };
  const canCreate = resource.resourceActions.find((a) => a.name === 'new');
  const create = canCreate && (
    <ActionButton action={canCreate} resourceId={resource.id}>
      <Button variant="contained">
        <Icon icon="Plus" />
        {translateButton('createFirstRecord', resource.id)}
      </Button>
    </ActionButton>
  );
  const clear = (
    <Button variant="contained" onClick={clearFilters} data-testid="clear-filters">
      <Icon icon="X" />
      {translateMessage('emptyResetFilters', resource.id)}
    </Button>
  );

  if (why.kind === 'badFilter')
    return (
      <Box data-empty="badFilter">
        <InfoBox title={translateMessage('emptyBadFilterTitle', resource.id)} illustration="Docs">
          <Box mb="xxl">
            {why.errors.map((e) => (
              <Text key={e.path} color="error" data-filter-error={e.path}>
                {translateProperty(e.path, resource.id)} : {withoutPath(e.message, e.path)}
              </Text>
            ))}
          </Box>
          {clear}
        </InfoBox>
      </Box>
    );
  if (why.kind === 'noMatch')
    return (
      <Box data-empty="noMatch">
        <InfoBox title={translateMessage('emptyNoMatchTitle', resource.id)} illustration="Docs">
          <Text mb="xxl">{translateMessage('emptyNoMatch', resource.id)}</Text>
          {clear}
        </InfoBox>
      </Box>
    );
  const { scope } = why;
  if (scope === 'none')
    return (
      <Box data-empty="noRight">
        <InfoBox title={translateMessage('emptyNoRightTitle', resource.id)} illustration="Docs">
          <Text>{translateMessage('emptyNoRight', resource.id, { list })}</Text>
        </InfoBox>
      </Box>
    );
  return (
    <Box data-empty={scope === 'some' ? 'noneVisible' : 'noData'}>
      <InfoBox title={translateMessage('noRecords', resource.id)} illustration="Docs">
        <Text mb="xxl">{translateMessage(scope === 'some' ? 'emptyNoneVisible' : 'emptyNoData', resource.id, { list })}</Text>
        {create}
      </InfoBox>
    </Box>
  );
};

export default NoRecords;
