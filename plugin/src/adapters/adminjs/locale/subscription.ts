/** Messages of "Mon abonnement" and of the seat overrun warnings (SEATS.md), French first. */
export const subscriptionFr = {
};

export const subscriptionEn: Record<keyof typeof subscriptionFr, string> = {
};
