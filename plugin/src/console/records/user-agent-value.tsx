import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { summariseUserAgent } from '../common/user-agent.js';

/** A User-Agent column (audit entries, sign-ins) as words, the header itself in the tooltip; on a record's page with its label. */
const UserAgentValue = ({ property, record, where }: BasePropertyProps) => {
  const { translateProperty, i18n } = useTranslation();
  const ua = record?.params?.[property.path] as string | undefined;
  const text = (
    <span title={ua} style={{ whiteSpace: 'nowrap' }}>
      {summariseUserAgent(ua, i18n?.language)}
    </span>
  );
  return where === 'show' ? <ValueGroup label={translateProperty(property.label, property.resourceId)}>{text}</ValueGroup> : text;
};

export default UserAgentValue;
