'use strict';

const path = require('path');

module.exports = {
  mode: 'production',
  entry: './client/index.js',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'client.js'
  },
  module: {
    rules: [
      {
        test: /\.bpmnlintrc$/,
        use: 'bpmnlint-loader'
      }
    ]
  },
  resolve: {
    // the rules of bpmnlint and of SevaHub's plugin are resolved from this folder's node_modules
    modules: [path.resolve(__dirname, 'node_modules'), 'node_modules']
  }
};
