'use strict';

const { is } = require('bpmnlint-utils');

/** Every user task has a form, candidate groups, and a due date and a follow-up date from a statutory clock. */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const blank = value => !value || !String(value).trim();
    if (blank(node.formRef) && blank(node.formKey)) {
      reporter.report(node.id, 'User task has no form: set camunda:formRef to a form in forms/');
    }
    if (blank(node.candidateGroups) && blank(node.candidateUsers) && blank(node.assignee)) {
      reporter.report(node.id, 'User task has no candidate groups: name the post, e.g. ${posts.group(execution, \'designatedOfficer\')}');
    }
    if (blank(node.dueDate)) {
      reporter.report(node.id, 'User task has no due date: take it from the statutory clock, e.g. ${deadlines.due(execution, \'disposal\')}');
    }
    if (blank(node.followUpDate)) {
      reporter.report(node.id, 'User task has no follow-up date: e.g. ${deadlines.followUp(execution, \'disposal\')}');
    }
  }

  return { check };
};
