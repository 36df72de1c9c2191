import express, { type Router } from 'express';
import type { AccessService } from '../../typeorm/access-service.js';

/** Delegated access requests (SEATS.md): to be written. */
export function requestsRoutes(_service: AccessService): Router {
  return express.Router();
}
