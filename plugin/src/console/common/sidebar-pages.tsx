import React from 'react';
import { useCurrentAdmin, type ReduxState } from 'adminjs';

type Page = ReduxState['pages'][number];
interface Props {
  pages?: Page[];
  /** AdminJS's own menu, which this override wraps. */
  OriginalComponent: React.ComponentType<{ pages?: Page[] }>;
}

/**
 * AdminJS's page menu, showing only the pages this user may open (`currentAdmin.portierPages`,
 * refreshed by the access gate on every request; see pages.ts). The pages' data is refused on
 * the server anyway.
 */
// A user's page has many buttons (Portier adds its own): AdminJS's action header keeps them on one
// line that runs over the title; let them wrap instead. The sidebar is on every page, so is this.
const HEADER_CSS = `
.adminjs_ActionHeader > section:last-child { flex-wrap: wrap; gap: 12px 24px; }
.adminjs_ActionHeader > section:last-child > section:last-child { flex-shrink: 1; min-width: 0; }
.adminjs_ActionHeader > section:last-child > section:last-child > section { display: flex; flex-wrap: wrap; row-gap: 8px; }
`;

const SidebarPages = (props: Props) => {
  const { OriginalComponent, pages } = props;
  const [admin] = useCurrentAdmin();
  // Set by the access gate beside AdminJS's own fields of the current admin.
  const allowed = (admin?.portierPages as string[] | undefined) ?? [];
  const visible = (pages ?? []).filter((p) => allowed.includes(p.name));
  return (
    <>
      <style>{HEADER_CSS}</style>
      <OriginalComponent {...props} pages={visible} />
    </>
  );
};

export default SidebarPages;
