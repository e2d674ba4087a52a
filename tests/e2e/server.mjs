// The end-to-end tests serve dist/ as a host would: the project's own host
// (scripts/host.mjs), under a sub-path (default /team/decoder/) to prove the app uses
// relative URLs and works from any static host.
export { serve } from '../../scripts/host.mjs';
