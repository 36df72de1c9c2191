export const rolesFr = {};

export const rolesEn: Record<keyof typeof rolesFr, string> = {};
