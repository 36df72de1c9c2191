export const effectiveFr = {};

export const effectiveEn: Record<keyof typeof effectiveFr, string> = {};
