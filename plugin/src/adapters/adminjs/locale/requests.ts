/** Messages of the delegated access requests page (SEATS.md), French first. */
export const requestsFr = {
};

export const requestsEn: Record<keyof typeof requestsFr, string> = {
};
