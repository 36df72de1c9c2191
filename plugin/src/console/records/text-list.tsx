import React from 'react';
import type { BasePropertyProps } from 'adminjs';

/** A record's reference in a list ("AFF-2024-0012"): on one line. */
const TextList = ({ property, record }: BasePropertyProps) => <span style={{ whiteSpace: 'nowrap' }}>{String(record?.params?.[property.path] ?? '')}</span>;

export default TextList;
