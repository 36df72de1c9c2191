/** `['users', 3, 'role']` -> `users[3].role`; keys that are not identifiers are quoted. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(document)';
}

export interface OrgError {
  path: string;
  message: string;
}

export function formatError(e: OrgError): string {
  return `${e.path}: ${e.message}`;
}

/** Collects errors with their paths; every check adds to it and the import stops only at the end. */
export class ErrorList {
  readonly errors: OrgError[] = [];
  add(path: ReadonlyArray<PropertyKey>, message: string): void {
    this.errors.push({ path: jsonPath(path), message });
  }
  get empty(): boolean {
    return this.errors.length === 0;
  }
}

/** Thrown when a file is refused: carries every error found; nothing was changed. */
export class OrgFileError extends Error {
  constructor(readonly errors: OrgError[]) {
    super(
      `The organisation file was refused (${errors.length} error${errors.length > 1 ? 's' : ''}); nothing was changed:\n` +
        errors.map((e) => `  ${formatError(e)}`).join('\n'),
    );
    this.name = 'OrgFileError';
  }
}
