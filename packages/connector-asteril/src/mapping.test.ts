import { callSchema, VendorError } from '@crossline/core';
import { contactSchema, taskSchema } from '@crossline/core/model';
import { describe, expect, it } from 'vitest';
import { call } from './__fixtures__/call.js';
import { callMapper, clientMapper, clientMapping, taskMapper } from './mapping.js';

describe('the Client mapper', () => {
  const contact = contactSchema.parse({
    firstName: 'Ivan',
    lastName: 'Petrenko',
    phones: ['067 123 45 67', '0501112233'],
    utm: { source: 'google', medium: 'cpc' },
    customFields: { landing: '/sale', visits: 3, ignored: 'x' },
  });

  it('writes the first number, the name, and the text fields the field map names', () => {
    const mapping = clientMapping({
      fieldMap: {
        'utm.medium': null,
        'customFields.landing': 'landing_page',
        'customFields.visits': 'visits',
      },
    });
    expect(clientMapper.toVendor(contact, mapping)).toEqual({
      phone: '380671234567',
      name: 'Ivan Petrenko',
      text_fields: { utm_source: 'google', landing_page: '/sale', visits: '3' },
    });
  });

  it('sends no text fields when none is mapped, and refuses a contact without a number', () => {
    const mapping = clientMapping({ fieldMap: {} });
    expect(clientMapper.toVendor(contactSchema.parse({ phones: ['0671234567'] }), mapping)).toEqual(
      { phone: '380671234567' },
    );
    expect(() => clientMapper.toVendor(contactSchema.parse({}), mapping)).toThrow(VendorError);
  });

  it('reads a Client back through the same field map', () => {
    const mapping = clientMapping({ fieldMap: { 'customFields.landing': 'landing_page' } });
    expect(
      clientMapper.fromVendor(
        {
          phone: '380671234567',
          name: 'Ivan Petrenko',
          text_fields: { utm_source: 'google', landing_page: '/sale', other: 'kept out' },
        },
        mapping,
      ),
    ).toEqual({
      phones: ['380671234567'],
      emails: [],
      firstName: 'Ivan Petrenko',
      utm: { source: 'google' },
      customFields: { landing: '/sale' },
    });
  });
});

describe('the call mapper', () => {
  const answered = callSchema.parse(call(1));

  it('sends the client side of the call, and the recording of an answered call only', () => {
    const vendor = callMapper.toVendor(answered, { externalId: 'calls:call-1', clientId: 12 });
    expect(vendor).toEqual({
      client_id: 12,
      phone: '380671234567',
      direction: 'in',
      status: 'answered',
      started_at: '2026-11-23T10:15:00+02:00',
      duration_sec: 95,
      record_url: 'https://records.example/1.mp3',
      external_id: 'calls:call-1',
    });
    const outgoing = { ...answered, direction: 'outgoing' as const, result: 'busy' as const };
    expect(callMapper.toVendor(outgoing, { externalId: 'calls:call-2' })).toEqual({
      phone: '380441112233',
      direction: 'out',
      status: 'busy',
      started_at: '2026-11-23T10:15:00+02:00',
      duration_sec: 95,
      external_id: 'calls:call-2',
    });
  });

  it('reads a logged call back; the company side, which Asteril does not keep, is empty', () => {
    const vendor = callMapper.toVendor(answered, { externalId: 'calls:call-1', clientId: 12 });
    expect(callMapper.fromVendor(vendor, { externalId: 'calls:call-1' })).toEqual({
      id: 'calls:call-1',
      direction: 'incoming',
      result: 'answered',
      from: '380671234567',
      to: '',
      startedAt: '2026-11-23T10:15:00+02:00',
      durationSec: 95,
      recordingUrl: 'https://records.example/1.mp3',
      extra: {},
      contactId: '12',
    });
  });
});

describe('the task mapper', () => {
  it('sends the task for the responsible, bound to the Client, and reads it back', () => {
    const task = taskSchema.parse({
      title: 'Missed call from +380671234567',
      description: 'Call c-1',
      dueAt: '2026-11-23T11:15:00+02:00',
      assignee: { id: 'op-9' },
      contactPhone: '0671234567',
    });
    const mapping = { externalId: 'calls:c-1:task', clientId: 12, responsibleId: 3, type: 'x' };
    const vendor = taskMapper.toVendor(task, mapping);
    expect(vendor).toEqual({
      title: 'Missed call from +380671234567',
      description: 'Call c-1',
      client_id: 12,
      responsible_id: 3,
      due_at: '2026-11-23T11:15:00+02:00',
      type: 'x',
      external_id: 'calls:c-1:task',
    });
    expect(taskMapper.fromVendor(vendor, mapping)).toEqual({
      id: 'calls:c-1:task',
      title: 'Missed call from +380671234567',
      description: 'Call c-1',
      dueAt: '2026-11-23T11:15:00+02:00',
      contactId: '12',
    });
  });
});
