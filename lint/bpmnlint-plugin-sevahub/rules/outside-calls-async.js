'use strict';

const { is } = require('bpmnlint-utils');
const { delegateBean, extensions } = require('../lib/model');
const { beans } = require('../sevahub.json');

/**
 * A task calling a bean that reaches outside the engine (a registry, an SMS gateway) is asynchronous before, with a
 * retry time cycle, so a failure is retried by the job executor instead of undoing the officer's or citizen's action.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask') && !is(node, 'bpmn:SendTask') && !is(node, 'bpmn:BusinessRuleTask')) {
      return;
    }
    const bean = delegateBean(node);
    if (!bean || !beans[bean] || !beans[bean].callsOutside) {
      return;
    }
    if (!node.asyncBefore) {
      reporter.report(node.id, `Calls \${${bean}}, which reaches outside the engine: make it asynchronous before`);
    }
    const cycles = extensions(node, 'camunda:FailedJobRetryTimeCycle').filter(cycle => cycle.body && cycle.body.trim());
    if (!cycles.length) {
      reporter.report(node.id, `Calls \${${bean}}, which reaches outside the engine: give it a retry time cycle, e.g. R5/PT5M`);
    }
  }

  return { check };
};
