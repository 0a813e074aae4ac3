import { describe, expect, it } from 'vitest';
import * as testing from './index.js';

describe('@crossline/testing exports', () => {
  it('exports the simulators and the kit by name', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'AsterilState',
      'BonusLedger',
      'EmpikplaceState',
      'ReplyError',
      'RetailcrmState',
      'TeycaState',
      'ThuliumState',
      'allValues',
      'headerValue',
      'jsonReply',
      'lastValue',
      'matchesPath',
      'parseFlatParams',
      'recordingLogger',
      'retailcrmCredentials',
      'retailcrmScopes',
      'startAsterilSimulator',
      'startEmpikplaceSimulator',
      'startRetailcrmSimulator',
      'startSimulatorServer',
      'startTeycaSimulator',
      'startThuliumSimulator',
      'textReply',
    ]);
  });

  it('lists credentials in the vendor notation', () => {
    expect(testing.retailcrmCredentials).toContain('/api/customers/{externalId}/edit');
    expect(testing.retailcrmCredentials).toContain('/api/integration-modules/{code}/edit');
    expect(testing.retailcrmCredentials).toContain('/api/telephony/calls/upload');
    expect(testing.retailcrmCredentials).not.toContain('/api/credentials');
  });
});
