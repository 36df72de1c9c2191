import React from 'react';
import { useTranslation, type ActionJSON, type RecordJSON, type ResourceJSON } from 'adminjs';

/** Buttons kept in the header; the other record actions go into a "Plus d'actions" menu, so that the row fits. */
const DIRECT = new Set(['show', 'edit', 'delete', 'new', 'list']);

interface HeaderProps {
  resource: ResourceJSON;
  record?: RecordJSON;
  action: ActionJSON;
  tag?: string;
  OriginalComponent?: React.ComponentType<Record<string, unknown>>;
  [key: string]: unknown;
}

/** "Valentin Haddad · C-0021": the record's title, and its reference when it says more. */
export function recordHeading(record: RecordJSON): string {
  const reference = record.params?.reference;
  const title = record.title || (typeof reference === 'string' ? reference : '');
  return typeof reference === 'string' && reference && reference !== title ? `${title} · ${reference}` : title;
}

/**
 * AdminJS's action header (overrides ActionHeader) with a title that says what the page is
 * about: the record's name and reference on a record's pages (the action, when it is not the
 * record's own page, as a badge beside it), the module's plural name on its list; and the
 * secondary record actions grouped in one menu. The header itself stays AdminJS's: its
 * buttons, their checks, the breadcrumbs.
 */
const ActionHeader = ({ OriginalComponent, ...props }: HeaderProps) => {
  const { translateAction, translateLabel, translateMessage, i18n } = useTranslation();
  if (!OriginalComponent) return null;
  const { resource, record, action } = props;
  const title = record ? recordHeading(record) : action.name === 'list' ? translateLabel(resource.id, resource.id) : '';
  if (!title) return <OriginalComponent {...props} />;
  // AdminJS translates the action's label into the title: the title is given to it as a label of its own.
  const key = `portierTitle_${action.name}`;
  i18n.addResource(i18n.language, 'translation', `resources.${resource.id}.actions.${key}`, title);
  const more = translateMessage('moreActions');
  const grouped = record && {
    ...record,
    recordActions: record.recordActions.map((a) => (DIRECT.has(a.name) || a.parent ? a : { ...a, parent: more })),
  };
  const tag = record && action.name !== 'show' ? translateAction(action.label, resource.id) : props.tag;
  return <OriginalComponent {...props} record={grouped ?? record} action={{ ...action, label: key }} tag={tag} />;
};

export default ActionHeader;
