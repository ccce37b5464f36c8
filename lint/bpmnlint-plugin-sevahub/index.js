'use strict';

/**
 * SevaHub's lint rules, extended from the repository's .bpmnlintrc as "plugin:sevahub/recommended". The deployment
 * guard (org.sevahub.workflow.guard.ProcessRules) applies the same rules (but documentation) to every deployment.
 */
module.exports = {
  configs: {
    recommended: {
      rules: {
        'status-declared': 'error',
        'known-beans': 'error',
        'officer-task': 'error',
        'outside-calls-async': 'error',
        'listed-variables': 'error',
        'documented': 'error'
      }
    }
  }
};
