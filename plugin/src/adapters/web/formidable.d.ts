// formidable 1.x (the version AdminJS's Express binding uses) ships no types: what form-bodies.ts uses.
declare module 'formidable' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage } from 'node:http';

  export interface File {
    path: string;
    name: string;
    size: number;
    type: string;
  }

  export interface Part extends EventEmitter {
    name: string;
    filename?: string;
    mime?: string;
  }

  export class IncomingForm extends EventEmitter {
    constructor(options?: { maxFields?: number; maxFieldsSize?: number; maxFileSize?: number; uploadDir?: string; multiples?: boolean });
    onPart(part: Part): void;
    handlePart(part: Part): void;
    _error(error: Error): void;
    parse(req: IncomingMessage, callback: (error: Error | null, fields: Record<string, unknown>, files: Record<string, File | File[]>) => void): this;
  }
}
