import type { Plugin } from 'vite';

/** Banner naming the bundled packages and their licences on each chunk; <entry>.LICENSE.txt with their texts. */
export function licenceNotices(): Plugin;
