'use strict';

/**
 * Helpers shared by SevaHub's rules: the Camunda extension elements of a BPMN element and the expressions in it,
 * read the way the deployment guard (org.sevahub.workflow.guard.ProcessRules) reads them.
 */
const { is } = require('bpmnlint-utils');

const EXPRESSION = /[$#]\{([^}]*)\}/g;
const STRING_LITERAL = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const ROOT = /(^|[^\w.])([A-Za-z_]\w*)(\s*\.\s*[A-Za-z_]\w*\s*\()?/g;
const EL_WORDS = new Set(['not', 'and', 'or', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'true', 'false', 'null', 'empty',
  'div', 'mod', 'instanceof']);

function extensions(element, type) {
  const values = (element.extensionElements && element.extensionElements.values) || [];
  return values.filter(value => is(value, type));
}

function properties(element, name) {
  const found = [];
  for (const properties of extensions(element, 'camunda:Properties')) {
    for (const property of properties.values || []) {
      if (property.name === name && property.value && property.value.trim()) {
        found.push(property.value.trim());
      }
    }
  }
  return found;
}

/** The roots an expression calls methods on: `bean` in ${bean.method(...)}. */
function calledRoots(text) {
  const roots = [];
  for (const expression of String(text).matchAll(EXPRESSION)) {
    const body = expression[1].replace(STRING_LITERAL, "''");
    for (const root of body.matchAll(ROOT)) {
      if (root[3] && !EL_WORDS.has(root[2])) {
        roots.push({ name: root[2], expression: expression[0] });
      }
    }
  }
  return roots;
}

/** Every string an element holds that may carry an expression: its attributes and its extension elements'. */
function expressionTexts(element) {
  const texts = [];
  const visit = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 6) {
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$parent' || key === '$type' || key === '$attrs' || key === 'documentation' || key === 'di'
        || key === 'incoming' || key === 'outgoing' || key === 'sourceRef' || key === 'targetRef'
        || key === 'attachedToRef' || key === 'flowElements' || key === 'artifacts' || key === 'default'
        || key === 'messageRef' || key === 'eventDefinitions' && false) {
        continue;
      }
      if (typeof value === 'string') {
        texts.push({ key, value });
      }
      else if (Array.isArray(value)) {
        value.forEach(item => visit(item, depth + 1));
      }
      else if (value && typeof value === 'object' && value.$type) {
        visit(value, depth + 1);
      }
    }
  };
  visit(element, 0);
  return texts;
}

function delegateBean(element) {
  for (const value of [element.delegateExpression, element.expression]) {
    if (value) {
      const match = /^\s*[$#]\{\s*([A-Za-z_]\w*)/.exec(value);
      if (match) {
        return match[1];
      }
    }
  }
  return null;
}

module.exports = { extensions, properties, calledRoots, expressionTexts, delegateBean };
