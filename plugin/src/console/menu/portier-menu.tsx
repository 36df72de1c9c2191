import React, { useState } from 'react';
import { useSelector } from 'react-redux';
import { useLocation, useNavigate } from 'react-router';
import { Navigation, type NavigationElementWithChildrenProps } from '@adminjs/design-system';
import { useCurrentAdmin, useNavigationResources, useTranslation, ViewHelpers, type ReduxState, type ResourceJSON } from 'adminjs';
import { menuOf, RESOURCE_ENTRY, RESOURCE_ICONS } from './menu-groups.js';

interface Props {
  resources: ResourceJSON[];
}

type Element = NavigationElementWithChildrenProps;
const h = new ViewHelpers();

/** Groups the user closed, kept in the browser as AdminJS keeps its own (`sidebarElements`). */
const CLOSED_KEY = 'portierMenuClosed';
function readClosed(): string[] {
  try {
    return JSON.parse(window.localStorage.getItem(CLOSED_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/**
 * The one menu (it replaces AdminJS's resource section; sidebar-pages.tsx leaves the flat
 * "Pages" group out): the app's own resources as AdminJS groups them (the CRM's modules), then
 * Portier's groups, "Configuration des accès" and "Suivi", then "Mon compte": what menuOf() says
 * this user may open. The server refuses the rest anyway.
 */
const PortierMenu = ({ resources }: Props) => {
  const { translateLabel, translatePage } = useTranslation();
  const [admin] = useCurrentAdmin();
  const pages = useSelector((state: ReduxState) => state.pages);
  const location = useLocation();
  const navigate = useNavigate();
  const [closed, setClosed] = useState<string[]>(readClosed);
  const appElements = useNavigationResources(resources);
  const menu = menuOf(resources, pages, (admin?.portierPages as string[] | undefined) ?? []);

  const selected = (href: string) => new RegExp(`${href}($|/)`).test(location.pathname);
  function element(entry: string): Element {
    const resource = entry.startsWith(RESOURCE_ENTRY) ? resources.find((r) => r.id === entry.slice(RESOURCE_ENTRY.length)) : undefined;
    const href = resource?.href ?? h.pageUrl(entry);
    const page = pages.find((p) => p.name === entry);
    return {
      id: resource ? `resource-${resource.id}` : `page-${entry}`,
      label: resource ? translateLabel(resource.name, resource.id) : translatePage(entry),
      icon: resource ? RESOURCE_ICONS[resource.id] : page?.icon,
      href,
      isSelected: selected(href),
      onClick: (event) => {
        event.preventDefault();
        navigate(href);
      },
    };
  }
  const toggle = (group: string) => () => {
    const next = closed.includes(group) ? closed.filter((g) => g !== group) : [...closed, group];
    window.localStorage.setItem(CLOSED_KEY, JSON.stringify(next));
    setClosed(next);
  };
  const groups: Element[] = menu.groups.map((group) => {
    const elements = group.entries.map(element);
    // Open unless the user closed it, and always when it holds the page being shown.
    const isOpen = !closed.includes(group.name) || elements.some((e) => e.isSelected);
    return { id: `group-${group.name}`, label: translateLabel(group.name), icon: group.icon, elements, isOpen, onClick: toggle(group.name) };
  });

  return <Navigation label={translateLabel('navigation')} elements={[...appElements, ...groups, ...menu.singles.map(element)]} />;
};

export default PortierMenu;
