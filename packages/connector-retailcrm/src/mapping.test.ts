import { callSchema } from '@crossline/core';
import { contactSchema, orderSchema, taskSchema } from '@crossline/core/model';
import { describe, expect, it } from 'vitest';
import { options } from './__fixtures__/config.js';
import { formatDateTime, parseDateTime } from './lib/dates.js';
import { contactMapper, orderMapper, taskMapper } from './mapping.js';
import { callMapper, toCallEvent } from './mapping-calls.js';
import { retailcrmOptionsSchema } from './options.js';

const config = retailcrmOptionsSchema.parse(
  options({
    employees: [
      { employeeId: 'op-olena', userId: 7, code: '101', senior: true },
      { employeeId: 'op-taras', userId: 8 },
    ],
    customFields: { 'customFields.landing': 'customFields.landing_page' },
    orderMethod: 'phone',
  }),
);
const mapping = { options: config };

describe('retailCRM mappers (core Mapper: canonical ↔ vendor)', () => {
  it('contact ↔ customer: names, phones, UTM as source, custom fields only where the customFields option maps them', () => {
    const contact = contactSchema.parse({
      id: 'c-1',
      firstName: 'Ivan',
      middleName: 'Petrovych',
      phones: ['067 123 45 67'],
      emails: ['ivan@example.com'],
      birthday: '1990-05-01',
      customFields: { landing: '/sale', unmapped: 'dropped' },
      utm: { source: 'google', term: 'boots' },
    });
    const customer = contactMapper.toVendor(contact, mapping);
    expect(customer).toEqual({
      externalId: 'c-1',
      firstName: 'Ivan',
      patronymic: 'Petrovych',
      email: 'ivan@example.com',
      birthday: '1990-05-01',
      phones: [{ number: '+380671234567' }],
      source: { source: 'google', keyword: 'boots' },
      customFields: { landing_page: '/sale' },
    });
    expect(contactMapper.fromVendor(customer, mapping)).toEqual({
      ...contact,
      customFields: { landing: '/sale' },
    });
  });

  it('call ↔ upload: routed by extension code (or user id), the date in the account zone, missed as "no answer"', () => {
    const call = callSchema.parse({
      id: 'call-1',
      direction: 'incoming',
      result: 'missed',
      from: '0671234567',
      to: '0441112233',
      employee: { id: 'op-olena' },
      startedAt: '2024-05-01T10:00:00+03:00',
      durationSec: 0,
      recordingUrl: 'https://records.example/1.mp3',
      utm: { campaign: 'winter' },
    });
    const upload = callMapper.toVendor(call, { ...mapping, externalId: 'calls:call-1' });
    expect(upload).toEqual({
      date: '2024-05-01 10:00:00',
      type: 'in',
      phone: '+380671234567',
      code: '101',
      result: 'no answer',
      duration: 0,
      externalId: 'calls:call-1',
      recordUrl: 'https://records.example/1.mp3',
      source: { campaign: 'winter' },
      externalPhone: '+380441112233',
      site: 'main-shop',
    });
    expect(callMapper.fromVendor(upload, { ...mapping, externalId: '' })).toEqual({
      ...call,
      id: 'calls:call-1',
    });
    const byId = callMapper.toVendor(
      { ...call, employee: { id: 'op-taras' } },
      { ...mapping, externalId: 'x' },
    );
    expect(byId).toMatchObject({ userId: 8 });
    expect(byId).not.toHaveProperty('code');
  });

  it('a call event: in/out on ringing, hangup with its status at the end, to the routed manager', () => {
    const call = callSchema.parse({
      id: 'call-2',
      direction: 'outgoing',
      result: 'missed',
      from: '0441112233',
      to: '0671234567',
      employee: { id: 'op-taras' },
      startedAt: '2024-05-01T10:00:00+03:00',
    });
    const context = { ...mapping, externalId: 'calls:call-2' };
    expect(toCallEvent(call, 'start', context)).toEqual({
      phone: '+380671234567',
      type: 'out',
      userIds: [8],
      site: 'main-shop',
      externalPhone: '+380441112233',
      callExternalId: 'calls:call-2',
    });
    expect(toCallEvent(call, 'end', context)).toMatchObject({
      type: 'hangup',
      hangupStatus: 'no answered',
    });
  });

  it('task ↔ task: its id as a commentary marker, the due time in the account zone', () => {
    const task = taskSchema.parse({
      id: 'calls:call-1:task',
      title: 'Missed call from +380671234567',
      description: 'Call call-1',
      dueAt: '2024-05-01T12:30:00+03:00',
      assignee: { id: 'op-taras' },
      contactPhone: '0671234567',
      contactId: '42',
    });
    const payload = taskMapper.toVendor(task, { ...mapping, performerId: 8, customerId: 42 });
    expect(payload).toEqual({
      text: 'Missed call from +380671234567',
      performerId: 8,
      commentary: 'Call call-1\n[crossline:calls:call-1:task]',
      datetime: '2024-05-01 12:30',
      customer: { id: 42 },
      phone: '+380671234567',
    });
    expect(taskMapper.fromVendor(payload, { ...mapping, performerId: 0 })).toEqual(task);
  });

  it('order ↔ order: lines as items with the SKU as offer, the order method, UTM as source', () => {
    const order = orderSchema.parse({
      id: 'o-1',
      number: 'A-17',
      customerPhone: '0671234567',
      utm: { source: 'google' },
      lines: [{ sku: 'boots-42', title: 'Boots', qty: 2, price: 1200 }],
    });
    const payload = orderMapper.toVendor(order, { ...mapping, externalId: 'o-1', customerId: 5 });
    expect(payload).toEqual({
      externalId: 'o-1',
      number: 'A-17',
      phone: '+380671234567',
      customer: { id: 5 },
      orderMethod: 'phone',
      source: { source: 'google' },
      items: [
        {
          productName: 'Boots',
          initialPrice: 1200,
          quantity: 2,
          offer: { externalId: 'boots-42' },
        },
      ],
    });
    expect(orderMapper.fromVendor(payload, { ...mapping, externalId: '' })).toEqual(order);
  });
});

describe('retailCRM date-times', () => {
  it('reads `Y-m-d H:i:s` in the account zone back as the same moment, across a DST change', () => {
    for (const moment of ['2024-01-15T08:00:00Z', '2024-07-15T08:00:00Z', '2024-03-31T00:30:00Z']) {
      const written = formatDateTime(moment, 'Europe/Kyiv');
      const read = parseDateTime(written, 'Europe/Kyiv');
      expect(Date.parse(read ?? '')).toBe(Date.parse(moment));
    }
    expect(parseDateTime('2024-07-15 11:00:00', 'Europe/Kyiv')).toBe('2024-07-15T11:00:00+03:00');
    expect(parseDateTime('2024-01-15 10:00', 'Europe/Kyiv')).toBe('2024-01-15T10:00:00+02:00');
    expect(parseDateTime('15.01.2024', 'Europe/Kyiv')).toBeUndefined();
  });
});
