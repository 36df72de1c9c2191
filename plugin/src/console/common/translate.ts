/**
 * A message translator as the pages pass it around: AdminJS's `translateMessage`, or the audit
 * format's `m` (names left unescaped). Both take a key and i18next's options.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
