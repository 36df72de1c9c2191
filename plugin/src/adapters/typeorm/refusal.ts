// The refusal lives in the core (core/refusal.ts): pure, thrown by every layer.
export { Refusal, adminPlaneRefusal } from '../../core/refusal.js';
