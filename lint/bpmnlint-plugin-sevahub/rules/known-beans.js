'use strict';

const { is } = require('bpmnlint-utils');
const { calledRoots, expressionTexts } = require('../lib/model');
const { beans, engineNames } = require('../sevahub.json');

/** Every bean an expression calls, and every delegate, is one SevaHub offers to processes (@ProcessApi). */
module.exports = function() {

  const known = new Set(Object.keys(beans).concat(engineNames));

  function check(node, reporter) {
    if (!is(node, 'bpmn:FlowElement')) {
      return;
    }
    for (const { key, value } of expressionTexts(node)) {
      if (key === 'delegateExpression') {
        const bare = /^\s*[$#]\{\s*([A-Za-z_]\w*)\s*\}\s*$/.exec(value);
        if (!bare || !beans[bare[1]]) {
          reporter.report(node.id, `Delegates to ${value}, which is no bean SevaHub offers to processes`);
        }
        continue;
      }
      for (const root of calledRoots(value)) {
        if (!known.has(root.name)) {
          reporter.report(node.id, `Calls '${root.name}' in ${root.expression}, which is no bean SevaHub offers to processes`);
        }
      }
    }
  }

  return { check };
};
