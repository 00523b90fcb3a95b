/** Observable Plot behind a name of our own: its chunk (plot-lib-*.js) is the one the service worker leaves out of
 * its install and keeps on the first chart (vite.config.ts). */
export * from '@observablehq/plot';
