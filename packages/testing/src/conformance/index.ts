// `@crossline/testing/conformance`: suites every connector of a kind must pass (needs vitest).
export {
  type CrmConformanceSetup,
  type CrmConformanceTarget,
  describeCrmConformance,
} from './crm-call-tracking.js';
