import { OnDemand } from '../../internal/on-demand.js';

/**
 * The licence camera's part (licence-camera.ts), on demand (on-demand.ts): `LicenceScanController` loads it once this
 * browser is known to read licences with its camera, so elsewhere none of it downloads.
 */
export const licenceCamera = new OnDemand(() => import('./licence-camera.js'));
