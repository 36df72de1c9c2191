import React from 'react';
import { Box, cssClass } from '@adminjs/design-system';
import { BreadcrumbLink, useTranslation, ViewHelpers, type RecordJSON, type ResourceJSON } from 'adminjs';
import { recordHeading } from './action-header.js';

const h = new ViewHelpers();

interface BreadcrumbsProps {
  resource: ResourceJSON;
  record?: RecordJSON | null;
  actionName: string;
  OriginalComponent?: React.ComponentType<Record<string, unknown>>;
}

/**
 * AdminJS's breadcrumbs (overrides Breadcrumbs): on a record's pages they end with what the page
 * is about, the record's name and reference (as its title, action-header.tsx), not with
 * « Afficher » or « Modifier », which the header already says. Elsewhere, AdminJS's own.
 */
const Breadcrumbs = ({ OriginalComponent, ...props }: BreadcrumbsProps) => {
  const { tl } = useTranslation();
  const { resource, record, actionName } = props;
  const title = record ? recordHeading(record) : '';
  if (!record || !title) return OriginalComponent ? <OriginalComponent {...props} /> : null;
  const list = resource.resourceActions.some((a) => a.name === 'list');
  const show = record.recordActions.some((a) => a.name === 'show');
  return (
    <Box flexGrow={1} className={cssClass('Breadcrumbs')} data-testid="breadcrumbs">
      <BreadcrumbLink to={h.dashboardUrl()}>{tl('dashboard')}</BreadcrumbLink>
      <BreadcrumbLink to={list && resource.href ? resource.href : '#'} className="is-active">
        {tl(resource.name, resource.id)}
      </BreadcrumbLink>
      <BreadcrumbLink
        to={actionName !== 'show' && show ? h.recordActionUrl({ resourceId: resource.id, recordId: String(record.id), actionName: 'show' }) : '#'}
        title={title}
        data-testid="breadcrumb-record"
      >
        {title}
      </BreadcrumbLink>
    </Box>
  );
};

export default Breadcrumbs;
