import { lenient } from '@crossline/core/sdk';
import { z } from 'zod';
import { successField } from './wire.js';
import { customerSchema } from './wire-crm.js';

/** The manager `GET /telephony/manager` names. */
const telephonyManagerSchema = lenient(
  z.looseObject({
    /** The user's id. */
    id: z.number(),
    /** The user's extension. */
    code: z.string().optional(),
  }),
);

/** `GET /telephony/manager`: who answers a number, and whose number it is. */
export const managerResponseSchema = lenient(
  z.looseObject({
    ...successField,
    /** The responsible manager, with their extension `code`. */
    manager: telephonyManagerSchema.optional(),
    /** The customer with that number. */
    customer: customerSchema.optional(),
  }),
);

/** What `GET /telephony/manager` answers. */
export type ManagerAnswer = z.output<typeof managerResponseSchema>;

/** `POST /telephony/calls/upload`. */
export const callsUploadResponseSchema = lenient(
  z.looseObject({
    ...successField,
    /** Calls stored. */
    processedCallsCount: z.number().optional(),
    /** External ids the CRM already had: not stored again. */
    duplicateCalls: z.array(z.string()).default([]),
  }),
);

/** What `POST /telephony/calls/upload` answers. */
export type CallsUploadAnswer = z.output<typeof callsUploadResponseSchema>;

/** `POST /telephony/call/event`. */
export const callEventResponseSchema = lenient(
  z.looseObject({
    ...successField,
    /** Extension codes the CRM does not know. */
    notExistCodes: z.array(z.string()).default([]),
    /** User ids the CRM does not know. */
    notExistUsers: z.array(z.union([z.number(), z.string()])).default([]),
  }),
);

/** What `POST /telephony/call/event` answers. */
export type CallEventAnswer = z.output<typeof callEventResponseSchema>;

/** The stored integration module (only its code is relied on). */
const storedModuleSchema = lenient(
  z.looseObject({
    /** The module's code. */
    code: z.string(),
  }),
);

/** `GET /integration-modules/{code}`. */
export const moduleResponseSchema = lenient(
  z.object({
    ...successField,
    /** The module as stored. */
    integrationModule: storedModuleSchema,
  }),
);

/** What `GET /integration-modules/{code}` answers. */
export type ModuleAnswer = z.output<typeof moduleResponseSchema>;

/** `POST /integration-modules/{code}/edit`: `info` is an object, or `[]` when empty. */
export const moduleEditResponseSchema = lenient(
  z.object({
    ...successField,
    /** Billing and warnings (`notExistUsersIds`…); `[]` when there is nothing to say. */
    info: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  }),
);

/** What `POST /integration-modules/{code}/edit` answers. */
export type ModuleEditAnswer = z.output<typeof moduleEditResponseSchema>;
