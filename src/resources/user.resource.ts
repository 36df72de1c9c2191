import type { ActionRequest, ResourceOptions } from 'adminjs';
import { hashPassword, passwordProblem } from '../../plugin/src/index.js';
import { ValidationError } from 'adminjs';

/** Turns the form's write-only `password` into `passwordHash`; the hash is never shown. */
async function hashSubmittedPassword(request: ActionRequest): Promise<ActionRequest> {
  if (request.method !== 'post' || !request.payload) return request;
  const { password, passwordHash: _ignored, ...rest } = request.payload as Record<string, unknown>;
  if (typeof password === 'string' && password !== '') {
    const problem = passwordProblem(password);
    if (problem) throw new ValidationError({ password: { message: `Mot de passe trop faible : ${problem}` } });
    return { ...request, payload: { ...rest, passwordHash: await hashPassword(password) } };
  }
  return { ...request, payload: rest };
}

export function userResourceOptions(): ResourceOptions {
  return {
    titleProperty: 'login',
    listProperties: ['login', 'firstName', 'lastName', 'email', 'roleId', 'status', 'isAdmin', 'company'],
    properties: {
      passwordHash: { isVisible: false },
      password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
      loginHours: { type: 'mixed', isVisible: { list: false, filter: false, show: true, edit: false } },
    },
    actions: {
      new: { before: hashSubmittedPassword },
      edit: { before: hashSubmittedPassword },
    },
  };
}
