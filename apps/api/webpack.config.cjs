// Bundles the API for Node; native and optional modules stay external (installed from package.json).
const { composePlugins, withNx } = require('@nx/webpack');

module.exports = composePlugins(withNx(), (config) => {
  config.devtool = 'source-map';
  return config;
});
