import { packageConfig } from '../../tsup.package.js';

export default packageConfig({
  index: 'src/index.ts',
  'conformance/index': 'src/conformance/index.ts',
});
