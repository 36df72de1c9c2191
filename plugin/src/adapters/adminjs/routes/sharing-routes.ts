import express, { type Router } from 'express';
import type { AccessService } from '../../typeorm/access-service.js';

export function sharingRoutes(_service: AccessService): Router {
  return express.Router();
}
