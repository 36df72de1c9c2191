import React from 'react';

/** AdminJS's link to a referenced record (overrides DefaultReferenceValue), never broken over two lines. */
const ReferenceValue = ({ OriginalComponent, ...props }: { OriginalComponent?: React.ComponentType<object> } & Record<string, unknown>) =>
  OriginalComponent ? (
    <span style={{ whiteSpace: 'nowrap' }}>
      <OriginalComponent {...props} />
    </span>
  ) : null;

export default ReferenceValue;
