export const teamsFr = {};

export const teamsEn: Record<keyof typeof teamsFr, string> = {};
