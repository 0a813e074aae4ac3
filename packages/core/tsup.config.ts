import { packageConfig } from '../../tsup.package.js';

export default packageConfig(['src/index.ts', 'src/sdk.ts', 'src/model.ts', 'src/phone.ts']);
