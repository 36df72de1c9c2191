export const sharingFr = {};

export const sharingEn: Record<keyof typeof sharingFr, string> = {};
