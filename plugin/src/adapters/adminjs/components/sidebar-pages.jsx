import React from 'react';
import { useCurrentAdmin } from 'adminjs';

/**
 * AdminJS's page menu, showing only the pages this user may open (`currentAdmin.portierPages`,
 * refreshed by the access gate on every request; see pages.ts). The pages' data is refused on
 * the server anyway.
 */
const SidebarPages = (props) => {
  const { OriginalComponent, pages } = props;
  const [admin] = useCurrentAdmin();
  const allowed = admin?.portierPages ?? [];
  const visible = (pages ?? []).filter((p) => allowed.includes(p.name));
  return <OriginalComponent {...props} pages={visible} />;
};

export default SidebarPages;
