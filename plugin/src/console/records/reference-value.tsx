import React, { useContext } from 'react';
import { styled } from '@adminjs/design-system/styled-components';
import { OnRecordPage } from './empty-value.js';

/** On a record's page: the whole title, wrapped over lines as text (AdminJS's link is a one-line button). */
const Whole = styled.span`
  display: inline;
  & a {
    white-space: normal;
    height: auto;
    text-align: left;
    overflow-wrap: anywhere;
  }
`;

/**
 * AdminJS's link to a referenced record (overrides DefaultReferenceValue). In a list, never broken
 * over two lines: a long title is cut with "…" (whole in its tooltip), so that the other columns
 * keep their room. On a record's page, where there is room, it is whole and wraps.
 */
const LIST_CELL: React.CSSProperties = {
  display: 'inline-block',
  maxWidth: 260,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
};

const ReferenceValue = ({ OriginalComponent, ...props }: { OriginalComponent?: React.ComponentType<object> } & Record<string, unknown>) => {
  const onRecordPage = useContext(OnRecordPage);
  if (!OriginalComponent) return null;
  const record = props.record as { populated?: Record<string, { title?: string } | null> } | undefined;
  const path = (props.property as { path?: string } | undefined)?.path ?? '';
  const title = record?.populated?.[path]?.title;
  if (onRecordPage)
    return (
      <Whole title={title} data-testid="reference-value">
        <OriginalComponent {...props} />
      </Whole>
    );
  return (
    <span title={title} style={LIST_CELL} data-testid="reference-value">
      <OriginalComponent {...props} />
    </span>
  );
};

export default ReferenceValue;
