import React from 'react';

/**
 * AdminJS's link to a referenced record (overrides DefaultReferenceValue), never broken over two
 * lines: a long title is cut with "…" (whole in its tooltip), so that the other columns keep their room.
 */
const ReferenceValue = ({ OriginalComponent, ...props }: { OriginalComponent?: React.ComponentType<object> } & Record<string, unknown>) => {
  if (!OriginalComponent) return null;
  const record = props.record as { populated?: Record<string, { title?: string } | null> } | undefined;
  const path = (props.property as { path?: string } | undefined)?.path ?? '';
  return (
    <span
      title={record?.populated?.[path]?.title}
      style={{ display: 'inline-block', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' }}
      data-testid="reference-value"
    >
      <OriginalComponent {...props} />
    </span>
  );
};

export default ReferenceValue;
