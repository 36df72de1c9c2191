import express, { type Router } from 'express';
import type { AccessService } from '../../typeorm/access-service.js';

export function effectiveAccessRoutes(_service: AccessService): Router {
  return express.Router();
}
