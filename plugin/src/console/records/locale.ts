/** Messages of the module records' own pieces (the owner picker), French first. */
export const recordsFr = {
  ownerPickerNoTransfer:
    'Changer le propriétaire est un transfert : réservé au propriétaire, à ses supérieurs, aux détenteurs de « Tout modifier » et aux administrateurs.',
  moreActions: "Plus d'actions",
  notAccessible: 'élément non accessible',
};

export const recordsEn: Record<keyof typeof recordsFr, string> = {
  ownerPickerNoTransfer: 'Changing the owner is a transfer: reserved to the owner, their superiors, holders of "Edit all" and administrators.',
  moreActions: 'More actions',
  notAccessible: 'item not accessible',
};
