'use strict';

// A Camunda Desktop Modeler plugin: copy (or link) this folder into the Modeler's resources/plugins after
// `npm install && npm run build`; the Modeler then lints with the repository's .bpmnlintrc.
module.exports = {
  name: 'SevaHub lint rules',
  script: './dist/client.js'
};
