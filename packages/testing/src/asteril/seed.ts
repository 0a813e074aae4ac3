import type { AsterilClientField, AsterilUserInput } from './model.js';

/** The default users: an administrator (id 1, the main key's user) and a manager (id 2). */
export const defaultUsers: readonly AsterilUserInput[] = [
  { id: 1, name: 'Oksana Melnyk', email: 'admin@cabinet.example', is_admin: true },
  { id: 2, name: 'Olena Kovalenko', email: 'olena.kovalenko@cabinet.example', is_admin: false },
];

/** The default client fields: text fields for UTM tags and the landing page, and a date field. */
export const defaultClientFields: readonly AsterilClientField[] = [
  { code: 'utm_source', name: 'UTM source', type: 'text' },
  { code: 'utm_medium', name: 'UTM medium', type: 'text' },
  { code: 'utm_campaign', name: 'UTM campaign', type: 'text' },
  { code: 'utm_term', name: 'UTM term', type: 'text' },
  { code: 'utm_content', name: 'UTM content', type: 'text' },
  { code: 'landing_page', name: 'Landing page', type: 'text' },
  { code: 'birthday', name: 'Birthday', type: 'date' },
];
