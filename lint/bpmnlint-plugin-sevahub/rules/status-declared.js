'use strict';

const { is } = require('bpmnlint-utils');
const { extensions, properties } = require('../lib/model');
const { statuses } = require('../sevahub.json');

const RECORD = '${statusRecorder.record(execution)}';

/**
 * Every status is declared the one way, as the element's `status` property recorded by
 * ${statusRecorder.record(execution)} (Modeler's "Record status" template), and is a canonical status or one the
 * process declares as the department's own (a `departmentStatus` property on the process).
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:FlowElement')) {
      return;
    }
    let process = node.$parent;
    while (process && !is(process, 'bpmn:Process')) {
      process = process.$parent;
    }
    const known = new Set(statuses.concat(process ? properties(process, 'departmentStatus') : []));
    const declared = properties(node, 'status');
    let records = false;
    for (const listener of extensions(node, 'camunda:ExecutionListener')) {
      const expression = (listener.expression || '').trim();
      if (expression.includes('statusRecorder.')) {
        if (expression === RECORD) {
          records = true;
        }
        else {
          reporter.report(node.id, `Records a status with ${expression}: declare it as the element's 'status' property, recorded by ${RECORD}`);
        }
      }
    }
    if (records && !declared.length) {
      reporter.report(node.id, 'Records a status but declares none: give it a \'status\' property');
    }
    for (const status of declared) {
      if (!records) {
        reporter.report(node.id, `Declares the status ${status} but never records it: add ${RECORD} on start`);
      }
      if (!known.has(status)) {
        reporter.report(node.id, `Unknown status '${status}': use a canonical status, or declare the department's own on the process as a 'departmentStatus' property`);
      }
    }
  }

  return { check };
};
