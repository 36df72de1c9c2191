import React from 'react';

/**
 * AdminJS's flat "Pages" group, replaced: Portier's pages sit in the one menu's groups
 * (console/menu/portier-menu.tsx). What remains is the style every page needs, since the sidebar
 * is on every page.
 */
// A user's page has many buttons (Portier adds its own): AdminJS's action header keeps them on one
// line that runs over the title; let them wrap instead.
const HEADER_CSS = `
.adminjs_ActionHeader > section:last-child { flex-wrap: wrap; gap: 12px 24px; }
.adminjs_ActionHeader > section:last-child > section:last-child { flex-shrink: 1; min-width: 0; }
.adminjs_ActionHeader > section:last-child > section:last-child > section { display: flex; flex-wrap: wrap; row-gap: 8px; }
`;

const SidebarPages = () => <style>{HEADER_CSS}</style>;

export default SidebarPages;
