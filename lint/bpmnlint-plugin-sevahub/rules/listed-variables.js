'use strict';

const { is } = require('bpmnlint-utils');
const { extensions } = require('../lib/model');

/**
 * A called block takes and gives back what it lists. "All variables" would hand a block the citizen's whole form and
 * let it overwrite the caller's variables with its own (a decision, remarks) unseen.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:CallActivity')) {
      return;
    }
    for (const direction of [ 'In', 'Out' ]) {
      if (extensions(node, `camunda:${direction}`).some(mapping => mapping.variables === 'all')) {
        reporter.report(node.id, `Passes all variables ${direction.toLowerCase()}: list each variable the block takes or gives back, and the business key`);
      }
    }
  }

  return { check };
};
