export const profilesFr = {};

export const profilesEn: Record<keyof typeof profilesFr, string> = {};
