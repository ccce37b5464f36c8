'use strict';

const { is } = require('bpmnlint-utils');

/** Every activity and event says who acts and what the law requires, in its documentation. */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Activity') && !is(node, 'bpmn:Event')) {
      return;
    }
    const text = (node.documentation || []).map(doc => doc.text || '').join('').trim();
    if (!text) {
      reporter.report(node.id, 'Element has no documentation: say who acts here and what the law requires');
    }
  }

  return { check };
};
