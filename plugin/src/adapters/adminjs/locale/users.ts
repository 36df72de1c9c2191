export const usersFr = {};

export const usersEn: Record<keyof typeof usersFr, string> = {};
